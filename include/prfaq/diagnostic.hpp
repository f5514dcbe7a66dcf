#pragma once
/// Diagnostics: what the engine hands to reporters.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <prfaq/source.hpp>

namespace prfaq {

enum class Severity { off, info, warning, error };

std::string_view to_string(Severity severity);
/// Parses "off" | "info" | "warning" | "error".
std::optional<Severity> parse_severity(std::string_view text);

/// Replace the bytes of `span` with `replacement`.
struct Edit {
  Span span;
  std::string replacement;
  friend bool operator==(const Edit&, const Edit&) = default;
};

/// A fix: sorted, non-overlapping edits. Only safe fixes are applied by --fix.
struct Fix {
  std::string title;
  std::vector<Edit> edits;
  bool safe = false;
};

/// A secondary location ("the press release starts here").
struct Label {
  Span span;
  std::string message;
};

struct Diagnostic {
  std::string code;  ///< "PF101"
  std::string name;  ///< "missing-section"
  Severity severity = Severity::warning;
  std::string message;  ///< filled from the rule's template
  Span span;            ///< primary range, in the file's bytes
  std::vector<Label> labels;
  std::optional<Fix> fix;
  std::vector<Fix> alternatives;  ///< further unsafe fixes an editor may offer (other spellings)
  std::string help;
  std::string section;  ///< role path, "Press release › Headline"
  /// Set with --baseline or --diff-base: true for a finding the baseline or the diff makes new
  /// (SARIF baselineState "new"), false for one that was there before ("unchanged").
  std::optional<bool> is_new;
  bool absent = false;      ///< Finding::absent: about something missing or a whole part
  bool suppressed = false;  ///< disabled by a prfaq-disable comment (--show-suppressed)
};

}  // namespace prfaq
