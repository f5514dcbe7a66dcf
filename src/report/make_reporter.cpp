#include <fmt/format.h>

#include <ostream>

#include "report/common.hpp"

namespace prfaq {

namespace report {
// Each format's factory, defined in its own file.
std::unique_ptr<Reporter> make_text(std::ostream& out, const ReportOptions& opts);
std::unique_ptr<Reporter> make_concise(std::ostream& out, const ReportOptions& opts);
std::unique_ptr<Reporter> make_json(std::ostream& out, const ReportOptions& opts);
std::unique_ptr<Reporter> make_sarif(std::ostream& out, const ReportOptions& opts);
std::unique_ptr<Reporter> make_github(std::ostream& out, const ReportOptions& opts);
std::unique_ptr<Reporter> make_junit(std::ostream& out, const ReportOptions& opts);
std::unique_ptr<Reporter> make_checkstyle(std::ostream& out, const ReportOptions& opts);
std::unique_ptr<Reporter> make_rdjson(std::ostream& out, const ReportOptions& opts);
std::unique_ptr<Reporter> make_markdown(std::ostream& out, const ReportOptions& opts);
}  // namespace report

namespace {

struct Format {
  std::string_view name;
  std::unique_ptr<Reporter> (*make)(std::ostream&, const ReportOptions&);
};

// The one table of output formats: --format's choices and the factories.
constexpr Format k_formats[] = {
    {"text", report::make_text},
    {"concise", report::make_concise},
    {"json", report::make_json},
    {"sarif", report::make_sarif},
    {"github", report::make_github},
    {"junit", report::make_junit},
    {"checkstyle", report::make_checkstyle},
    {"rdjson", report::make_rdjson},
    {"markdown", report::make_markdown},
};

}  // namespace

const std::vector<std::string>& reporter_formats() {
  static const std::vector<std::string> formats = [] {
    std::vector<std::string> names;
    for (const Format& f : k_formats) names.emplace_back(f.name);
    return names;
  }();
  return formats;
}

std::unique_ptr<Reporter> make_reporter(std::string_view format, std::ostream& out,
                                        const ReportOptions& opts) {
  for (const Format& f : k_formats)
    if (f.name == format) return f.make(out, opts);
  return nullptr;
}

std::string_view to_string(Verdict v) {
  switch (v) {
    case Verdict::ready:
      return "ready";
    case Verdict::needs_work:
      return "needs-work";
    default:
      return "not-ready";
  }
}

std::optional<Verdict> parse_verdict(std::string_view text) {
  for (Verdict v : {Verdict::ready, Verdict::needs_work, Verdict::not_ready})
    if (to_string(v) == text) return v;
  return std::nullopt;
}

Verdict verdict_of(std::span<const Diagnostic> diags) {
  Verdict v = Verdict::ready;
  for (const Diagnostic& d : diags) {
    if (d.suppressed) continue;
    if (d.severity == Severity::error) return Verdict::not_ready;
    if (d.severity == Severity::warning) v = Verdict::needs_work;
  }
  return v;
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
  if (!s.diff_base.empty())
    out += fmt::format("; {} new since {}, {} there before", plural(s.new_findings, "finding"),
                       s.diff_base, s.existing_findings);
  if (s.skipped)
    out +=
        fmt::format("; {} named {} left out by the configuration (--no-force-exclude lints {})",
                    s.skipped, s.skipped == 1 ? "file" : "files", s.skipped == 1 ? "it" : "them");
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
