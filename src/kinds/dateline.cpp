// The "dateline" kind (PF205): the summary opens with a city and a date.
#include "kinds/kinds.hpp"
#include "kinds/terms.hpp"
#include "kinds/units.hpp"
#include "model/patterns.hpp"
#include "text/text.hpp"

namespace prfaq::kinds {
namespace {

class Dateline final : public Rule {
 public:
  // A dateline line among the few blocks before the summary paragraph (the one just before it,
  // or any of them when the summary opens with the place).
  static bool dateline_apart(const Document& doc, const Prose& summary, bool place_opening) {
    std::size_t i = static_cast<std::size_t>(&summary - doc.prose.data());
    for (std::size_t back = 1; back <= 6 && back <= i; ++back) {
      const Prose& q = doc.prose[i - back];
      if (doc.faq.contains(q.span.begin)) break;
      if (q.kind != BlockKind::heading && patterns::dateline_line(q.text)) return true;
      if (!place_opening) return false;  // only the block just before the summary counts
    }
    return false;
  }

  explicit Dateline(ParamReader&) {}
  void check(const Document& doc, FindingSink& out) const override {
    if (!doc.is_prfaq || !doc.headline_role) return;
    const RoleInstance* summary = doc.find_role("summary");
    if (!summary) return;
    for (const Prose& p : doc.prose) {
      if (!summary->span.contains(p.span.begin) || p.kind == BlockKind::heading) continue;
      // After a run-in label ("**Summary.** SEATTLE — …"), the text that follows it.
      std::uint32_t from = 0;
      while (summary->labelled && from + 1 < p.offsets.size() &&
             p.offsets[from] < summary->label_span.end && summary->label_span.end <= p.span.end)
        ++from;
      std::string text = text::trim(std::string_view(p.text).substr(from));
      if (patterns::dateline_date(text)) return;
      // A dateline written in code or emphasis ("`SEATTLE, WA — [DATE] —`"): the source text.
      if (patterns::dateline_in_source(doc.slice(p.span))) return;
      // "[CITY] — [Date] — …": a dateline still to be filled in (PF504 reports the slots).
      if (text.starts_with("[")) {
        std::size_t close = text.find(']');
        std::string after = close == std::string::npos ? "" : text::trim(text.substr(close + 1));
        if (after.starts_with("\xE2\x80\x94") || after.starts_with("\xE2\x80\x93") ||
            after.starts_with("-") || after.starts_with(","))
          return;
      }
      // The dateline on a line of its own: "**Hochrhein, 2026**" just above the summary, or a
      // date line above it when the summary opens with the place ("**Toronto, ON** - Acme …").
      if (dateline_apart(doc, p, patterns::place_dash_opening(doc.slice(p.span)))) return;
      out.report({.span = first_line(doc, p.span), .absent = true});
      return;
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_dateline(ParamReader& p) {
  return std::make_unique<Dateline>(p);
}

}  // namespace prfaq::kinds
