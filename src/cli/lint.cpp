// `prfaq lint`: files -> configs -> documents -> diagnostics -> one reporter.
#include <fmt/format.h>
#include <unistd.h>

#include <cstring>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <thread>

#include <prfaq/engine.hpp>
#include <prfaq/report.hpp>

#include "cli/baseline.hpp"
#include "cli/commands.hpp"
#include "cli/config_cache.hpp"
#include "cli/diff.hpp"
#include "cli/ordered.hpp"
#include "io/files.hpp"
#include "io/io.hpp"
#include "markdown/markdown.hpp"
#include "report/common.hpp"

namespace fs = std::filesystem;

namespace prfaq::cli {

namespace {

struct Job {
  std::string display;  // path as shown
  fs::path path;        // real path ("" for stdin)
  bool stdin_input = false;
  std::shared_ptr<const Config> config;
  bool included = false;  // the configuration's include selects it: a PR/FAQ
  // results
  std::unique_ptr<SourceFile> source;
  std::vector<Diagnostic> diags;
  std::string io_error;
  std::string original;
  std::optional<io::Stamp> stamp;  // the file as it was read (--fix checks it is unchanged)
  std::string fixed_text;
  std::size_t fixed = 0;
  /// Frees what linting the file produced, once it has been reported.
  void release() {
    // Move-assigned from empty ones: "= {}" would clear them and keep their memory.
    source.reset();
    diags = std::vector<Diagnostic>();
    original = std::string();
    fixed_text = std::string();
  }
};

std::string display_path(const fs::path& p) {
  std::string s = p.lexically_normal().generic_string();
  if (s.starts_with("./")) s.erase(0, 2);
  return s;
}

// Lints one file; with fix, applies safe fixes until nothing changes (at most 10 rounds).
void process(Job& job, const RuleFilter& filter, bool fix) {
  std::string text;
  if (!job.io_error.empty()) return;  // a problem met while walking
  if (!job.stdin_input) job.stamp = io::stamp(job.path);
  if (!io::read_document(job.path, job.stdin_input, text, job.io_error)) return;
  const Config& config = *job.config;
  if (fix) {
    job.original = text;  // --fix checks the file is unchanged; --diff shows the change
    FixedText f = fix_until_stable(job.display, std::move(text), config, filter, job.included);
    job.fixed += f.fixes;
    text = std::move(f.text);
    job.fixed_text = text;
  }
  job.source = std::make_unique<SourceFile>(job.display, std::move(text));
  job.diags = lint_source(*job.source, config, filter, job.included).diagnostics;
}

// --timings: the clock of each rule and of reading, summed over the files, slowest first.
void print_timings(std::size_t files, unsigned threads) {
  std::vector<RuleTiming> all = timings();
  double total = 0;
  for (const RuleTiming& t : all) total += t.seconds;
  std::string out = fmt::format("prfaq: time per rule, summed over {} file{} ({} thread{})\n",
                                files, files == 1 ? "" : "s", threads, threads == 1 ? "" : "s");
  out += fmt::format("{:>10}  {:>6}  {:>8}  {}\n", "seconds", "share", "findings", "rule");
  for (const RuleTiming& t : all) {
    std::string what = t.code.empty() ? t.name : t.code + " " + t.name;
    std::string found = t.code.empty() ? "-" : std::to_string(t.findings);
    out += fmt::format("{:>10.4f}  {:>5.1f}%  {:>8}  {}\n", t.seconds,
                       total > 0 ? 100.0 * t.seconds / total : 0.0, found, what);
  }
  out += fmt::format("{:>10.4f}  {:>5.1f}%  {:>8}  total\n", total, 100.0, "");
  std::cerr << out;
}

std::optional<Severity> fail_threshold(const LintOptions& o, const Config* config) {
  std::string f = o.fail_on;
  if (f.empty()) {
    if (config && config->fail_on)
      return *config->fail_on == Severity::off ? std::nullopt : config->fail_on;
    return Severity::error;
  }
  if (f == "never") return std::nullopt;
  return parse_severity(f);
}

}  // namespace

bool write_output(const LintOptions& o, const std::string& path, std::string_view data,
                  std::string& error) {
  io::WriteOptions w;
  w.split_hard_links = o.split_hard_links;
  return io::write_file(path, data, w, error);
}

int run_lint(const LintOptions& o) {
  ConfigCache configs(o);
  std::vector<Job> jobs;
  std::vector<std::string> usage_errors;
  std::vector<std::string> paths = o.paths;
  if (paths.empty()) {
    // The include globs of the config in the current directory, else ".".
    paths.push_back(".");
  }
  std::map<std::string, bool> seen;
  for (const std::string& p : paths) {
    if (p == "-") {
      Job j;
      j.stdin_input = true;
      j.display = o.stdin_filename.value_or("<stdin>");
      j.config = configs.for_file(o.stdin_filename ? fs::path(*o.stdin_filename)
                                                   : fs::current_path() / "stdin.md");
      j.included = o.stdin_filename && configs.included(*j.config, fs::path(*o.stdin_filename));
      jobs.push_back(std::move(j));
      continue;
    }
    fs::path path(p);
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      io::WalkResult walked = io::walk(path, {".md", ".markdown"});
      for (const io::WalkProblem& problem : walked.problems) {
        // Reported, never skipped silently (unless the configuration excludes it).
        auto cfg = configs.for_file(problem.path);
        if (configs.excluded(*cfg, problem.path)) continue;
        std::string d = display_path(problem.path);
        if (seen[d]) continue;
        seen[d] = true;
        Job j;
        j.path = problem.path;
        j.display = d;
        j.config = cfg;
        j.io_error = problem.error;
        jobs.push_back(std::move(j));
      }
      for (const fs::path& f : walked.files) {
        auto cfg = configs.for_file(f);
        if (!configs.selected(*cfg, f, o.paths.empty())) continue;
        std::string d = display_path(f);
        if (seen[d]) continue;
        seen[d] = true;
        Job j;
        j.path = f;
        j.display = d;
        j.config = cfg;
        j.included = configs.included(*cfg, f);
        jobs.push_back(std::move(j));
      }
    } else {
      std::string d = display_path(path);
      if (seen[d]) continue;
      seen[d] = true;
      Job j;
      j.path = path;
      j.display = d;
      j.config = configs.for_file(path);
      j.included = configs.included(*j.config, path);
      jobs.push_back(std::move(j));
    }
  }
  std::sort(jobs.begin(), jobs.end(), [](const Job& a, const Job& b) {
    if (a.stdin_input != b.stdin_input) return b.stdin_input;
    return a.display < b.display;
  });

  // Config errors stop everything: report them through the chosen format, exit 2.
  std::vector<const ConfigError*> config_errors;
  std::set<const Config*> reported;
  for (const auto& cfg : configs.all())
    for (const ConfigError& e : cfg->errors) config_errors.push_back(&e);

  bool color = o.color == "always" || (o.color == "auto" && !o.output && isatty(STDOUT_FILENO) &&
                                       !std::getenv("NO_COLOR"));
  std::ostringstream buffer;
  bool stdin_fix =
      o.fix && std::any_of(jobs.begin(), jobs.end(), [](const Job& j) { return j.stdin_input; });
  std::ostream& out = o.output    ? static_cast<std::ostream&>(buffer)
                      : stdin_fix ? std::cerr
                                  : std::cout;
  ReportOptions ropts;
  ropts.color = color;
  ropts.quiet = o.quiet;
  ropts.statistics = o.statistics;
  // Rule metadata (SARIF tool.driver.rules): the configuration of the current directory.
  ropts.config = configs.default_config().get();
  auto reporter = make_reporter(o.format, out, ropts);
  if (!reporter) {
    std::cerr << "prfaq: unknown format '" << o.format << "'\n";
    return 2;
  }
  auto finish_output = [&]() -> bool {
    if (!o.output) return true;
    std::string err;
    if (!write_output(o, *o.output, buffer.str(), err)) {
      std::cerr << "prfaq: " << err << "\n";
      return false;
    }
    return true;
  };

  if (!config_errors.empty()) {
    reporter->begin();
    std::map<std::string, std::vector<Diagnostic>> by_file;
    std::map<std::string, std::shared_ptr<const SourceFile>> files;
    std::set<std::string> dedupe;
    for (const ConfigError* e : config_errors) {
      std::string key =
          e->file->path + ":" + std::to_string(e->diag.span.begin) + e->diag.code + e->diag.message;
      if (!dedupe.insert(key).second) continue;
      by_file[e->file->path].push_back(e->diag);
      files[e->file->path] = e->file;
    }
    Summary s;
    for (auto& [path, diags] : by_file) {
      std::sort(diags.begin(), diags.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return a.span.begin < b.span.begin;
      });
      reporter->file(*files[path], diags);
      s.files++;
      s.files_with_findings++;
      s.errors += diags.size();
    }
    reporter->end(s);
    finish_output();
    return 2;
  }

  RuleFilter filter;
  filter.select = o.select;
  filter.ignore = o.ignore;
  // Unknown rules in --select/--ignore are usage errors.
  {
    auto cfg = configs.default_config();
    std::vector<std::string> names;
    for (const RuleSpec& r : cfg->rules) names.push_back(r.code), names.push_back(r.name);
    for (const auto* list : {&o.select, &o.ignore}) {
      for (const std::string& key : *list) {
        bool ok = key == "ALL" || key == "all";
        for (const RuleSpec& r : cfg->rules) ok |= RuleFilter{{key}, {}}.allows(r);
        if (!ok) {
          std::string hint = did_you_mean(key, names);
          std::cerr << fmt::format("prfaq: unknown rule '{}'{}\n", key,
                                   hint.empty() ? "" : fmt::format(" (did you mean '{}'?)", hint));
          return 2;
        }
      }
    }
  }

  std::optional<Baseline> baseline;
  if (o.baseline) {
    std::string err;
    baseline = Baseline::read(*o.baseline, err);
    if (!baseline) {
      std::cerr << "prfaq: " << err << "\n";
      return 2;
    }
  }

  bool fix = o.fix || o.diff;
  unsigned n_jobs = o.jobs > 0 ? static_cast<unsigned>(o.jobs)
                               : std::max(1u, std::thread::hardware_concurrency());
  n_jobs = std::min<unsigned>(n_jobs, static_cast<unsigned>(std::max<std::size_t>(1, jobs.size())));
  if (o.timings) enable_timings(true);
  markdown::prepare_library();  // cmark-gfm's process-wide state, before any worker starts

  // Each file is linted on a worker and then, in path order, handed to the mode's step below
  // and freed: a run holds a few files at a time, not the whole tree.
  int rc = 0;
  Summary summary;
  bool changes = false;  // --diff: something to fix
  std::optional<Baseline> record;
  if (o.write_baseline) record.emplace(fs::path(*o.write_baseline));
  std::ostringstream stdin_text;
  auto io_error = [&](const Job& j) {
    std::cerr << fmt::format("prfaq: {}: {}\n", report::terminal_safe(j.display), j.io_error);
    rc = 2;
  };
  // --diff: print what --fix would change; change nothing.
  auto show_diff = [&](Job& j) {
    if (!j.io_error.empty()) return io_error(j);
    if (j.fixed == 0) return;
    changes = true;
    std::cout << unified_diff(j.display, j.original, j.fixed_text);
  };
  // --fix: write the fixed file (stdin: the fixed text goes to stdout, the report to stderr).
  auto write_fixed = [&](Job& j) {
    if (!j.io_error.empty()) return;
    if (j.stdin_input) {
      stdin_text << j.fixed_text;
      return;
    }
    if (j.fixed == 0) return;
    std::string err;
    io::WriteOptions w;
    w.must_exist = true;
    w.split_hard_links = o.split_hard_links;
    w.expect_stamp = j.stamp;
    w.expect_content = j.original;
    if (!io::write_file(j.path, j.fixed_text, w, err)) {
      j.io_error = err;
      j.fixed = 0;
    }
  };
  // --write-baseline: record every current finding; report nothing else.
  auto record_findings = [&](Job& j) {
    if (!j.io_error.empty()) return io_error(j);
    record->add(*j.source, j.diags);
  };
  auto report_file = [&](Job& j) {
    if (!j.io_error.empty()) {
      io_error(j);
      summary.unreadable.push_back({j.display, j.io_error});
      return;
    }
    summary.files++;
    if (baseline) summary.baseline_hidden += baseline->filter(*j.source, j.diags);
    if (!j.diags.empty()) summary.files_with_findings++;
    for (const Diagnostic& d : j.diags) {
      if (d.severity == Severity::error)
        summary.errors++;
      else if (d.severity == Severity::warning)
        summary.warnings++;
      else
        summary.infos++;
    }
    summary.fixed += o.fix ? j.fixed : 0;
    reporter->file(*j.source, j.diags);
  };
  if (!o.diff && !record) reporter->begin();
  run_ordered(
      jobs.size(), n_jobs, 4 * std::size_t{n_jobs},
      [&](std::size_t i) {
        try {
          process(jobs[i], filter, fix);
        } catch (const std::exception& e) {
          jobs[i].io_error = fmt::format("internal error: {}", e.what());
        }
      },
      [&](std::size_t i) {
        Job& j = jobs[i];
        if (o.diff) {
          show_diff(j);
        } else {
          if (o.fix) write_fixed(j);
          if (record)
            record_findings(j);
          else
            report_file(j);
        }
        j.release();
      });

  if (o.diff) {
    std::cout.flush();
    if (o.timings) print_timings(jobs.size(), n_jobs);
    return rc ? rc : (changes ? 1 : 0);
  }
  if (record) {
    std::string err;
    if (!write_output(o, *o.write_baseline, record->to_json(), err)) {
      std::cerr << "prfaq: " << err << "\n";
      return 2;
    }
    std::cerr << fmt::format("prfaq: wrote {} finding{} ({} entr{}) to {}\n", record->findings(),
                             record->findings() == 1 ? "" : "s", record->size(),
                             record->size() == 1 ? "y" : "ies", *o.write_baseline);
    if (o.timings) print_timings(jobs.size(), n_jobs);
    return rc;
  }
  if (baseline) summary.baseline_stale = baseline->stale();
  reporter->end(summary);
  if (!finish_output()) rc = 2;
  if (o.timings) print_timings(jobs.size(), n_jobs);
  if (stdin_fix) {
    std::cout << stdin_text.str();
    std::cout.flush();
  }

  const Config* main_config = configs.default_config().get();
  std::optional<Severity> threshold = fail_threshold(o, main_config);
  if (rc == 0) {
    bool fail = false;
    if (threshold) {
      fail = (summary.errors > 0 && *threshold <= Severity::error) ||
             (summary.warnings > 0 && *threshold <= Severity::warning) ||
             (summary.infos > 0 && *threshold <= Severity::info);
    }
    if (o.max_warnings >= 0 && summary.warnings > static_cast<std::size_t>(o.max_warnings))
      fail = true;
    rc = fail ? 1 : 0;
  }
  return rc;
}

}  // namespace prfaq::cli
