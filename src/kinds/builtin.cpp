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
  r.add({"calendar-date", "Dates that do not exist, weekdays that do not match",
         kinds::make_calendar_date});
  r.add({"conditional", "Acronyms defined before use", kinds::make_conditional});
  r.add({"consistency", "One spelling of a term or product name per document",
         kinds::make_consistency});
  r.add(
      {"customer-focus", "Writing for the customer, not the company", kinds::make_customer_focus});
  r.add({"customer-quote", "The press release quotes a customer", kinds::make_customer_quote});
  r.add({"dateline", "The summary opens with a city and date", kinds::make_dateline});
  r.add({"duplicate-part", "The same part labelled twice", kinds::make_duplicate_part});
  r.add({"empty-part", "A labelled part without content, or with the template's instruction",
         kinds::make_empty_part});
  r.add({"engine", "Reported by the engine itself (encoding, suppressions)", kinds::make_engine});
  r.add({"existence", "Flags terms or RE2 patterns", kinds::make_existence});
  r.add({"faq-answer", "FAQ questions without an answer, or with a placeholder",
         kinds::make_faq_answer});
  r.add({"faq-count", "Enough questions in each FAQ part", kinds::make_faq_count});
  r.add({"faq-duplicate", "The same FAQ question twice", kinds::make_faq_duplicate});
  r.add({"faq-question", "FAQ entries phrased as questions", kinds::make_faq_question});
  r.add({"faq-topics", "Topics the internal FAQ must touch", kinds::make_faq_topics});
  r.add({"headline-company", "A headline about the company, not the customer",
         kinds::make_headline_company});
  r.add({"headline-length", "Headline words and characters", kinds::make_headline_length});
  r.add({"headline-style", "Headline punctuation and capitals", kinds::make_headline_style});
  r.add({"headline-vague", "A headline without a customer benefit", kinds::make_headline_vague});
  r.add({"leader-quote", "The press release quotes someone speaking for the company",
         kinds::make_leader_quote});
  r.add({"metric", "Words, sentences or paragraphs per scope against limits", kinds::make_metric});
  r.add({"missing-part", "Parts of the template that are absent", kinds::make_missing_part});
  r.add({"not-a-prfaq", "The file is not a PR/FAQ", kinds::make_not_prfaq});
  r.add({"occurrence", "How often terms or patterns occur in a scope", kinds::make_occurrence});
  r.add({"part-order", "Parts in a different order than the template", kinds::make_part_order});
  r.add({"placeholder-speaker", "Quotes attributed to a placeholder",
         kinds::make_placeholder_speaker});
  r.add({"quote-attribution", "Quotations without a speaker", kinds::make_quote_attribution});
  r.add({"quote-substance", "Quotes that only express enthusiasm", kinds::make_quote_substance});
  r.add({"readability", "Flesch-Kincaid grade and Flesch reading ease", kinds::make_readability});
  r.add({"repetition", "The same word twice in a row", kinds::make_repetition});
  r.add({"spelling", "Hunspell misspellings and rejected terms of the vocabulary",
         kinds::make_spelling});
  r.add({"substitution", "Flags terms and suggests preferred wording", kinds::make_substitution});
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
