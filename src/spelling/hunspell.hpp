#pragma once
// The only place prfaq talks to Hunspell: one dictionary, loaded on first use, thread-safe
// (Hunspell is not: every call holds the dictionary's mutex).
#include <memory>
#include <mutex>
#include <string>
#include <vector>

class Hunspell;

namespace prfaq::spelling {

class HunspellDict {
 public:
  HunspellDict(std::string aff, std::string dic);
  ~HunspellDict();
  HunspellDict(const HunspellDict&) = delete;
  HunspellDict& operator=(const HunspellDict&) = delete;

  /// Hunspell's verdict on a UTF-8 word.
  bool spell(const std::string& word);
  /// Hunspell's own suggestion search (milliseconds a word): for editors' code actions.
  std::vector<std::string> suggest(const std::string& word);
  /// Verdicts for many words under one lock (building the compiled dictionary).
  void spell_many(const std::vector<std::string>& words, std::vector<char>& ok);
  bool loaded() const;

 private:
  void load();  // with m_mutex held
  bool spell_locked(const std::string& word);

  std::string m_aff, m_dic;
  mutable std::mutex m_mutex;
  std::unique_ptr<Hunspell> m_hunspell;
  std::string m_encoding;
  bool m_utf8 = true;
};

/// The process-wide instance for a pair of files (loaded lazily).
std::shared_ptr<HunspellDict> hunspell_dict(const std::string& aff, const std::string& dic);

}  // namespace prfaq::spelling
