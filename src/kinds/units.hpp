#pragma once
// The units a scope covers: each role instance, the press release, the FAQ, the document, or
// each prose block of an element kind. Shared by metric, readability and occurrence.
#include <vector>

#include <prfaq/document.hpp>
#include <prfaq/rule.hpp>

namespace prfaq::kinds {

struct Unit {
  Span span;         ///< the text measured
  Span anchor;       ///< where a finding about the whole unit points (a label or first line)
  std::string name;  ///< "press release", "Problem", "paragraph"
};

std::vector<Unit> units_of(const Document& doc, const Scope& scope);

/// The first line of a span, for anchoring whole-unit findings.
Span first_line(const Document& doc, Span span);

}  // namespace prfaq::kinds
