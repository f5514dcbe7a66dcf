// Markdown for a pull-request comment or $GITHUB_STEP_SUMMARY: the verdict, a scorecard per file
// (verdict and counts by severity), then each file's findings, open questions and key risks.
#include <fmt/format.h>

#include <array>
#include <optional>
#include <ostream>
#include <sstream>

#include "report/common.hpp"

namespace prfaq::report {
namespace {

std::string_view verdict_mark(Verdict v) {
  switch (v) {
    case Verdict::ready:
      return "ready";
    case Verdict::needs_work:
      return "needs work";
    default:
      return "not ready";
  }
}

class Markdown final : public Reporter {
 public:
  Markdown(std::ostream& out, const ReportOptions& opts) : m_out(out), m_opts(opts) {}

  void review(const SourceFile&, const FileReview& r) override { m_review = r; }

  void file(const SourceFile& src, std::span<const Diagnostic> diags) override {
    std::string path = relative_display_path(src.path);
    std::array<std::size_t, 4> count{};
    for (const Diagnostic& d : diags)
      if (!d.suppressed) ++count[static_cast<std::size_t>(d.severity)];
    Verdict verdict = m_review ? m_review->verdict : verdict_of(diags);
    m_rows += fmt::format("| {} | {} | {} | {} | {} |\n", markdown_cell(path),
                          verdict_mark(verdict), count[3], count[2], count[1]);
    if (diags.empty() &&
        (!m_review || (m_review->open_questions.empty() && m_review->risks.empty()))) {
      m_review.reset();
      return;
    }
    std::ostringstream s;
    s << fmt::format("\n### {} ({})\n\n", markdown_cell(path), verdict_mark(verdict));
    for (const Diagnostic& d : diags) {
      if (d.suppressed) continue;
      Location loc = src.lines.location(d.span.begin);
      s << fmt::format("- **{}** `{}` {} (line {}, column {}){}\n", to_string(d.severity), d.code,
                       markdown_cell(d.message), loc.line, loc.column,
                       d.section.empty() ? "" : " in " + markdown_cell(d.section));
      if (!d.help.empty()) s << fmt::format("  <br>{}\n", markdown_cell(d.help));
    }
    if (m_review && !m_review->open_questions.empty()) {
      s << "\nOpen questions (no answer yet):\n\n";
      for (const ReviewItem& q : m_review->open_questions)
        s << fmt::format("- {} (line {})\n", markdown_cell(q.question), q.line);
    }
    if (m_review && !m_review->risks.empty()) {
      s << "\nKey risks named in the internal FAQ:\n\n";
      for (const ReviewItem& r : m_review->risks)
        s << fmt::format("- {} (line {}): {}\n", markdown_cell(r.question), r.line,
                         markdown_cell(r.answer));
    }
    m_details += s.str();
    m_review.reset();
  }

  void end(const Summary& s) override {
    m_out << fmt::format("## prfaq: {}\n\n", verdict_mark(s.verdict));
    if (!m_opts.quiet) m_out << markdown_cell(summary_line(s)) << "\n\n";
    if (!m_rows.empty()) {
      m_out
          << "| File | Verdict | Errors | Warnings | Infos |\n| --- | --- | ---: | ---: | ---: |\n";
      m_out << m_rows;
    }
    m_out << m_details;
  }

 private:
  std::ostream& m_out;
  ReportOptions m_opts;
  std::optional<FileReview> m_review;
  std::string m_rows, m_details;
};

}  // namespace

std::unique_ptr<Reporter> make_markdown(std::ostream& out, const ReportOptions& opts) {
  return std::make_unique<Markdown>(out, opts);
}

}  // namespace prfaq::report
