// Pass 1: headings and label lines -> the section tree, each label classified.
#include <algorithm>

#include "model/context.hpp"
#include "model/patterns.hpp"
#include "text/text.hpp"

namespace prfaq::model {

namespace {

class SectionBuilder {
 public:
  explicit SectionBuilder(Context& ctx) : m_ctx(ctx), m_doc(ctx.doc) {}

  void run() {
    Section root;
    root.span = {0, static_cast<std::uint32_t>(m_doc.text().size())};
    root.body = root.span;
    m_doc.sections.push_back(root);
    m_ctx.label_block.push_back(-1);
    m_stack = {0};
    m_ctx.block_section.assign(m_ctx.blocks.size(), 0);
    m_ctx.block_role.assign(m_ctx.blocks.size(), BlockRole::content);
    body_blockquote();
    for (std::size_t bi = 0; bi < m_ctx.blocks.size(); ++bi) {
      markdown::RawBlock& b = m_ctx.blocks[bi];
      const Prose* p = m_ctx.prose_of(bi);
      if (b.kind == BlockKind::html || b.kind == BlockKind::code || b.kind == BlockKind::table_cell)
        m_ctx.block_role[bi] = BlockRole::ignored;
      else if (b.image_only)
        m_ctx.block_role[bi] = BlockRole::image;
      if (b.kind == BlockKind::heading && p)
        heading(bi, *p);
      else if (b.kind == BlockKind::paragraph && p && b.list_item < 0 &&
               (!b.in_blockquote || b.blockquote == m_ctx.body_blockquote))
        paragraph(bi, *p);
      if (m_ctx.block_section[bi] == 0) m_ctx.block_section[bi] = m_stack.back();
      if (b.prose >= 0)
        m_doc.prose[static_cast<std::size_t>(b.prose)].section = m_ctx.block_section[bi];
    }
    finish_spans();
    topics();
    // Sections inside a part inherit it; remember which labels named a part themselves.
    m_ctx.own_label.assign(m_doc.sections.size(), false);
    for (std::size_t i = 1; i < m_doc.sections.size(); ++i) {
      Section& s = m_doc.sections[i];
      m_ctx.own_label[i] = !s.part.empty() || !s.role.empty();
      if (s.part.empty() && s.parent > 0) s.part = m_doc.sections[s.parent].part;
    }
  }

 private:
  bool in_faq(int s) const { return m_ctx.in_faq_section(s); }

  int real_heading_level() const {
    for (auto it = m_stack.rbegin(); it != m_stack.rend(); ++it) {
      const Section& s = m_doc.sections[*it];
      if (s.style == LabelStyle::atx || s.style == LabelStyle::setext) return s.level;
    }
    return 0;
  }

  void apply(Section& sec, const LabelClass& c) {
    sec.kind = c.kind;
    sec.how = c.how;
    sec.related = c.related;
    sec.score = c.score;
    sec.role = c.role;
    sec.part = c.part;
    sec.is_question = c.kind == LabelKind::question;
  }

  void push(Section sec, std::size_t bi) {
    while (m_stack.size() > 1 && m_doc.sections[m_stack.back()].level >= sec.level)
      m_stack.pop_back();
    sec.parent = m_stack.back();
    sec.span = {sec.label_span.begin, sec.label_span.begin};
    int id = static_cast<int>(m_doc.sections.size());
    m_doc.sections[sec.parent].children.push_back(id);
    m_doc.sections.push_back(std::move(sec));
    m_ctx.label_block.push_back(static_cast<int>(bi));
    m_stack.push_back(id);
    if (m_ctx.block_section[bi] == 0) m_ctx.block_section[bi] = id;
  }

  void heading(std::size_t bi, const Prose& p) {
    const markdown::RawBlock& b = m_ctx.blocks[bi];
    Section sec;
    sec.level = b.heading_level;
    sec.style = b.setext ? LabelStyle::setext : LabelStyle::atx;
    sec.label = prose_text(p);
    sec.label_span = b.span;
    sec.body = {b.span.end, b.span.end};
    // "# FAQ" followed by "# Does it work offline?": a question heading at the level of an
    // open FAQ heading belongs inside it (documents where every section is an H1).
    if (ends_with_question(sec.label)) {
      for (std::size_t k = m_stack.size(); k-- > 1;) {
        const Section& c = m_doc.sections[m_stack[k]];
        bool container = c.part == "faq" || c.role == "external_faq" || c.role == "internal_faq";
        if (container && c.level == sec.level) {
          sec.level = c.level + 1;
          break;
        }
      }
    }
    std::vector<int> st = m_stack;
    while (st.size() > 1 && m_doc.sections[st.back()].level >= sec.level) st.pop_back();
    LabelClass c = classify_label(m_ctx, sec.label, in_faq(st.back()));
    // The document's first heading naming the genre ("PRFAQ: X", "Press Release / FAQ") is its
    // title, whatever else its words match; "Press Release (Working Backwards)" stays the
    // press release's label as well.
    if (!m_seen_heading && has_title_marker(m_ctx.tmpl, sec.label) &&
        !(c.kind == LabelKind::part && c.part == "press_release" &&
          !names_faq(m_ctx.tmpl, normalize_label(sec.label)))) {
      c = LabelClass{};
      c.kind = LabelKind::title;
      c.how = "the document's first heading names the genre";
    }
    m_seen_heading = true;
    apply(sec, c);
    sec.is_title =
        c.kind == LabelKind::title || (has_title_marker(m_ctx.tmpl, sec.label) && m_headings == 0);
    ++m_headings;
    sec.example = c.kind == LabelKind::generic && example(sec.label);
    m_ctx.block_role[bi] = is_release_marker(m_ctx.lex, sec.label) ? BlockRole::release
                           : is_date_line(sec.label)               ? BlockRole::date
                                                                   : BlockRole::label;
    // "Press Release: WordPress Hosting Made Easy": a part or role label glued to a headline.
    if (c.kind == LabelKind::generic) glued(sec, p, b.span.begin);
    push(std::move(sec), bi);
  }

  // "Label: text" where the label names a part or the headline: the text is the headline.
  void glued(Section& sec, const Prose& p, std::uint32_t block_begin) {
    std::size_t colon = p.text.find(':');
    std::size_t wide = p.text.find("\xEF\xBC\x9A");
    std::size_t at = std::min(colon, wide);
    if (at == std::string::npos || at == 0 || at > 60) return;
    std::string head = text::trim(std::string_view(p.text).substr(0, at));
    std::size_t after = at + (at == wide ? 3 : 1);
    std::string rest = prose_text(p, static_cast<std::uint32_t>(after));
    if (label_words(rest) < 3) return;
    LabelClass c = classify_label(m_ctx, head, false);
    bool part = c.kind == LabelKind::part && c.part == "press_release";
    bool role = c.kind == LabelKind::role && c.role == "headline";
    if (!part && !role) return;
    apply(sec, c);
    sec.how = c.how + ", glued to the headline";
    std::uint32_t from = static_cast<std::uint32_t>(after);
    while (from < p.text.size() && p.text[from] == ' ') ++from;
    Span s = p.source_span(from, static_cast<std::uint32_t>(p.text.size()));
    if (s.begin < block_begin) s.begin = block_begin;
    m_ctx.glued_headline[static_cast<int>(m_doc.sections.size())] = s;
  }

  void paragraph(std::size_t bi, const Prose& p) {
    const markdown::RawBlock& b = m_ctx.blocks[bi];
    std::string_view text = m_ctx.text();
    const LineIndex& lines = m_doc.source->lines;
    std::uint32_t first_line = lines.line_of(b.span.begin) + 1;
    std::uint32_t last_line =
        lines.line_of(b.span.end > b.span.begin ? b.span.end - 1 : b.span.begin) + 1;
    const std::string whole = prose_text(p);
    const bool single = first_line == last_line;
    for (std::uint32_t ln = first_line; ln <= last_line && ln < first_line + 64; ++ln) {
      std::uint32_t ls = std::max(lines.line_start(ln), b.span.begin);
      std::uint32_t le = std::min<std::uint32_t>(
          lines.line_start(ln) + static_cast<std::uint32_t>(lines.line_text(ln).size()),
          b.span.end);
      if (le <= ls) continue;
      auto ll = read_line_label(text, ls, le);
      if (!ll) continue;
      bool first = ln == first_line;
      if (first) {
        std::string line_text = text::trim(text.substr(ls, le - ls));
        if (is_release_marker(m_ctx.lex, ll->label.empty() ? line_text : ll->label) ||
            is_release_marker(m_ctx.lex, line_text)) {
          m_ctx.block_role[bi] = BlockRole::release;
          return;
        }
        if (single && is_date_line(whole)) {
          m_ctx.block_role[bi] = BlockRole::date;
          return;
        }
      }
      // Later lines only start a label when it is marked up or closed by a colon.
      if (!first && !ll->bold && !ll->punct) continue;
      if (!ll->bold && !ll->punct && !single) continue;
      if (ll->label.empty()) continue;
      bool faq = in_faq(m_stack.back());
      LabelClass c = classify_label(m_ctx, ll->label, faq);
      // Inside an FAQ answer, "**Solution:**" labels a thought of the answer, not the part.
      if (faq && c.kind == LabelKind::role && c.part == "press_release") c = LabelClass{};
      // "**标题：Acme …**", "**Press Release: Introducing X**": the label is inside the bold.
      std::optional<LineLabel> inner;
      if (c.kind == LabelKind::generic && ll->bold && !ll->punct) inner = inner_label(*ll, c, faq);
      if (inner) ll = inner;
      if (c.kind == LabelKind::generic && first && ll->punct && metadata(ll->label)) {
        m_ctx.block_role[bi] = BlockRole::metadata;
        return;
      }
      if (!accepts_label(*ll, c, single, whole)) {
        if (first && ll->bold && ll->whole_line && label_words(ll->label) <= 8 &&
            !ends_with_question(ll->label) && !ll->label.ends_with("."))
          m_ctx.block_role[bi] = BlockRole::pseudo;
        if (first && !ll->bold && !ll->punct) break;
        continue;
      }
      Section sec;
      apply(sec, c);
      sec.label = ll->label;
      sec.style = ll->whole_line ? LabelStyle::bold_line : LabelStyle::run_in;
      sec.level = real_heading_level() + 1;
      sec.label_span = {ll->begin, ll->end};
      sec.body = {ll->end, ll->end};
      if (inner_glued_) {
        m_ctx.glued_headline[static_cast<int>(m_doc.sections.size())] = *inner_glued_;
        inner_glued_.reset();
      }
      // "**Headline:** …" and "**Subtitle:** …" label one line, not the paragraphs after it.
      bool one_line = (sec.role == "headline" || sec.role == "subheadline") && !ll->whole_line;
      push(std::move(sec), bi);
      if (first) m_ctx.block_role[bi] = BlockRole::label;
      if (one_line) {
        m_single_line[static_cast<int>(m_doc.sections.size()) - 1] = le;
        m_stack.pop_back();
      }
    }
  }

  // Whether a line label that names a part or role labels the paragraph: bold, closed by a
  // colon or alone on its line, with the confidence its form needs.
  static bool accepts_label(const LineLabel& ll, const LabelClass& c, bool single,
                            const std::string& whole) {
    if (c.kind != LabelKind::part && c.kind != LabelKind::role) return false;
    if (ll.bold) return ll.punct || ll.whole_line || c.score >= 100;
    if (ll.punct) return c.score >= 90 && label_words(ll.label) <= 4;
    return ll.whole_line && single && c.score >= 100 && label_words(ll.label) <= 5 &&
           !whole.ends_with(".") && !whole.ends_with("?") && !whole.ends_with(",");
  }

  // The text before a colon inside a bold line, when it names a role or the press release
  // ("**标题：Acme …**", "**Press Release: Introducing X**").
  std::optional<LineLabel> inner_label(const LineLabel& ll, LabelClass& c, bool faq) {
    std::size_t colon = ll.label.find(':');
    std::size_t wide = ll.label.find("\xEF\xBC\x9A");
    std::size_t at = std::min(colon, wide);
    if (at == std::string::npos || at == 0) return std::nullopt;
    std::string head = text::trim(std::string_view(ll.label).substr(0, at));
    std::string rest = text::trim(std::string_view(ll.label).substr(at + (at == wide ? 3 : 1)));
    if (rest.empty() || label_words(head) > 4) return std::nullopt;
    LabelClass ic = classify_label(m_ctx, head, faq);
    bool ok = (ic.kind == LabelKind::role && ic.score >= 90) ||
              (ic.kind == LabelKind::part && ic.part == "press_release" && label_words(rest) >= 3);
    if (!ok) return std::nullopt;
    std::string_view text = m_ctx.text();
    // Source offsets: find the colon inside the bold span.
    std::string_view line = text.substr(ll.begin, ll.line_end - ll.begin);
    std::size_t src_colon = std::min(line.find(':'), line.find("\xEF\xBC\x9A"));
    if (src_colon == std::string_view::npos) return std::nullopt;
    std::size_t src_rest = src_colon + (line[src_colon] == ':' ? 1 : 3);
    while (src_rest < line.size() && line[src_rest] == ' ') ++src_rest;
    LineLabel out = ll;
    out.label = head;
    out.punct = true;
    out.whole_line = false;
    out.end = static_cast<std::uint32_t>(ll.begin + src_rest);
    out.rest = out.end;
    c = ic;
    if (ic.kind == LabelKind::part) {
      // The text after "Press Release:" is the headline.
      std::uint32_t e = ll.end;
      while (e > out.rest && (text[e - 1] == '*' || text[e - 1] == '_' || text[e - 1] == ' ')) --e;
      inner_glued_ = Span{out.rest, e};
    }
    return out;
  }

  bool example(std::string_view label) const {
    std::string n = normalize_label(label);
    for (const std::string& e : m_ctx.tmpl.words("example_labels"))
      if (n == normalize_label(e)) return true;
    return false;
  }

  bool metadata(std::string_view label) const {
    std::string lower = text::to_lower(text::trim(label));
    if (label_words(lower) > 4) return false;
    for (const std::string& m : m_ctx.tmpl.words("metadata_labels"))
      if (lower == m) return true;
    return false;
  }

  // A release written inside one blockquote: four or more paragraphs, one a dateline.
  void body_blockquote() {
    std::map<int, int> paragraphs;
    std::map<int, bool> dateline;
    for (std::size_t bi = 0; bi < m_ctx.blocks.size(); ++bi) {
      const markdown::RawBlock& b = m_ctx.blocks[bi];
      if (b.blockquote < 0 || b.kind != BlockKind::paragraph) continue;
      ++paragraphs[b.blockquote];
      if (const Prose* p = m_ctx.prose_of(bi); p && patterns::dateline_date(p->text))
        dateline[b.blockquote] = true;
    }
    for (auto [q, n] : paragraphs)
      if (n >= 4 && dateline[q]) {
        m_ctx.body_blockquote = q;
        return;
      }
  }

  // "Technical Questions" beside "General Questions" inside one FAQ groups questions by topic;
  // it is an internal FAQ only beside an external one ("Customer FAQ" / "Internal FAQ").
  void topics() {
    for (std::size_t i = 1; i < m_doc.sections.size(); ++i) {
      Section& s = m_doc.sections[i];
      if (s.role != "external_faq" && s.role != "internal_faq") continue;
      std::string norm = normalize_label(s.label);
      if (norm.find("faq") != std::string::npos) continue;
      if (s.parent <= 0 || !m_ctx.in_faq_section(s.parent)) continue;
      const Section& parent = m_doc.sections[static_cast<std::size_t>(s.parent)];
      std::string other = s.role == "external_faq" ? "internal_faq" : "external_faq";
      bool pair = false;
      for (int c : parent.children)
        pair |= m_doc.sections[static_cast<std::size_t>(c)].role == other;
      if (pair) continue;
      s.role.clear();
      s.kind = LabelKind::topic;
      s.how = "a topic inside the FAQ ('" + parent.label + "')";
    }
  }

  // Spans: up to the next section at the same level or above (one pass with a stack).
  void finish_spans() {
    const auto n = static_cast<int>(m_doc.sections.size());
    const auto doc_end = static_cast<std::uint32_t>(m_doc.text().size());
    std::vector<int> open;
    std::vector<std::uint32_t> ends(static_cast<std::size_t>(n), doc_end);
    for (int i = 1; i < n; ++i) {
      const Section& s = m_doc.sections[static_cast<std::size_t>(i)];
      while (!open.empty() &&
             m_doc.sections[static_cast<std::size_t>(open.back())].level >= s.level) {
        ends[static_cast<std::size_t>(open.back())] = s.label_span.begin;
        open.pop_back();
      }
      open.push_back(i);
    }
    for (int i = 1; i < n; ++i) {
      Section& s = m_doc.sections[static_cast<std::size_t>(i)];
      std::uint32_t end = ends[static_cast<std::size_t>(i)];
      if (auto one = m_single_line.find(i); one != m_single_line.end())
        end = std::min(end, one->second);
      s.span.end = std::max(end, s.label_span.end);
      s.body.end = std::max(s.body.begin, m_ctx.trim_end(end));
    }
  }

  Context& m_ctx;
  Document& m_doc;
  std::vector<int> m_stack;
  std::map<int, std::uint32_t> m_single_line;  // one-line label sections: end offset
  std::optional<Span> inner_glued_;
  bool m_seen_heading = false;
  int m_headings = 0;
};

}  // namespace

void build_sections(Context& ctx) {
  SectionBuilder(ctx).run();
}

}  // namespace prfaq::model
