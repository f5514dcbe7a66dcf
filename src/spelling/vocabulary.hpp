#pragma once
// Word lists of the project vocabulary: accepted and rejected words and RE2 patterns.
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace re2 {
class RE2;
}

namespace prfaq::spelling {

/// "it’s" -> "it's".
std::string straight_apostrophes(std::string_view s);
/// Whether an entry is an RE2 pattern (has metacharacters) rather than a word.
bool has_regex_meta(std::string_view s);

/// Accepted or rejected words and patterns, compiled once per configuration.
class WordList {
 public:
  enum class Match { none, exact, wrong_case };
  using OnError = std::function<void(std::string)>;

  WordList();
  ~WordList();
  WordList(WordList&&) noexcept;
  WordList& operator=(WordList&&) noexcept;

  /// A word, several words, or (with metacharacters) an RE2 pattern; a bad pattern goes to
  /// on_error.
  void add(std::string_view entry, const OnError& on_error);
  void compile();
  /// Whether `word` is in the list. An all-lower-case entry matches any capitalisation; any
  /// other entry matches exactly, and its other capitalisations are `wrong_case` (`form` is
  /// then the entry).
  Match find(const std::string& word, std::string* form = nullptr) const;
  /// The entry of several words that `word` writes without its spaces ("Acmecloud" for "Acme
  /// Cloud"), or nullptr.
  const std::string* joined(const std::string& word) const;
  bool empty() const;

 private:
  void add_word(const std::string& w);

  std::unordered_set<std::string> m_any_case;
  std::unordered_map<std::string, std::vector<std::string>> m_cased;
  std::unordered_map<std::string, std::string> m_joined;
  std::string m_patterns;
  std::unique_ptr<re2::RE2> m_re;
};

}  // namespace prfaq::spelling
