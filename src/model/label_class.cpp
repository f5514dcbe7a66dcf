// Label classes: whether a heading or label line names a template part, a role, a question,
// an answer or a topic, and how it matched (exact, alias, fuzzy).
#include <algorithm>

#include "model/context.hpp"
#include "model/patterns.hpp"
#include "text/text.hpp"

namespace prfaq::model {

// The template's words for an FAQ ("Internal Engineering FAQ", "FAQ Section", "よくある質問"),
// as whole words in scripts written with spaces.
bool names_faq(const Template& tmpl, std::string_view norm) {
  for (std::string_view w : tmpl.words("faq_words")) {
    std::size_t at = norm.find(w);
    if (at == std::string_view::npos || w.empty()) continue;
    bool ascii = static_cast<unsigned char>(w[0]) < 0x80;
    bool left = !ascii || at == 0 || norm[at - 1] == ' ';
    bool right = !ascii || at + w.size() == norm.size() || norm[at + w.size()] == ' ';
    if (left && right) return true;
  }
  return false;
}

LabelClass classify_label(const Context& ctx, std::string_view raw, bool faq_context) {
  LabelClass out;
  std::string label = text::trim(raw);
  if (label.empty()) return out;
  if (faq_context) {
    std::string lower = text::to_lower(label);
    while (!lower.empty() && (lower.back() == ':' || lower.back() == '.')) lower.pop_back();
    for (const std::string& a : ctx.tmpl.words("answer_labels")) {
      if (lower == a) {
        out.kind = LabelKind::answer;
        out.how = "answer label '" + a + "'";
        return out;
      }
    }
    std::size_t am = answer_marker(ctx.lex, label);
    if (am > 0 && am >= label.size() - 1) {
      out.kind = LabelKind::answer;
      out.how = "answer marker";
      return out;
    }
  }
  if (ends_with_question(label) || (faq_context && question_marker(ctx.lex, label) > 0)) {
    out.kind = LabelKind::question;
    out.how = ends_with_question(label) ? "ends with a question mark" : "question marker";
    return out;
  }
  if (label_words(label) > 8) return out;
  std::string norm = normalize_label(label);
  // An FAQ part with a word for its audience ("Internal Engineering FAQ", "Customer FAQ
  // (External)"): the first audience word decides.
  if (names_faq(ctx.tmpl, norm)) {
    std::size_t internal = std::string::npos, external = std::string::npos;
    for (const CueHit& h : ctx.lex.find("faq_internal_words", norm))
      internal = std::min<std::size_t>(internal, h.begin);
    for (const CueHit& h : ctx.lex.find("faq_external_words", norm))
      external = std::min<std::size_t>(external, h.begin);
    if (internal != std::string::npos || external != std::string::npos) {
      out.kind = LabelKind::role;
      out.role = internal < external ? "internal_faq" : "external_faq";
      out.part = "faq";
      out.score = 90;
      out.how = "an FAQ label naming its audience ('" + label + "')";
      return out;
    }
  }
  auto m = ctx.tmpl.match(label);
  if (m && m->score >= 60) {
    out.score = m->score;
    out.related = m->related;
    out.how = "alias '" + m->alias + "' (" + m->how + (m->related ? ", related" : "") + ")";
    if (m->kind == Template::Match::Kind::part) {
      out.kind = LabelKind::part;
      out.part = m->name;
    } else {
      out.kind = LabelKind::role;
      out.role = m->name;
      if (const RoleDef* def = ctx.tmpl.role(m->name)) out.part = def->part;
    }
  }
  return out;
}

}  // namespace prfaq::model
