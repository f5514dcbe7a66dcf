// Pass 3, the headline: labelled, a heading, a bold or italic line, or the first line of a
// file without Markdown, and the candidates above it that were turned down.
#include <algorithm>

#include "model/front.hpp"
#include "model/patterns.hpp"
#include "text/text.hpp"

namespace prfaq::model {

namespace {

// A line wholly inside quotation marks ("“Delegiert + zulässig = KI entscheidet.”").
bool quoted_line(std::string_view s) {
  std::string t = text::trim(s);
  while (!t.empty() && (t.back() == '*' || t.back() == '_')) t.pop_back();
  std::size_t b = 0;
  while (b < t.size() && (t[b] == '*' || t[b] == '_')) ++b;
  t = t.substr(b);
  auto starts = [&](std::string_view o) { return t.starts_with(o); };
  auto ends = [&](std::string_view c) { return t.ends_with(c); };
  return (starts("\"") && ends("\"")) || (starts("\xE2\x80\x9C") && ends("\xE2\x80\x9D")) ||
         (starts("\xE2\x80\x9E") && (ends("\xE2\x80\x9C") || ends("\xE2\x80\x9D"))) ||
         (starts("\xE3\x80\x8C") && ends("\xE3\x80\x8D")) ||
         (starts("\xC2\xAB") && ends("\xC2\xBB"));
}

class Headline : public FrontReader {
 public:
  using FrontReader::FrontReader;

  void run() {
    headline();
    for (RoleInstance& r : m_doc.roles)
      if (r.role == "headline") r.rejected = m_rejected;
  }

 private:
  bool one_short_paragraph(int s) const {
    int n = 0;
    for (const Prose& p : m_doc.prose_in(sec(s).body)) {
      if (p.kind == BlockKind::heading) continue;
      if (++n > 1 || label_words(prose_text(p)) > 30) return false;
    }
    return n == 1;
  }

  void set_headline(std::size_t bi, const Prose& p, std::uint32_t from, std::uint32_t to,
                    std::string how) {
    m_ctx.headline_block = bi;
    std::string t = prose_text(p, from, to);
    while (!t.empty() && (t.back() == '*' || t.back() == '_')) t.pop_back();
    m_ctx.headline_text = text::trim(t);
    Span s =
        p.source_span(from, std::min<std::uint32_t>(to, static_cast<std::uint32_t>(p.text.size())));
    m_ctx.headline_span = s;
    m_ctx.headline_how = how;
    if (m_ctx.headline_from_label < 0)
      m_ctx.add_role("headline", "", s, s, -1, false, std::move(how));
  }

  void set_headline_span(std::size_t bi, Span s, std::string how) {
    m_ctx.headline_block = bi;
    m_ctx.headline_text = text::squash(m_doc.slice(s));
    while (!m_ctx.headline_text.empty() &&
           (m_ctx.headline_text.back() == '*' || m_ctx.headline_text.back() == '_'))
      m_ctx.headline_text.pop_back();
    m_ctx.headline_span = s;
    m_ctx.headline_how = how;
    if (m_ctx.headline_from_label < 0)
      m_ctx.add_role("headline", "", s, s, -1, false, std::move(how));
  }

  // The text of a headline's line: the first line of the block, or the second when the first
  // is only a quoted catchphrase.
  std::pair<std::uint32_t, std::uint32_t> headline_line(const Prose& p, std::uint32_t from) {
    std::vector<Line> ls = lines_of(p);
    std::vector<Line> after;
    for (const Line& l : ls)
      if (l.end > from) after.push_back({std::max(l.begin, from), l.end});
    if (after.empty()) return {from, static_cast<std::uint32_t>(p.text.size())};
    if (after.size() > 1 &&
        quoted_line(std::string_view(p.text).substr(after[0].begin, after[0].end - after[0].begin)))
      return {after[1].begin, after[1].end};
    return {after[0].begin, after[0].end};
  }

  void headline() {
    if (labelled_headline_found()) return;
    unlabelled_headline();
  }

  // A labelled headline: the label's own text, or the first block after it.
  bool labelled_headline_found() {
    for (std::size_t i = 1; i < m_doc.sections.size(); ++i) {
      const Section& s = m_doc.sections[i];
      if (auto g = m_ctx.glued_headline.find(static_cast<int>(i));
          g != m_ctx.glued_headline.end()) {
        if (s.role == "headline" || s.part == "press_release") {
          std::size_t bi = static_cast<std::size_t>(std::max(0, m_ctx.label_block[i]));
          if (s.role == "headline") m_ctx.headline_from_label = static_cast<int>(i);
          set_headline_span(bi, g->second, "the text after the label '" + s.label + "'");
          return true;
        }
      }
      if (s.role != "headline" || s.related) continue;
      labelled_headline(static_cast<int>(i));
      if (m_ctx.headline_block) return true;
    }
    return false;
  }

  // What a block of the press release says about an unlabelled headline.
  enum class Step { next, stop, found };

  // Unlabelled: the first headline-like block of the press release.
  void unlabelled_headline() {
    std::uint32_t from = m_doc.front_matter.end;
    if (m_ctx.has_release_marker && m_ctx.release_marker < m_end) from = m_ctx.release_marker;
    for (std::size_t bi = 0; bi < m_ctx.blocks.size(); ++bi) {
      const markdown::RawBlock& b = m_ctx.blocks[bi];
      if (b.span.begin < from) continue;
      if (b.span.begin >= m_end) break;
      const Prose* p = m_ctx.prose_of(bi);
      if (!p || skip_block(bi)) continue;
      int s = section_of(bi);
      Step step = b.kind == BlockKind::heading ? heading_candidate(bi, b, *p, s)
                                               : block_candidate(bi, b, *p, s);
      if (step == Step::next) continue;
      return;  // found, or the body has begun
    }
  }

  // A heading of the press release as its headline.
  Step heading_candidate(std::size_t bi, const markdown::RawBlock& b, const Prose& prose, int s) {
    const Prose* p = &prose;
    std::vector<std::string>& rejected = m_rejected;
    const bool pr_label = m_ctx.pr_label >= 0;
    const std::uint32_t pr_label_at = pr_label ? sec(m_ctx.pr_label).label_span.begin : 0;
    const Section& h = sec(s);
    if (h.is_title || h.kind == LabelKind::title) {
      rejected.push_back("line " + line(b) + ": the document's title");
      return Step::next;
    }
    if (h.kind == LabelKind::part && h.part == "press_release") return Step::next;
    if (h.kind == LabelKind::question || (h.kind == LabelKind::part) ||
        (h.kind == LabelKind::role && h.role != "headline"))
      return Step::stop;
    double words = label_words(h.label);
    bool top = h.level == 1;
    // A product name alone ("### Beacon") is the headline when a bold or italic line
    // follows it; a short heading over a paragraph is a section ("## User").
    bool emphasis_next = false;
    for (std::size_t nb = bi + 1; nb < m_ctx.blocks.size(); ++nb) {
      if (m_ctx.block_role[nb] == BlockRole::image || m_ctx.blocks[nb].kind == BlockKind::html)
        continue;
      emphasis_next = m_ctx.blocks[nb].kind == BlockKind::paragraph &&
                      m_ctx.blocks[nb].starts_with_emphasis && m_ctx.blocks[nb].all_emphasis;
      break;
    }
    if (words < 3 && !top && !emphasis_next) {
      rejected.push_back("line " + line(b) + ": a heading of " +
                         std::to_string(static_cast<int>(words)) + " word(s)");
      return Step::next;
    }
    // Above the press release's own label ("## Ship Small" then "## Press Release") a
    // heading with one short line under it is the headline and its subheadline.
    bool above_label = pr_label && b.span.begin < pr_label_at && one_short_paragraph(s);
    if (section_heading(s) && words < 7 && !above_label) {
      rejected.push_back("line " + line(b) + ": a heading with a section of its own");
      // Its content is the release's body: stop.
      return Step::stop;
    }
    set_headline(bi, *p, 0, static_cast<std::uint32_t>(p->text.size()),
                 "the first heading of the press release");
    return Step::found;
  }

  // Another block of the press release as its headline: a bold or italic line, the first
  // short line of a file without headings; prose ends the search.
  Step block_candidate(std::size_t bi, const markdown::RawBlock& b, const Prose& prose, int s) {
    const Prose* p = &prose;
    std::vector<std::string>& rejected = m_rejected;
    const bool pr_label = m_ctx.pr_label >= 0;
    const std::uint32_t pr_label_at = pr_label ? sec(m_ctx.pr_label).label_span.begin : 0;
    if (quoted(b) || b.list_item >= 0) {
      if (quoted(b)) return Step::next;
      return Step::stop;
    }
    if (is_label_block(bi)) {
      const Section& l = sec(s);
      if (l.kind == LabelKind::role || l.kind == LabelKind::part) return Step::stop;
    }
    std::string t = prose_text(*p);
    bool emphasis = b.all_emphasis && b.starts_with_emphasis;
    // Lines of bold text in one paragraph (hard breaks): the first line is the headline.
    if (!emphasis && b.starts_with_emphasis) {
      std::vector<Line> ls = lines_of(*p);
      if (ls.size() > 1 && ls[0].end <= b.emphasis_end + 1) emphasis = true;
    }
    if (emphasis && m_ctx.block_role[bi] != BlockRole::metadata && !patterns::dateline_date(t)) {
      auto [lb, le] = headline_line(*p, 0);
      std::string lt = prose_text(*p, lb, le);
      if (label_words(lt) <= 40 && !lt.ends_with(":")) {
        // A long italic paragraph before the press release label is a preamble.
        if (pr_label && b.span.begin < pr_label_at && !b.strong && label_words(lt) > 25) {
          rejected.push_back("line " + line(b) + ": an italic preamble");
          return Step::next;
        }
        set_headline(bi, *p, lb, le, "the first bold or italic line of the press release");
        return Step::found;
      }
    }
    // A file without headings: its first short line.
    if (!m_any_heading && !quoted(b)) {
      std::vector<Line> ls = lines_of(*p);
      if (!ls.empty()) {
        std::string first = prose_text(*p, ls[0].begin, ls[0].end);
        if (label_words(first) <= 25 && !first.ends_with(".") && !first.ends_with(":") &&
            !patterns::dateline_date(first)) {
          set_headline(bi, *p, ls[0].begin, ls[0].end, "the first line of a file without headings");
          return Step::found;
        }
      }
    }
    // Prose before the press release label is a preamble; after it, the body has begun.
    if (pr_label && b.span.begin < pr_label_at) {
      rejected.push_back("line " + line(b) + ": a paragraph before the press release label");
      return Step::next;
    }
    if (m_ctx.block_role[bi] == BlockRole::metadata) return Step::next;
    rejected.push_back("line " + line(b) + ": body text, so the release has no headline");
    return Step::stop;
  }

  std::string line(const markdown::RawBlock& b) const {
    return std::to_string(m_doc.source->lines.location(b.span.begin).line);
  }

  void labelled_headline(int s) {
    const Section& h = sec(s);
    int lb = m_ctx.label_block[static_cast<std::size_t>(s)];
    // Text after the label on its line ("**Title:** Acme …", "**Headline**  \n Text").
    if (lb >= 0) {
      std::size_t bi = static_cast<std::size_t>(lb);
      const Prose* p = m_ctx.prose_of(bi);
      if (p && m_ctx.blocks[bi].kind != BlockKind::heading) {
        std::uint32_t from = 0;
        while (from < p->text.size() && p->offsets[from] < h.label_span.end) ++from;
        if (!prose_text(*p, from).empty()) {
          auto [b, e] = headline_line(*p, from);
          m_ctx.headline_from_label = s;
          set_headline(bi, *p, b, e, "the text after the label '" + h.label + "'");
          return;
        }
      }
    }
    // The first block of the section.
    for (std::size_t bi = lb >= 0 ? static_cast<std::size_t>(lb) + 1 : 0; bi < m_ctx.blocks.size();
         ++bi) {
      const markdown::RawBlock& b = m_ctx.blocks[bi];
      if (b.span.begin >= h.span.end) break;
      const Prose* p = m_ctx.prose_of(bi);
      if (!p || m_ctx.block_role[bi] == BlockRole::image ||
          m_ctx.block_role[bi] == BlockRole::ignored)
        continue;
      if (prose_text(*p).empty()) continue;
      auto [lbeg, lend] = headline_line(*p, 0);
      m_ctx.headline_from_label = s;
      set_headline(bi, *p, lbeg, lend, "the first line under the label '" + h.label + "'");
      return;
    }
  }

  std::vector<std::string> m_rejected;
};

}  // namespace

bool FrontReader::section_heading(int s) const {
  const Section& h = sec(s);
  bool siblings = false;
  for (std::size_t j = static_cast<std::size_t>(s) + 1; j < m_doc.sections.size(); ++j) {
    const Section& o = m_doc.sections[j];
    if (o.style != LabelStyle::atx && o.style != LabelStyle::setext) continue;
    if (o.level < h.level) break;
    if (o.level == h.level) {
      siblings = true;
      break;
    }
  }
  if (!siblings) return false;
  for (const Prose& p : m_doc.prose_in(h.body)) {
    if (p.section != s || p.kind == BlockKind::heading) continue;
    if (word_count(prose_text(p)) >= 15 || (has_cjk(p.text) && label_words(p.text) >= 15))
      return true;
  }
  return false;
}

std::vector<Line> lines_of(const Prose& p) {
  std::vector<Line> out;
  std::uint32_t b = 0;
  for (std::uint32_t i = 0; i <= p.text.size(); ++i) {
    if (i == p.text.size() || p.text[i] == '\n') {
      if (!text::trim(std::string_view(p.text).substr(b, i - b)).empty()) out.push_back({b, i});
      b = i + 1;
    }
  }
  return out;
}

void find_headline(Context& ctx) {
  Headline(ctx).run();
}

}  // namespace prfaq::model
