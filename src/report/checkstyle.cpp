// Checkstyle XML: <checkstyle><file name><error line column severity message source/></file>.
#include <fmt/format.h>

#include <ostream>

#include "report/common.hpp"

namespace prfaq::report {
namespace {

class Checkstyle final : public Reporter {
 public:
  Checkstyle(std::ostream& out, const ReportOptions& opts) : m_out(out), m_opts(opts) {}
  void begin() override {
    if (m_begun) return;
    m_out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n";
    m_begun = true;
  }
  void file(const SourceFile& src, std::span<const Diagnostic> diags) override {
    if (!m_begun) begin();
    m_out << fmt::format("  <file name=\"{}\">\n", xml_escape(relative_display_path(src.path)));
    for (const Diagnostic& d : diags) {
      Location loc = src.lines.location(d.span.begin);
      m_out << fmt::format(
          "    <error line=\"{}\" column=\"{}\" severity=\"{}\" message=\"{}\" "
          "source=\"prfaq.{}\"/>\n",
          loc.line, loc.column, to_string(d.severity), xml_escape(d.message), xml_escape(d.code));
    }
    m_out << "  </file>\n";
  }
  void end(const Summary&) override {
    if (!m_begun) begin();
    m_out << "</checkstyle>\n";
  }

 private:
  std::ostream& m_out;
  ReportOptions m_opts;
  bool m_begun = false;
};

}  // namespace

std::unique_ptr<Reporter> make_checkstyle(std::ostream& out, const ReportOptions& opts) {
  return std::make_unique<Checkstyle>(out, opts);
}

}  // namespace prfaq::report
