#pragma once
#include <prfaq/report.hpp>
#include <string>

namespace prfaq::report {

/// "error" etc.
inline std::string_view severity_name(Severity s) {
  return to_string(s);
}

std::unique_ptr<Reporter> make_text(std::ostream& out, const ReportOptions& opts);
std::unique_ptr<Reporter> make_concise(std::ostream& out, const ReportOptions& opts);
std::unique_ptr<Reporter> make_json(std::ostream& out, const ReportOptions& opts);

/// Counts per rule for --statistics.
struct Statistics {
  std::map<std::string, std::size_t> counts;  // "PF101 missing-section" -> n
  void add(const Diagnostic& d) { ++counts[d.code + " " + d.name]; }
  void print(std::ostream& out) const;
};

}  // namespace prfaq::report
