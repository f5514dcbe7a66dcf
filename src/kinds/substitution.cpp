// The "substitution" kind: term -> preferred wording. Fixable (safely) when the preferred
// wording has exactly one alternative.
#include "kinds/kinds.hpp"
#include "kinds/terms.hpp"
#include "text/text.hpp"

namespace prfaq::kinds {
namespace {

class Substitution final : public Rule {
 public:
  explicit Substitution(ParamReader& p) {
    m_scope = read_scope(p);
    bool ignore_case = p.get_bool("ignorecase", true, "match terms without regard to case");
    m_terms = TermMatcher(ignore_case);
    auto swap = p.get_string_map("swap", "term = \"preferred\" (alternatives separated by '|')");
    for (std::size_t i = 0; i < swap.size(); ++i) {
      std::vector<std::string> alts;
      std::string cur;
      for (char c : swap[i].second) {
        if (c == '|')
          alts.push_back(text::trim(cur)), cur.clear();
        else
          cur += c;
      }
      alts.push_back(text::trim(cur));
      if (!m_terms.add(swap[i].first, static_cast<int>(i))) {
        p.error("swap", "term '" + swap[i].first + "' has no words");
        continue;
      }
      m_swaps.push_back({swap[i].first, alts});
    }
    m_swaps.resize(swap.size());
    m_exceptions = TermMatcher(true);
    for (const std::string& e : p.get_strings("exceptions", {}, "terms never flagged"))
      m_exceptions.add(e, 0);
  }

  bool fixable() const override {
    for (const auto& s : m_swaps)
      if (s.alternatives.size() == 1) return true;
    return false;
  }

  void check(const Document& doc, FindingSink& out) const override {
    for (const Prose& prose : doc.prose) {
      if (!wording_applies(doc, prose, m_scope)) continue;
      const std::vector<Word>& words = words_of(prose);
      std::vector<std::pair<std::uint32_t, std::uint32_t>> exceptions;
      m_exceptions.find(
          words, [&](int, std::uint32_t b, std::uint32_t e) { exceptions.emplace_back(b, e); });
      m_terms.find(words, [&](int id, std::uint32_t b, std::uint32_t e) {
        for (auto [xb, xe] : exceptions)
          if (b < xe && xb < e) return;
        Span span = prose.source_span(b, e);
        if (!offset_applies(doc, span.begin, m_scope)) return;
        const Swap& s = m_swaps[static_cast<std::size_t>(id)];
        std::string match = display_match(prose, b, e);
        std::string alts;
        for (std::size_t k = 0; k < s.alternatives.size(); ++k)
          alts += (k ? "' or '" : "") + s.alternatives[k];
        Finding f{.span = span, .args = {{"match", match}, {"replacement", alts}}};
        // A safe fix only when the source text is exactly the matched words (no markup inside).
        std::string_view source = doc.slice(span);
        bool plain = source.find_first_of("*_`[]<>\\") == std::string_view::npos;
        if (s.alternatives.size() == 1 && plain) {
          std::string repl = match_case(s.alternatives[0], source);
          if (repl.empty()) {
            // Deleting a phrase: also take one following space.
            std::string_view t = doc.text();
            if (span.end < t.size() && t[span.end] == ' ') span.end++;
          }
          f.fix =
              Fix{"Replace '" + match + "' with '" + s.alternatives[0] + "'", {{span, repl}}, true};
        } else if (!s.alternatives.empty()) {
          f.fix = Fix{"Replace '" + match + "' with '" + s.alternatives[0] + "'",
                      {{span, match_case(s.alternatives[0], source)}},
                      false};
          for (std::size_t k = 1; k < s.alternatives.size(); ++k)
            f.alternatives.push_back(Fix{"Replace '" + match + "' with '" + s.alternatives[k] + "'",
                                         {{span, match_case(s.alternatives[k], source)}},
                                         false});
        }
        out.report(std::move(f));
      });
    }
  }

 private:
  struct Swap {
    std::string term;
    std::vector<std::string> alternatives;
  };
  Scope m_scope;
  TermMatcher m_terms;
  std::vector<Swap> m_swaps;
  TermMatcher m_exceptions;
};

}  // namespace

std::unique_ptr<Rule> make_substitution(ParamReader& p) {
  return std::make_unique<Substitution>(p);
}

}  // namespace prfaq::kinds
