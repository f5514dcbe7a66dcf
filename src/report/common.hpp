#pragma once
#include <map>
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
std::unique_ptr<Reporter> make_sarif(std::ostream& out, const ReportOptions& opts);
std::unique_ptr<Reporter> make_github(std::ostream& out, const ReportOptions& opts);
std::unique_ptr<Reporter> make_junit(std::ostream& out, const ReportOptions& opts);
std::unique_ptr<Reporter> make_checkstyle(std::ostream& out, const ReportOptions& opts);
std::unique_ptr<Reporter> make_rdjson(std::ostream& out, const ReportOptions& opts);

/// Where the tool is documented (SARIF informationUri, rdjson source url).
inline constexpr std::string_view kInformationUri = "https://prfaq.dev";

/// GitHub workflow commands: `%`, CR and LF escaped in the message...
std::string github_escape_data(std::string_view s);
/// ...and also `:` and `,` in property values (file, title).
std::string github_escape_property(std::string_view s);

/// Text for XML 1.0 content and attribute values: markup characters escaped, invalid UTF-8
/// replaced by U+FFFD, characters XML forbids (most C0 controls, U+FFFE/U+FFFF) dropped; in
/// attributes tabs and line breaks become character references so they survive normalisation.
std::string xml_escape(std::string_view s, bool attribute = true);

/// Counts per rule for --statistics.
struct Statistics {
  std::map<std::string, std::size_t> counts;  // "PF101 missing-section" -> n
  void add(const Diagnostic& d) { ++counts[d.code + " " + d.name]; }
  void print(std::ostream& out) const;
};

}  // namespace prfaq::report
