// path:line:col: severity: message [PF101/missing-section]
#include <fmt/format.h>

#include <ostream>

#include "report/common.hpp"

namespace prfaq::report {
namespace {

class Concise final : public Reporter {
 public:
  Concise(std::ostream& out, const ReportOptions& opts) : m_out(out), m_opts(opts) {}
  void file(const SourceFile& src, std::span<const Diagnostic> diags) override {
    for (const Diagnostic& d : diags) {
      Location loc = src.lines.location(d.span.begin);
      m_out << fmt::format("{}:{}:{}: {}: {} [{}/{}]\n", terminal_safe(src.path), loc.line,
                           loc.column, to_string(d.severity), terminal_safe(d.message), d.code,
                           d.name);
      m_stats.add(d);
    }
  }
  void end(const Summary& s) override {
    if (m_opts.statistics) m_stats.print(m_out);
    (void)s;
  }

 private:
  std::ostream& m_out;
  ReportOptions m_opts;
  Statistics m_stats;
};

}  // namespace

std::unique_ptr<Reporter> make_concise(std::ostream& out, const ReportOptions& opts) {
  return std::make_unique<Concise>(out, opts);
}

}  // namespace prfaq::report
