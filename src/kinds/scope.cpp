#include <prfaq/template.hpp>

#include <prfaq/config.hpp>

#include "kinds/kinds.hpp"

namespace prfaq {

std::optional<Scope> Scope::parse(std::string_view text) {
  Scope s;
  s.explicit_scope = true;
  if (text == "document") {
    s.kind = Kind::document;
    s.explicit_scope = false;
  } else if (text == "press_release") {
    s.kind = Kind::press_release;
  } else if (text == "faq") {
    s.kind = Kind::faq;
  } else if (text == "heading" || text == "paragraph" || text == "list_item" ||
             text == "blockquote" || text == "table_cell" || text == "quote") {
    s.kind = Kind::element;
    s.element = text == "heading"      ? BlockKind::heading
                : text == "list_item"  ? BlockKind::list_item
                : text == "blockquote" ? BlockKind::blockquote
                : text == "table_cell" ? BlockKind::table_cell
                                       : BlockKind::paragraph;
    s.quote = text == "quote";
  } else if (!text.empty()) {
    s.kind = Kind::role;
    s.role = std::string(text);
  } else {
    return std::nullopt;
  }
  return s;
}

bool Scope::contains(const Document& doc, std::uint32_t offset) const {
  switch (kind) {
    case Kind::document:
      return true;
    case Kind::press_release:
      return doc.press_release.contains(offset);
    case Kind::faq:
      return doc.faq.contains(offset) || [&] {
        for (const RoleInstance& r : doc.roles)
          if ((r.role == "external_faq" || r.role == "internal_faq") && r.span.contains(offset))
            return true;
        return false;
      }();
    case Kind::role:
      for (const RoleInstance& r : doc.roles)
        if (r.role == role && r.span.contains(offset)) return true;
      return false;
    case Kind::element:
      if (quote) return doc.in_quote(offset);
      if (const Prose* p = doc.prose_at(offset)) return p->kind == element;
      return false;
  }
  return true;
}

bool Scope::contains(const Document& doc, const Prose& prose) const {
  if (kind == Kind::element && !quote) return prose.kind == element;
  return contains(doc, prose.span.begin);
}

std::string Scope::to_string() const {
  switch (kind) {
    case Kind::document:
      return "document";
    case Kind::press_release:
      return "press_release";
    case Kind::faq:
      return "faq";
    case Kind::role:
      return role;
    case Kind::element:
      return quote ? "quote" : std::string(prfaq::to_string(element));
  }
  return "document";
}

namespace kinds {

std::size_t read_choice(ParamReader& p, std::string_view name, std::string_view doc,
                        std::initializer_list<std::string_view> choices) {
  std::string list;
  for (std::string_view c : choices) list += (list.empty() ? "" : ", ") + std::string(c);
  std::string value = p.get_string(name, *choices.begin(), std::string(doc) + ": " + list);
  std::size_t i = 0;
  for (std::string_view c : choices) {
    if (value == c) return i;
    ++i;
  }
  std::string hint = did_you_mean(value, std::vector<std::string>(choices.begin(), choices.end()));
  p.error(name, "unknown " + std::string(name) + " '" + value + "' (" + list + ")" +
                    (hint.empty() ? "" : "; did you mean '" + hint + "'?"));
  return 0;
}

Scope read_scope(ParamReader& p, std::string_view def) {
  std::string text =
      p.get_string("scope", def,
                   "where the rule applies: a template role, press_release, faq, document, or an "
                   "element (heading, paragraph, list_item, blockquote, table_cell, quote)");
  auto s = Scope::parse(text);
  if (!s) {
    p.error("scope", "scope must not be empty");
    return {};
  }
  if (s->kind == Scope::Kind::role && !p.tmpl().role(s->role)) {
    std::string names;
    for (const RoleDef& r : p.tmpl().roles) names += (names.empty() ? "" : ", ") + r.name;
    p.error("scope",
            "unknown scope '" + s->role + "' (roles: " + names +
                "; or press_release, faq, document, heading, paragraph, list_item, blockquote, "
                "table_cell, quote)");
    return {};
  }
  if (text == def && def == "document") s->explicit_scope = false;
  return *s;
}

}  // namespace kinds
}  // namespace prfaq
