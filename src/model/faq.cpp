// Pass 6: FAQ entries — questions as headings, bold lines, "Q:" lines or list items — with
// their answers (faq_parts.cpp then gives each its part and adds the roles an FAQ holds).
#include <algorithm>
#include <cstring>

#include "model/faq.hpp"
#include "model/patterns.hpp"
#include "text/text.hpp"

namespace prfaq::model {

namespace {

class Faq {
 public:
  explicit Faq(Context& ctx) : m_ctx(ctx), m_doc(ctx.doc), m_lex(ctx.lex) {}

  void run() {
    regions();
    if (m_regions.empty()) return;
    entries();
    if (m_ctx.faq_sections.empty() && m_entries.size() < 2) {
      m_entries.clear();
      return;
    }
    answers();
    assign_faq_parts(m_ctx, m_entries, m_content);
  }

 private:
  void regions() {
    for (int f : m_ctx.faq_sections) {
      const Section& s = m_doc.sections[static_cast<std::size_t>(f)];
      m_regions.push_back({s.label_span.begin, s.span.end});
    }
    if (!m_regions.empty()) return;
    // No FAQ label: questions after the press release's opening form the FAQ.
    std::uint32_t from = m_doc.front_matter.end;
    if (m_ctx.summary_block)
      from = m_ctx.blocks[*m_ctx.summary_block].span.end;
    else if (m_ctx.headline_block)
      from = m_ctx.blocks[*m_ctx.headline_block].span.end;
    m_content = true;
    m_regions.push_back({from, static_cast<std::uint32_t>(m_doc.text().size())});
  }

  bool in_region(std::uint32_t at) const {
    for (Span r : m_regions)
      if (r.contains(at)) return true;
    return false;
  }

  const Section& sec(int i) const { return m_doc.sections[static_cast<std::size_t>(i)]; }

  // Nothing, or only a template's tag ("[REQUIRED]", "(optional)") where a question belongs.
  static bool slot_tag_only(std::string_view s) {
    std::string tail = trim_markup(s);
    return tail.empty() || (word_count(tail) <= 3 && ((tail.front() == '[' && tail.back() == ']') ||
                                                      (tail.front() == '(' && tail.back() == ')')));
  }

  // The bold opening of a paragraph as a question ("**Q: …?**", "**External FAQ, Q1:**"): the
  // end of the question in the prose text, and where its words begin.
  struct BoldQuestion {
    std::uint32_t end = 0;
    std::uint32_t text_begin = 0;
  };
  std::optional<BoldQuestion> bold_question(const markdown::RawBlock& b, const Prose& p) const {
    if (!b.starts_with_emphasis || b.emphasis_end == 0) return std::nullopt;
    std::string inner = text::trim(std::string_view(p.text).substr(0, b.emphasis_end));
    if (ends_with_question(inner)) return BoldQuestion{b.emphasis_end, 0};
    bool marker_only = false;
    if (std::size_t m = question_marker(m_lex, inner)) {
      if (!text::trim(inner.substr(std::min(m, inner.size()))).empty())
        return BoldQuestion{b.emphasis_end, 0};
      marker_only = true;  // "**Q1:** How much does it cost?"
    } else if (std::size_t comma = inner.rfind(','); comma != std::string::npos) {
      // "**External FAQ, Q1:**": a part label and a number, the question after the bold.
      std::string after = text::trim(inner.substr(comma + 1));
      std::size_t m2 = question_marker(m_lex, after);
      marker_only = m2 > 0 && text::trim(after.substr(std::min(m2, after.size()))).empty();
    }
    if (!marker_only) return std::nullopt;
    // The question runs to a question mark that ends a line, or up to a line that opens the
    // answer ("**A1:**"); failing both, to the end of its first line.
    std::uint32_t from = b.emphasis_end;
    while (from < p.text.size() && (p.text[from] == '*' || p.text[from] == '_')) ++from;
    std::size_t first_nl = p.text.find('\n', from);
    std::size_t end = first_nl == std::string::npos ? p.text.size() : first_nl;
    for (std::size_t line = from; line < p.text.size();) {
      std::size_t nl = p.text.find('\n', line);
      std::size_t stop = nl == std::string::npos ? p.text.size() : nl;
      if (line > from && answer_marker(m_lex, trim_markup(p.text.substr(line, stop - line))) > 0)
        break;
      std::string l = text::trim(std::string_view(p.text).substr(line, stop - line));
      if (ends_with_question(l)) {
        end = stop;
        break;
      }
      if (nl == std::string::npos) break;
      line = nl + 1;
    }
    if (slot_tag_only(p.text.substr(from, end - from))) return std::nullopt;
    return BoldQuestion{static_cast<std::uint32_t>(end), from};
  }

  // "### Pricing" between "### How much does it cost?" and "### Can I cancel?": an entry
  // written as a topic. Only beside two or more question headings of its level, with text of
  // its own and no questions under it (a heading over questions groups them).
  bool statement_entry(int s) const {
    const Section& h = sec(s);
    if (h.kind != LabelKind::generic || h.parent < 0 || !m_ctx.in_faq_section(s)) return false;
    int questions = 0;
    for (int c : sec(h.parent).children)
      if (c != s && sec(c).level == h.level && sec(c).kind == LabelKind::question) ++questions;
    if (questions < 2) return false;
    for (int c : h.children)
      if (sec(c).kind == LabelKind::question) return false;
    for (const Prose& p : m_doc.prose_in(h.body))
      if (p.kind != BlockKind::heading && !prose_text(p).empty()) return true;
    return false;
  }

  void push(FaqEntry e) {
    e.text = strip_question_prefix(m_lex, text::squash(e.text));
    if (e.text.empty()) e.text = text::squash(e.text);
    m_entries.push_back(std::move(e));
  }

  // The entry whose answer is being read.
  struct OpenEntry {
    std::size_t index = 0;  ///< in m_entries, when `open`
    bool open = false;
    int heading = 0;  ///< its heading level, 0 for a paragraph or list entry
    void opened(std::size_t i, int level) { index = i, open = true, heading = level; }
  };

  void entries() {
    OpenEntry o;
    for (std::size_t bi = 0; bi < m_ctx.blocks.size(); ++bi) {
      const markdown::RawBlock& b = m_ctx.blocks[bi];
      if (!in_region(b.span.begin)) continue;
      if (m_content && m_doc.press_release.contains(b.span.begin) && m_ctx.pr_label >= 0) continue;
      const Prose* p = m_ctx.prose_of(bi);
      if (!p || b.kind == BlockKind::table_cell) continue;
      int s = m_ctx.block_section[bi];
      if (b.kind == BlockKind::heading) {
        heading_entry(bi, b, s, o);
        continue;
      }
      bool inside_heading_entry = o.open && o.heading > 0;
      if (b.in_blockquote) continue;
      // "**Simple Answer**", "**Deep Dive**": the label of a part of the answer.
      if (o.open && b.kind == BlockKind::paragraph && b.starts_with_emphasis && b.all_emphasis &&
          classify_label(m_ctx, prose_text(*p), true).kind == LabelKind::answer) {
        m_doc.prose[static_cast<std::size_t>(b.prose)].answer_label = true;
        continue;
      }
      if (b.list_item >= 0)
        list_entry(bi, b, *p, s, inside_heading_entry, o);
      else if (b.kind == BlockKind::paragraph)
        paragraph_entry(bi, b, *p, s, inside_heading_entry, o);
    }
  }

  // A heading: a question heading (or a statement among them) opens an entry; an answer label
  // marks its prose; any other heading ends a paragraph entry, and a heading entry at its level
  // or above.
  void heading_entry(std::size_t bi, const markdown::RawBlock& b, int s, OpenEntry& o) {
    const Section& h = sec(s);
    if (h.kind == LabelKind::question || statement_entry(s)) {
      FaqEntry e;
      e.begin = b.span.begin;
      e.q_end = b.span.end;
      e.a_begin = b.span.end;
      e.bound = h.span.end;
      e.text = h.label;
      e.layout = h.kind == LabelKind::question ? "a question heading"
                                               : "a heading among question headings";
      e.section = s;
      e.heading_level = h.level;
      e.block = bi;
      push(std::move(e));
      o.opened(m_entries.size() - 1, h.level);
      return;
    }
    if (h.kind == LabelKind::answer) {
      m_doc.prose[static_cast<std::size_t>(b.prose)].answer_label = true;
      return;
    }
    // Any other heading ends a paragraph entry, and a heading entry at its level or above.
    if (o.open && (o.heading == 0 || h.level <= o.heading)) o.open = false;
  }

  // A list item whose first line is a question: the answer runs to the end of the item.
  void list_entry(std::size_t bi, const markdown::RawBlock& b, const Prose& prose, int s,
                  bool inside_heading_entry, OpenEntry& o) {
    const Prose* p = &prose;
    std::string t = text::trim(p->text);
    std::string first_line = t.substr(0, t.find('\n'));
    if (!b.list_item_first) return;
    std::uint32_t qend = 0, qbegin = 0;
    if (auto bq = bold_question(b, *p)) {
      qend = bq->end;
      qbegin = bq->text_begin;
    } else if (is_question_text(m_lex, first_line) && word_count(first_line) <= 40)
      qend = static_cast<std::uint32_t>(
          p->text.find('\n') == std::string::npos ? p->text.size() : p->text.find('\n'));
    if (qend == 0 || inside_heading_entry) return;
    // A question in a list inside an answer is part of the answer.
    if (o.open && o.heading == 0 && m_entries[o.index].answer_list && b.list_depth > 1) return;
    FaqEntry e;
    e.begin = b.span.begin;
    e.q_end = p->source_span(0, qend).end;
    e.a_begin = e.q_end;
    // The answer runs to the end of the list item, nested items included.
    std::uint32_t end = b.span.end;
    for (std::size_t k = bi + 1; k < m_ctx.blocks.size(); ++k) {
      const markdown::RawBlock& next = m_ctx.blocks[k];
      if (next.list_item == b.list_item ||
          (next.list_depth > b.list_depth && next.span.begin <= end + 8)) {
        end = std::max(end, next.span.end);
        continue;
      }
      break;
    }
    e.bound = end;
    e.text = p->text.substr(qbegin, qend - qbegin);
    e.layout = "a list item";
    e.section = s;
    e.block = bi;
    e.answer_list = true;
    push(std::move(e));
    o.opened(m_entries.size() - 1, 0);
  }

  // A paragraph that asks: a bold question, a 'Q:' line, a question on a line of its own.
  void paragraph_entry(std::size_t bi, const markdown::RawBlock& b, const Prose& prose, int s,
                       bool inside_heading_entry, OpenEntry& o) {
    const Prose* p = &prose;
    std::string t = text::trim(p->text);
    // "**Q: …?**" (answer on the next line or below), "Q: …" with "A: …", a question line.
    std::optional<std::uint32_t> qend;
    std::uint32_t qbegin = 0;
    if (auto bq = bold_question(b, *p)) {
      qend = bq->end;
      qbegin = bq->text_begin;
    }
    std::string layout = "a bold question";
    bool marker = question_marker(m_lex, t) > 0;
    if (!qend && marker) {
      // The question ends at the line break before "A:", or at its question mark.
      std::size_t nl = p->text.find('\n');
      std::size_t qm = p->text.find('?');
      std::size_t end = nl == std::string::npos ? p->text.size() : nl;
      if (qm != std::string::npos && qm < end) end = qm + 1;
      qend = static_cast<std::uint32_t>(end);
      layout = "a 'Q:' line";
    }
    if (!qend && !inside_heading_entry && t.find('\n') == std::string::npos &&
        ends_with_question(t) && word_count(t) <= 40 && !b.starts_with_emphasis) {
      qend = static_cast<std::uint32_t>(p->text.size());
      layout = "a question on a line of its own";
    }
    if (!qend) return;
    if (inside_heading_entry && !marker) return;
    FaqEntry e;
    e.begin = b.span.begin;
    e.q_end = p->source_span(0, *qend).end;
    // Closing markup of the bold question.
    std::string_view text = m_ctx.text();
    while (e.q_end < b.span.end && (text[e.q_end] == '*' || text[e.q_end] == '_')) ++e.q_end;
    e.a_begin = e.q_end;
    e.text = p->text.substr(qbegin, *qend - qbegin);
    // "**Q1** **[REQUIRED]**", "Q2: (optional)": a slot tag after the marker asks nothing.
    if (slot_tag_only(strip_question_prefix(m_lex, text::squash(e.text)))) return;
    if (std::string rest = prose_text(*p, *qend); !rest.empty()) {
      std::size_t k = *qend;
      while (k < p->text.size() && std::strchr(" \t*_", p->text[k])) ++k;
      layout += k < p->text.size() && p->text[k] == '\n' ? ", answer on the next line"
                                                         : ", answer in the same paragraph";
    } else
      layout += ", answer below";
    e.layout = layout;
    e.section = s;
    e.block = bi;
    push(std::move(e));
    o.opened(m_entries.size() - 1, 0);
  }

  // Each answer: the prose after its question, up to the next entry, the end of its bound,
  // its region, or a heading that ends it.
  void answers() {
    std::sort(m_entries.begin(), m_entries.end(),
              [](const FaqEntry& a, const FaqEntry& b) { return a.begin < b.begin; });
    const auto doc_end = static_cast<std::uint32_t>(m_doc.text().size());
    std::size_t bi = 0, ci = 0;
    for (std::size_t k = 0; k < m_entries.size(); ++k) {
      FaqEntry& e = m_entries[k];
      std::uint32_t end = k + 1 < m_entries.size() ? m_entries[k + 1].begin : doc_end;
      if (e.bound) end = std::min(end, e.bound);
      for (Span r : m_regions)
        if (r.contains(e.begin)) end = std::min(end, r.end);
      while (bi < m_ctx.blocks.size() && m_ctx.blocks[bi].span.end <= e.begin) ++bi;
      std::string answer;
      Span span{e.a_begin, e.a_begin};
      bool first = true;
      for (std::size_t j = bi; j < m_ctx.blocks.size(); ++j) {
        const markdown::RawBlock& b = m_ctx.blocks[j];
        if (b.span.begin >= end) break;
        if (b.span.end <= e.a_begin && b.span.begin < e.begin) continue;
        if (b.kind == BlockKind::heading && j != e.block) {
          const Section& h = sec(m_ctx.block_section[j]);
          if (h.kind != LabelKind::answer && (e.heading_level == 0 || h.level <= e.heading_level))
            break;
          if (h.kind == LabelKind::answer) continue;
        }
        const Prose* p = m_ctx.prose_of(j);
        std::string t;
        if (p) {
          std::uint32_t from = 0;
          if (j == e.block) {
            while (from < p->text.size() && p->offsets[from] < e.a_begin) ++from;
          }
          t = prose_text(*p, from);
          // Answer labels ("**Simple Answer**", "A:") are not answer text.
          if (std::size_t am = answer_marker(m_lex, t)) t = text::trim(t.substr(am));
          if (m_ctx.block_role[j] == BlockRole::pseudo || m_ctx.block_role[j] == BlockRole::label) {
            LabelClass c = classify_label(m_ctx, t, true);
            if (c.kind == LabelKind::answer) t.clear();
          }
          if (j != e.block && b.list_item >= 0) e.answer_list = true;
        } else if (b.kind == BlockKind::code || b.kind == BlockKind::table_cell) {
          t = "code";
        }
        if (t.empty()) continue;
        if (first) span.begin = std::max(e.a_begin, j == e.block ? e.a_begin : b.span.begin);
        first = false;
        span.end = b.span.end;
        answer += (answer.empty() ? "" : " ") + t;
      }
      while (ci < m_ctx.code.size() && m_ctx.code[ci].span.begin < e.a_begin) ++ci;
      for (std::size_t cj = ci; cj < m_ctx.code.size() && m_ctx.code[cj].span.begin < end; ++cj) {
        const markdown::CodeBlock& c = m_ctx.code[cj];
        {
          if (first) span.begin = c.span.begin;
          first = false;
          span.end = std::max(span.end, c.span.end);
          if (answer.empty()) answer = "code";
        }
      }
      e.answer = text::squash(answer);
      e.answer_span = span;
    }
  }

  Context& m_ctx;
  Document& m_doc;
  const Lexicon& m_lex;
  std::vector<Span> m_regions;
  bool m_content = false;
  std::vector<FaqEntry> m_entries;
};

}  // namespace

void find_questions(Context& ctx) {
  Faq(ctx).run();
}

}  // namespace prfaq::model
