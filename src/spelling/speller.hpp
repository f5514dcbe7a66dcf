#pragma once
// A set of dictionaries (a word is right when any of them accepts it) answering from their
// compiled forms, with Hunspell behind them for what the compiled forms cannot decide.
//
// Each distinct word is looked up once per process: verdicts and nearby words are kept in a
// table split into shards, each with its own lock, shared by every rule, configuration and
// --jobs thread (no lock is global). Hunspell loads only when a word would be reported and a
// dictionary's compiled form is not authoritative for it.
#include <array>
#include <atomic>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "spelling/compiled.hpp"

namespace prfaq::spelling {

class HunspellDict;

/// A dictionary word near an unknown one.
struct Suggestion {
  std::string form;  ///< as it would replace the word (capitalised like it)
  int distance = 0;  ///< edits (0: only the letter case differs)
};

class Speller {
 public:
  Speller(std::vector<DictionaryFiles> files, std::string cache_dir);
  ~Speller();

  /// Whether a dictionary's compiled form knows the word (exact, or by Hunspell's case rules).
  bool known(const std::string& word);
  /// Which dictionaries' compiled forms know the word (bit i: files()[i]).
  std::uint32_t known_by(const std::string& word);
  /// Whether no dictionary accepts the word at all: the compiled forms checked (and rebuilt
  /// when damaged), then Hunspell asked where they may lack forms. Call before reporting.
  bool confirmed_unknown(const std::string& word);
  /// Dictionary words within `max_distance` edits, nearest first (one edit: swapped, replaced,
  /// inserted and dropped letters in that order, as a typist makes them).
  std::vector<Suggestion> near(const std::string& word, int max_distance);
  /// Hunspell's own suggestion search: milliseconds a word, for editors' code actions.
  std::vector<std::string> hunspell_suggest(const std::string& word);

  const std::vector<DictionaryFiles>& files() const { return m_files; }

 private:
  struct Dict;
  template <class V, class F>
  V memo(int table, const std::string& word, F&& compute);
  const CompiledDict* compiled(Dict& d);
  const CompiledDict* rebuilt(Dict& d, const CompiledDict* damaged);

  std::vector<DictionaryFiles> m_files;
  std::string m_cache_dir;
  std::vector<std::unique_ptr<Dict>> m_dicts;
  std::vector<Dict*> m_confirm_order;  // smallest dictionary first

  static constexpr std::size_t k_shards = 64;
  struct Shard {
    std::shared_mutex mutex;
    std::unordered_map<std::string, bool> known, unknown;
    std::unordered_map<std::string, std::vector<Suggestion>> near;
  };
  std::array<Shard, k_shards> m_shards;
};

/// The process-wide speller of a set of dictionary files (the cache directory of
/// cache_directory()).
std::shared_ptr<Speller> speller_for(const std::vector<DictionaryFiles>& files);

}  // namespace prfaq::spelling
