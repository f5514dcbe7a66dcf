#include <fmt/format.h>

#include <ostream>

#include "report/common.hpp"

namespace prfaq {

const std::vector<std::string>& reporter_formats() {
  static const std::vector<std::string> formats = {"text",   "concise", "json",       "sarif",
                                                   "github", "junit",   "checkstyle", "rdjson"};
  return formats;
}

std::unique_ptr<Reporter> make_reporter(std::string_view format, std::ostream& out,
                                        const ReportOptions& opts) {
  if (format == "text") return report::make_text(out, opts);
  if (format == "concise") return report::make_concise(out, opts);
  if (format == "json") return report::make_json(out, opts);
  if (format == "sarif") return report::make_sarif(out, opts);
  if (format == "github") return report::make_github(out, opts);
  if (format == "junit") return report::make_junit(out, opts);
  if (format == "checkstyle") return report::make_checkstyle(out, opts);
  if (format == "rdjson") return report::make_rdjson(out, opts);
  return nullptr;
}

std::string summary_line(const Summary& s) {
  auto plural = [](std::size_t n, std::string_view word) {
    if (n == 1) return fmt::format("{} {}", n, word);
    if (word.ends_with('y')) return fmt::format("{} {}ies", n, word.substr(0, word.size() - 1));
    return fmt::format("{} {}s", n, word);
  };
  std::string out;
  if (s.errors + s.warnings + s.infos == 0) {
    out = fmt::format("No findings in {}", plural(s.files, "file"));
  } else {
    std::vector<std::string> parts;
    if (s.errors) parts.push_back(plural(s.errors, "error"));
    if (s.warnings) parts.push_back(plural(s.warnings, "warning"));
    if (s.infos) parts.push_back(plural(s.infos, "info"));
    for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? ", " : "") + parts[i];
    out += fmt::format(" in {} of {}", s.files_with_findings, plural(s.files, "file"));
  }
  if (s.fixed) out += fmt::format(" ({} fixed)", s.fixed);
  if (!s.unreadable.empty())
    out += fmt::format("; {} could not be read", plural(s.unreadable.size(), "file"));
  if (s.baseline_hidden || s.baseline_stale)
    out += fmt::format("; baseline hid {}, {} stale", plural(s.baseline_hidden, "finding"),
                       plural(s.baseline_stale, "entry"));
  return out;
}

namespace report {
void Statistics::print(std::ostream& out) const {
  std::vector<std::pair<std::size_t, std::string>> rows;
  for (const auto& [k, v] : counts) rows.emplace_back(v, k);
  std::stable_sort(rows.begin(), rows.end(), [](auto& a, auto& b) { return a.first > b.first; });
  for (const auto& [n, k] : rows) out << fmt::format("{:>5}  {}\n", n, k);
}
}  // namespace report

}  // namespace prfaq
