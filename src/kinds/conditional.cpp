// The "conditional" kind: an acronym (a word of 2-6 capitals) must be defined before its
// first use, as "Service Level Agreement (SLA)" or "SLA (service level agreement)".
#include <set>

#include "kinds/kinds.hpp"
#include "kinds/terms.hpp"
#include "model/patterns.hpp"
#include "model/text.hpp"

namespace prfaq::kinds {
namespace {

class Conditional final : public Rule {
 public:
  explicit Conditional(ParamReader& p) {
    m_scope = read_scope(p);
    for (const std::string& e : p.get_strings("exceptions", {}, "acronyms that need no definition"))
      m_exceptions.insert(e);
    for (const std::string& n : p.product_names())
      for (const std::string& w : text::words(n)) m_exceptions.insert(text::to_lower(w));
    m_min = p.get_int("min_length", 2, "shortest acronym");
    m_max = p.get_int("max_length", 6, "longest acronym");
  }

  static bool acronym(std::string_view w, std::int64_t min, std::int64_t max) {
    std::int64_t letters = 0;
    for (char c : w) {
      if (std::isupper(static_cast<unsigned char>(c)))
        ++letters;
      else if (std::isdigit(static_cast<unsigned char>(c)) || c == '&')
        continue;
      else if (c == 's' && &c == &w.back() && letters >= 2)
        continue;  // plural "APIs"
      else
        return false;
    }
    return letters >= min && static_cast<std::int64_t>(w.size()) <= max + 1 && letters <= max;
  }

  void check(const Document& doc, FindingSink& out) const override {
    std::set<std::string> defined, reported;
    for (const Prose& prose : doc.prose) {
      const std::vector<Word>& words = words_of(prose);
      std::string_view t = prose.text;
      // City names in capitals before a dateline date are not acronyms.
      std::size_t dateline_end = 0;
      if (auto at = patterns::dateline_date(t)) dateline_end = *at;
      for (std::size_t i = 0; i < words.size(); ++i) {
        const Word& w = words[i];
        std::string base = w.text;
        if (base.size() > 2 && base.back() == 's') base.pop_back();
        if (!acronym(w.text, m_min, m_max) || w.begin < dateline_end) continue;
        // Inside a bracketed template slot ("[NAME, TITLE]": PF504's business), not an acronym.
        std::size_t open = t.rfind('[', w.begin), close = t.rfind(']', w.begin);
        if (open != std::string_view::npos && (close == std::string_view::npos || close < open) &&
            t.find(']', w.end) != std::string_view::npos)
          continue;
        if (m_exceptions.count(base) || m_exceptions.count(w.text) ||
            m_exceptions.count(text::to_lower(base)))
          continue;
        if (defined.count(base) || reported.count(base)) continue;
        // "(SLA)" after words, or "SLA (…)".
        bool in_parens =
            w.begin > 0 && t[w.begin - 1] == '(' && w.end < t.size() && t[w.end] == ')';
        std::string_view after = t.substr(w.end);
        bool followed = after.starts_with(" (") && after.find(')') != std::string_view::npos &&
                        after.find(')') < 80;
        if (in_parens || followed) {
          defined.insert(base);
          continue;
        }
        Span span = prose.source_span(w.begin, w.end);
        if (!m_scope.contains(doc, span.begin)) continue;
        reported.insert(base);
        out.report({.span = span, .args = {{"match", w.text}}});
      }
    }
  }

 private:
  Scope m_scope;
  std::set<std::string> m_exceptions;
  std::int64_t m_min = 2, m_max = 6;
};

}  // namespace

std::unique_ptr<Rule> make_conditional(ParamReader& p) {
  return std::make_unique<Conditional>(p);
}

}  // namespace prfaq::kinds
