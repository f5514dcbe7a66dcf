#include "cli/lint_jobs.hpp"

#include <algorithm>
#include <map>

#include "io/files.hpp"

namespace fs = std::filesystem;

namespace prfaq::cli {

void Job::release() {
  // Move-assigned from empty ones: "= {}" would clear them and keep their memory.
  source.reset();
  diags = std::vector<Diagnostic>();
  original = std::string();
  fixed_text = std::string();
}

namespace {

std::string display_path(const fs::path& p) {
  std::string s = p.lexically_normal().generic_string();
  if (s.starts_with("./")) s.erase(0, 2);
  return s;
}

}  // namespace

std::vector<Job> collect_jobs(const LintOptions& o, ConfigCache& configs) {
  std::vector<Job> jobs;
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
  return jobs;
}

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

}  // namespace prfaq::cli
