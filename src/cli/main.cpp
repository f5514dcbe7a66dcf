// Argument parsing and the subcommand table.
#include <CLI/CLI.hpp>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <iostream>

#include <prfaq/config.hpp>
#include <prfaq/report.hpp>

#include "cli/commands.hpp"
#include "io/io.hpp"

#ifndef PRFAQ_VERSION
#define PRFAQ_VERSION "0.0.0"
#endif

namespace {

// Standard output could not be written (a closed pipe: `prfaq lint | head -1`, or a closed
// descriptor): said once on stderr, exit 2.
int check_stdout(int rc) {
  std::cout.flush();
  if (std::cout.good() && std::fflush(stdout) == 0 && !std::ferror(stdout)) return rc;
  std::cerr << "prfaq: cannot write to standard output (closed, or a pipe whose reader is "
               "gone)\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace prfaq::cli;
  // Before anything is opened: a closed stdin/stdout/stderr stays unusable instead of being
  // taken by the next file opened. A closed pipe is an error on write (EPIPE), not a signal.
  prfaq::io::guard_standard_fds();
  std::signal(SIGPIPE, SIG_IGN);
  try {
    CLI::App app{"prfaq: a linter for Working Backwards PR/FAQ documents", "prfaq"};
    app.set_version_flag("--version,-V", "prfaq " PRFAQ_VERSION);
    app.require_subcommand(0, 1);
    app.fallthrough();
    LintOptions o;
    auto add_config_opts = [&](CLI::App* c) {
      c->add_option("--config", o.config, "Configuration file (default: nearest .prfaq.toml)");
      c->add_flag("--no-config", o.no_config, "Use the embedded default rules only");
      c->add_flag("--trust-config", o.trust_config,
                  "Let a configuration found by walking up read files outside its tree");
      c->add_option("--rules-dir", o.rules_dir, "Load extra rule files from this directory");
    };
    auto add_lint_opts = [&](CLI::App* c) {
      c->add_option("paths", o.paths, "Files or directories ('-' reads stdin)");
      add_config_opts(c);
      c->add_option("--format", o.format, "Output format")
          ->check(CLI::IsMember(prfaq::reporter_formats()));
      c->add_option("--output,-o", o.output, "Write the report to FILE");
      c->add_option("--fail-on", o.fail_on, "Lowest severity that fails (exit 1)")
          ->check(CLI::IsMember({"error", "warning", "info", "never"}));
      c->add_option("--max-warnings", o.max_warnings, "Fail when there are more warnings than N");
      c->add_option("--fail-under", o.fail_under,
                    "Fail when the readiness verdict is below VERDICT (ready, needs-work)")
          ->check(CLI::IsMember({"ready", "needs-work", "not-ready"}));
      c->add_option("--select", o.select, "Only these rules (codes, names or prefixes)")
          ->delimiter(',')
          ->allow_extra_args(false);
      c->add_option("--ignore", o.ignore, "Skip these rules")
          ->delimiter(',')
          ->allow_extra_args(false);
      c->add_flag("--fix", o.fix, "Apply safe fixes in place");
      auto* diff =
          c->add_flag("--diff", o.diff, "Print safe fixes as a unified diff; change nothing");
      c->add_option("--baseline", o.baseline,
                    "Hide the findings recorded in FILE (see --write-baseline)");
      c->add_option("--write-baseline", o.write_baseline,
                    "Record the current findings in FILE and exit 0")
          ->excludes(diff);
      c->add_option("--stdin-filename", o.stdin_filename,
                    "Path to report for '-' (also finds the config)");
      c->add_option("--diff-base", o.diff_base,
                    "Lint the files changed since the merge base of REF and HEAD; only findings "
                    "on changed lines are reported and fail");
      c->add_option("--filter-mode", o.filter_mode,
                    "With --diff-base: added (default), diff_context, file or nofilter")
          ->check(CLI::IsMember({"added", "diff_context", "file", "nofilter"}));
      c->add_flag("--show-suppressed", o.show_suppressed,
                  "Also report the findings prfaq-disable comments suppress, marked as such "
                  "(--format sarif or json); they never fail the run");
      c->add_flag("!--no-force-exclude", o.force_exclude,
                  "Lint the files named on the command line even when the configuration's "
                  "include or exclude leaves them out");
      c->add_option("--jobs,-j", o.jobs, "Parallel jobs (default: number of cores)")
          ->check(CLI::Range(0, 1024));
      c->add_flag("--split-hard-links", o.split_hard_links,
                  "Let --fix, --output and --write-baseline replace a file that has other hard "
                  "links (splitting them)");
      c->add_option("--color", o.color, "Colour: auto, always, never (NO_COLOR is honoured)")
          ->check(CLI::IsMember({"auto", "always", "never"}));
      c->add_flag("--quiet,-q", o.quiet, "Print findings only, no summary");
      c->add_flag("--statistics", o.statistics, "Print a count per rule");
      c->add_flag("--timings", o.timings,
                  "Print to stderr the time spent per rule and in reading the documents");
    };
    add_lint_opts(&app);
    CLI::App* lint = app.add_subcommand("lint", "Lint files and directories (default command)");
    add_lint_opts(lint);
    std::string outline_file, outline_format = "text";
    bool outline_explain = false;
    CLI::App* outline =
        app.add_subcommand("outline", "Show how a document was read: roles, quotes, questions");
    outline->add_option("file", outline_file, "The document ('-' reads stdin)")->required();
    outline->add_option("--format", outline_format)->check(CLI::IsMember({"text", "json"}));
    outline->add_flag("--explain", outline_explain,
                      "Show the evidence behind each reading and the candidates turned down");
    outline->add_option("--stdin-filename", o.stdin_filename,
                        "Path to report for '-' (also finds the config)");
    add_config_opts(outline);
    std::string rules_format = "text";
    CLI::App* rules = app.add_subcommand("rules", "List every rule");
    rules->add_option("--format", rules_format)->check(CLI::IsMember({"text", "json", "markdown"}));
    add_config_opts(rules);
    std::string explain_rule;
    CLI::App* explain = app.add_subcommand(
        "explain",
        "Explain a rule (what, why, options, examples) or a configuration error code (CF008)");
    explain->add_option("rule", explain_rule, "Rule code or name, a CF code, or CF for all")
        ->required();
    add_config_opts(explain);
    std::optional<std::string> config_file;
    bool schema = false;
    CLI::App* config = app.add_subcommand("config", "Print the effective configuration for FILE");
    config->add_option("file", config_file, "A document whose configuration to show");
    config->add_flag("--schema", schema, "Print the JSON Schema of .prfaq.toml");
    add_config_opts(config);
    std::string init_dir = ".";
    CLI::App* init =
        app.add_subcommand("init", "Write a PR/FAQ skeleton and a commented .prfaq.toml");
    init->add_option("dir", init_dir, "Directory (default: .)");

    CLI::App* lsp = app.add_subcommand("lsp", "Serve the Language Server Protocol over stdio");
    add_config_opts(lsp);

    try {
      app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
      int rc = app.exit(e);
      return rc == 0 ? 0 : 2;
    }
    // `prfaq lnt file.md`: a word that is no file and is close to a command is a typo of the
    // command, not a path (a bare `prfaq file.md` lints, so the paths are looked at first).
    if (!app.get_subcommands().size() && !o.paths.empty()) {
      const std::string& first = o.paths.front();
      std::error_code ec;
      if (first != "-" && first.find_first_of("/.*?[") == std::string::npos &&
          !std::filesystem::exists(std::filesystem::symlink_status(first, ec))) {
        std::vector<std::string> commands;
        for (const CLI::App* sub : app.get_subcommands({})) commands.push_back(sub->get_name());
        std::string hint = prfaq::did_you_mean(first, commands);
        if (!hint.empty()) {
          std::cerr << "prfaq: unknown command '" << first << "' (did you mean '" << hint
                    << "'?); run 'prfaq --help' for the commands\n";
          return 2;
        }
      }
    }
    if (*outline)
      return check_stdout(run_outline(outline_file, outline_format, outline_explain, o));
    if (*rules) return check_stdout(run_rules(rules_format, o));
    if (*explain) return check_stdout(run_explain(explain_rule, o));
    if (*config) return check_stdout(run_config(config_file, schema, o));
    if (*init) return check_stdout(run_init(init_dir));
    if (*lsp) return run_lsp(o);
    return check_stdout(run_lint(o));
  } catch (const std::exception& e) {
    std::cerr << "prfaq: internal error: " << e.what() << "\n";
    return 2;
  }
}
