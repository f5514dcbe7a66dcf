// Pass 3: the top of the press release — headline, subheadline, summary — and the announcer.
#include <algorithm>

#include "model/front.hpp"
#include "model/patterns.hpp"
#include "text/text.hpp"

namespace prfaq::model {

namespace {

/// The subheadline under the headline and the summary paragraph after them.
class Front : public FrontReader {
 public:
  using FrontReader::FrontReader;

  void run() {
    subheadline();
    summary();
  }

 private:
  void subheadline() {
    if (m_ctx.has_role("subheadline") || m_ctx.labelled_section("subheadline")) {
      m_next = m_ctx.headline_block ? *m_ctx.headline_block + 1 : 0;
      return;
    }
    if (!m_ctx.headline_block) return;
    std::size_t hb = *m_ctx.headline_block;
    const markdown::RawBlock& h = m_ctx.blocks[hb];
    m_next = hb + 1;
    // A second bold line in the headline's paragraph.
    if (const Prose* p = m_ctx.prose_of(hb); p && h.kind == BlockKind::paragraph) {
      std::vector<Line> ls = lines_of(*p);
      std::uint32_t head_end = 0;
      for (const Line& l : ls)
        if (p->offsets[l.begin] <= m_ctx.headline_span.begin &&
            p->offsets[l.end] >= m_ctx.headline_span.end - 1)
          head_end = l.end;
      for (const Line& l : ls) {
        if (l.begin <= head_end) continue;
        std::string t = prose_text(*p, l.begin, l.end);
        if (label_words(t) >= 3 && !patterns::dateline_date(t)) {
          Span s = p->source_span(l.begin, l.end);
          m_ctx.add_role("subheadline", "", s, s, -1, false, "the line after the headline");
          return;
        }
        break;
      }
    }
    for (std::size_t bi = hb + 1; bi < m_ctx.blocks.size(); ++bi) {
      const markdown::RawBlock& b = m_ctx.blocks[bi];
      if (b.span.begin >= m_end) return;
      const Prose* p = m_ctx.prose_of(bi);
      if (m_ctx.block_role[bi] == BlockRole::image || (b.kind == BlockKind::html)) continue;
      if (!p || skip_block(bi)) return;
      int s = section_of(bi);
      std::string t = prose_text(*p);
      if (quoted(b) || b.list_item >= 0 || t.empty()) return;
      if (patterns::dateline_date(t) || m_ctx.quote_block(*p)) return;
      if (b.kind == BlockKind::heading) {
        const Section& hs = sec(s);
        if (hs.kind != LabelKind::generic || label_words(hs.label) < 4) return;
        // A heading of its own section ("## LAUNCH OF A TAILORED SOLUTION") is no subheadline;
        // a sentence-long heading right under the headline is, whatever follows it.
        if (section_heading(s) && label_words(hs.label) < 7) return;
        if (h.kind == BlockKind::heading && b.heading_level <= h.heading_level) return;
      } else {
        if (is_label_block(bi)) return;
        bool emphasis = b.starts_with_emphasis && b.all_emphasis;
        bool plain_short = !b.starts_with_emphasis && p->sentences.size() <= 1 &&
                           label_words(t) <= 30 && !t.ends_with(":") &&
                           m_ctx.lex.count("announce_cues", *p) == 0;
        if (!(emphasis && label_words(t) <= 50) && !plain_short) return;
        if (m_ctx.block_role[bi] == BlockRole::pseudo && label_words(t) < 4) return;
      }
      m_ctx.add_role("subheadline", "", b.span, b.span, -1, false,
                     b.kind == BlockKind::heading ? "the heading under the headline"
                                                  : "the line under the headline");
      m_next = bi + 1;
      return;
    }
  }

  void summary() {
    if (const Section* s = m_ctx.labelled_section("summary")) {
      int lb = m_ctx.label_block[static_cast<std::size_t>(s - &m_doc.sections[0])];
      if (lb >= 0) m_ctx.summary_block = static_cast<std::size_t>(lb);
      m_ctx.front_end = m_ctx.summary_block ? *m_ctx.summary_block + 1 : m_next;
      return;
    }
    // Only where a press release is in evidence: a headline, its label, or a release line.
    bool evidence = m_ctx.headline_block || m_ctx.pr_label >= 0 || m_ctx.has_release_marker;
    std::size_t from = m_next;
    if (!m_ctx.headline_block) {
      from = 0;
      std::uint32_t at = m_doc.front_matter.end;
      if (m_ctx.pr_label >= 0) at = sec(m_ctx.pr_label).label_span.begin;
      if (m_ctx.has_release_marker) at = std::max(at, m_ctx.release_marker);
      while (from < m_ctx.blocks.size() && m_ctx.blocks[from].span.begin < at) ++from;
    }
    // The dateline or announcing paragraph among the first few; else the first substantial one.
    std::vector<std::size_t> paragraphs;
    for (std::size_t bi = from; bi < m_ctx.blocks.size() && paragraphs.size() < 5; ++bi) {
      const markdown::RawBlock& b = m_ctx.blocks[bi];
      if (b.span.begin >= m_end) break;
      const Prose* p = m_ctx.prose_of(bi);
      if (!p || skip_block(bi) || m_ctx.block_role[bi] == BlockRole::pseudo) continue;
      int s = section_of(bi);
      if (b.kind == BlockKind::heading) {
        const Section& hs = sec(s);
        if (hs.kind == LabelKind::generic || hs.is_title) continue;
        if (hs.kind == LabelKind::part && hs.part == "press_release") continue;
        if (hs.kind == LabelKind::role && (hs.role == "headline" || hs.role == "subheadline"))
          continue;
        break;
      }
      std::string role = m_ctx.labelled_role(s);
      if (role == "headline" || role == "subheadline") continue;
      if (!role.empty()) break;
      if (quoted(b) || b.list_item >= 0 || m_ctx.quote_block(*p)) continue;
      paragraphs.push_back(bi);
    }
    auto dateline = [&](std::size_t bi) {
      const Prose* p = m_ctx.prose_of(bi);
      return patterns::dateline_date(prose_text(*p)).has_value() ||
             patterns::dateline_in_source(m_doc.slice(m_ctx.blocks[bi].span));
    };
    std::optional<std::size_t> pick;
    std::string how;
    for (std::size_t bi : paragraphs)
      if (dateline(bi)) {
        pick = bi;
        how = "the opening paragraph, with a dateline";
        break;
      }
    for (std::size_t k = 0; !pick && k < paragraphs.size() && k < 2; ++k)
      if (m_ctx.lex.count("announce_cues", *m_ctx.prose_of(paragraphs[k])) > 0) {
        pick = paragraphs[k];
        how = "the opening paragraph, announcing the launch";
      }
    if (!pick && evidence && !paragraphs.empty()) {
      std::size_t bi = paragraphs.front();
      if (label_words(prose_text(*m_ctx.prose_of(bi))) >= 15) {
        pick = bi;
        how = "the first paragraph of the press release";
      }
    }
    if (pick) {
      std::size_t bi = *pick;
      const markdown::RawBlock& b = m_ctx.blocks[bi];
      Span span = b.span;
      // A dateline on a line of its own ("**Hochrhein, 2026**") opens the next paragraph.
      if (dateline(bi) && label_words(prose_text(*m_ctx.prose_of(bi))) <= 8) {
        std::size_t nb = bi + 1;
        if (nb < m_ctx.blocks.size() && m_ctx.blocks[nb].span.begin < m_end && m_ctx.prose_of(nb) &&
            m_ctx.blocks[nb].kind == BlockKind::paragraph) {
          span.end = m_ctx.blocks[nb].span.end;
          bi = nb;
        }
      }
      m_ctx.summary_block = *pick;
      m_ctx.add_role("summary", "", span, b.span, -1, false, how);
      m_ctx.front_end = bi + 1;
      return;
    }
    m_ctx.front_end = from;
  }

  std::size_t m_next = 0;  ///< the first block after the headline (and subheadline)
};

}  // namespace

void find_front(Context& ctx) {
  find_headline(ctx);
  Front(ctx).run();
  find_announcer(ctx);
}

}  // namespace prfaq::model
