// `prfaq lint`: files -> configs -> documents -> diagnostics -> one reporter, as named phases.
#include <fmt/format.h>
#include <unistd.h>

#include <array>
#include <cstring>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <thread>

#include <prfaq/engine.hpp>
#include <prfaq/report.hpp>

#include "cli/baseline.hpp"
#include "cli/color.hpp"
#include "cli/commands.hpp"
#include "cli/config_cache.hpp"
#include "cli/diff.hpp"
#include "cli/git.hpp"
#include "cli/lint_jobs.hpp"
#include "cli/ordered.hpp"
#include "io/io.hpp"
#include "markdown/markdown.hpp"
#include "report/common.hpp"

namespace fs = std::filesystem;

namespace prfaq::cli {

namespace {

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

bool write_output(const LintOptions& o, const std::string& path, std::string_view data,
                  std::string& error) {
  io::WriteOptions w;
  w.split_hard_links = o.split_hard_links;
  return io::write_file(path, data, w, error);
}

// One run of `prfaq lint`: each phase a member, in the order run() calls them.
class LintRun {
 public:
  explicit LintRun(const LintOptions& o) : m_o(o), m_configs(o) {}

  int run() {
    if (m_o.show_suppressed && m_o.format != "sarif" && m_o.format != "json") {
      std::cerr << "prfaq: --show-suppressed needs --format sarif or json (the formats that can "
                   "mark a finding as suppressed)\n";
      return 2;
    }
    if (m_o.diff_base) {
      std::string error;
      m_changes_since = git_changes(*m_o.diff_base, error);
      if (!m_changes_since) {
        std::cerr << "prfaq: " << error << "\n";
        return 2;
      }
      m_summary.diff_base = *m_o.diff_base;
    }
    Collected collected =
        collect_jobs(m_o, m_configs, m_changes_since ? &*m_changes_since : nullptr);
    m_jobs = std::move(collected.jobs);
    m_summary.skipped = collected.skipped;
    // The errors of the configurations the files use (taken before the reporter loads the
    // current directory's configuration for its rule metadata).
    for (const auto& cfg : m_configs.all())
      for (const ConfigError& e : cfg->errors) m_config_errors.push_back(&e);
    if (!make_reporter_for_run()) return 2;
    if (report_config_errors()) return 2;
    if (!check_rule_names() || !read_baseline()) return 2;
    lint_all();
    if (m_o.diff) return finish_diff();
    if (m_record) return finish_baseline();
    return finish_report();
  }

 private:
  // The reporter of the chosen format, writing to the terminal, stderr (when --fix reads
  // standard input, whose fixed text goes to stdout) or a buffer for --output.
  bool make_reporter_for_run() {
    bool color = use_color(m_o.color, !m_o.output && isatty(STDOUT_FILENO), std::getenv("NO_COLOR"),
                           std::getenv("TERM"));
    m_stdin_fix = m_o.fix && std::any_of(m_jobs.begin(), m_jobs.end(),
                                         [](const Job& j) { return j.stdin_input; });
    std::ostream& out = m_o.output    ? static_cast<std::ostream&>(m_buffer)
                        : m_stdin_fix ? std::cerr
                                      : std::cout;
    ReportOptions ropts;
    ropts.color = color;
    ropts.quiet = m_o.quiet;
    ropts.statistics = m_o.statistics;
    if (const char* summary = std::getenv("GITHUB_STEP_SUMMARY");
        summary && *summary && m_o.format == "github")
      ropts.step_summary = summary;
    // Rule metadata (SARIF tool.driver.rules): the configuration of the current directory.
    ropts.config = m_configs.default_config().get();
    m_reporter = make_reporter(m_o.format, out, ropts);
    if (!m_reporter) {
      std::cerr << "prfaq: unknown format '" << m_o.format << "'\n";
      return false;
    }
    return true;
  }

  bool finish_output() {
    if (!m_o.output) return true;
    std::string err;
    if (!write_output(m_o, *m_o.output, m_buffer.str(), err)) {
      std::cerr << "prfaq: " << err << "\n";
      return false;
    }
    return true;
  }

  // Config errors stop everything: reported through the chosen format (each once), exit 2.
  bool report_config_errors() {
    if (m_config_errors.empty()) return false;
    m_reporter->begin();
    std::map<std::string, std::vector<Diagnostic>> by_file;
    std::map<std::string, std::shared_ptr<const SourceFile>> files;
    std::set<std::string> dedupe;
    for (const ConfigError* e : m_config_errors) {
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
      m_reporter->file(*files[path], diags);
      s.files++;
      s.files_with_findings++;
      s.errors += diags.size();
      s.config_errors += diags.size();
    }
    m_reporter->end(s);
    finish_output();
    return true;
  }

  // Unknown rules in --select/--ignore are usage errors.
  bool check_rule_names() {
    m_filter.select = m_o.select;
    m_filter.ignore = m_o.ignore;
    auto cfg = m_configs.default_config();
    std::vector<std::string> names;
    for (const RuleSpec& r : cfg->rules) names.push_back(r.code), names.push_back(r.name);
    for (const auto* list : {&m_o.select, &m_o.ignore}) {
      for (const std::string& key : *list) {
        bool ok = key == "ALL" || key == "all";
        for (const RuleSpec& r : cfg->rules) ok |= RuleFilter{{key}, {}}.allows(r);
        if (!ok) {
          std::string hint = did_you_mean(key, names);
          std::cerr << fmt::format("prfaq: unknown rule '{}'{}\n", key,
                                   hint.empty() ? "" : fmt::format(" (did you mean '{}'?)", hint));
          return false;
        }
      }
    }
    return true;
  }

  bool read_baseline() {
    if (m_o.write_baseline) m_record.emplace(fs::path(*m_o.write_baseline));
    if (!m_o.baseline) return true;
    std::string err;
    m_baseline = Baseline::read(*m_o.baseline, err);
    if (!m_baseline) {
      std::cerr << "prfaq: " << err << "\n";
      return false;
    }
    return true;
  }

  // Each file is linted on a worker and then, in path order, handed to the mode's step below
  // and freed: a run holds a few files at a time, not the whole tree.
  void lint_all() {
    bool fix = m_o.fix || m_o.diff;
    m_threads = m_o.jobs > 0 ? static_cast<unsigned>(m_o.jobs)
                             : std::max(1u, std::thread::hardware_concurrency());
    m_threads = std::min<unsigned>(m_threads,
                                   static_cast<unsigned>(std::max<std::size_t>(1, m_jobs.size())));
    if (m_o.timings) enable_timings(true);
    markdown::prepare_library();  // cmark-gfm's process-wide state, before any worker starts
    if (!m_o.diff && !m_record) m_reporter->begin();
    run_ordered(
        m_jobs.size(), m_threads, 4 * std::size_t{m_threads},
        [&](std::size_t i) {
          try {
            process(m_jobs[i], m_filter, fix, m_o);
          } catch (const std::exception& e) {
            m_jobs[i].io_error = fmt::format("internal error: {}", e.what());
          }
        },
        [&](std::size_t i) {
          Job& j = m_jobs[i];
          if (m_o.diff) {
            show_diff(j);
          } else {
            if (m_o.fix) write_fixed(j);
            if (m_record)
              record_findings(j);
            else
              report_file(j);
          }
          j.release();
        });
  }

  void io_error(const Job& j) {
    std::cerr << fmt::format("prfaq: {}: {}\n", report::terminal_safe(j.display), j.io_error);
    m_rc = 2;
  }

  // --diff: print what --fix would change; change nothing.
  void show_diff(Job& j) {
    if (!j.io_error.empty()) return io_error(j);
    if (j.fixed == 0) return;
    m_changes = true;
    std::cout << unified_diff(j.display, j.original, j.fixed_text);
  }

  // --fix: write the fixed file (stdin: the fixed text goes to stdout, the report to stderr).
  void write_fixed(Job& j) {
    if (!j.io_error.empty()) return;
    if (j.stdin_input) {
      m_stdin_text << j.fixed_text;
      return;
    }
    if (j.fixed == 0) return;
    std::string err;
    io::WriteOptions w;
    w.must_exist = true;
    w.split_hard_links = m_o.split_hard_links;
    w.expect_stamp = j.stamp;
    w.expect_content = j.original;
    if (!io::write_file(j.path, j.fixed_text, w, err)) {
      j.io_error = err;
      j.fixed = 0;
    }
  }

  // --write-baseline: record every current finding; report nothing else.
  void record_findings(Job& j) {
    if (!j.io_error.empty()) return io_error(j);
    m_record->add(*j.source, j.diags);
  }

  void report_file(Job& j) {
    if (!j.io_error.empty()) {
      io_error(j);
      m_summary.unreadable.push_back({j.display, j.io_error});
      return;
    }
    m_summary.files++;
    if (m_baseline) {
      m_summary.baseline_hidden += m_baseline->filter(*j.source, j.diags);
      if (!m_o.diff_base)
        for (Diagnostic& d : j.diags) d.is_new = true;  // SARIF baselineState "new"
    }
    if (!j.diags.empty()) m_summary.files_with_findings++;
    m_summary.existing_findings += j.existing;
    for (const Diagnostic& d : j.diags) {
      if (d.severity == Severity::error)
        m_summary.errors++;
      else if (d.severity == Severity::warning)
        m_summary.warnings++;
      else
        m_summary.infos++;
      // With --diff-base only new findings fail the run.
      if (m_o.diff_base && !d.is_new.value_or(false)) {
        ++m_summary.existing_findings;
        continue;
      }
      if (m_o.diff_base) ++m_summary.new_findings;
      ++m_failing[static_cast<std::size_t>(d.severity)];
    }
    m_summary.fixed += m_o.fix ? j.fixed : 0;
    // The verdict of what is reported (after the baseline and the diff filter).
    j.review.verdict = verdict_of(j.diags);
    m_summary.verdict = std::max(m_summary.verdict, j.review.verdict);
    m_reporter->review(*j.source, j.review);
    if (!j.suppressed.empty()) {
      // Shown in their place, counted nowhere.
      j.diags.insert(j.diags.end(), std::make_move_iterator(j.suppressed.begin()),
                     std::make_move_iterator(j.suppressed.end()));
      std::stable_sort(j.diags.begin(), j.diags.end(),
                       [](const Diagnostic& a, const Diagnostic& b) {
                         return std::tie(a.span.begin, a.code) < std::tie(b.span.begin, b.code);
                       });
    }
    m_reporter->file(*j.source, j.diags);
  }

  int finish_diff() {
    std::cout.flush();
    if (m_o.timings) print_timings(m_jobs.size(), m_threads);
    return m_rc ? m_rc : (m_changes ? 1 : 0);
  }

  int finish_baseline() {
    std::string err;
    if (!write_output(m_o, *m_o.write_baseline, m_record->to_json(), err)) {
      std::cerr << "prfaq: " << err << "\n";
      return 2;
    }
    std::cerr << fmt::format("prfaq: wrote {} finding{} ({} entr{}) to {}\n", m_record->findings(),
                             m_record->findings() == 1 ? "" : "s", m_record->size(),
                             m_record->size() == 1 ? "y" : "ies", *m_o.write_baseline);
    if (m_o.timings) print_timings(m_jobs.size(), m_threads);
    return m_rc;
  }

  int finish_report() {
    if (m_baseline) m_summary.baseline_stale = m_baseline->stale();
    m_reporter->end(m_summary);
    if (!finish_output()) m_rc = 2;
    if (m_o.timings) print_timings(m_jobs.size(), m_threads);
    if (m_stdin_fix) {
      std::cout << m_stdin_text.str();
      std::cout.flush();
    }
    return m_rc == 0 ? exit_code() : m_rc;
  }

  // 1 when a finding reaches the --fail-on threshold or the warnings pass --max-warnings.
  int exit_code() {
    std::optional<Severity> threshold = fail_threshold(m_o, m_configs.default_config().get());
    bool fail = false;
    if (threshold) {
      for (Severity s : {Severity::error, Severity::warning, Severity::info})
        fail |= m_failing[static_cast<std::size_t>(s)] > 0 && *threshold <= s;
    }
    if (!m_o.fail_under.empty() && m_summary.verdict > *parse_verdict(m_o.fail_under)) fail = true;
    if (m_o.max_warnings >= 0 && m_failing[static_cast<std::size_t>(Severity::warning)] >
                                     static_cast<std::size_t>(m_o.max_warnings))
      fail = true;
    return fail ? 1 : 0;
  }

  const LintOptions& m_o;
  ConfigCache m_configs;
  std::vector<Job> m_jobs;
  std::vector<const ConfigError*> m_config_errors;
  RuleFilter m_filter;
  std::unique_ptr<Reporter> m_reporter;
  std::ostringstream m_buffer;      // the report, for --output
  std::ostringstream m_stdin_text;  // --fix of standard input: the fixed text
  bool m_stdin_fix = false;
  std::optional<Baseline> m_baseline;  // --baseline
  std::optional<Baseline> m_record;    // --write-baseline
  unsigned m_threads = 1;
  Summary m_summary;
  std::array<std::size_t, 4> m_failing{};     // findings that can fail the run, by severity
  std::optional<GitChanges> m_changes_since;  // --diff-base
  bool m_changes = false;                     // --diff: something to fix
  int m_rc = 0;
};

}  // namespace

int run_lint(const LintOptions& o) {
  return LintRun(o).run();
}

}  // namespace prfaq::cli
