#pragma once
// `prfaq lint`'s units of work: one Job per file named or found, and the linting of one Job.
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <prfaq/config.hpp>
#include <prfaq/engine.hpp>

#include "cli/commands.hpp"
#include "cli/config_cache.hpp"
#include "cli/git.hpp"
#include "io/io.hpp"

namespace prfaq::cli {

struct Job {
  std::string display;         ///< path as shown
  std::filesystem::path path;  ///< real path ("" for stdin)
  bool stdin_input = false;
  std::shared_ptr<const Config> config;
  bool included = false;  ///< the configuration's include selects it: a PR/FAQ
  // results
  std::unique_ptr<SourceFile> source;
  std::vector<Diagnostic> diags;
  std::string io_error;
  std::string original;
  std::optional<io::Stamp> stamp;  ///< the file as it was read (--fix checks it is unchanged)
  std::string fixed_text;
  std::size_t fixed = 0;
  /// --diff-base: how the file changed since the merge base (null: unchanged, or no diff).
  const ChangedFile* change = nullptr;
  const GitChanges* repo = nullptr;    ///< the changes `change` belongs to
  std::vector<Diagnostic> suppressed;  ///< --show-suppressed: what comments disabled
  FileReview review;                   ///< open questions, risks; the verdict set when reported
  std::size_t existing = 0;  ///< --diff-base: findings there before, left out by the filter
  /// Frees what linting the file produced, once it has been reported.
  void release();
};

struct Collected {
  std::vector<Job> jobs;    ///< in path order, standard input last
  std::size_t skipped = 0;  ///< named files the configuration leaves out (--no-force-exclude)
};

/// The files of the command line, each once: directories walked (exclude applies; include
/// selects only when no path is given), quoted globs expanded below their literal directory,
/// named files and --stdin-filename kept only when the configuration selects them (include,
/// when set, and exclude) unless --no-force-exclude.
/// With `changes` (--diff-base), the changed Markdown files under the paths (all of them with no
/// path) instead, selected as named files are; --filter-mode nofilter lints the paths as
/// without it. Each job of a changed file points at its change.
Collected collect_jobs(const LintOptions& o, ConfigCache& configs,
                       const GitChanges* changes = nullptr);

/// Reads and lints one file; with `fix`, applies safe fixes until nothing changes first. With
/// --diff-base, marks each finding new or not (Diagnostic::is_new) and keeps what the filter
/// mode reports (see classify_changes).
void process(Job& job, const RuleFilter& filter, bool fix, const LintOptions& o);

/// --diff-base: a finding with a line of its own is new when it touches an added line (or, in
/// diff_context mode, a line of a hunk); one without (Diagnostic::absent, or over several lines)
/// when its fingerprint is not among those of the file at the merge base (`base_prints`,
/// sorted; a file added since has none). Modes added and diff_context keep the new ones and
/// count the rest in Job::existing; file and nofilter keep all.
void classify_changes(Job& job, const std::string& mode, std::vector<std::string> base_prints);

}  // namespace prfaq::cli
