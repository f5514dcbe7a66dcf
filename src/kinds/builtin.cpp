// The table of rule kinds: one line per kind, alphabetical. No static registration.
#include <algorithm>
#include <prfaq/rule.hpp>

#include "kinds/kinds.hpp"

namespace prfaq {

void RuleKindRegistry::add(RuleKind kind) {
  m_kinds.push_back(std::move(kind));
}

const RuleKind* RuleKindRegistry::find(std::string_view name) const {
  for (const RuleKind& k : m_kinds)
    if (k.name == name) return &k;
  return nullptr;
}

std::vector<std::string> RuleKindRegistry::names() const {
  std::vector<std::string> out;
  for (const RuleKind& k : m_kinds) out.push_back(k.name);
  return out;
}

void register_builtin_kinds(RuleKindRegistry& r) {
  r.add({"conditional", "Acronyms defined before use", kinds::make_conditional});
  r.add({"consistency", "One spelling of a term or product name per document",
         kinds::make_consistency});
  r.add(
      {"customer-focus", "Writing for the customer, not the company", kinds::make_customer_focus});
  r.add({"dateline", "The summary opens with a city and date", kinds::make_dateline});
  r.add({"existence", "Flags terms or RE2 patterns", kinds::make_existence});
  r.add({"engine", "Reported by the engine itself (encoding, suppressions)", kinds::make_engine});
  r.add({"faq",
         "FAQ questions: phrased as questions, answered, enough, distinct, covering the topics",
         kinds::make_faq});
  r.add({"headline", "Headline length, vagueness, company focus and style", kinds::make_headline});
  r.add({"metric", "Words, sentences or paragraphs per scope against limits", kinds::make_metric});
  r.add({"occurrence", "How often terms or patterns occur in a scope", kinds::make_occurrence});
  r.add({"quote", "Customer and leader quotations and their attribution", kinds::make_quote});
  r.add({"readability", "Flesch-Kincaid grade and Flesch reading ease", kinds::make_readability});
  r.add({"repetition", "The same word twice in a row", kinds::make_repetition});
  r.add({"spelling", "Hunspell misspellings and rejected terms of the vocabulary",
         kinds::make_spelling});
  r.add({"substitution", "Flags terms and suggests preferred wording", kinds::make_substitution});
  r.add({"template", "Missing, empty, out-of-order or duplicate PR/FAQ parts; not a PR/FAQ",
         kinds::make_template});
}

const RuleKindRegistry& builtin_kinds() {
  static const RuleKindRegistry registry = [] {
    RuleKindRegistry r;
    register_builtin_kinds(r);
    return r;
  }();
  return registry;
}

}  // namespace prfaq
