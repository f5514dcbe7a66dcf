#pragma once
// Factories of the built-in rule kinds (one .cpp file per kind).
#include <memory>
#include <prfaq/rule.hpp>

namespace prfaq::kinds {

std::unique_ptr<Rule> make_engine(ParamReader& p);
std::unique_ptr<Rule> make_quote(ParamReader& p);
std::unique_ptr<Rule> make_template(ParamReader& p);
std::unique_ptr<Rule> make_existence(ParamReader& p);
std::unique_ptr<Rule> make_conditional(ParamReader& p);
std::unique_ptr<Rule> make_consistency(ParamReader& p);
std::unique_ptr<Rule> make_customer_focus(ParamReader& p);
std::unique_ptr<Rule> make_dateline(ParamReader& p);
std::unique_ptr<Rule> make_faq(ParamReader& p);
std::unique_ptr<Rule> make_headline(ParamReader& p);
std::unique_ptr<Rule> make_metric(ParamReader& p);
std::unique_ptr<Rule> make_occurrence(ParamReader& p);
std::unique_ptr<Rule> make_readability(ParamReader& p);
std::unique_ptr<Rule> make_repetition(ParamReader& p);
std::unique_ptr<Rule> make_spelling(ParamReader& p);
std::unique_ptr<Rule> make_substitution(ParamReader& p);

/// Reads the common `scope` parameter.
Scope read_scope(ParamReader& p, std::string_view def = "document");

}  // namespace prfaq::kinds
