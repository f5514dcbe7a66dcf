#include "cli/lint_jobs.hpp"

#include <algorithm>
#include <set>

#include <prfaq/report.hpp>

#include "io/files.hpp"

namespace fs = std::filesystem;

namespace prfaq::cli {

void Job::release() {
  // Move-assigned from empty ones: "= {}" would clear them and keep their memory.
  source.reset();
  diags = std::vector<Diagnostic>();
  suppressed = std::vector<Diagnostic>();
  review = FileReview();
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

namespace {

bool has_glob_chars(std::string_view p) {
  return p.find_first_of("*?[") != std::string_view::npos;
}

/// A quoted glob ("docs/**/*.md"): the Markdown files below its literal directory prefix that
/// it matches, and that prefix (the directory walked).
struct Expanded {
  fs::path root;
  std::vector<fs::path> files;
  std::vector<io::WalkProblem> problems;
};

Expanded expand_glob(const std::string& glob) {
  Expanded e;
  fs::path pattern(glob);
  fs::path root, rest;
  bool in_pattern = false;
  for (const fs::path& part : pattern) {
    if (!in_pattern && has_glob_chars(part.string())) in_pattern = true;
    (in_pattern ? rest : root) /= part;
  }
  e.root = root.empty() ? fs::path(".") : root;
  std::error_code ec;
  if (!fs::is_directory(e.root, ec)) return e;
  io::GlobSet set({rest.generic_string()});
  io::WalkResult walked = io::walk(e.root, {".md", ".markdown"});
  auto below = [&](const fs::path& f) {
    return f.lexically_normal().lexically_relative(e.root.lexically_normal()).generic_string();
  };
  for (const fs::path& f : walked.files)
    if (set.matches(below(f))) e.files.push_back(f);
  for (const io::WalkProblem& p : walked.problems)
    if (set.matches(below(p.path))) e.problems.push_back(p);
  return e;
}

bool markdown_file(const fs::path& p) {
  std::string ext = p.extension().string();
  return ext == ".md" || ext == ".markdown";
}

// The absolute, normalised form of a path (symbolic links not resolved), to compare paths.
std::string absolute_key(const fs::path& p) {
  std::error_code ec;
  return fs::absolute(p, ec).lexically_normal().string();
}

class Collector {
 public:
  Collector(const LintOptions& o, ConfigCache& configs, const GitChanges* changes)
      : m_o(o), m_configs(configs), m_changes(changes) {}

  Collected run() {
    if (m_changes && m_o.filter_mode != "nofilter")
      add_changed();
    else
      add_paths();
    if (m_changes)
      for (Job& j : m_out.jobs)
        if (!j.stdin_input)
          if (auto it = m_changes->files.find(absolute_key(j.path)); it != m_changes->files.end())
            j.change = &it->second, j.repo = m_changes;
    std::sort(m_out.jobs.begin(), m_out.jobs.end(), [](const Job& a, const Job& b) {
      if (a.stdin_input != b.stdin_input) return b.stdin_input;
      return a.display < b.display;
    });
    return std::move(m_out);
  }

 private:
  // --diff-base: the changed Markdown files below the paths given (everywhere with none).
  void add_changed() {
    std::vector<std::string> roots;
    for (const std::string& p : m_o.paths) roots.push_back(absolute_key(p));
    std::error_code ec;
    fs::path cwd = fs::current_path(ec);
    for (const auto& [key, change] : m_changes->files) {
      if (!markdown_file(change.path)) continue;
      bool below = roots.empty() || std::any_of(roots.begin(), roots.end(), [&](const auto& r) {
                     return key == r || key.rfind(r.back() == '/' ? r : r + "/", 0) == 0;
                   });
      if (!below) continue;
      fs::path rel = change.path.lexically_relative(cwd);
      bool inside = !rel.empty() && *rel.begin() != "..";
      add_named(inside ? rel : change.path);
    }
  }

  void add_paths() {
    std::vector<std::string> paths = m_o.paths;
    if (paths.empty()) paths.push_back(".");  // the include globs of the configuration, else "."
    for (const std::string& p : paths) {
      std::error_code ec;
      if (p == "-")
        add_stdin();
      else if (fs::is_directory(fs::path(p), ec))
        add_walked(io::walk(p, {".md", ".markdown"}), m_o.paths.empty());
      else if (has_glob_chars(p) && !fs::exists(fs::symlink_status(p, ec)))
        add_glob(p);
      else
        add_named(p);
    }
  }

  void add_stdin() {
    Job j;
    j.stdin_input = true;
    j.display = m_o.stdin_filename.value_or("<stdin>");
    j.config = m_configs.for_file(m_o.stdin_filename ? fs::path(*m_o.stdin_filename)
                                                     : fs::current_path() / "stdin.md");
    if (m_o.stdin_filename && m_o.force_exclude &&
        !m_configs.selected(*j.config, fs::path(*m_o.stdin_filename), true)) {
      ++m_out.skipped;
      return;
    }
    j.included = m_o.stdin_filename && m_configs.included(*j.config, fs::path(*m_o.stdin_filename));
    m_out.jobs.push_back(std::move(j));
  }

  // A walk's files: exclude applies; include selects only when no path was given.
  void add_walked(const io::WalkResult& walked, bool from_include) {
    for (const io::WalkProblem& problem : walked.problems) {
      // Reported, never skipped silently (unless the configuration excludes it).
      auto cfg = m_configs.for_file(problem.path);
      if (m_configs.excluded(*cfg, problem.path)) continue;
      add_problem(problem, cfg);
    }
    for (const fs::path& f : walked.files) {
      auto cfg = m_configs.for_file(f);
      if (!m_configs.selected(*cfg, f, from_include)) continue;
      add_file(f, cfg);
    }
  }

  void add_glob(const std::string& glob) {
    Expanded e = expand_glob(glob);
    if (e.files.empty() && e.problems.empty()) {
      // Nothing matched: reported as a named file that does not exist would be.
      Job j;
      j.path = glob;
      j.display = glob;
      j.config = m_configs.for_file(fs::path(glob).parent_path() / "x.md");
      j.io_error = "no Markdown file matches this glob";
      add_job(std::move(j));
      return;
    }
    for (const io::WalkProblem& problem : e.problems) {
      auto cfg = m_configs.for_file(problem.path);
      if (m_o.force_exclude && m_configs.excluded(*cfg, problem.path)) continue;
      add_problem(problem, cfg);
    }
    for (const fs::path& f : e.files) add_named(f);
  }

  // A named file: include and exclude apply, as for the editor, unless --no-force-exclude.
  void add_named(const fs::path& path) {
    auto cfg = m_configs.for_file(path);
    std::error_code ec;
    if (m_o.force_exclude && fs::exists(fs::symlink_status(path, ec)) &&
        !m_configs.selected(*cfg, path, true)) {
      if (!m_skipped_seen.insert(display_path(path)).second) return;
      ++m_out.skipped;
      return;
    }
    add_file(path, cfg);
  }

  void add_file(const fs::path& f, std::shared_ptr<const Config> cfg) {
    Job j;
    j.path = f;
    j.display = display_path(f);
    j.included = m_configs.included(*cfg, f);
    j.config = std::move(cfg);
    add_job(std::move(j));
  }

  void add_problem(const io::WalkProblem& problem, std::shared_ptr<const Config> cfg) {
    Job j;
    j.path = problem.path;
    j.display = display_path(problem.path);
    j.config = std::move(cfg);
    j.io_error = problem.error;
    add_job(std::move(j));
  }

  void add_job(Job j) {
    if (!m_seen.insert(j.display).second) return;
    m_out.jobs.push_back(std::move(j));
  }

  const LintOptions& m_o;
  ConfigCache& m_configs;
  const GitChanges* m_changes;
  Collected m_out;
  std::set<std::string> m_seen, m_skipped_seen;
};

}  // namespace

Collected collect_jobs(const LintOptions& o, ConfigCache& configs, const GitChanges* changes) {
  return Collector(o, configs, changes).run();
}

void classify_changes(Job& job, const std::string& mode, std::vector<std::string> base_prints) {
  const SourceFile& src = *job.source;
  std::vector<Diagnostic> kept;
  bool keep_all = mode == "file" || mode == "nofilter";
  bool context = mode == "diff_context";
  for (Diagnostic& d : job.diags) {
    std::uint32_t first = src.lines.location(d.span.begin).line;
    std::uint32_t last = src.lines.location(std::max(d.span.begin, d.span.end)).line;
    // A span that ends at the start of a line does not touch that line.
    if (last > first && d.span.end > d.span.begin && src.lines.line_start(last) == d.span.end)
      --last;
    bool lineless = d.absent || last > first;
    bool fresh;
    if (!job.change) {
      fresh = false;  // the file has not changed since the merge base
    } else if (lineless) {
      // Fingerprints are counted: the second of two equal findings is new when the base had one.
      std::string print = content_fingerprint(src, d, relative_display_path(src.path));
      auto it = std::lower_bound(base_prints.begin(), base_prints.end(), print);
      fresh = it == base_prints.end() || *it != print;
      if (!fresh) base_prints.erase(it);
    } else {
      fresh = job.change->touches(first, last, context);
    }
    d.is_new = fresh;
    if (fresh || keep_all)
      kept.push_back(std::move(d));
    else
      ++job.existing;
  }
  job.diags = std::move(kept);
}

namespace {

// The sorted content fingerprints of the file's findings at the merge base (none for a file
// added since, or one git cannot show).
std::vector<std::string> base_fingerprints(const Job& job, const RuleFilter& filter) {
  std::vector<std::string> prints;
  if (!job.change || !job.change->base_path || !job.source) return prints;
  std::optional<std::string> text = git_show(*job.repo, *job.change->base_path);
  // A base version over the size limit is not linted: its findings all count as new.
  if (!text || text->size() > max_source_bytes) return prints;
  SourceFile base(job.display, std::move(*text));
  std::vector<Diagnostic> diags = lint_source(base, *job.config, filter, job.included).diagnostics;
  std::string path = relative_display_path(base.path);
  for (const Diagnostic& d : diags) prints.push_back(content_fingerprint(base, d, path));
  std::sort(prints.begin(), prints.end());
  return prints;
}

}  // namespace

void process(Job& job, const RuleFilter& filter, bool fix, const LintOptions& o) {
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
  LintResult result = lint_source(*job.source, config, filter, job.included);
  job.diags = std::move(result.diagnostics);
  if (o.show_suppressed) job.suppressed = std::move(result.suppressed);
  job.review = std::move(result.review);
  if (o.diff_base) classify_changes(job, o.filter_mode, base_fingerprints(job, filter));
}

}  // namespace prfaq::cli
