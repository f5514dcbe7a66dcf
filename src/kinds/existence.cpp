// The "existence" kind (Vale's): flags terms (whole words, across line breaks and inline
// markup) and RE2 patterns in prose. Never looks inside code, URLs, HTML or front matter.
#include "kinds/kinds.hpp"
#include "kinds/terms.hpp"
#include "text/text.hpp"

namespace prfaq::kinds {
namespace {

class Existence final : public Rule {
 public:
  explicit Existence(ParamReader& p) {
    m_scope = read_scope(p);
    m_quotes = p.get_bool("quotes", false,
                          "also check inside quotations (wording rules skip them by default)");
    if (m_quotes) m_scope.explicit_scope = true;
    bool ignore_case = p.get_bool("ignorecase", true, "match terms without regard to case");
    m_terms = TermMatcher(ignore_case);
    m_list = p.get_strings("tokens", {}, "terms to flag (whole words; phrases allowed)");
    for (std::size_t i = 0; i < m_list.size(); ++i) m_terms.add(m_list[i], static_cast<int>(i));
    m_patterns.compile(p.get_strings("patterns", {}, "RE2 patterns to flag"), ignore_case, p,
                       "patterns");
    m_exceptions = TermMatcher(true);
    for (const std::string& e : p.get_strings("exceptions", {}, "terms never flagged"))
      m_exceptions.add(e, 0);
  }

  void check(const Document& doc, FindingSink& out) const override {
    for (const Prose& prose : doc.prose) {
      if (!wording_applies(doc, prose, m_scope)) continue;
      const std::vector<Word>& words = words_of(prose);
      std::vector<std::pair<std::uint32_t, std::uint32_t>> exceptions;
      m_exceptions.find(
          words, [&](int, std::uint32_t b, std::uint32_t e) { exceptions.emplace_back(b, e); });
      std::vector<std::pair<std::uint32_t, std::uint32_t>> seen;
      auto report = [&](std::uint32_t b, std::uint32_t e) {
        for (auto [xb, xe] : exceptions)
          if (b < xe && xb < e) return;
        for (auto [sb, se] : seen)
          if (b < se && sb < e) return;
        Span span = prose.source_span(b, e);
        if (!offset_applies(doc, span.begin, m_scope)) return;
        seen.emplace_back(b, e);
        std::string match = display_match(prose, b, e);
        out.report({.span = span, .args = {{"match", match}}});
      };
      m_terms.find(words, [&](int, std::uint32_t b, std::uint32_t e) { report(b, e); });
      m_patterns.find(prose.text, [&](int, std::uint32_t b, std::uint32_t e) {
        // Patterns must not match inside code placeholders.
        if (std::string_view(prose.text).substr(b, e - b).find("\xEF\xBF\xBC") !=
            std::string_view::npos)
          return;
        report(b, e);
      });
    }
  }

 private:
  Scope m_scope;
  bool m_quotes = false;
  TermMatcher m_terms;
  std::vector<std::string> m_list;
  PatternSet m_patterns;
  TermMatcher m_exceptions;
};

}  // namespace

std::unique_ptr<Rule> make_existence(ParamReader& p) {
  return std::make_unique<Existence>(p);
}

}  // namespace prfaq::kinds
