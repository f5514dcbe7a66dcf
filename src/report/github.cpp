// GitHub Actions workflow commands: `::error file=…,line=…::message` annotations, within the
// limits GitHub sets (10 annotations of each level per step), the rest in the log and in the
// step summary.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <fstream>
#include <ostream>

#include "report/common.hpp"

namespace prfaq::report {

std::string github_escape_data(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    if (c == '%')
      out += "%25";
    else if (c == '\r')
      out += "%0D";
    else if (c == '\n')
      out += "%0A";
    else
      out += c;
  }
  return out;
}

std::string github_escape_property(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : github_escape_data(s)) {
    if (c == ':')
      out += "%3A";
    else if (c == ',')
      out += "%2C";
    else
      out += c;
  }
  return out;
}

std::string markdown_cell(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : terminal_safe(s)) {
    if (c == '|')
      out += "\\|";
    else if (c == '<')
      out += "&lt;";
    else if (c == '>')
      out += "&gt;";
    else if (c == '&')
      out += "&amp;";
    else if (c == '`' || c == '*' || c == '_' || c == '[' || c == ']' || c == '\\')
      out += '\\', out += c;
    else
      out += c;
  }
  return out;
}

namespace {

std::string_view command(Severity s) {
  switch (s) {
    case Severity::error:
      return "error";
    case Severity::warning:
      return "warning";
    default:
      return "notice";
  }
}

// GitHub shows at most this many annotations of each level from one step and drops the rest.
constexpr std::size_t k_annotations_per_level = 10;
// GitHub refuses a step summary over 1 MiB; the table stops well before.
constexpr std::size_t k_step_summary_bytes = 900 * 1024;

class Github final : public Reporter {
 public:
  Github(std::ostream& out, const ReportOptions& opts) : m_out(out), m_opts(opts) {}

  void file(const SourceFile& src, std::span<const Diagnostic> diags) override {
    std::string path = terminal_safe(relative_display_path(src.path));
    for (const Diagnostic& d : diags) {
      m_stats.add(d);
      Location b = src.lines.location(d.span.begin);
      Location e = src.lines.location(d.span.end);
      Finding f;
      f.severity = d.severity;
      f.is_new = d.is_new.value_or(true);
      // Columns only for a one-line range: GitHub's toolkit says col and endColumn must not be
      // sent when line and endLine differ.
      std::string where = fmt::format("file={},line={}", github_escape_property(path), b.line);
      if (e.line == b.line)
        where += fmt::format(",col={},endLine={},endColumn={}", b.column, e.line, e.column);
      else
        where += fmt::format(",endLine={}", e.line);
      // Line breaks are escaped (%0A), other control characters made visible.
      std::string message = terminal_safe(d.message, true);
      if (!d.help.empty()) message += "\n" + terminal_safe(d.help, true);
      f.annotation =
          fmt::format("::{} {},title={}::{}\n", command(d.severity), where,
                      github_escape_property(d.code + " " + d.name), github_escape_data(message));
      f.line = fmt::format("{}:{}:{}: {}: {} [{}/{}]\n", path, b.line, b.column,
                           to_string(d.severity), terminal_safe(d.message), d.code, d.name);
      if (!m_opts.step_summary.empty())
        f.row = fmt::format("| {} | {} | {} | {} | {} |\n", markdown_cell(path), b.line,
                            to_string(d.severity), markdown_cell(d.code + " " + d.name),
                            markdown_cell(d.message));
      m_findings.push_back(std::move(f));
    }
  }

  void end(const Summary& s) override {
    std::size_t shown = annotate();
    std::size_t rest = m_findings.size() - shown;
    if (rest) {
      for (const Finding& f : m_findings)
        if (!f.annotated) m_out << f.line;
      m_out << fmt::format(
          "::notice title=prfaq::{} more {} not annotated: GitHub shows {} annotations of each "
          "level per step. They are listed above{}.\n",
          rest, rest == 1 ? "finding" : "findings", k_annotations_per_level,
          m_opts.step_summary.empty() ? "" : " and in the job summary");
    }
    if (m_opts.statistics) m_stats.print(m_out);
    if (!m_opts.quiet) m_out << summary_line(s) << "\n";
    if (!m_opts.step_summary.empty()) write_step_summary(s);
  }

 private:
  struct Finding {
    Severity severity = Severity::warning;
    bool is_new = true;
    bool annotated = false;
    std::string annotation, line, row;
  };

  // Errors first, then warnings, then notices; new findings (changed lines) before others of
  // their level; at most 10 of a level, and 9 notices when one more says how many were left.
  std::size_t annotate() {
    std::array<std::vector<Finding*>, 3> levels;
    for (Finding& f : m_findings) {
      std::size_t level = f.severity == Severity::error     ? 0
                          : f.severity == Severity::warning ? 1
                                                            : 2;
      levels[level].push_back(&f);
    }
    bool overflow = std::any_of(levels.begin(), levels.end(),
                                [](const auto& v) { return v.size() > k_annotations_per_level; });
    std::size_t shown = 0;
    for (std::size_t l = 0; l < levels.size(); ++l) {
      std::vector<Finding*>& level = levels[l];
      std::stable_partition(level.begin(), level.end(), [](const Finding* f) { return f->is_new; });
      std::size_t cap = k_annotations_per_level;
      if (l == 2 && overflow) cap -= 1;  // room for the notice that counts the rest
      for (std::size_t i = 0; i < level.size() && i < cap; ++i, ++shown) {
        m_out << level[i]->annotation;
        level[i]->annotated = true;
      }
    }
    return shown;
  }

  void write_step_summary(const Summary& s) {
    std::string md = fmt::format("### prfaq\n\n{}\n\n", markdown_cell(summary_line(s)));
    if (!m_findings.empty()) {
      md += "| File | Line | Severity | Rule | Message |\n| --- | ---: | --- | --- | --- |\n";
      std::size_t rows = 0;
      for (const Finding& f : m_findings) {
        if (md.size() + f.row.size() > k_step_summary_bytes) break;
        md += f.row;
        ++rows;
      }
      if (rows < m_findings.size())
        md += fmt::format("\n{} more findings are left out (GitHub limits the summary to 1 MiB).\n",
                          m_findings.size() - rows);
    }
    std::ofstream out(m_opts.step_summary, std::ios::binary | std::ios::app);
    out << md << "\n";
    if (!out.flush())
      m_out << fmt::format("::warning title=prfaq::cannot append to the step summary {}\n",
                           github_escape_data(terminal_safe(m_opts.step_summary)));
  }

  std::ostream& m_out;
  ReportOptions m_opts;
  Statistics m_stats;
  std::vector<Finding> m_findings;
};

}  // namespace

std::unique_ptr<Reporter> make_github(std::ostream& out, const ReportOptions& opts) {
  return std::make_unique<Github>(out, opts);
}

}  // namespace prfaq::report
