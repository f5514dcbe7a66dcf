// Pass 3: the top of the press release — headline, subheadline, summary — and the announcer.
#include <algorithm>

#include "model/context.hpp"
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

struct Line {
  std::uint32_t begin, end;  // text offsets of the prose
};

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

class Front {
 public:
  explicit Front(Context& ctx) : m_ctx(ctx), m_doc(ctx.doc) {}

  void run() {
    m_end = m_doc.press_release.empty() ? static_cast<std::uint32_t>(m_doc.text().size())
                                        : m_doc.press_release.end;
    m_any_heading = std::any_of(m_ctx.blocks.begin(), m_ctx.blocks.end(),
                                [](const auto& b) { return b.kind == BlockKind::heading; });
    headline();
    subheadline();
    summary();
    company();
  }

 private:
  bool skip_block(std::size_t bi) const {
    BlockRole r = m_ctx.block_role[bi];
    if (r == BlockRole::release || r == BlockRole::date || r == BlockRole::metadata ||
        r == BlockRole::image || r == BlockRole::ignored)
      return true;
    for (Span s : m_doc.ignored)
      if (s.contains(m_ctx.blocks[bi].span.begin)) return true;
    return false;
  }

  int section_of(std::size_t bi) const { return m_ctx.block_section[bi]; }
  /// In a blockquote other than the one that holds the whole release.
  bool quoted(const markdown::RawBlock& b) const {
    return b.in_blockquote && b.blockquote != m_ctx.body_blockquote;
  }
  const Section& sec(int i) const { return m_doc.sections[static_cast<std::size_t>(i)]; }
  bool is_label_block(std::size_t bi) const {
    int s = section_of(bi);
    return s > 0 && m_ctx.label_block[static_cast<std::size_t>(s)] == static_cast<int>(bi);
  }

  // A heading that heads a section of its own (same-level siblings follow, and it holds a
  // paragraph of its own) is not a headline.
  bool section_heading(int s) const {
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
    // A labelled headline: the label's own text, or the first block after it.
    for (std::size_t i = 1; i < m_doc.sections.size(); ++i) {
      const Section& s = m_doc.sections[i];
      if (auto g = m_ctx.glued_headline.find(static_cast<int>(i));
          g != m_ctx.glued_headline.end()) {
        if (s.role == "headline" || s.part == "press_release") {
          std::size_t bi = static_cast<std::size_t>(std::max(0, m_ctx.label_block[i]));
          if (s.role == "headline") m_ctx.headline_from_label = static_cast<int>(i);
          set_headline_span(bi, g->second, "the text after the label '" + s.label + "'");
          return;
        }
      }
      if (s.role != "headline" || s.related) continue;
      labelled_headline(static_cast<int>(i));
      if (m_ctx.headline_block) return;
    }
    // Unlabelled: the first headline-like block of the press release.
    std::uint32_t from = m_doc.front_matter.end;
    if (m_ctx.has_release_marker && m_ctx.release_marker < m_end) from = m_ctx.release_marker;
    std::vector<std::string>& rejected = m_rejected;
    const bool pr_label = m_ctx.pr_label >= 0;
    const std::uint32_t pr_label_at = pr_label ? sec(m_ctx.pr_label).label_span.begin : 0;
    for (std::size_t bi = 0; bi < m_ctx.blocks.size(); ++bi) {
      const markdown::RawBlock& b = m_ctx.blocks[bi];
      if (b.span.begin < from) continue;
      if (b.span.begin >= m_end) break;
      const Prose* p = m_ctx.prose_of(bi);
      if (!p || skip_block(bi)) continue;
      int s = section_of(bi);
      if (b.kind == BlockKind::heading) {
        const Section& h = sec(s);
        if (h.is_title || h.kind == LabelKind::title) {
          rejected.push_back("line " + line(b) + ": the document's title");
          continue;
        }
        if (h.kind == LabelKind::part && h.part == "press_release") continue;
        if (h.kind == LabelKind::question || (h.kind == LabelKind::part) ||
            (h.kind == LabelKind::role && h.role != "headline"))
          break;
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
          continue;
        }
        // Above the press release's own label ("## Ship Small" then "## Press Release") a
        // heading with one short line under it is the headline and its subheadline.
        bool above_label = pr_label && b.span.begin < pr_label_at && one_short_paragraph(s);
        if (section_heading(s) && words < 7 && !above_label) {
          rejected.push_back("line " + line(b) + ": a heading with a section of its own");
          // Its content is the release's body: stop.
          break;
        }
        set_headline(bi, *p, 0, static_cast<std::uint32_t>(p->text.size()),
                     "the first heading of the press release");
        return;
      }
      if (quoted(b) || b.list_item >= 0) {
        if (quoted(b)) continue;
        break;
      }
      if (is_label_block(bi)) {
        const Section& l = sec(s);
        if (l.kind == LabelKind::role || l.kind == LabelKind::part) break;
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
            continue;
          }
          set_headline(bi, *p, lb, le, "the first bold or italic line of the press release");
          return;
        }
      }
      // A file without headings: its first short line.
      if (!m_any_heading && !quoted(b)) {
        std::vector<Line> ls = lines_of(*p);
        if (!ls.empty()) {
          std::string first = prose_text(*p, ls[0].begin, ls[0].end);
          if (label_words(first) <= 25 && !first.ends_with(".") && !first.ends_with(":") &&
              !patterns::dateline_date(first)) {
            set_headline(bi, *p, ls[0].begin, ls[0].end,
                         "the first line of a file without headings");
            return;
          }
        }
      }
      // Prose before the press release label is a preamble; after it, the body has begun.
      if (pr_label && b.span.begin < pr_label_at) {
        rejected.push_back("line " + line(b) + ": a paragraph before the press release label");
        continue;
      }
      if (m_ctx.block_role[bi] == BlockRole::metadata) continue;
      rejected.push_back("line " + line(b) + ": body text, so the release has no headline");
      break;
    }
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

  void company() {
    std::string text;
    if (m_ctx.summary_block) text = prose_text(*m_ctx.prose_of(*m_ctx.summary_block));
    std::string a = text.empty() ? std::string() : patterns::announcer(text);
    if (a.empty()) {
      for (const Prose& p : m_doc.prose_in(m_doc.press_release)) {
        if (p.kind == BlockKind::heading) continue;
        text = prose_text(p);
        a = patterns::announcer(text);
        if (!a.empty()) break;
      }
    }
    // What was launched names the product: "Acme today launched Ledger, …".
    std::string launched = a.empty() ? std::string() : patterns::launched_name(text);
    // The company's first distinctive word stands for it ("Blue Ridge Market Tech" -> "blue",
    // "the prfaq project" -> "prfaq").
    static const std::vector<std::string_view> k_filler = {
        "the",      "project",    "team",   "inc",   "corp",  "llc",     "ltd",     "company",
        "today",    "die",        "der",    "das",   "firma", "gmbh",    "ag",      "la",
        "le",       "les",        "el",     "los",   "las",   "société", "societe", "empresa",
        "compañía", "entreprise", "groupe", "grupo", "our",   "new",     "we",      "a",
        "an",       "o",          "group",  "of",    "i"};
    auto first_word = [&](std::string_view s) {
      for (const std::string& w : text::words(s)) {
        if (w.size() < 2 || std::find(k_filler.begin(), k_filler.end(), w) != k_filler.end())
          continue;
        m_ctx.company_words.push_back(w);
        return;
      }
    };
    // Parentheticals are asides ("Sam Hall (scmhall.blog)").
    std::string announcer;
    int depth = 0;
    for (char c : a) {
      if (c == '(') ++depth;
      if (depth == 0) announcer += c;
      if (c == ')' && depth > 0) --depth;
    }
    announcer = text::squash(announcer);
    m_doc.company = announcer;
    first_word(announcer);
    // Names in the announcer ("singer-songwriter Sam Hall" -> "sam", "hall").
    {
      std::string_view rest = announcer;
      while (!rest.empty()) {
        std::size_t b = 0;
        while (b < rest.size() && !std::isalnum(static_cast<unsigned char>(rest[b])) &&
               static_cast<unsigned char>(rest[b]) < 0x80)
          ++b;
        std::size_t e = b;
        while (e < rest.size() && (std::isalnum(static_cast<unsigned char>(rest[e])) ||
                                   static_cast<unsigned char>(rest[e]) >= 0x80 || rest[e] == '-'))
          ++e;
        std::string w(rest.substr(b, e - b));
        if (!w.empty() && std::isupper(static_cast<unsigned char>(w[0]))) {
          std::string lower = text::to_lower(w);
          if (lower != "today" &&
              std::find(k_filler.begin(), k_filler.end(), lower) == k_filler.end())
            m_ctx.company_words.push_back(lower);
        }
        if (e >= rest.size()) break;
        rest = rest.substr(e);
      }
    }
    if (!m_ctx.product.empty()) first_word(m_ctx.product);
    if (!launched.empty()) first_word(launched);
    for (const std::string& name : m_ctx.opt.product_names) first_word(name);
    // The headline's product: "MASIL: A New Open Standard", "JProbe: …", "ChoreSync Unveils …".
    if (!m_ctx.headline_text.empty()) {
      std::string h = m_ctx.headline_text;
      std::size_t colon = h.find(':');
      std::string head = colon != std::string::npos && label_words(h.substr(0, colon)) <= 4
                             ? h.substr(0, colon)
                             : std::string();
      if (!head.empty()) {
        first_word(head);
      } else {
        std::vector<std::string> ws = text::words(h);
        static const std::vector<std::string_view> k_not = {
            "introducing", "announcing", "new", "meet", "build", "how",  "why", "now", "today",
            "a",           "an",         "the", "your", "our",   "make", "get", "say"};
        if (!ws.empty() && std::isupper(static_cast<unsigned char>(h[0])) &&
            std::find(k_not.begin(), k_not.end(), ws[0]) == k_not.end())
          m_ctx.company_words.push_back(ws[0]);
      }
    }
  }

  Context& m_ctx;
  Document& m_doc;
  std::uint32_t m_end = 0;
  bool m_any_heading = false;
  std::size_t m_next = 0;
  std::vector<std::string> m_rejected;

 public:
  std::vector<std::string> rejected() const { return m_rejected; }
};

}  // namespace

void find_front(Context& ctx) {
  Front f(ctx);
  f.run();
  for (RoleInstance& r : ctx.doc.roles)
    if (r.role == "headline") r.rejected = f.rejected();
}

}  // namespace prfaq::model
