// The versioned JSON format (SPEC §7); schema in docs/prfaq-output.schema.json.
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>

#include "report/common.hpp"

namespace prfaq::report {

nlohmann::json position_json(const SourceFile& src, std::uint32_t offset) {
  Location l = src.lines.location(offset);
  return {{"line", l.line}, {"column", l.column}, {"offset", offset}};
}

nlohmann::json diagnostic_json(const SourceFile& src, const Diagnostic& d) {
  nlohmann::json j = {
      {"code", d.code},
      {"name", d.name},
      {"severity", to_string(d.severity)},
      {"message", d.message},
      {"range",
       {{"start", position_json(src, d.span.begin)}, {"end", position_json(src, d.span.end)}}},
      {"section", d.section}};
  if (d.fix) {
    nlohmann::json edits = nlohmann::json::array();
    for (const Edit& e : d.fix->edits)
      edits.push_back(
          {{"range",
            {{"start", position_json(src, e.span.begin)}, {"end", position_json(src, e.span.end)}}},
           {"replacement", e.replacement}});
    j["fix"] = {{"title", d.fix->title}, {"safe", d.fix->safe}, {"edits", edits}};
  } else {
    j["fix"] = nullptr;
  }
  j["help"] = d.help.empty() ? nlohmann::json(nullptr) : nlohmann::json(d.help);
  if (d.is_new) j["new"] = *d.is_new;
  if (d.suppressed) j["suppressed"] = true;
  nlohmann::json related = nlohmann::json::array();
  for (const Label& l : d.labels)
    related.push_back(
        {{"message", l.message},
         {"range",
          {{"start", position_json(src, l.span.begin)}, {"end", position_json(src, l.span.end)}}}});
  j["related"] = related;
  return j;
}

namespace {

class Json final : public Reporter {
 public:
  Json(std::ostream& out, const ReportOptions& opts) : m_out(out), m_opts(opts) {}
  void review(const SourceFile&, const FileReview& r) override { m_review = r; }
  void file(const SourceFile& src, std::span<const Diagnostic> diags) override {
    nlohmann::json arr = nlohmann::json::array();
    for (const Diagnostic& d : diags) arr.push_back(diagnostic_json(src, d));
    nlohmann::json f = {{"path", src.path}, {"diagnostics", arr}};
    if (m_review) {
      auto items = [](const std::vector<ReviewItem>& v, bool answers) {
        nlohmann::json a = nlohmann::json::array();
        for (const ReviewItem& i : v) {
          nlohmann::json e = {{"question", i.question}, {"line", i.line}};
          if (answers) e["answer"] = i.answer;
          a.push_back(std::move(e));
        }
        return a;
      };
      f["review"] = {{"verdict", std::string(to_string(m_review->verdict))},
                     {"is_prfaq", m_review->is_prfaq},
                     {"open_questions", items(m_review->open_questions, false)},
                     {"risks", items(m_review->risks, true)}};
      m_review.reset();
    }
    m_files.push_back(std::move(f));
  }
  void end(const Summary& s) override {
    nlohmann::json doc = {{"version", 1},
                          {"files", m_files},
                          {"summary",
                           {{"files", s.files},
                            {"files_with_findings", s.files_with_findings},
                            {"errors", s.errors},
                            {"warnings", s.warnings},
                            {"infos", s.infos},
                            {"fixed", s.fixed},
                            {"baseline_hidden", s.baseline_hidden},
                            {"baseline_stale", s.baseline_stale},
                            {"skipped", s.skipped},
                            {"verdict", std::string(to_string(s.verdict))}}}};
    if (!s.diff_base.empty())
      doc["summary"]["diff"] = {
          {"base", s.diff_base}, {"new", s.new_findings}, {"existing", s.existing_findings}};
    if (!s.unreadable.empty()) {
      nlohmann::json arr = nlohmann::json::array();
      for (const auto& u : s.unreadable) arr.push_back({{"path", u.path}, {"reason", u.reason}});
      doc["summary"]["unreadable"] = arr;
    }
    m_out << doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  }

 private:
  std::ostream& m_out;
  ReportOptions m_opts;
  nlohmann::json m_files = nlohmann::json::array();
  std::optional<FileReview> m_review;  // of the file about to be reported
};

}  // namespace

std::unique_ptr<Reporter> make_json(std::ostream& out, const ReportOptions& opts) {
  return std::make_unique<Json>(out, opts);
}

}  // namespace prfaq::report
