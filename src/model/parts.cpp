// Pass 2: the document title, the "FOR IMMEDIATE RELEASE" line, the press release and FAQ
// extents.
#include <algorithm>

#include "model/context.hpp"
#include "text/text.hpp"

namespace prfaq::model {

namespace {

bool ignored(const Context& ctx, std::uint32_t offset) {
  for (Span s : ctx.doc.ignored)
    if (s.contains(offset)) return true;
  return false;
}

// The document's title: its first heading when it names the genre ("PRFAQ: X", "X — PR/FAQ",
// "Press Release & FAQ", "Working Backwards: X").
void find_title(Context& ctx) {
  Document& doc = ctx.doc;
  for (std::size_t i = 1; i < doc.sections.size(); ++i) {
    Section& s = doc.sections[i];
    if (ignored(ctx, s.label_span.begin)) continue;
    if (s.style != LabelStyle::atx && s.style != LabelStyle::setext) continue;
    if (!s.is_title) return;
    ctx.title_section = static_cast<int>(i);
    // The product: the title without the genre words ("PR/FAQ: SSH Tunnel Proxy" -> "SSH
    // Tunnel Proxy").
    std::string t = s.label;
    for (const std::string& m : ctx.tmpl.title_markers) {
      std::string lower = text::to_lower(t);
      std::size_t at = lower.find(m);
      if (at != std::string::npos) t.erase(at, m.size());
    }
    for (char& c : t)
      if (c == ':' || c == '(' || c == ')' || c == '-' || c == '#') c = ' ';
    std::string cleaned;
    for (std::size_t k = 0; k < t.size();) {
      if (t.compare(k, 3, "\xE2\x80\x94") == 0 || t.compare(k, 3, "\xE2\x80\x93") == 0) {
        cleaned += ' ';
        k += 3;
      } else {
        cleaned += t[k++];
      }
    }
    ctx.product = text::squash(cleaned);
    return;
  }
}

}  // namespace

void find_parts(Context& ctx) {
  Document& doc = ctx.doc;
  find_title(ctx);
  const auto doc_end = static_cast<std::uint32_t>(doc.text().size());
  // FAQ containers: outermost sections with an FAQ part or role label.
  for (std::size_t i = 1; i < doc.sections.size(); ++i) {
    const Section& s = doc.sections[i];
    bool faq = s.part == "faq" && ctx.own_label[i] && s.kind != LabelKind::question;
    if (!faq) continue;
    bool nested = false;
    for (int p = s.parent; p > 0; p = doc.sections[static_cast<std::size_t>(p)].parent)
      nested |=
          std::find(ctx.faq_sections.begin(), ctx.faq_sections.end(), p) != ctx.faq_sections.end();
    if (!nested) ctx.faq_sections.push_back(static_cast<int>(i));
  }
  // The press release's own label.
  for (std::size_t i = 1; i < doc.sections.size(); ++i) {
    const Section& s = doc.sections[i];
    if (s.part == "press_release" && s.role.empty() && ctx.own_label[i] &&
        !ctx.in_faq_section(static_cast<int>(i))) {
      ctx.pr_label = static_cast<int>(i);
      break;
    }
  }
  // "FOR IMMEDIATE RELEASE": the first such line.
  for (std::size_t bi = 0; bi < ctx.blocks.size(); ++bi) {
    if (ctx.block_role[bi] == BlockRole::release) {
      ctx.has_release_marker = true;
      ctx.release_marker = ctx.blocks[bi].span.end;
      break;
    }
  }
  std::uint32_t faq_begin = doc_end, faq_end = 0;
  for (int f : ctx.faq_sections) {
    const Section& s = doc.sections[static_cast<std::size_t>(f)];
    faq_begin = std::min(faq_begin, s.label_span.begin);
    faq_end = std::max(faq_end, s.span.end);
  }
  std::uint32_t start = doc.front_matter.end;
  for (Span s : doc.ignored)
    if (s.begin <= start + 2 && s.end > start) start = s.end;
  std::uint32_t pr_begin = start, pr_end = doc_end;
  if (ctx.pr_label >= 0) {
    const Section& pr = doc.sections[static_cast<std::size_t>(ctx.pr_label)];
    // Blocks before the label belong to the release only when no FAQ comes first (a headline
    // above "## Press Release").
    if (faq_begin < pr.label_span.begin) pr_begin = pr.label_span.begin;
    // The release runs to the FAQ, or to the end of the document.
    pr_end = faq_begin > pr.label_span.begin ? faq_begin : doc_end;
  } else if (faq_begin < doc_end) {
    pr_end = faq_begin;
  }
  if (pr_end > pr_begin) doc.press_release = {pr_begin, ctx.trim_end(pr_end)};
  if (faq_end > faq_begin) doc.faq = {faq_begin, faq_end};
}

}  // namespace prfaq::model
