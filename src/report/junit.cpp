// JUnit XML: one test suite, one test case per file, a <failure> per finding.
#include <fmt/format.h>

#include <ostream>
#include <sstream>

#include "report/common.hpp"

namespace prfaq::report {
namespace {

class Junit final : public Reporter {
 public:
  Junit(std::ostream& out, const ReportOptions& opts) : m_out(out), m_opts(opts) {}
  void file(const SourceFile& src, std::span<const Diagnostic> diags) override {
    std::string path = relative_display_path(src.path);
    ++m_tests;
    if (!diags.empty()) ++m_failed;
    // classname, name and time only: the Jenkins xUnit schema (junit-10.xsd) has no
    // testcase/@file, and the path is the test's name.
    m_cases << fmt::format("    <testcase classname=\"prfaq\" name=\"{}\" time=\"0\"",
                           xml_escape(path));
    if (diags.empty()) {
      m_cases << "/>\n";
      return;
    }
    m_cases << ">\n";
    for (const Diagnostic& d : diags) {
      Location loc = src.lines.location(d.span.begin);
      std::string text = fmt::format("{}:{}:{}: {}: {} [{}/{}]", path, loc.line, loc.column,
                                     to_string(d.severity), d.message, d.code, d.name);
      if (!d.section.empty()) text += "\nsection: " + d.section;
      if (!d.help.empty()) text += "\nhelp: " + d.help;
      m_cases << fmt::format("      <failure type=\"{}\" message=\"{}\">{}</failure>\n",
                             xml_escape(d.code),
                             xml_escape(fmt::format("{}:{}: {} ({})", loc.line, loc.column,
                                                    d.message, to_string(d.severity))),
                             xml_escape(text, false));
    }
    m_cases << "    </testcase>\n";
  }
  void end(const Summary&) override {
    m_out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    m_out << fmt::format(
        "<testsuites name=\"prfaq\" tests=\"{0}\" failures=\"{1}\" errors=\"0\" time=\"0\">\n"
        "  <testsuite name=\"prfaq\" tests=\"{0}\" failures=\"{1}\" errors=\"0\" skipped=\"0\" "
        "time=\"0\">\n",
        m_tests, m_failed);
    m_out << m_cases.str();
    m_out << "  </testsuite>\n</testsuites>\n";
  }

 private:
  std::ostream& m_out;
  ReportOptions m_opts;
  std::ostringstream m_cases;
  std::size_t m_tests = 0;
  std::size_t m_failed = 0;
};

}  // namespace

std::unique_ptr<Reporter> make_junit(std::ostream& out, const ReportOptions& opts) {
  return std::make_unique<Junit>(out, opts);
}

}  // namespace prfaq::report
