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
Collected collect_jobs(const LintOptions& o, ConfigCache& configs);

/// Reads and lints one file; with `fix`, applies safe fixes until nothing changes first.
void process(Job& job, const RuleFilter& filter, bool fix);

}  // namespace prfaq::cli
