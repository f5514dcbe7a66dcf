#pragma once
// Term lists compiled once per configuration into one matcher (a hash of first words), and
// pattern lists compiled into one RE2. Both run over the shared tokens of a prose block.
#include <functional>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include <prfaq/document.hpp>
#include <prfaq/rule.hpp>

#include "text/terms.hpp"

namespace re2 {
class RE2;
}

namespace prfaq::kinds {

using text::TermMatcher;

/// The words of a prose block (computed once per block by the tokeniser).
const std::vector<Word>& words_of(const Prose& prose);

/// Many RE2 patterns as one alternation; reports which pattern matched where.
class PatternSet {
 public:
  PatternSet();
  ~PatternSet();
  PatternSet(PatternSet&&) noexcept;
  /// Compiles the patterns; reports bad ones through p.error(param, ...).
  bool compile(const std::vector<std::string>& patterns, bool ignore_case, ParamReader& p,
               std::string_view param);
  bool empty() const { return !m_re; }
  /// Calls f(pattern_index, begin, end) for each non-overlapping match in text.
  void find(std::string_view text,
            const std::function<void(int, std::uint32_t, std::uint32_t)>& f) const;

 private:
  std::unique_ptr<re2::RE2> m_re;
  int m_count = 0;
  int m_groups = 0;
  std::vector<int> m_top;            // top-level group number of each compiled pattern
  std::vector<int> m_pattern_index;  // its index in the input list
};

/// Where besides the writer's own prose a wording rule looks.
struct Inside {
  bool quotes = false;    ///< quotations (speech)
  bool mentions = false;  ///< quoted titles, example copy and UI labels
  bool questions = true;  ///< the text of FAQ questions
};

/// The common filter of wording rules: in scope, and not an answer label ("**Simple Answer**").
bool wording_applies(const Document& doc, const Prose& prose, const Scope& scope);
/// In scope, and outside quotations, mentions and FAQ questions unless `inside` (or an explicit
/// scope) says to look there.
bool offset_applies(const Document& doc, std::uint32_t offset, const Scope& scope,
                    Inside inside = {});

/// The flagged text of prose[b, e) for messages: whitespace collapsed, and a word broken
/// with a hyphen at a line end joined again ("world-\nclass" -> "world-class").
std::string display_match(const Prose& prose, std::uint32_t b, std::uint32_t e);

/// "Use" -> "Use" / "use" following the case of `like`.
std::string match_case(std::string_view replacement, std::string_view like);

}  // namespace prfaq::kinds
