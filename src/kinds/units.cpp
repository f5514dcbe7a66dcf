#include "kinds/units.hpp"

#include <prfaq/template.hpp>

namespace prfaq::kinds {

Span first_line(const Document& doc, Span span) {
  const LineIndex& lines = doc.source->lines;
  std::uint32_t line = lines.line_of(span.begin) + 1;
  std::uint32_t start = std::max(lines.line_start(line), span.begin);
  std::uint32_t end =
      lines.line_start(line) + static_cast<std::uint32_t>(lines.line_text(line).size());
  return {start, std::max(start, std::min(end, std::max(span.end, start)))};
}

std::vector<Unit> units_of(const Document& doc, const Scope& scope) {
  std::vector<Unit> out;
  // A file that is not a PR/FAQ has no press release, FAQ or roles to measure.
  if (!doc.is_prfaq && scope.kind != Scope::Kind::document && scope.kind != Scope::Kind::element)
    return out;
  switch (scope.kind) {
    case Scope::Kind::document:
      out.push_back({{0, static_cast<std::uint32_t>(doc.text().size())},
                     first_line(doc, {doc.front_matter.end, doc.front_matter.end}),
                     "document"});
      break;
    case Scope::Kind::press_release:
      if (!doc.press_release.empty())
        out.push_back({doc.press_release, first_line(doc, doc.press_release), "press release"});
      break;
    case Scope::Kind::faq: {
      Span faq = doc.faq;
      for (const RoleInstance& r : doc.roles) {
        if (r.role != "external_faq" && r.role != "internal_faq") continue;
        if (faq.empty()) faq = r.span;
        faq.begin = std::min(faq.begin, r.span.begin);
        faq.end = std::max(faq.end, r.span.end);
      }
      if (!faq.empty()) out.push_back({faq, first_line(doc, faq), "FAQ"});
      break;
    }
    case Scope::Kind::role:
      for (const RoleInstance& r : doc.roles) {
        if (r.role != scope.role) continue;
        const RoleDef* def = doc.tmpl ? doc.tmpl->role(r.role) : nullptr;
        out.push_back({r.span, first_line(doc, r.label_span), def ? def->title : r.role});
      }
      break;
    case Scope::Kind::element:
      for (const Prose& p : doc.prose)
        if (scope.contains(doc, p))
          out.push_back({p.span, first_line(doc, p.span), std::string(to_string(p.kind))});
      break;
  }
  return out;
}

}  // namespace prfaq::kinds
