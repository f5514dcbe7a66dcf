// The "customer-focus" kind (PF207): "we" and "our" outweigh "you" and "customers", or the
// press release celebrates the company.
#include <fmt/format.h>

#include "kinds/kinds.hpp"
#include "kinds/terms.hpp"
#include "kinds/units.hpp"
#include "model/patterns.hpp"
#include "text/text.hpp"

namespace prfaq::kinds {
namespace {

class CustomerFocus final : public Rule {
 public:
  explicit CustomerFocus(ParamReader& p) {
    m_scope = read_scope(p, "press_release");
    m_ratio = p.get_double("ratio", 2.0,
                           "report when company words outnumber customer words by this factor");
    m_min = p.get_int("min_company_words", 6, "fewest company words before the ratio is checked");
    for (const std::string& w :
         p.get_strings("company_words", {"we", "our", "us", "ours", "we're", "we've", "we'll"},
                       "words that speak for the company"))
      m_company.add(w, 0);
    for (const std::string& w :
         p.get_strings("customer_words",
                       {"you", "your", "yours", "you're", "customer", "customers", "user", "users"},
                       "words that speak to or about the customer"))
      m_customer.add(w, 0);
    auto phrases =
        p.get_strings("phrases", {}, "company-centric phrases flagged wherever they appear");
    for (std::size_t i = 0; i < phrases.size(); ++i) m_phrases.add(phrases[i], static_cast<int>(i));
  }

  void check(const Document& doc, FindingSink& out) const override {
    if (!doc.is_prfaq) return;
    for (const Unit& u : units_of(doc, m_scope)) {
      std::int64_t company = 0, customer = 0;
      for (const Prose& prose : doc.prose_in(u.span)) {
        const std::vector<Word>& words = words_of(prose);
        auto outside = [&](std::uint32_t b) {
          return !doc.in_quote(prose.source_span(b, b + 1).begin);
        };
        m_company.find(words, [&](int, std::uint32_t b, std::uint32_t) { company += outside(b); });
        m_customer.find(words,
                        [&](int, std::uint32_t b, std::uint32_t) { customer += outside(b); });
        m_phrases.find(words, [&](int, std::uint32_t b, std::uint32_t e) {
          Span s = prose.source_span(b, e);
          if (doc.in_quote(s.begin)) return;
          out.report({.span = s,
                      .args = {{"match", display_match(prose, b, e)},
                               {"reason", "it celebrates the company"}}});
        });
      }
      if (company >= m_min &&
          static_cast<double>(company) > m_ratio * static_cast<double>(customer))
        out.report({.span = u.anchor,
                    .args = {{"match", u.name},
                             {"reason", fmt::format("'we/our' {} times, 'you/customers' {} times",
                                                    company, customer)}}});
    }
  }

 private:
  Scope m_scope;
  double m_ratio = 2.0;
  std::int64_t m_min = 6;
  TermMatcher m_company, m_customer, m_phrases;
};

}  // namespace

std::unique_ptr<Rule> make_customer_focus(ParamReader& p) {
  return std::make_unique<CustomerFocus>(p);
}

}  // namespace prfaq::kinds
