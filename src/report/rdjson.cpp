// reviewdog's diagnostic format (rdjson: one DiagnosticResult). Columns are 1-based UTF-8 byte
// counts and ranges end exclusively, as reviewdog defines them; safe fixes become suggestions.
#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <ostream>

#include "report/common.hpp"

namespace prfaq::report {
namespace {

using nlohmann::json;

std::string_view rd_severity(Severity s) {
  switch (s) {
    case Severity::error:
      return "ERROR";
    case Severity::warning:
      return "WARNING";
    default:
      return "INFO";
  }
}

json rd_position(const SourceFile& src, std::uint32_t offset) {
  offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(src.text.size()));
  std::uint32_t line = src.lines.line_of(offset) + 1;
  return {{"line", line}, {"column", offset - src.lines.line_start(line) + 1}};
}

json rd_range(const SourceFile& src, Span span) {
  return {{"start", rd_position(src, span.begin)}, {"end", rd_position(src, span.end)}};
}

class Rdjson final : public Reporter {
 public:
  Rdjson(std::ostream& out, const ReportOptions& opts) : m_out(out), m_opts(opts) {}
  void file(const SourceFile& src, std::span<const Diagnostic> diags) override {
    std::string path = relative_display_path(src.path);
    for (const Diagnostic& d : diags) {
      json diag = {{"message", d.message},
                   {"location", {{"path", path}, {"range", rd_range(src, d.span)}}},
                   {"severity", rd_severity(d.severity)},
                   {"code", {{"value", d.code}}}};
      if (d.fix && d.fix->safe && !d.fix->edits.empty()) {
        json suggestions = json::array();
        for (const Edit& e : d.fix->edits)
          suggestions.push_back({{"range", rd_range(src, e.span)}, {"text", e.replacement}});
        diag["suggestions"] = suggestions;
      }
      Location loc = src.lines.location(d.span.begin);
      diag["original_output"] = fmt::format("{}:{}:{}: {}: {} [{}/{}]", path, loc.line, loc.column,
                                            to_string(d.severity), d.message, d.code, d.name);
      m_diags.push_back(std::move(diag));
    }
  }
  void end(const Summary&) override {
    json doc = {{"source", {{"name", "prfaq"}, {"url", std::string(kInformationUri)}}},
                {"diagnostics", m_diags}};
    m_out << doc.dump(2, ' ', false, json::error_handler_t::replace) << "\n";
  }

 private:
  std::ostream& m_out;
  ReportOptions m_opts;
  json m_diags = json::array();
};

}  // namespace

std::unique_ptr<Reporter> make_rdjson(std::ostream& out, const ReportOptions& opts) {
  return std::make_unique<Rdjson>(out, opts);
}

}  // namespace prfaq::report
