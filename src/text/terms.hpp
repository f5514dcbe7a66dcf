#pragma once
// Term lists compiled once into one matcher: a hash of first words, run over the words the
// tokeniser made of a prose block. Used by the model's cue lists and by the wording rules.
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <prfaq/document.hpp>

namespace prfaq::text {

class TermMatcher {
 public:
  explicit TermMatcher(bool ignore_case = true) : m_ignore_case(ignore_case) {}
  /// Adds a literal term (one or more words); returns false when it has no words.
  bool add(std::string_view term, int id);
  /// Calls f(id, text_begin, text_end) for each whole-word match, longest first at a position.
  void find(const std::vector<Word>& words,
            const std::function<void(int, std::uint32_t, std::uint32_t)>& f) const;
  bool empty() const { return m_first.empty(); }

 private:
  struct Term {
    std::vector<std::string> words;
    int id;
  };
  bool m_ignore_case;
  std::unordered_map<std::string, std::vector<Term>> m_first;
};

}  // namespace prfaq::text
