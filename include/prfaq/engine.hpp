#pragma once
/// The lint engine: runs every enabled rule over one Document and produces Diagnostics.
#include <string>
#include <vector>

#include <prfaq/config.hpp>
#include <prfaq/diagnostic.hpp>
#include <prfaq/document.hpp>
#include <prfaq/report.hpp>

namespace prfaq {

struct RuleFilter {
  std::vector<std::string> select;  ///< codes or names; empty = all enabled
  std::vector<std::string> ignore;
  bool allows(const RuleSpec& rule) const;
};

/// Findings of one rule in one document beyond this many are counted, not kept: one more
/// diagnostic says how many were left out.
inline constexpr std::size_t max_findings_per_rule = 5000;

/// A document's open questions and the risks its internal FAQ names (FileReview's verdict is
/// left for the caller, who knows which findings are reported).
FileReview review_of(const Document& doc);

struct LintResult {
  std::vector<Diagnostic> diagnostics;  ///< sorted by (offset, code)
  /// What a prfaq-disable comment suppressed (marked Diagnostic::suppressed), for SARIF's
  /// suppressions with --show-suppressed.
  std::vector<Diagnostic> suppressed;
  /// The document's open questions and named risks (its verdict is set from the findings the
  /// run reports, after baselines and filters).
  FileReview review;
};

/// Lints one parsed document. Applies suppressions and reports unused ones.
LintResult lint_document(const Document& doc, const Config& config, const RuleFilter& filter);

/// Parses and lints a source file. `selected_by_include`: the configuration's `include`
/// selected it, so it is read as a PR/FAQ whatever it looks like.
LintResult lint_source(const SourceFile& source, const Config& config, const RuleFilter& filter,
                       bool selected_by_include = false);

/// Time spent by one rule (or, with an empty code, in reading documents: parsing and building
/// the model), summed over every document linted while timings are on.
struct RuleTiming {
  std::string code;
  std::string name;
  double seconds = 0;
  std::size_t findings = 0;
};
/// Turns the per-rule clock on or off (off by default: it costs two clock reads per rule and
/// document). Safe to read from any thread.
void enable_timings(bool on);
/// The sums so far, slowest first; the reading of documents is the entry with an empty code.
std::vector<RuleTiming> timings();

/// Fills {placeholders} in a message template.
std::string fill_template(std::string_view tmpl, const std::map<std::string, std::string>& args);
/// The fields of a message or help template ("section" and "previous" of "Add '{section}' after
/// '{previous}'"), in order of first use.
std::vector<std::string> template_fields(std::string_view tmpl);
/// The template for a reader, where no finding fills it (SARIF rule help, `prfaq explain`):
/// each field written as <field>.
std::string template_outline(std::string_view tmpl);

/// Applies the safe fixes of `diags` to `text` (non-overlapping, first wins). Returns the
/// number of fixes applied.
std::size_t apply_fixes(std::string& text, const std::vector<Diagnostic>& diags);

/// A text with every safe fix applied until nothing changes.
struct FixedText {
  std::string text;       ///< the fixed text (the input when nothing applied)
  std::size_t fixes = 0;  ///< the fixes applied over all rounds
};
/// Lints `text` (reported as `path`) and applies its safe fixes, again and again until no fix
/// applies or the text stops changing, for at most `max_rounds` lints: fixes that undo each
/// other cannot loop. `lint --fix`, `--diff` and the language server's fix-all share it.
FixedText fix_until_stable(const std::string& path, std::string text, const Config& config,
                           const RuleFilter& filter, bool selected_by_include = false,
                           int max_rounds = 10);

}  // namespace prfaq
