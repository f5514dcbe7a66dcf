// `prfaq outline`: how a document was read — roles, quotes, FAQ entries, the PR/FAQ decision —
// and with --explain the evidence behind each reading.
#include <fmt/format.h>

#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include <prfaq/config.hpp>
#include <prfaq/document.hpp>

#include "cli/commands.hpp"
#include "cli/config_cache.hpp"
#include "io/files.hpp"
#include "report/common.hpp"
#include "text/text.hpp"

namespace fs = std::filesystem;

namespace prfaq::cli {

namespace {

std::uint32_t line_of(const Document& doc, std::uint32_t offset) {
  return doc.source->lines.location(offset).line;
}

std::uint32_t last_line(const Document& doc, Span s) {
  return line_of(doc, s.end > s.begin ? s.end - 1 : s.begin);
}

nlohmann::json outline_json(const Document& doc, bool explain) {
  nlohmann::json j;
  j["version"] = 1;  // docs/prfaq-outline.schema.json
  j["path"] = doc.source->path;
  j["is_prfaq"] = doc.is_prfaq;
  if (doc.headline_role) {
    j["headline"] = {{"text", doc.headline_text}, {"line", line_of(doc, doc.headline_span.begin)}};
    if (explain) {
      const RoleInstance& h = doc.roles[*doc.headline_role];
      j["headline"]["how"] = h.labelled ? "label '" + h.label + "'" : h.how;
      j["headline"]["rejected"] = h.rejected;
    }
  } else {
    j["headline"] = nullptr;
  }
  j["roles"] = nlohmann::json::array();
  for (const RoleInstance& r : doc.roles) {
    nlohmann::json role = {{"role", r.role},
                           {"label", r.label},
                           {"start_line", line_of(doc, r.label_span.begin)},
                           {"end_line", last_line(doc, r.span)},
                           {"words", r.words}};
    if (explain) {
      role["how"] = r.how;
      if (!r.rejected.empty()) role["rejected"] = r.rejected;
    }
    j["roles"].push_back(std::move(role));
  }
  j["quotes"] = nlohmann::json::array();
  for (const Quote& q : doc.quotes) {
    nlohmann::json quote = {{"class", to_string(q.cls)},
                            {"speaker", q.speaker},
                            {"text", q.text},
                            {"line", line_of(doc, q.span.begin)}};
    if (explain) {
      quote["how"] = q.how;
      quote["why"] = q.why;
    }
    j["quotes"].push_back(std::move(quote));
  }
  j["questions"] = nlohmann::json::array();
  for (const Question& q : doc.questions) {
    nlohmann::json question = {{"part", q.part},
                               {"text", q.text},
                               {"line", line_of(doc, q.span.begin)},
                               {"answered", q.answered}};
    if (explain) {
      question["layout"] = q.layout;
      question["why"] = q.why;
      if (!q.answer.empty())
        question["answer_lines"] = {line_of(doc, q.answer.begin), last_line(doc, q.answer)};
    }
    j["questions"].push_back(std::move(question));
  }
  if (explain) {
    nlohmann::json decision = {{"is_prfaq", doc.is_prfaq},
                               {"score", doc.prfaq_score},
                               {"threshold", prfaq_threshold},
                               {"evidence", nlohmann::json::array()}};
    if (!doc.prfaq_forced.empty()) decision["forced"] = doc.prfaq_forced;
    for (const Evidence& e : doc.prfaq_evidence) {
      nlohmann::json ev = {{"weight", e.weight}, {"what", e.what}};
      if (!e.at.empty() || e.at.begin > 0) ev["line"] = line_of(doc, e.at.begin);
      decision["evidence"].push_back(std::move(ev));
    }
    j["decision"] = std::move(decision);
    j["mentions"] = nlohmann::json::array();
    for (Span m : doc.mentions)
      j["mentions"].push_back(
          {{"line", line_of(doc, m.begin)}, {"text", text::squash(doc.slice(m))}});
    j["labels"] = nlohmann::json::array();
    for (std::size_t i = 1; i < doc.sections.size(); ++i) {
      const Section& s = doc.sections[i];
      nlohmann::json l = {{"line", line_of(doc, s.label_span.begin)},
                          {"label", s.label},
                          {"kind", to_string(s.kind)}};
      if (!s.role.empty()) l["role"] = s.role;
      if (!s.part.empty()) l["part"] = s.part;
      if (!s.how.empty()) l["how"] = s.how;
      j["labels"].push_back(std::move(l));
    }
  }
  return j;
}

void outline_text(const Document& doc, bool explain) {
  std::cout << doc.source->path << (doc.is_prfaq ? "" : " (not a PR/FAQ)") << "\n";
  if (explain) {
    if (!doc.prfaq_forced.empty())
      std::cout << fmt::format("  PR/FAQ: {} ({})\n", doc.is_prfaq ? "yes" : "no",
                               doc.prfaq_forced);
    else
      std::cout << fmt::format("  PR/FAQ: {} (evidence {:+}, needs {:+})\n",
                               doc.is_prfaq ? "yes" : "no", doc.prfaq_score, prfaq_threshold);
    for (const Evidence& e : doc.prfaq_evidence)
      if (e.weight != 0) std::cout << fmt::format("    {:+3}  {}\n", e.weight, e.what);
  }
  if (doc.headline_role) {
    std::cout << fmt::format("  headline: {} (line {})\n", doc.headline_text,
                             line_of(doc, doc.headline_span.begin));
    if (explain) {
      const RoleInstance& h = doc.roles[*doc.headline_role];
      std::cout << "    how: " << (h.labelled ? "label '" + h.label + "'" : h.how) << "\n";
      for (const std::string& r : h.rejected) std::cout << "    turned down: " << r << "\n";
    }
  }
  if (!doc.roles.empty()) std::cout << "  roles:\n";
  for (const RoleInstance& r : doc.roles) {
    std::cout << fmt::format("    {:<20} lines {:>4}-{:<4} {:>5} words  {}\n", r.role,
                             line_of(doc, r.label_span.begin), last_line(doc, r.span), r.words,
                             r.label.empty() ? "(from content)" : "\"" + r.label + "\"");
    if (explain && !r.how.empty()) std::cout << "      how: " << r.how << "\n";
    if (explain)
      for (const std::string& why : r.rejected) std::cout << "      turned down: " << why << "\n";
  }
  if (!doc.quotes.empty()) std::cout << "  quotes:\n";
  for (const Quote& q : doc.quotes) {
    std::cout << fmt::format("    line {:>4}  {:<8}  {}  \"{}\"\n", line_of(doc, q.span.begin),
                             to_string(q.cls), q.speaker.empty() ? "(no speaker)" : q.speaker,
                             text::preview(q.text, 60));
    if (explain) std::cout << "      how: " << q.how << "; class: " << q.why << "\n";
  }
  if (explain && !doc.mentions.empty()) {
    std::cout << "  quoted, but not speech (mentions):\n";
    for (Span m : doc.mentions)
      std::cout << fmt::format("    line {:>4}  {}\n", line_of(doc, m.begin),
                               text::preview(text::squash(doc.slice(m)), 70));
  }
  if (!doc.questions.empty()) std::cout << "  questions:\n";
  for (const Question& q : doc.questions) {
    std::cout << fmt::format("    line {:>4}  {:<8}  {}  {}\n", line_of(doc, q.span.begin), q.part,
                             q.answered ? "answered  " : "UNANSWERED", q.text);
    if (explain) std::cout << "      " << q.layout << "; " << q.why << "\n";
  }
}

}  // namespace

int run_outline(const std::string& file, const std::string& format, bool explain,
                const LintOptions& o) {
  std::string text;
  std::string display = file;
  std::string error;
  if (file == "-") display = o.stdin_filename.value_or("<stdin>");
  if (!io::read_document(file, file == "-", text, error)) {
    std::cerr << fmt::format("prfaq: {}: {}\n", report::terminal_safe(display), error);
    return 2;
  }
  ConfigCache cache(o);
  fs::path where =
      file == "-" ? (o.stdin_filename ? fs::path(*o.stdin_filename) : fs::current_path() / "x.md")
                  : fs::path(file);
  auto config = cache.for_file(where);
  if (!config_ok(*config)) return 2;
  SourceFile src(display, text);
  ParseOptions opts;
  opts.tmpl = &config->tmpl;
  opts.product_names = config->product_names;
  opts.selected_by_include = cache.included(*config, where);
  Document doc = build_document(src, opts);
  if (format == "json")
    std::cout
        << outline_json(doc, explain).dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
        << "\n";
  else
    outline_text(doc, explain);
  return 0;
}

}  // namespace prfaq::cli
