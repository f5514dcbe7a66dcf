// The kinds about the template's parts: "missing-part" (PF101), "empty-part" (PF102),
// "part-order" (PF103), "duplicate-part" (PF104) and "not-a-prfaq" (PF105).
#include <algorithm>
#include <map>
#include <prfaq/template.hpp>

#include "kinds/kinds.hpp"
#include "kinds/units.hpp"
#include "text/text.hpp"

namespace prfaq::kinds {
namespace {

std::string title_of(const Template& t, std::string_view role) {
  const RoleDef* d = t.role(role);
  return d ? d->title : std::string(role);
}

bool faq_role(std::string_view r) {
  return r == "external_faq" || r == "internal_faq";
}

/// A role of the press release counts only where the press release is: a problem told only in
/// an FAQ answer leaves the release without one.
bool in_release(const Document& doc, const RoleInstance& r) {
  if (r.labelled) return true;
  const RoleDef* d = doc.tmpl ? doc.tmpl->role(r.role) : nullptr;
  if (!d || d->part != "press_release") return true;
  return doc.press_release.empty() || doc.press_release.contains(r.label_span.begin);
}

const RoleInstance* present(const Document& doc, std::string_view role) {
  for (const RoleInstance& r : doc.roles)
    if (r.role == role && !r.in_example && in_release(doc, r)) return &r;
  return nullptr;
}

class MissingPart final : public Rule {
 public:
  explicit MissingPart(ParamReader& p) : m_tmpl(p.tmpl()) {
    m_recommended =
        p.get_bool("recommended", true, "also report recommended roles (one severity level lower)");
  }
  bool fixable() const override { return true; }

  void check(const Document& doc, FindingSink& out) const override {
    if (!doc.is_prfaq) return;
    // A press release without any FAQ gets one finding for the FAQ, not one per part.
    bool any_faq =
        !doc.questions.empty() || present(doc, "external_faq") || present(doc, "internal_faq");
    bool faq_reported = false;
    for (const RoleDef& def : m_tmpl.roles) {
      if (def.requirement == Requirement::optional) continue;
      if (def.requirement == Requirement::recommended && !m_recommended) continue;
      // Quote roles are checked by the quote rules (PF301, PF304) with better messages.
      if (def.name == "customer_quote" || def.name == "leader_quote") continue;
      if (present(doc, def.name)) continue;
      if (def.part == "faq" && !any_faq) {
        if (faq_reported) continue;
        faq_reported = true;
        report_no_faq(doc, out);
        continue;
      }
      report(doc, def, out);
    }
  }

 private:
  void report_no_faq(const Document& doc, FindingSink& out) const {
    Finding f;
    std::string skeleton;
    for (const RoleDef& d : m_tmpl.roles)
      if (faq_role(d.name) && d.requirement == Requirement::required) skeleton += "\n" + d.skeleton;
    std::uint32_t at = insertion_end(doc);
    f.span = line_at(doc, at);
    f.args = {{"section", "FAQ"}, {"requirement", "required"}, {"previous", "the press release"}};
    std::string text = "\n" + skeleton;
    while (!text.empty() && text.back() == '\n') text.pop_back();
    f.fix = Fix{"Insert External and Internal FAQ skeletons", {{{at, at}, text}}, true};
    f.absent = true;
    out.report(std::move(f));
  }

  static std::uint32_t insertion_end(const Document& doc) {
    std::string_view t = doc.text();
    auto at = static_cast<std::uint32_t>(t.size());
    while (at > 0 && (t[at - 1] == '\n' || t[at - 1] == '\r' || t[at - 1] == ' ')) --at;
    return at;
  }

  static Span line_at(const Document& doc, std::uint32_t at) {
    if (doc.text().empty()) return {0, 0};
    std::uint32_t line = doc.source->lines.line_of(at) + 1;
    std::uint32_t start = doc.source->lines.line_start(line);
    return {start, static_cast<std::uint32_t>(start + doc.source->lines.line_text(line).size())};
  }

  void report(const Document& doc, const RoleDef& def, FindingSink& out) const {
    Finding f;
    f.demote = def.requirement == Requirement::recommended ? 1 : 0;
    f.args = {{"section", def.title}, {"requirement", std::string(to_string(def.requirement))}};
    // Anchor: the nearest present role before it in template order.
    const RoleInstance* before = nullptr;
    const RoleInstance* after = nullptr;
    int order = m_tmpl.order_of(def.name);
    for (const RoleInstance& r : doc.roles) {
      if (r.in_example) continue;
      int o = m_tmpl.order_of(r.role);
      if (o < order && (!before || r.span.end >= before->span.end)) before = &r;
      if (o > order && (!after || r.span.begin < after->span.begin)) after = &r;
    }
    std::uint32_t at;
    bool headings = std::any_of(doc.sections.begin(), doc.sections.end(),
                                [](const Section& s) { return s.style == LabelStyle::atx; });
    std::string body = def.skeleton;
    bool in_faq = def.part == "faq";
    if (in_faq) {
      at = static_cast<std::uint32_t>(doc.text().size());
      if (def.name == "external_faq" && after && after->role == "internal_faq")
        at = after->span.begin;
    } else if (def.name == "headline") {
      at = doc.front_matter.end;
      for (const Section& s : doc.sections)
        if (s.is_title) at = s.label_span.end;
    } else if (before) {
      at = before->span.end;
      if (before->labelled && before->section > 0)
        at = doc.sections[static_cast<std::size_t>(before->section)].span.end;
      if (!doc.press_release.empty() && at > doc.press_release.end) at = doc.press_release.end;
    } else if (after) {
      at = after->span.begin;
    } else {
      at = doc.press_release.empty() ? doc.front_matter.end : doc.press_release.begin;
    }
    std::string_view t = doc.text();
    at = std::min<std::uint32_t>(at, static_cast<std::uint32_t>(t.size()));
    // A role read from content ends at its last word: step over the emphasis that closes its
    // line ("**Headline**"), or the skeleton would land inside it.
    while (at < t.size() && (t[at] == '*' || t[at] == '_')) ++at;
    while (at > 0 && (t[at - 1] == '\n' || t[at - 1] == '\r' || t[at - 1] == ' ')) --at;
    if (def.name == "subheadline" && before && before->role == "headline")
      body = subheadline_form(doc, *before, body);
    if (headings && !in_faq && def.name != "headline" && def.name != "subheadline" &&
        def.name != "summary")
      body = "## " + def.title + "\n\n" + body;
    std::string text;
    if (def.name == "headline" && at == 0) {
      text = body + "\n";
    } else {
      text = "\n\n" + body;
      while (!text.empty() && text.back() == '\n') text.pop_back();
    }
    f.span = line_at(doc, at);
    f.args["previous"] = before ? title_of(m_tmpl, before->role) : std::string("the start");
    f.fix = Fix{"Insert a '" + def.title + "' skeleton", {{{at, at}, text}}, true};
    f.absent = true;
    out.report(std::move(f));
  }

  // A heading skeleton reads as the subheadline only under an H1 headline; under a deeper
  // heading or a bold line it would be read as the headline itself, or end the press release.
  // There the subheadline goes in as an italic line, the form real press releases use.
  static std::string subheadline_form(const Document& doc, const RoleInstance& headline,
                                      const std::string& skeleton) {
    const LineIndex& lines = doc.source->lines;
    std::string_view line =
        doc.text().substr(lines.line_start(lines.line_of(headline.label_span.begin) + 1));
    while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
    if (line.starts_with("# ") || !skeleton.starts_with('#')) return skeleton;
    std::string_view rest = skeleton;
    while (!rest.empty() && rest.front() == '#') rest.remove_prefix(1);
    return "*" + text::trim(rest) + "*\n";
  }

  const Template& m_tmpl;
  bool m_recommended = true;
};

// What a template slot holds before anyone writes it: an instruction ("Describe how easy it is
// to get started.", "(Who it's for, in one line.)", "What is broken today?").
class EmptyPart final : public Rule {
 public:
  explicit EmptyPart(ParamReader& p)
      : m_tmpl(p.tmpl()), m_verbs(p.tmpl().words("instruction_words")) {}

  void check(const Document& doc, FindingSink& out) const override {
    if (!doc.is_prfaq) return;
    for (const RoleInstance& r : doc.roles) {
      if (!r.labelled || r.in_example || faq_role(r.role)) continue;
      if (r.empty) {
        out.report({.span = r.label_span,
                    .args = {{"section", title_of(m_tmpl, r.role)},
                             {"label", r.label},
                             {"state", "is empty"}},
                    .absent = true});
        continue;
      }
      if (std::string i = instruction(doc, r); !i.empty())
        out.report({.span = r.label_span,
                    .args = {{"section", title_of(m_tmpl, r.role)},
                             {"label", r.label},
                             {"state", "still holds the template's instruction ('" + i + "')"}}});
    }
  }

 private:
  std::string instruction(const Document& doc, const RoleInstance& r) const {
    Span body = r.section > 0 ? doc.sections[static_cast<std::size_t>(r.section)].body : r.span;
    std::string all;
    int blocks = 0;
    for (const Prose& p : doc.prose_in(body)) {
      if (p.kind == BlockKind::heading) continue;
      std::uint32_t from = 0;
      while (from < p.text.size() && p.offsets[from] < r.label_span.end) ++from;
      std::string t = text::squash(std::string_view(p.text).substr(from));
      if (t.empty()) continue;
      ++blocks;
      all = t;
    }
    if (blocks != 1 || text::words(all).size() > 25) return {};
    std::string t = text::trim(all);
    // "[REQUIRED]" markers and the like before the instruction.
    while (t.starts_with("[")) {
      std::size_t c = t.find(']');
      if (c == std::string::npos) break;
      t = text::trim(t.substr(c + 1));
    }
    if (t.empty()) return {};
    bool wrapped = (t.front() == '(' && t.back() == ')') || (t.front() == '<' && t.back() == '>');
    std::vector<std::string> ws = text::words(t);
    bool verb = !ws.empty() && std::find(m_verbs.begin(), m_verbs.end(), ws[0]) != m_verbs.end();
    bool prompt = t.ends_with("?") && ws.size() <= 12;
    if (!(wrapped || verb || prompt)) return {};
    return text::preview(t, 50);
  }

  const Template& m_tmpl;
  std::vector<std::string> m_verbs;
};

class PartOrder final : public Rule {
 public:
  explicit PartOrder(ParamReader& p) : m_tmpl(p.tmpl()) {}

  void check(const Document& doc, FindingSink& out) const override {
    if (!doc.is_prfaq) return;
    // Only the labels the writer placed: content-found roles sit where the reader found them.
    const RoleInstance* latest = nullptr;
    const RoleInstance* first_faq = nullptr;
    const RoleInstance* internal = nullptr;
    for (const RoleInstance& r : doc.roles) {
      if (r.in_example) continue;
      // An FAQ section counts where it starts even when its questions, not its label, named it.
      if (!r.labelled && !(faq_role(r.role) && r.section > 0)) continue;
      if (faq_role(r.role)) {
        if (!first_faq) first_faq = &r;
        if (r.role == "internal_faq" && !internal) internal = &r;
        if (r.role == "external_faq" && internal) {
          report(out, r, "External FAQ", "Internal FAQ", internal->label_span,
                 "the Internal FAQ starts here");
          internal = nullptr;
        }
        continue;
      }
      // Quotes may stand anywhere in the release, but the release comes before the FAQ.
      const bool quote = r.role == "customer_quote" || r.role == "leader_quote";
      if (!ordered_role(r.role) && !quote) continue;
      const RoleDef* def = m_tmpl.role(r.role);
      if (first_faq && def && def->part == "press_release" && top_level(doc, r)) {
        report(out, r, title_of(m_tmpl, r.role), "the FAQ", first_faq->label_span,
               "the FAQ starts here");
        continue;
      }
      if (quote) continue;
      // A label that only contains a part's name ("Solution Discipline", "Problem Clarity")
      // above the headline belongs to a preamble (notes, a checklist), not to the release.
      if (r.role != "headline" && r.section > 0 && doc.headline_role &&
          r.label_span.begin < doc.headline_span.begin &&
          doc.sections[static_cast<std::size_t>(r.section)].score < 100)
        continue;
      if (latest && m_tmpl.order_of(r.role) < m_tmpl.order_of(latest->role)) {
        report(out, r, title_of(m_tmpl, r.role), title_of(m_tmpl, latest->role), latest->label_span,
               "'" + title_of(m_tmpl, latest->role) + "' comes first here");
        continue;
      }
      latest = &r;
    }
  }

 private:
  static bool ordered_role(std::string_view r) {
    return r == "headline" || r == "subheadline" || r == "summary" || r == "problem" ||
           r == "solution" || r == "getting_started";
  }

  // A part labelled at the document's top level, not a recap inside another section.
  static bool top_level(const Document& doc, const RoleInstance& r) {
    if (r.section <= 0) return false;
    const Section& s = doc.sections[static_cast<std::size_t>(r.section)];
    return s.style == LabelStyle::atx || s.style == LabelStyle::setext;
  }

  static void report(FindingSink& out, const RoleInstance& r, const std::string& section,
                     const std::string& expected, Span first, std::string note) {
    Finding f;
    f.span = r.label_span;
    f.args = {{"section", section}, {"expected", expected}};
    f.labels.push_back({first, std::move(note)});
    out.report(std::move(f));
  }

  const Template& m_tmpl;
};

class DuplicatePart final : public Rule {
 public:
  explicit DuplicatePart(ParamReader& p) : m_tmpl(p.tmpl()) {}

  void check(const Document& doc, FindingSink& out) const override {
    if (!doc.is_prfaq) return;
    // The same label for the same part twice: a merge left two copies. Different labels of one
    // role ("Getting started" and "Call to action") and a split FAQ are the writer's choice.
    std::map<std::pair<std::string, std::string>, const RoleInstance*> first;
    for (const RoleInstance& r : doc.roles) {
      if (!r.labelled || r.in_example || r.section <= 0) continue;
      auto [it, fresh] = first.emplace(
          // "The Problem" and "Problem" are one label; "Getting started" and "Call to action" two.
          std::make_pair(r.role, without_article(normalize_label(r.label))), &r);
      if (fresh) continue;
      Finding f;
      f.span = r.label_span;
      f.args = {{"section", title_of(m_tmpl, r.role)}, {"label", r.label}};
      f.labels.push_back({it->second->label_span, "first labelled here"});
      out.report(std::move(f));
    }
  }

 private:
  const Template& m_tmpl;
};

class NotPrfaq final : public Rule {
 public:
  explicit NotPrfaq(ParamReader&) {}

  void check(const Document& doc, FindingSink& out) const override {
    if (doc.is_prfaq) return;
    std::string_view first =
        doc.source->lines.line_text(doc.source->lines.line_of(doc.front_matter.end) + 1);
    Span s{doc.front_matter.end, static_cast<std::uint32_t>(doc.front_matter.end + first.size())};
    // The strongest evidence each way, for the message.
    std::vector<const Evidence*> ev;
    for (const Evidence& e : doc.prfaq_evidence)
      if (e.weight != 0) ev.push_back(&e);
    std::stable_sort(ev.begin(), ev.end(), [](const Evidence* a, const Evidence* b) {
      return std::abs(a->weight) > std::abs(b->weight);
    });
    // "against: README sections ('Troubleshooting'); for only: a headline (…)".
    std::string against, for_;
    for (std::size_t k = 0; k < ev.size() && k < 3; ++k) {
      std::string& side = ev[k]->weight < 0 ? against : for_;
      side += (side.empty() ? "" : "; ") + ev[k]->what;
    }
    std::string weighed;
    if (!against.empty()) weighed = against;
    if (!for_.empty())
      weighed += (weighed.empty() ? "only " : "; only ") + for_ + " (+" +
                 std::to_string(std::max(doc.prfaq_score, 0)) + " of the +" +
                 std::to_string(prfaq_threshold) + " needed)";
    if (weighed.empty()) weighed = "no press release, FAQ or template part found";
    out.report({.span = s,
                .args = {{"match", std::string(first)},
                         {"evidence", weighed},
                         {"score", std::to_string(doc.prfaq_score)}},
                .absent = true});
  }
};

}  // namespace

std::unique_ptr<Rule> make_missing_part(ParamReader& p) {
  return std::make_unique<MissingPart>(p);
}
std::unique_ptr<Rule> make_empty_part(ParamReader& p) {
  return std::make_unique<EmptyPart>(p);
}
std::unique_ptr<Rule> make_part_order(ParamReader& p) {
  return std::make_unique<PartOrder>(p);
}
std::unique_ptr<Rule> make_duplicate_part(ParamReader& p) {
  return std::make_unique<DuplicatePart>(p);
}
std::unique_ptr<Rule> make_not_prfaq(ParamReader& p) {
  return std::make_unique<NotPrfaq>(p);
}

}  // namespace prfaq::kinds
