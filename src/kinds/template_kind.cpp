// The "template" kind: PF101 missing-section, PF102 empty-section, PF103 section-out-of-order,
// PF104 duplicate-section, PF105 not-a-prfaq. One class; `check` picks the check.
#include <algorithm>
#include <prfaq/template.hpp>

#include "kinds/kinds.hpp"

namespace prfaq::kinds {
namespace {

enum class Check { missing, empty, order, duplicate, not_prfaq };

class TemplateRule final : public Rule {
 public:
  explicit TemplateRule(ParamReader& p) : m_tmpl(p.tmpl()) {
    m_check = read_choice<Check>(p, "check", "which template check",
                                 {"missing", "empty", "order", "duplicate", "not-a-prfaq"});
    m_recommended =
        p.get_bool("recommended", true, "also report recommended roles (one severity level lower)");
  }

  bool fixable() const override { return m_check == Check::missing; }

  void check(const Document& doc, FindingSink& out) const override {
    if (m_check == Check::not_prfaq) {
      if (!doc.is_prfaq) {
        std::string_view first =
            doc.source->lines.line_text(doc.source->lines.line_of(doc.front_matter.end) + 1);
        Span s{doc.front_matter.end,
               static_cast<std::uint32_t>(doc.front_matter.end + first.size())};
        out.report({.span = s, .args = {{"match", std::string(first)}}});
      }
      return;
    }
    if (!doc.is_prfaq) return;
    switch (m_check) {
      case Check::missing:
        missing(doc, out);
        break;
      case Check::empty:
        for (const RoleInstance& r : doc.roles)
          if (r.labelled && r.empty)
            out.report(
                {.span = r.label_span, .args = {{"section", title(r.role)}, {"label", r.label}}});
        break;
      case Check::order:
        order(doc, out);
        break;
      case Check::duplicate:
        duplicate(doc, out);
        break;
      default:
        break;
    }
  }

 private:
  std::string title(std::string_view role) const {
    const RoleDef* d = m_tmpl.role(role);
    return d ? d->title : std::string(role);
  }

  void missing(const Document& doc, FindingSink& out) const {
    for (const RoleDef& def : m_tmpl.roles) {
      if (def.requirement == Requirement::optional) continue;
      if (def.requirement == Requirement::recommended && !m_recommended) continue;
      if (doc.find_role(def.name)) continue;
      // Quote roles are checked by the quote rules (PF301, PF304) with better messages.
      if (def.name == "customer_quote" || def.name == "leader_quote") continue;
      Finding f;
      f.demote = def.requirement == Requirement::recommended ? 1 : 0;
      f.args = {{"section", def.title}, {"requirement", std::string(to_string(def.requirement))}};
      // Anchor: the nearest present role before it in template order.
      const RoleInstance* before = nullptr;
      const RoleInstance* after = nullptr;
      int order = m_tmpl.order_of(def.name);
      for (const RoleInstance& r : doc.roles) {
        int o = m_tmpl.order_of(r.role);
        if (o < order && (!before || r.span.end >= before->span.end)) before = &r;
        if (o > order && (!after || r.span.begin < after->span.begin)) after = &r;
      }
      std::uint32_t at;
      std::string text;
      bool headings = std::any_of(doc.sections.begin(), doc.sections.end(),
                                  [](const Section& s) { return s.style == LabelStyle::atx; });
      std::string body = def.skeleton;
      bool faq_role = def.part == "faq";
      if (faq_role) {
        // After the other FAQ part, else at the end of the document.
        at = static_cast<std::uint32_t>(doc.text().size());
        if (def.name == "external_faq" && after && (after->role == "internal_faq"))
          at = after->span.begin;
      } else if (def.name == "headline") {
        at = doc.front_matter.end;
        for (const Section& s : doc.sections)
          if (s.is_title) at = s.label_span.end;
      } else if (before) {
        at = before->span.end;
        if (before->labelled && before->section > 0) at = doc.sections[before->section].span.end;
        if (!doc.press_release.empty() && at > doc.press_release.end) at = doc.press_release.end;
      } else if (after) {
        at = after->span.begin;
      } else {
        at = doc.press_release.empty() ? doc.front_matter.end : doc.press_release.begin;
      }
      // Trim back over trailing whitespace so the insertion reads "\n\n<skeleton>".
      std::string_view t = doc.text();
      at = std::min<std::uint32_t>(at, static_cast<std::uint32_t>(t.size()));
      while (at > 0 && (t[at - 1] == '\n' || t[at - 1] == '\r' || t[at - 1] == ' ')) --at;
      if (headings && !faq_role && def.name != "headline" && def.name != "subheadline" &&
          def.name != "summary")
        body = "## " + def.title + "\n\n" + body;
      if (def.name == "headline" && at == 0) {
        text = body + "\n";
      } else {
        text = "\n\n" + body;
        while (!text.empty() && text.back() == '\n') text.pop_back();
      }
      std::uint32_t line_start = doc.source->lines.line_start(doc.source->lines.line_of(at) + 1);
      std::string_view line = doc.source->lines.line_text(doc.source->lines.line_of(at) + 1);
      f.span = {line_start, static_cast<std::uint32_t>(line_start + line.size())};
      if (at == 0 && doc.text().empty()) f.span = {0, 0};
      f.args["previous"] = before ? title(before->role) : std::string("the start");
      f.fix = Fix{"Insert a '" + def.title + "' skeleton", {{{at, at}, text}}, true};
      out.report(std::move(f));
    }
  }

  bool ordered_role(std::string_view r) const {
    return r == "headline" || r == "subheadline" || r == "summary" || r == "problem" ||
           r == "solution" || r == "getting_started";
  }

  void order(const Document& doc, FindingSink& out) const {
    const RoleInstance* latest = nullptr;
    const RoleInstance* first_faq = nullptr;
    for (const RoleInstance& r : doc.roles) {
      if (r.role == "external_faq" || r.role == "internal_faq") {
        if (!first_faq) first_faq = &r;
        continue;
      }
      const RoleDef* def = m_tmpl.role(r.role);
      if (first_faq && def && def->part == "press_release" && r.labelled) {
        Finding f;
        f.span = r.label_span;
        f.args = {{"section", title(r.role)}, {"expected", "the FAQ"}};
        f.labels.push_back({first_faq->label_span, "the FAQ starts here"});
        out.report(std::move(f));
        continue;
      }
      if (!ordered_role(r.role)) continue;
      if (latest && m_tmpl.order_of(r.role) < m_tmpl.order_of(latest->role)) {
        Finding f;
        f.span = r.label_span;
        f.args = {{"section", title(r.role)}, {"expected", title(latest->role)}};
        f.labels.push_back({latest->label_span, "'" + title(latest->role) + "' comes first here"});
        out.report(std::move(f));
        continue;
      }
      latest = &r;
    }
  }

  void duplicate(const Document& doc, FindingSink& out) const {
    for (std::size_t i = 0; i < doc.roles.size(); ++i) {
      const RoleInstance& r = doc.roles[i];
      if (!r.labelled) continue;
      for (std::size_t j = 0; j < i; ++j) {
        const RoleInstance& e = doc.roles[j];
        if (e.labelled && e.role == r.role) {
          Finding f;
          f.span = r.label_span;
          f.args = {{"section", title(r.role)}, {"label", r.label}};
          f.labels.push_back({e.label_span, "first labelled here"});
          out.report(std::move(f));
          break;
        }
      }
    }
  }

  const Template& m_tmpl;
  Check m_check = Check::missing;
  bool m_recommended = true;
};

}  // namespace

std::unique_ptr<Rule> make_template(ParamReader& p) {
  return std::make_unique<TemplateRule>(p);
}

}  // namespace prfaq::kinds
