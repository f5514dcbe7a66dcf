#include "engine/suppressions.hpp"

#include "text/text.hpp"

namespace prfaq {

Suppressions::Suppressions(const Document& doc) : m_doc(doc) {
  const LineIndex& lines = doc.source->lines;
  for (const HtmlComment& c : doc.comments) {
    std::string body = c.text;
    std::size_t reason = body.find("--");
    if (reason != std::string::npos) body.erase(reason);
    std::vector<std::string> words;
    std::string cur;
    for (char ch : body) {
      if (std::isspace(static_cast<unsigned char>(ch)) || ch == ',') {
        if (!cur.empty()) words.push_back(cur), cur.clear();
      } else {
        cur += ch;
      }
    }
    if (!cur.empty()) words.push_back(cur);
    if (words.empty()) continue;
    Directive d;
    const std::string& w = words[0];
    if (w == "prfaq-disable")
      d.kind = Directive::Kind::disable;
    else if (w == "prfaq-enable")
      d.kind = Directive::Kind::enable;
    else if (w == "prfaq-disable-line")
      d.kind = Directive::Kind::line;
    else if (w == "prfaq-disable-next-line")
      d.kind = Directive::Kind::next_line;
    else if (w == "prfaq-disable-file")
      d.kind = Directive::Kind::file;
    else
      continue;
    d.rules.assign(words.begin() + 1, words.end());
    d.span = c.span;
    d.line = lines.line_of(c.span.begin);
    if (d.kind == Directive::Kind::next_line) {
      d.line = lines.line_of(c.span.end) + 1;
      // Skip blank lines to the next line with content.
      while (d.line + 1 < lines.line_count() && text::trim(lines.line_text(d.line + 1)).empty())
        ++d.line;
    }
    m_directives.push_back(std::move(d));
  }
}

bool Suppressions::names(const Directive& d, const Diagnostic& diag) const {
  if (d.rules.empty()) return true;
  for (const std::string& r : d.rules)
    if (text::iequals(r, diag.code) || r == diag.name) return true;
  return false;
}

bool Suppressions::suppresses(const Diagnostic& diag) {
  const LineIndex& lines = m_doc.source->lines;
  std::uint32_t line = lines.line_of(diag.span.begin);
  bool hit = false;
  // Range directives: the last disable/enable naming this rule before the finding wins.
  Directive* active = nullptr;
  for (Directive& d : m_directives) {
    switch (d.kind) {
      case Directive::Kind::file:
        if (names(d, diag)) d.used = hit = true;
        break;
      case Directive::Kind::line:
      case Directive::Kind::next_line:
        if (d.line == line && names(d, diag)) d.used = hit = true;
        break;
      case Directive::Kind::disable:
        if (d.span.end <= diag.span.begin && names(d, diag)) active = &d;
        break;
      case Directive::Kind::enable:
        if (d.span.end <= diag.span.begin && names(d, diag)) active = nullptr;
        break;
    }
  }
  if (active) active->used = hit = true;
  return hit;
}

std::vector<Suppressions::Unused> Suppressions::unused(const Config& config) const {
  (void)config;
  std::vector<Unused> out;
  for (const Directive& d : m_directives) {
    if (d.used || d.kind == Directive::Kind::enable) continue;
    std::string rules;
    for (const std::string& r : d.rules) rules += (rules.empty() ? "" : ", ") + r;
    out.push_back({d.span, rules.empty() ? "all rules" : rules});
  }
  return out;
}

}  // namespace prfaq
