#pragma once
// Fixed patterns of the document model (datelines, attributions), compiled once per process.
#include <optional>
#include <string>
#include <string_view>

namespace prfaq::patterns {

/// Byte offset of a dateline date inside the first part of a paragraph, if any.
std::optional<std::size_t> dateline_date(std::string_view paragraph);
/// The paragraph of `source` opens with a dateline, also when it is written in code or
/// emphasis ("`SEATTLE, WA — [DATE] —`").
bool dateline_in_source(std::string_view source);
/// A line of its own that gives the dateline apart from the summary: a date ("December 20,
/// 2024", "2026年6月26日") or a place and a year or date ("Hochrhein, 2026", "**Berlin, May
/// 2027**").
bool dateline_line(std::string_view line);
/// The paragraph opens with a place and a dash, the date given elsewhere ("**Toronto, ON** - …").
bool place_dash_opening(std::string_view paragraph);
/// The announcing organisation of a summary paragraph ("Acme", "the prfaq project").
std::string announcer(std::string_view summary);
/// The capitalised name after the announcing verb ("Acme today launched Ledger, …" -> "Ledger"),
/// or "".
std::string launched_name(std::string_view summary);
/// "a customer", "[NAME, TITLE]", "<name>", "Name Surname".
bool placeholder_speaker(std::string_view speaker);
/// Text starts like a call to action ("to get started", "available today", "visit").
bool call_to_action(std::string_view paragraph);
/// Placeholder-only answers: "TBD", "TODO: ask finance", "??", "N/A".
bool placeholder_answer(std::string_view answer);

}  // namespace prfaq::patterns
