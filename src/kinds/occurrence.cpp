// The "occurrence" kind: how often terms or RE2 patterns occur in each scope unit
// (`min`: too few, reported at the unit; `max`: too many, reported at the first extra).
#include "kinds/kinds.hpp"
#include "kinds/terms.hpp"
#include "kinds/units.hpp"

namespace prfaq::kinds {
namespace {

class Occurrence final : public Rule {
 public:
  explicit Occurrence(ParamReader& p) {
    m_scope = read_scope(p);
    bool ignore_case = p.get_bool("ignorecase", true, "match terms without regard to case");
    m_terms = TermMatcher(ignore_case);
    auto tokens = p.get_strings("tokens", {}, "terms to count (whole words)");
    for (std::size_t i = 0; i < tokens.size(); ++i) m_terms.add(tokens[i], static_cast<int>(i));
    m_patterns.compile(p.get_strings("patterns", {}, "RE2 patterns to count"), ignore_case, p,
                       "patterns");
    m_unless.compile(
        p.get_strings("unless", {},
                      "RE2 patterns that exempt a unit from the count (a template's slots)"),
        ignore_case, p, "unless");
    m_unless_share = p.get_double(
        "unless_share", 0.0,
        "share of a unit's text that `unless` matches must cover to exempt it (0: any match)");
    m_at_summary = p.get_bool(
        "report_at_summary", false,
        "report too few occurrences at the opening paragraph of the press release, where the "
        "reader meets its claims, rather than at the unit's first line");
    m_min = p.get_int("min", 0, "fewest occurrences per unit (0: no lower limit)");
    m_max = p.get_int("max", -1, "most occurrences per unit (-1: no upper limit)");
    if (tokens.empty() && m_patterns.empty())
      p.error("tokens", "an occurrence rule needs tokens or patterns");
  }

  void check(const Document& doc, FindingSink& out) const override {
    for (const Unit& u : units_of(doc, m_scope)) {
      std::vector<Span> hits;
      std::size_t slots = 0, text = 0;  // bytes `unless` covers, of all prose bytes
      for (const Prose& prose : doc.prose_in(u.span)) {
        text += prose.text.size();
        m_unless.find(prose.text, [&](int, std::uint32_t b, std::uint32_t e) { slots += e - b; });
        auto add = [&](std::uint32_t b, std::uint32_t e) {
          Span s = prose.source_span(b, e);
          if (!m_scope.explicit_scope && doc.in_quote(s.begin)) return;
          hits.push_back(s);
        };
        m_terms.find(words_of(prose), [&](int, std::uint32_t b, std::uint32_t e) { add(b, e); });
        m_patterns.find(prose.text, [&](int, std::uint32_t b, std::uint32_t e) { add(b, e); });
      }
      if (slots > 0 && static_cast<double>(slots) >= m_unless_share * static_cast<double>(text))
        continue;  // a template whose slots are still open
      std::sort(hits.begin(), hits.end(), [](Span a, Span b) { return a.begin < b.begin; });
      auto count = static_cast<std::int64_t>(hits.size());
      if (count < m_min) {
        out.report({.span = anchor(doc, u),
                    .args = {{"count", std::to_string(count)},
                             {"limit", std::to_string(m_min)},
                             {"unit", u.name}},
                    .absent = true});
      } else if (m_max >= 0 && count > m_max) {
        out.report({.span = hits[static_cast<std::size_t>(m_max)],
                    .args = {{"count", std::to_string(count)},
                             {"limit", std::to_string(m_max)},
                             {"unit", u.name}}});
      }
    }
  }

 private:
  Span anchor(const Document& doc, const Unit& u) const {
    if (m_at_summary)
      for (const RoleInstance& r : doc.roles)
        if (r.role == "summary" && !r.in_example && r.span.begin >= u.span.begin &&
            r.span.begin < u.span.end)
          return first_line(doc, r.label_span);
    return u.anchor;
  }

  Scope m_scope;
  TermMatcher m_terms;
  PatternSet m_patterns, m_unless;
  std::int64_t m_min = 0, m_max = -1;
  double m_unless_share = 0.0;
  bool m_at_summary = false;
};

// The "repetition" kind: the same word twice in a row ("the the"), fixable by deleting one.
class Repetition final : public Rule {
 public:
  explicit Repetition(ParamReader& p) {
    m_scope = read_scope(p);
    for (const std::string& e :
         p.get_strings("exceptions", {"had", "that", "is", "bye", "no", "very", "ha", "xo"},
                       "words that may legitimately repeat (\"had had\", \"that that\")"))
      m_exceptions.push_back(e);
  }
  bool fixable() const override { return true; }

  void check(const Document& doc, FindingSink& out) const override {
    for (const Prose& prose : doc.prose) {
      if (!m_scope.contains(doc, prose)) continue;
      const std::vector<Word>& words = words_of(prose);
      for (std::size_t i = 1; i < words.size(); ++i) {
        const Word& a = words[i - 1];
        const Word& b = words[i];
        if (!a.joined_to_next || a.lower != b.lower) continue;
        // "walk-in in": the first is the tail of a hyphenated word.
        if (a.begin > 0 && prose.text[a.begin - 1] == '-') continue;
        // Only whitespace between (not a hyphen: "so-so").
        std::string_view gap = std::string_view(prose.text).substr(a.end, b.begin - a.end);
        if (gap.find_first_not_of(" \t\n") != std::string_view::npos || gap.empty()) continue;
        if (std::find(m_exceptions.begin(), m_exceptions.end(), a.lower) != m_exceptions.end())
          continue;
        if (!std::isalpha(static_cast<unsigned char>(a.lower[0])) &&
            static_cast<unsigned char>(a.lower[0]) < 0x80)
          continue;
        Span span = prose.source_span(a.begin, b.end);
        Span del = prose.source_span(a.end, b.end);
        std::string_view src = doc.slice(del);
        // Across a line break with markup between, the two words belong to different lines
        // of emphasis ("**… 출시**  \n**출시 일주일 …**"): a headline and its subheadline.
        bool marked = src.find_first_of("*_`[]") != std::string_view::npos;
        if (marked && gap.find('\n') != std::string_view::npos) continue;
        Finding f{
            .span = span,
            .args = {{"match", std::string(a.text) + " " + std::string(b.text)}, {"word", a.text}}};
        if (!marked) f.fix = Fix{"Delete the repeated '" + b.text + "'", {{del, ""}}, true};
        out.report(std::move(f));
      }
    }
  }

 private:
  Scope m_scope;
  std::vector<std::string> m_exceptions;
};

}  // namespace

std::unique_ptr<Rule> make_occurrence(ParamReader& p) {
  return std::make_unique<Occurrence>(p);
}
std::unique_ptr<Rule> make_repetition(ParamReader& p) {
  return std::make_unique<Repetition>(p);
}

}  // namespace prfaq::kinds
