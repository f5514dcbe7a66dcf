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
std::unique_ptr<Rule> make_substitution(ParamReader& p);

/// Reads the common `scope` parameter.
Scope read_scope(ParamReader& p, std::string_view def = "document");

}  // namespace prfaq::kinds
