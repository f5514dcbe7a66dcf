// Pass 4: quotations — speech, not mentions — with their speakers and classes.
#include <algorithm>

#include "model/patterns.hpp"
#include "model/quotes.hpp"
#include "text/text.hpp"

namespace prfaq::model {

namespace {

class Quotes {
 public:
  explicit Quotes(Context& ctx) : m_ctx(ctx), m_doc(ctx.doc) {}

  void run() {
    marked();
    blockquotes();
    label_slots();
    std::sort(m_doc.quotes.begin(), m_doc.quotes.end(),
              [](const Quote& a, const Quote& b) { return a.span.begin < b.span.begin; });
    leader_fallback();
    // A quotation outside a section labelled for it stands for its role by itself.
    for (const Quote& q : m_doc.quotes) {
      if (q.cls == QuoteClass::unknown || in_quote_section(q.section)) continue;
      if (m_ctx.in_faq_section(q.section)) continue;
      const Prose& p = m_doc.prose[static_cast<std::size_t>(q.prose)];
      m_ctx.add_role(q.cls == QuoteClass::customer ? "customer_quote" : "leader_quote", "", p.span,
                     p.span, -1, false, "a quotation: " + q.how + "; " + q.why);
    }
  }

 private:
  std::string section_role(int section) const { return m_ctx.labelled_role(section); }

  bool in_quote_section(int section) const {
    std::string r = section_role(section);
    return r == "customer_quote" || r == "leader_quote";
  }

  // The speaker of a quote whose paragraph names nobody: "— Name" as the next paragraph, or
  // "Name said:" ending the previous one.
  std::string nearby(std::size_t pi, std::string& how) {
    if (pi + 1 < m_doc.prose.size()) {
      std::string next = prose_text(m_doc.prose[pi + 1]), rest;
      if (starts_dash(next, rest) && word_count(next) <= 20) {
        how = "attributed by a dash on the next line";
        return rest;
      }
    }
    if (pi > 0 && m_doc.prose[pi - 1].kind != BlockKind::heading) {
      std::string prev = prose_text(m_doc.prose[pi - 1]);
      if (prev.ends_with(":") || prev.ends_with("\xEF\xBC\x9A")) {
        if (auto sp = find_attribution(
                m_ctx, prev.substr(0, prev.size() - (prev.ends_with(":") ? 1 : 3)) + ": \x01", how))
          return *sp;
      }
    }
    return {};
  }

  // A Japanese quote closed by "とコメント" without a name: the subject of the paragraph before
  // ("運営の柳下征二郎は…").
  std::string previous_subject(std::size_t pi) const {
    if (pi == 0) return {};
    const Prose& prev = m_doc.prose[pi - 1];
    if (prev.kind == BlockKind::heading) return {};
    std::string t = prose_text(prev);
    std::size_t wa = t.find("\xE3\x81\xAF");  // は
    if (wa == std::string::npos || wa > 60) return {};
    return t.substr(0, wa);
  }

  void marked() {
    for (std::size_t pi = 0; pi < m_doc.prose.size(); ++pi) {
      const Prose& p = m_doc.prose[pi];
      if (p.kind == BlockKind::heading || p.kind == BlockKind::table_cell) continue;
      bool skip = false;
      for (Span s : m_doc.ignored) skip |= s.contains(p.span.begin);
      if (skip) continue;
      std::vector<Piece> pieces = find_pieces(m_ctx.lex, p, m_doc.mentions);
      if (pieces.empty()) continue;
      Quote q;
      std::string rest;
      std::uint32_t last = 0;
      std::size_t quoted_chars = 0;
      bool punct = false, cjk_marks = true;
      for (const Piece& pc : pieces) {
        rest.append(p.text, last, pc.open - last);
        rest += '\x01';
        last = pc.close_end;
        if (!q.text.empty()) q.text += ' ';
        q.text += text::squash(
            std::string_view(p.text).substr(pc.inner_begin, pc.inner_end - pc.inner_begin));
        q.pieces.push_back(p.source_span(pc.open, pc.close_end));
        quoted_chars += pc.inner_end - pc.inner_begin;
        punct |= pc.ends_punct;
        cjk_marks &= pc.cjk_marks;
      }
      rest.append(p.text, last, std::string::npos);
      for (char& ch : rest)
        if (ch == '\n') ch = ' ';
      q.span = q.pieces.front();
      q.prose = static_cast<int>(pi);
      q.section = p.section;
      std::string how;
      if (auto sp = find_attribution(m_ctx, rest, how, punct))
        q.speaker = clean_speaker(m_ctx, *sp);
      if (q.speaker.empty() && how.empty()) {
        q.speaker = clean_speaker(m_ctx, nearby(pi, how));
      }
      if (q.speaker.empty() && how.find("CJK") != std::string::npos)
        q.speaker = clean_speaker(m_ctx, previous_subject(pi));
      bool labelled = in_quote_section(p.section);
      std::string ctx_role = section_role(p.section);
      // Speech without a speaker: only a quotation that is most of its paragraph, a sentence or
      // more, in double quotes, in the press release and outside a walkthrough.
      std::string plain = prose_text(p);
      bool speech = !how.empty() || labelled;
      if (!speech) {
        double words = has_cjk(q.text) ? static_cast<double>(cjk_chars(q.text)) / 2.5
                                       : static_cast<double>(word_count(q.text));
        bool most = quoted_chars * 10 >= text::trim(p.text).size() * 6;
        bool opens = text::trim(rest).starts_with("\x01");
        speech = !cjk_marks && most && opens && punct && words >= 5 && !p.in_list &&
                 m_ctx.in_pr(p.span.begin) && ctx_role != "customer_experience" &&
                 !m_ctx.in_faq_section(p.section);
        if (speech) how = "a quoted sentence that is most of its paragraph, with no speaker";
      }
      if (!speech) {
        for (Span s : q.pieces) m_doc.mentions.push_back(s);
        continue;
      }
      if (how.empty()) how = "in a section labelled '" + label_of(p.section) + "'";
      q.how = how;
      finish(q);
    }
  }

  std::string label_of(int section) const {
    for (int s = section; s > 0; s = m_doc.sections[static_cast<std::size_t>(s)].parent) {
      const Section& sec = m_doc.sections[static_cast<std::size_t>(s)];
      if (!sec.role.empty()) return sec.label;
    }
    return {};
  }

  // Blockquotes without quotation marks: speech when attributed by a dash line or labelled.
  void blockquotes() {
    std::vector<int> seen;
    for (std::size_t bi = 0; bi < m_ctx.blocks.size(); ++bi) {
      const markdown::RawBlock& b = m_ctx.blocks[bi];
      if (b.blockquote < 0 || std::find(seen.begin(), seen.end(), b.blockquote) != seen.end())
        continue;
      seen.push_back(b.blockquote);
      std::vector<int> members;
      bool heading = false;
      for (std::size_t k = bi;
           k < m_ctx.blocks.size() && m_ctx.blocks[k].blockquote == b.blockquote; ++k) {
        if (m_ctx.blocks[k].kind == BlockKind::heading) heading = true;
        if (m_ctx.blocks[k].prose >= 0) members.push_back(m_ctx.blocks[k].prose);
      }
      if (heading || members.empty() || members.size() > 4) continue;
      bool marked = false;
      for (int m : members)
        for (const Quote& q : m_doc.quotes) marked |= q.prose == m;
      if (marked) continue;
      const Prose& lastp = m_doc.prose[static_cast<std::size_t>(members.back())];
      std::string speaker, how;
      std::uint32_t text_end = static_cast<std::uint32_t>(lastp.text.size());
      std::size_t nl = lastp.text.rfind('\n');
      std::string last_line =
          text::trim(nl == std::string::npos ? lastp.text : lastp.text.substr(nl + 1));
      std::string rest;
      if (starts_dash(last_line, rest) && (nl != std::string::npos || members.size() > 1)) {
        speaker = rest;
        how = "a blockquote attributed by a dash";
        text_end = nl == std::string::npos ? 0 : static_cast<std::uint32_t>(nl);
      }
      std::size_t after = static_cast<std::size_t>(members.back()) + 1;
      if (speaker.empty() && after < m_doc.prose.size() && !m_doc.prose[after].in_blockquote) {
        std::string next = prose_text(m_doc.prose[after]);
        if (starts_dash(next, rest) && word_count(next) <= 20) {
          speaker = rest;
          how = "a blockquote attributed by a dash on the next line";
        }
      }
      int section = m_doc.prose[static_cast<std::size_t>(members.front())].section;
      if (speaker.empty() && !in_quote_section(section)) continue;
      if (how.empty()) how = "a blockquote in a section labelled '" + label_of(section) + "'";
      Quote q;
      for (int m : members) {
        const Prose& mp = m_doc.prose[static_cast<std::size_t>(m)];
        std::uint32_t e =
            m == members.back() ? text_end : static_cast<std::uint32_t>(mp.text.size());
        if (e == 0) continue;
        std::string t = prose_text(mp, 0, e);
        if (t.empty()) continue;
        if (!q.text.empty()) q.text += ' ';
        q.text += t;
        q.pieces.push_back(mp.source_span(0, e));
      }
      if (q.pieces.empty()) continue;
      q.span = q.pieces.front();
      q.prose = members.front();
      q.section = section;
      q.speaker = clean_speaker(m_ctx, speaker);
      q.how = how;
      finish(q);
    }
  }

  // A labelled quote slot with no quotation in it ("**Customer quote**" and an instruction
  // line): its first block stands for the quote, so the part counts as written.
  void label_slots() {
    for (std::size_t i = 1; i < m_doc.sections.size(); ++i) {
      const Section& s = m_doc.sections[i];
      if (s.role != "customer_quote" && s.role != "leader_quote") continue;
      bool has = false;
      for (const Quote& q : m_doc.quotes) has |= s.span.contains(q.span.begin);
      if (has) continue;
      for (const Prose& p : m_doc.prose_in(s.span)) {
        if (p.kind == BlockKind::heading || p.kind == BlockKind::table_cell) continue;
        std::uint32_t from = 0;
        while (from < p.text.size() && p.offsets[from] < s.label_span.end) ++from;
        std::string t = prose_text(p, from);
        if (t.empty()) continue;
        Quote q;
        q.text = t;
        q.pieces.push_back(p.source_span(from, static_cast<std::uint32_t>(p.text.size())));
        q.span = q.pieces.front();
        q.prose = static_cast<int>(&p - m_doc.prose.data());
        q.section = p.section;
        q.how = "the text of the slot labelled '" + s.label + "'";
        q.slot = true;
        finish(q);
        break;
      }
    }
  }

  // In a quote section, a heading of its own names the speaker ("### ユーザーA（30代・会社員）"
  // under "## 顧客の声"), and so does a label that names a person or team ("開発チームのコメント").
  std::string heading_speaker(const Quote& q) const {
    if (!in_quote_section(q.section)) return {};
    const Section& s = m_doc.sections[static_cast<std::size_t>(q.section)];
    if (s.role.empty() && s.kind == LabelKind::generic) return s.label;
    if (!s.role.empty() && m_ctx.lex.has("leader_titles", s.label)) return s.label;
    return {};
  }

  // "Provide a quote from a hypothetical customer …", "[Quote from a customer]": the template's
  // instruction, held where the quote will go.
  bool instruction(const std::string& text) const {
    std::string t = text::trim(text);
    if (t.empty()) return true;
    if (t.front() == '[' || t.front() == '(' || t.front() == '<') return true;
    std::vector<std::string> ws = text::words(t);
    const auto& verbs = m_ctx.tmpl.words("instruction_words");
    return !ws.empty() && std::find(verbs.begin(), verbs.end(), ws[0]) != verbs.end();
  }

  void finish(Quote& q) {
    if (in_quote_section(q.section) && q.speaker.empty() && instruction(q.text)) q.slot = true;
    if (q.speaker.empty() && !q.slot) {
      q.speaker = heading_speaker(q);
      if (!q.speaker.empty()) q.how += "; the speaker is named by the heading above";
    }
    auto initial = [](const std::string& sp) {  // "Ana P." ends with an initial's period
      std::size_t n = sp.size();
      return n >= 3 && sp[n - 1] == '.' && std::isupper(static_cast<unsigned char>(sp[n - 2])) &&
             sp[n - 3] == ' ';
    };
    while (!q.speaker.empty() &&
           (q.speaker.back() == ',' || (q.speaker.back() == '.' && !initial(q.speaker))))
      q.speaker.pop_back();
    q.placeholder_speaker = !q.speaker.empty() && patterns::placeholder_speaker(q.speaker);
    std::string role = section_role(q.section);
    q.cls = q.speaker.empty() && role != "customer_quote" && role != "leader_quote"
                ? QuoteClass::unknown
                : classify_quote(m_ctx, q, role, q.why);
    if (q.speaker.empty() && q.why.empty()) q.why = "no speaker";
    m_doc.quotes.push_back(std::move(q));
  }

  // A press release speaks for someone: with no leader quote at all, the first speaker with
  // an executive title is the leader even when named differently from the announcer. Only
  // with two or more attributed quotes: a lone quote from a customer's manager stays a
  // customer quote.
  void leader_fallback() {
    bool any_leader = false;
    int attributed = 0;
    for (const Quote& q : m_doc.quotes) {
      any_leader |= q.cls == QuoteClass::leader && m_ctx.in_pr(q.span.begin);
      attributed += q.cls != QuoteClass::unknown && m_ctx.in_pr(q.span.begin);
    }
    if (any_leader || attributed < 2) return;
    for (Quote& q : m_doc.quotes) {
      if (!m_ctx.in_pr(q.span.begin) || q.cls != QuoteClass::customer || q.placeholder_speaker)
        continue;
      if (section_role(q.section) == "customer_quote") continue;
      std::string name = text::to_lower(q.speaker);
      if (std::size_t k = name.find(" who "); k != std::string::npos) name.erase(k);
      if (m_ctx.lex.has("leader_titles", name)) {
        q.cls = QuoteClass::leader;
        q.why = "the press release's only speaker with a leader's title";
        break;
      }
    }
  }

  Context& m_ctx;
  Document& m_doc;
};

}  // namespace

void find_quotes(Context& ctx) {
  Quotes(ctx).run();
}

}  // namespace prfaq::model
