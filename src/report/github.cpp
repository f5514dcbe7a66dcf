// GitHub Actions workflow commands: one `::error file=…,line=…::message` annotation per finding.
#include <fmt/format.h>

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

class Github final : public Reporter {
 public:
  Github(std::ostream& out, const ReportOptions& opts) : m_out(out), m_opts(opts) {}
  void file(const SourceFile& src, std::span<const Diagnostic> diags) override {
    std::string path = github_escape_property(terminal_safe(relative_display_path(src.path)));
    for (const Diagnostic& d : diags) {
      m_stats.add(d);
      Location b = src.lines.location(d.span.begin);
      Location e = src.lines.location(d.span.end);
      // Line breaks are escaped below (%0A), other control characters here.
      std::string message = terminal_safe(d.message, true);
      if (!d.help.empty()) message += "\n" + terminal_safe(d.help, true);
      m_out << fmt::format("::{} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
                           command(d.severity), path, b.line, b.column, e.line, e.column,
                           github_escape_property(d.code + " " + d.name),
                           github_escape_data(message));
    }
  }
  void end(const Summary& s) override {
    if (m_opts.statistics) m_stats.print(m_out);
    if (!m_opts.quiet) m_out << summary_line(s) << "\n";
  }

 private:
  std::ostream& m_out;
  ReportOptions m_opts;
  Statistics m_stats;
};

}  // namespace

std::unique_ptr<Reporter> make_github(std::ostream& out, const ReportOptions& opts) {
  return std::make_unique<Github>(out, opts);
}

}  // namespace prfaq::report
