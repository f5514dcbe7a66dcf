#pragma once
/// Reporters: one interface, one file per output format (src/report/).
#include <iosfwd>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <prfaq/config.hpp>
#include <prfaq/diagnostic.hpp>
#include <prfaq/source.hpp>

namespace prfaq {

/// A document's readiness for review, from its findings (see verdict_of).
enum class Verdict { ready, needs_work, not_ready };
std::string_view to_string(Verdict v);  ///< "ready", "needs-work", "not-ready"
std::optional<Verdict> parse_verdict(std::string_view text);
/// not-ready with an error-level finding, needs-work with a warning, else ready (infos and
/// suppressed findings do not count).
Verdict verdict_of(std::span<const Diagnostic> diags);

/// What a reviewer takes from a document besides its findings: the FAQ questions left without
/// an answer and the risks its internal FAQ names.
struct ReviewItem {
  std::string question;
  std::string answer;  ///< its first sentence or so ("" for an open question)
  std::uint32_t line = 0;
};
struct FileReview {
  bool is_prfaq = false;
  Verdict verdict = Verdict::ready;
  std::vector<ReviewItem> open_questions;
  std::vector<ReviewItem> risks;
};

struct Summary {
  std::size_t files = 0;
  std::size_t files_with_findings = 0;
  std::size_t errors = 0;
  std::size_t warnings = 0;
  std::size_t infos = 0;
  std::size_t fixed = 0;
  std::size_t baseline_hidden = 0;
  std::size_t baseline_stale = 0;
  struct Unreadable {
    std::string path;
    std::string reason;  ///< "no such file", "too large: ..."
  };
  std::vector<Unreadable> unreadable;  ///< files that could not be linted (exit 2)
  std::size_t skipped = 0;             ///< named files the configuration's include/exclude left out
  /// --diff-base: the revision, the findings new since its merge base with HEAD (they alone
  /// fail the run) and those already there (reported only by --filter-mode file and nofilter).
  std::string diff_base;
  std::size_t config_errors = 0;  ///< configuration errors reported (the run exits 2)
  std::size_t new_findings = 0;
  std::size_t existing_findings = 0;
  Verdict verdict = Verdict::ready;  ///< the worst of the files' verdicts
};

struct ReportOptions {
  bool color = false;
  bool quiet = false;              ///< only the findings, no summary
  bool statistics = false;         ///< a count per rule at the end
  const Config* config = nullptr;  ///< rule metadata (SARIF driver, help texts)
  /// `--format github`: the file GitHub shows as the job's summary ($GITHUB_STEP_SUMMARY),
  /// appended with the table of every finding; empty for none.
  std::string step_summary;
};

class Reporter {
 public:
  virtual ~Reporter() = default;
  virtual void begin() {}
  /// Called once per file, in path order, with diagnostics sorted by position.
  virtual void file(const SourceFile& src, std::span<const Diagnostic> diags) = 0;
  /// Called before file() for each linted file: its verdict, open questions and risks.
  virtual void review(const SourceFile&, const FileReview&) {}
  virtual void end(const Summary& summary) = 0;
};

/// Output format names, in the order `--help` lists them.
const std::vector<std::string>& reporter_formats();
/// nullptr when the format is unknown.
std::unique_ptr<Reporter> make_reporter(std::string_view format, std::ostream& out,
                                        const ReportOptions& options);

/// "PF101/missing-section" etc. helpers shared by formats.
std::string summary_line(const Summary& summary);

/// The flagged text of a diagnostic as fingerprints see it: whitespace runs collapsed to one
/// space, trimmed, ASCII lower-cased, cut to at most 160 bytes (at a code point boundary).
std::string normalise_flagged_text(std::string_view text);

/// A fingerprint that survives inserted or deleted lines: a hash of the code, `path`, the role
/// path (Diagnostic::section), the normalised flagged text and the message with its digits
/// masked (so "Missing required section 'X'" and 'Y' differ, "1021 words" and "1022" do not).
/// Never the line or the offset. 16 hex digits.
std::string content_fingerprint(const SourceFile& src, const Diagnostic& d, std::string_view path);

/// One fingerprint per diagnostic, in order: the content fingerprint combined with its occurrence
/// index among the diagnostics of `diags` (in position order) that share it.
std::vector<std::string> fingerprints(const SourceFile& src, std::span<const Diagnostic> diags,
                                      std::string_view path);

/// `path` as a relative, '/'-separated path when it lies under the current directory.
std::string relative_display_path(std::string_view path);

}  // namespace prfaq
