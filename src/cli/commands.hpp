#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace prfaq {
struct Config;
}

namespace prfaq::cli {

struct LintOptions {
  std::vector<std::string> paths;
  std::optional<std::string> config;
  bool no_config = false;
  std::string format = "text";
  std::optional<std::string> output;
  std::string fail_on;  // empty: from config, else "error"
  int max_warnings = -1;
  std::vector<std::string> select, ignore;
  bool fix = false, diff = false;
  std::optional<std::string> stdin_filename;
  int jobs = 0;
  std::string color = "auto";
  bool quiet = false, statistics = false;
  bool timings = false;  ///< print per-rule times to stderr after the run
  std::optional<std::string> rules_dir;
  std::optional<std::string> baseline;        ///< hide the findings recorded in this file
  std::optional<std::string> write_baseline;  ///< record the findings in this file, exit 0
  bool split_hard_links = false;  ///< --split-hard-links: replace files that have other links
  bool trust_config = false;      ///< --trust-config: a found configuration may read anywhere
  /// Files named on the command line (and standard input named with --stdin-filename) follow
  /// the configuration's include and exclude, as a directory walk does; --no-force-exclude
  /// lints whatever is named.
  bool force_exclude = true;
  /// --diff-base REF: lint what changed since the merge base of REF and HEAD and report what
  /// --filter-mode keeps (added, diff_context, file, nofilter; reviewdog's names).
  std::optional<std::string> diff_base;
  std::string filter_mode = "added";
  /// --show-suppressed: also report what prfaq-disable comments suppress, marked (SARIF
  /// suppressions of kind inSource, JSON "suppressed"); they never fail the run.
  bool show_suppressed = false;
  /// --fail-under VERDICT: exit 1 when the run's verdict is below it (ready > needs-work >
  /// not-ready); empty for none.
  std::string fail_under;
};

int run_lint(const LintOptions& o);
int run_outline(const std::string& file, const std::string& format, bool explain,
                const LintOptions& o);
/// Prints a configuration's errors to stderr; false when there are any.
bool config_ok(const Config& c);
int run_rules(const std::string& format, const LintOptions& o);
int run_explain(const std::string& rule, const LintOptions& o);
int run_config(const std::optional<std::string>& file, bool schema, const LintOptions& o);
int run_init(const std::string& dir);
/// `prfaq lsp`: the language server on stdin/stdout.
int run_lsp(const LintOptions& o);

}  // namespace prfaq::cli
