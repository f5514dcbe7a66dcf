#pragma once
// Factories of the built-in rule kinds (one .cpp file per kind).
#include <initializer_list>
#include <memory>
#include <prfaq/rule.hpp>
#include <string_view>

namespace prfaq::kinds {

std::unique_ptr<Rule> make_engine(ParamReader& p);
// The template's parts (parts.cpp).
std::unique_ptr<Rule> make_missing_part(ParamReader& p);
std::unique_ptr<Rule> make_empty_part(ParamReader& p);
std::unique_ptr<Rule> make_part_order(ParamReader& p);
std::unique_ptr<Rule> make_duplicate_part(ParamReader& p);
std::unique_ptr<Rule> make_not_prfaq(ParamReader& p);
// The headline (headline.cpp).
std::unique_ptr<Rule> make_headline_length(ParamReader& p);
std::unique_ptr<Rule> make_headline_vague(ParamReader& p);
std::unique_ptr<Rule> make_headline_company(ParamReader& p);
std::unique_ptr<Rule> make_headline_style(ParamReader& p);
// Quotations (quotes.cpp).
std::unique_ptr<Rule> make_customer_quote(ParamReader& p);
std::unique_ptr<Rule> make_leader_quote(ParamReader& p);
std::unique_ptr<Rule> make_quote_attribution(ParamReader& p);
std::unique_ptr<Rule> make_placeholder_speaker(ParamReader& p);
std::unique_ptr<Rule> make_quote_substance(ParamReader& p);
// The FAQ (faq.cpp).
std::unique_ptr<Rule> make_faq_question(ParamReader& p);
std::unique_ptr<Rule> make_faq_answer(ParamReader& p);
std::unique_ptr<Rule> make_faq_count(ParamReader& p);
std::unique_ptr<Rule> make_faq_duplicate(ParamReader& p);
std::unique_ptr<Rule> make_faq_topics(ParamReader& p);
std::unique_ptr<Rule> make_existence(ParamReader& p);
std::unique_ptr<Rule> make_conditional(ParamReader& p);
std::unique_ptr<Rule> make_consistency(ParamReader& p);
std::unique_ptr<Rule> make_customer_focus(ParamReader& p);
std::unique_ptr<Rule> make_dateline(ParamReader& p);
std::unique_ptr<Rule> make_calendar_date(ParamReader& p);
std::unique_ptr<Rule> make_metric(ParamReader& p);
std::unique_ptr<Rule> make_occurrence(ParamReader& p);
std::unique_ptr<Rule> make_readability(ParamReader& p);
std::unique_ptr<Rule> make_repetition(ParamReader& p);
std::unique_ptr<Rule> make_spelling(ParamReader& p);
std::unique_ptr<Rule> make_substitution(ParamReader& p);

/// Reads the common `scope` parameter.
Scope read_scope(ParamReader& p, std::string_view def = "document");

/// Reads a parameter that picks one of `choices` (the first is the default) and returns the
/// index of the choice; an unknown value is a CF error listing them (and gives the default).
/// The documentation reads "`doc`: choice, choice, ...".
std::size_t read_choice(ParamReader& p, std::string_view name, std::string_view doc,
                        std::initializer_list<std::string_view> choices);

/// read_choice for an enum whose enumerators are in the order of `choices`.
template <class Enum>
Enum read_choice(ParamReader& p, std::string_view name, std::string_view doc,
                 std::initializer_list<std::string_view> choices) {
  return static_cast<Enum>(read_choice(p, name, doc, choices));
}

}  // namespace prfaq::kinds
