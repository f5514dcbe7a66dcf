// The "existence" kind (Vale's): flags terms (whole words, across line breaks and inline
// markup) and RE2 patterns in prose. Never looks inside code, URLs, HTML or front matter.
#include <algorithm>

#include "kinds/kinds.hpp"
#include "kinds/terms.hpp"
#include "text/text.hpp"

namespace prfaq::kinds {
namespace {

class Existence final : public Rule {
 public:
  explicit Existence(ParamReader& p) {
    m_scope = read_scope(p);
    m_where.quotes = p.get_bool(
        "quotes", false, "also check inside quotations (wording rules skip them by default)");
    m_where.mentions = p.get_bool(
        "mentions", false, "also check inside quoted mentions: titles, example copy, UI labels");
    m_where.questions =
        p.get_bool("questions", true, "also check the text of FAQ questions (the asker's words)");
    bool ignore_case = p.get_bool("ignorecase", true, "match terms without regard to case");
    m_terms = TermMatcher(ignore_case);
    m_list = p.get_strings("tokens", {}, "terms to flag (whole words; phrases allowed)");
    for (std::size_t i = 0; i < m_list.size(); ++i) m_terms.add(m_list[i], static_cast<int>(i));
    m_patterns.compile(p.get_strings("patterns", {}, "RE2 patterns to flag"), ignore_case, p,
                       "patterns");
    m_exceptions = TermMatcher(true);
    for (const std::string& e : p.get_strings("exceptions", {}, "terms never flagged"))
      m_exceptions.add(e, 0);
    m_exception_patterns.compile(
        p.get_strings(
            "exception_patterns", {},
            "RE2 patterns whose matches are never flagged (\"5,000 tons of\" is a weight)"),
        ignore_case, p, "exception_patterns");
  }

  void check(const Document& doc, FindingSink& out) const override {
    std::vector<std::pair<std::uint32_t, std::uint32_t>> hits, exceptions;
    for (const Prose& prose : doc.prose) {
      if (!wording_applies(doc, prose, m_scope)) continue;
      const std::vector<Word>& words = words_of(prose);
      hits.clear();
      exceptions.clear();
      m_exceptions.find(
          words, [&](int, std::uint32_t b, std::uint32_t e) { exceptions.emplace_back(b, e); });
      m_exception_patterns.find(prose.text, [&](int, std::uint32_t b, std::uint32_t e) {
        exceptions.emplace_back(b, e);
      });
      m_terms.find(words, [&](int, std::uint32_t b, std::uint32_t e) { hits.emplace_back(b, e); });
      m_patterns.find(prose.text, [&](int, std::uint32_t b, std::uint32_t e) {
        // Patterns must not match inside code placeholders.
        if (std::string_view(prose.text).substr(b, e - b).find("\xEF\xBF\xBC") ==
            std::string_view::npos)
          hits.emplace_back(b, e);
      });
      // One sweep over the matches in text order: overlaps and exceptions are skipped in time
      // linear in the matches (a paragraph of a million matches costs a million steps).
      std::sort(hits.begin(), hits.end());
      std::sort(exceptions.begin(), exceptions.end());
      std::size_t x = 0;
      std::uint32_t taken_end = 0;
      bool any = false;
      for (auto [b, e] : hits) {
        if (any && b < taken_end) continue;
        while (x < exceptions.size() && exceptions[x].second <= b) ++x;
        if (x < exceptions.size() && exceptions[x].first < e) continue;
        Span span = prose.source_span(b, e);
        if (!offset_applies(doc, span.begin, m_scope, m_where)) continue;
        any = true;
        taken_end = e;
        out.report({.span = span, .args = {{"match", display_match(prose, b, e)}}});
      }
    }
  }

 private:
  Scope m_scope;
  Inside m_where;
  TermMatcher m_terms;
  std::vector<std::string> m_list;
  PatternSet m_patterns;
  TermMatcher m_exceptions;
  PatternSet m_exception_patterns;
};

}  // namespace

std::unique_ptr<Rule> make_existence(ParamReader& p) {
  return std::make_unique<Existence>(p);
}

}  // namespace prfaq::kinds
