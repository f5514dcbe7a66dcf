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
  /// Korean attaches particles and endings to a word ("혁신적이다", "패러다임을"): a term
  /// whose last word is Hangul also matches the start of a text word, and the match ends there.
  void find(const std::vector<Word>& words,
            const std::function<void(int, std::uint32_t, std::uint32_t)>& f) const;
  /// Like find, but each id is matched on its own, as if every id had a matcher of its own:
  /// one id's match does not hide another id's match of the same words. One pass over the
  /// words for many term lists (`ids` is one more than the largest id added).
  void find_each(const std::vector<Word>& words, int ids,
                 const std::function<void(int, std::uint32_t, std::uint32_t)>& f) const;
  bool empty() const { return m_first.empty(); }

 private:
  struct Term {
    std::vector<std::string> words;
    int id;
    bool hangul = false;  ///< the last word is Hangul: it may be followed by a particle
  };
  // Looked up by string_view: a Korean word's shorter starts are tried without copies.
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  /// Where term t matches words from i on (its first word's first `len` bytes), 0 if not.
  std::uint32_t match_end(const std::vector<Word>& words, std::size_t i, std::size_t len,
                          const Term& t) const;
  /// Calls visit(term, len) for the terms that may start at word i, longest first, for the
  /// whole first word and then (Korean) each shorter start of it; stops when visit is false.
  template <typename Visit>
  void candidates(const std::vector<Word>& words, std::size_t i, Visit visit) const;
  bool m_ignore_case;
  std::unordered_map<std::string, std::vector<Term>, Hash, std::equal_to<>> m_first;
};

}  // namespace prfaq::text
