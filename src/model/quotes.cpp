// Pass 4: quotations — speech, not mentions — with their speakers and classes.
#include <algorithm>

#include "model/context.hpp"
#include "model/patterns.hpp"
#include "text/text.hpp"

namespace prfaq::model {

namespace {

struct Piece {
  std::uint32_t open, close_end;  // text offsets: opening mark .. after closing mark
  std::uint32_t inner_begin, inner_end;
  bool cjk_marks = false;  // 「」『』
  bool ends_punct = false;
};

bool terminal(std::string_view inner) {
  std::string t = text::trim(inner);
  if (t.empty()) return false;
  if (std::string_view(".,!?;\xE2\x80\xA6").find(t.back()) != std::string_view::npos) return true;
  for (std::string_view e : {"\xE3\x80\x82", "\xEF\xBC\x81", "\xEF\xBC\x9F", "\xEF\xBC\x8C",
                             "\xE2\x80\xA6", "\xE3\x80\x81"})
    if (t.ends_with(e)) return true;
  return false;
}

std::size_t cjk_chars(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size();)
    if (text::is_cjk(decode_utf8(s, i))) ++n;
  return n;
}

// Quoted pieces of a prose block that are long enough to be speech.
std::vector<Piece> find_pieces(const Prose& p, std::vector<Span>& mentions) {
  std::vector<Piece> out;
  std::string_view s = p.text;
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t start = i;
    char32_t c = decode_utf8(s, i);
    char32_t closers[2] = {0, 0};
    if (c == 0x201C)
      closers[0] = 0x201D;
    else if (c == 0x201E)
      closers[0] = 0x201C, closers[1] = 0x201D;
    else if (c == 0xAB)
      closers[0] = 0xBB;
    else if (c == 0x300C)
      closers[0] = 0x300D;
    else if (c == 0x300E)
      closers[0] = 0x300F;
    else if (c == '"') {
      bool left_ok = start == 0 || !text::is_word_char(static_cast<unsigned char>(s[start - 1]));
      if (!left_ok || i >= s.size() || std::isspace(static_cast<unsigned char>(s[i]))) continue;
      closers[0] = '"';
    } else {
      continue;
    }
    // The closing mark; CJK corner brackets nest (「…『…』…」, 「…「…」…」).
    std::size_t j = i;
    std::size_t close_at = std::string_view::npos, close_end = 0;
    int depth = 0;
    while (j < s.size()) {
      std::size_t k = j;
      char32_t d = decode_utf8(s, j);
      if (c == 0x300C && d == 0x300C) {
        ++depth;
        continue;
      }
      if (d == closers[0] || (closers[1] && d == closers[1])) {
        if (depth > 0) {
          --depth;
          continue;
        }
        close_at = k;
        close_end = j;
        break;
      }
    }
    if (close_at == std::string_view::npos) continue;
    std::string_view inner = s.substr(i, close_at - i);
    bool cjk_marks = c == 0x300C || c == 0x300E;
    std::size_t words = text::words(inner).size();
    bool long_enough = cjk_chars(inner) > 0
                           ? cjk_chars(inner) >= 6
                           : words >= 4 || (words >= 3 && count_code_points(inner) >= 20);
    Piece pc{static_cast<std::uint32_t>(start),
             static_cast<std::uint32_t>(close_end),
             static_cast<std::uint32_t>(i),
             static_cast<std::uint32_t>(close_at),
             cjk_marks,
             terminal(inner)};
    // Speech ends with punctuation inside the marks, opens the paragraph or a sentence, or
    // follows a colon, a comma or a dash; a quoted phrase inside a sentence is a mention.
    std::string before = text::trim(s.substr(0, start));
    while (!before.empty() && (before.back() == '*' || before.back() == '_')) before.pop_back();
    bool speech_start = before.empty() || !out.empty();
    for (std::string_view mark :
         {":", ",", ".", "!", "?", "\xEF\xBC\x9A" /* ： */, "\xEF\xBC\x8C" /* ， */,
          "\xE2\x80\x94" /* — */, "\xE3\x80\x81" /* 、 */, "\xE3\x80\x82" /* 。 */})
      speech_start |= before.ends_with(mark);
    std::string_view after_close = s.substr(close_end);
    speech_start |= after_close.starts_with("\xEB\x9D\xBC\xEA\xB3\xA0") ||              // 라고
                    after_close.starts_with("\xEC\x9D\xB4\xEB\x9D\xBC\xEA\xB3\xA0") ||  // 이라고
                    after_close.starts_with("\xEB\xA9\xB0") ||                          // 며
                    after_close.starts_with("\xEB\xA9\xB4\xEC\x84\x9C") ||              // 면서
                    after_close.starts_with("\xE3\x81\xA8");                            // と
    // A short line is speech too when a speech verb follows it: "It is seamless," said Bo Lee.
    static const RE2 k_said_after(
        R"((?i)^\s*[,.]?\s*(?:said|says|adds|added|explains|explained|recalls|sagt|sagte|dijo|afirma|afirmó|disse|diz|a\s+déclaré|déclare)\s+\p{Lu})");
    if (!long_enough && words >= 2 && pc.ends_punct && speech_start &&
        RE2::PartialMatch(re2::StringPiece(after_close.data(), after_close.size()), k_said_after))
      long_enough = true;
    if (long_enough && (pc.ends_punct || speech_start || cjk_marks)) {
      out.push_back(pc);
      i = close_end;
    } else {
      mentions.push_back(p.source_span(pc.open, pc.close_end));
    }
  }
  return out;
}

bool starts_dash(std::string_view s, std::string& rest) {
  for (std::string_view dash : {"\xE2\x80\x94", "\xE2\x80\x93", "--", "- ", "\xE2\x80\x95", "~"}) {
    if (s.starts_with(dash)) {
      rest = text::trim(s.substr(dash.size()));
      return true;
    }
  }
  return false;
}

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

  // A speaker reads like a name or a description ("Jane Roe", "a senior engineer", "user Tracy
  // Walker", "[Customer Name]"), not like a clause ("no way to know if …").
  static bool speaker_like(const std::string& raw) {
    std::string s = text::trim(raw);
    while (!s.empty() && (s.front() == '*' || s.front() == '_' || s.front() == ' ')) s.erase(0, 1);
    if (s.empty()) return false;
    if (s[0] == '[' || s[0] == '<' || static_cast<unsigned char>(s[0]) >= 0x80) return true;
    std::vector<std::string> ws = text::words(s);
    if (ws.empty() || ws.size() > 16) return false;
    if (std::isupper(static_cast<unsigned char>(s[0]))) return true;
    static const std::vector<std::string_view> k_articles = {
        "a",  "an", "the", "our", "one", "el",  "la",  "los",  "las", "un",  "una", "o",  "os",
        "as", "um", "uma", "der", "die", "das", "ein", "eine", "le",  "les", "une", "il", "lo"};
    if (std::find(k_articles.begin(), k_articles.end(), ws[0]) != k_articles.end()) return true;
    return false;
  }

  // "Customer Quote:" labels the quote; it does not name the speaker.
  bool labels_a_part(const std::string& s) const {
    LabelClass c = classify_label(m_ctx, s, false);
    return c.kind == LabelKind::role || c.kind == LabelKind::part;
  }

  // "Ana Ruiz", "Dr. Jane Roe, CTO": capitalised words, a few small ones between them.
  static bool name_like(const std::string& s) {
    std::string head = s.substr(0, s.find(','));
    std::vector<std::string> ws;
    std::string cur;
    for (char c : head + " ") {
      if (c == ' ') {
        if (!cur.empty()) ws.push_back(cur), cur.clear();
      } else {
        cur += c;
      }
    }
    if (ws.empty() || ws.size() > 5) return false;
    for (const std::string& w : ws) {
      unsigned char c = static_cast<unsigned char>(w[0]);
      bool small = w == "de" || w == "van" || w == "von" || w == "da" || w == "del" || w == "la";
      if (!(std::isupper(c) || c >= 0x80 || small)) return false;
    }
    return true;
  }

  // A lower-case description before a name: "user Tracy Walker", "creator Sheena Ramirez",
  // "early listener Jess K.".
  bool described_speaker(const std::string& raw) const {
    if (speaker_like(raw)) return true;
    std::string s = text::trim(raw);
    std::vector<std::string> ws = text::words(s);
    if (ws.empty() || ws.size() > 16) return false;
    std::string head = ws[0] + (ws.size() > 1 ? " " + ws[1] : std::string());
    return m_ctx.lex.leading("customer_words", head) || m_ctx.lex.leading("leader_titles", head) ||
           m_ctx.lex.leading("customer_words", ws.size() > 1 ? ws[1] : ws[0]);
  }

  // "Jess K.", "Dr. Ana": attribution text after a quote, before a sentence ends.
  std::optional<std::string> attribution(const std::string& rest, std::string& how,
                                         bool sentence = true) const {
    const Lexicon& lex = m_ctx.lex;
    std::string s;
    re2::StringPiece in(rest);
    if (lex.after_verb && RE2::PartialMatch(in, *lex.after_verb, &s) &&
        described_speaker(clean(s))) {
      how = "attributed after the quote ('said …')";
      return s;
    }
    static const RE2 k_dash(R"(\x01\s*[*_]*\s*(?:[—–―]+|--?)\s*([^\x01\n]{2,160}))");
    if (RE2::PartialMatch(in, k_dash, &s) && speaker_like(clean(s)) &&
        label_words(clean(s)) <= 14) {
      how = "attributed after a dash";
      return s;
    }
    if (lex.after_name && RE2::PartialMatch(in, *lex.after_name, &s) &&
        described_speaker(clean(s)) && word_count(clean(s)) <= 10) {
      how = "attributed after the quote ('… Ana says')";
      return s;
    }
    if (lex.before_verb && RE2::PartialMatch(in, *lex.before_verb, &s) &&
        described_speaker(clean(s)) && word_count(clean(s)) <= 20) {
      how = "attributed before the quote ('Ana said:')";
      return s;
    }
    static const RE2 k_according(
        R"((?i)(?:according\s+to|laut|selon|según|segundo)\s+([^\x01,.\n]{2,100}),?\s*\x01)");
    if (RE2::PartialMatch(in, k_according, &s)) {
      how = "attributed with 'according to'";
      return s;
    }
    // Japanese, Chinese and Korean: the speaker before the quote ("Xは「…」と述べ"), or
    // after it ("“…”Jerome 表示").
    static const RE2 k_ja_before(R"((?:^|。)\s*([^\x01。]{1,80}?)(?:は|が)、?\s*\x01)");
    static const RE2 k_zh_before(
        R"((?:^|。)\s*([^\x01。]{1,80}?)(?:表示|说|說|指出|称|稱)\s*[：:，,]?\s*\x01)");
    static const RE2 k_ko_before(R"((?:^|[.!?]\s)\s*([^\x01.]{1,80}?)(?:은|는|이|가)\s*\x01)");
    // "「…」と、みどり市長の佐藤健一は述べています": the speaker between と and the verb.
    static const RE2 k_ja_after(
        R"(\x01\s*と、?\s*([^\x01。、]{1,60}?)(?:は|が)?、?\s*(?:述べ|語|話|言|説明|コメント|強調|明か))");
    if (RE2::PartialMatch(in, k_ja_after, &s)) {
      how = "attributed after the quote (と … 述べ)";
      return s;
    }
    std::string after;
    bool cjk_after = lex.cjk_after && RE2::PartialMatch(in, *lex.cjk_after, &after);
    if (cjk_after && !clean(after).empty()) {
      how = "attributed after the quote (CJK)";
      return after;
    }
    // "…" 마포구에 사는 회사원 이수진 씨의 말이다.
    static const RE2 k_ko_noun(
        R"(\x01\s*([^\x01.]{1,80}?)\s*(?:의|이|가)\s*(?:말이다|설명이다|얘기다|이야기다))");
    if (RE2::PartialMatch(in, k_ko_noun, &s)) {
      how = "attributed after the quote ('…의 말이다')";
      return s;
    }
    if (RE2::PartialMatch(in, k_zh_before, &s) || RE2::PartialMatch(in, k_ko_before, &s) ||
        RE2::PartialMatch(in, k_ja_before, &s)) {
      how = "attributed before the quote (CJK)";
      return s;
    }
    if (cjk_after) {
      how = "attributed after the quote (CJK)";
      return after;
    }
    // "Early listener Jess K. put it simply:" / "Ana:" — a short introduction and a colon.
    static const RE2 k_colon(
        R"((?:^|\n|[.!?]\s+)\s*((?:[^\x01:：\n.!?]|[A-Z]\.){2,200}?)\s*[:：]\s*\x01)");
    // Without a speech verb the introduction must be a name ("Ana Ruiz:"), and the quotation a
    // sentence: "Suggested headline: "X"" and "We want confidence: "…"" are no attributions.
    if (RE2::PartialMatch(in, k_colon, &s) && word_count(clean(s)) <= 16 &&
        described_speaker(clean(s)) && !labels_a_part(clean(s)) &&
        (m_ctx.lex.count("speech_verbs", s) > 0 || (sentence && name_like(clean(s))))) {
      how = "introduced before the quote with a colon";
      return s;
    }
    return std::nullopt;
  }

  static std::string clean(std::string s) {
    s = text::trim(s);
    // Stop at the end of the attribution sentence ("said Hall. 588 people …").
    for (std::string_view stop : {". ", "! ", "? ", "\n", "\xE3\x80\x82"}) {
      std::size_t k = s.find(stop);
      while (k != std::string::npos && stop == ". " && k > 0) {
        std::size_t b = k;
        while (b > 0 && std::isalpha(static_cast<unsigned char>(s[b - 1]))) --b;
        std::string w = text::to_lower(std::string_view(s).substr(b, k - b));
        bool abbrev = (k - b == 1 && std::isupper(static_cast<unsigned char>(s[b]))) || w == "dr" ||
                      w == "mr" || w == "mrs" || w == "ms" || w == "prof" || w == "st" ||
                      w == "jr" || w == "sr" || w == "inc" || w == "co";
        if (!abbrev) break;
        k = s.find(stop, k + 1);
      }
      if (k != std::string::npos) s.erase(k);
    }
    for (std::string_view verb :
         {", says ", ", said ", " says ", " said ", ", explains ", ", adds ", ", sagt ", " sagt ",
          ", dijo ", " dijo ", " put it", " puts it"}) {
      std::size_t k = s.find(verb);
      if (k != std::string::npos && k > 0) s.erase(k);
    }
    s = text::trim(s);
    auto strip = [](char c) {
      return c == '.' || c == ',' || c == ':' || c == ';' || c == '*' || c == '_' || c == ' ';
    };
    while (!s.empty() && strip(s.back())) s.pop_back();
    while (!s.empty() && strip(s.front())) s.erase(0, 1);
    for (bool again = true; again;) {
      again = false;
      for (std::string_view p :
           {"by ", "\xE2\x80\x94", "\xE2\x80\x95", "\xE2\x80\x93", "- ", "--", "*", "_"})
        if (s.starts_with(p)) {
          s = text::trim(s.substr(p.size()));
          again = true;
        }
    }
    while (!s.empty() && strip(s.back())) s.pop_back();
    // An initial keeps its period ("Ana P.").
    if (s.size() >= 2 && std::isupper(static_cast<unsigned char>(s.back())) &&
        s[s.size() - 2] == ' ')
      s += '.';
    return text::trim(s);
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
        if (auto sp = attribution(
                prev.substr(0, prev.size() - (prev.ends_with(":") ? 1 : 3)) + ": \x01", how))
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
      std::vector<Piece> pieces = find_pieces(p, m_doc.mentions);
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
      if (auto sp = attribution(rest, how, punct)) q.speaker = clean(*sp);
      if (q.speaker.empty() && how.empty()) {
        q.speaker = clean(nearby(pi, how));
      }
      if (q.speaker.empty() && how.find("CJK") != std::string::npos)
        q.speaker = clean(previous_subject(pi));
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
      q.speaker = clean(speaker);
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

  bool mentions_company(std::string_view s) const {
    std::vector<std::string> ws = text::words(s);
    for (const std::string& w : m_ctx.company_words)
      if (std::find(ws.begin(), ws.end(), w) != ws.end()) return true;
    return false;
  }

  bool has(std::string_view list, std::string_view s) const { return m_ctx.lex.has(list, s); }

  QuoteClass classify(const Quote& q, const std::string& role, std::string& why) const {
    if (role == "customer_quote") {
      why = "in a customer-quote section";
      return QuoteClass::customer;
    }
    if (role == "leader_quote") {
      why = "in a leader-quote section";
      return QuoteClass::leader;
    }
    std::string lower = text::to_lower(q.speaker);
    if (q.placeholder_speaker) {
      // "[Customer Name]", "[Executive Name], [Title]": the slot says who speaks.
      if (has("leader_titles", lower) || lower.find("executive") != std::string::npos ||
          lower.find("leader") != std::string::npos) {
        why = "a placeholder naming a leader";
        return QuoteClass::leader;
      }
      if (has("customer_words", lower)) {
        why = "a placeholder naming a customer";
        return QuoteClass::customer;
      }
      why = "a placeholder speaker";
      return QuoteClass::unknown;
    }
    // The description: "Jane Roe, a nurse at X"; relative clauses ("who leads the team").
    std::string name = lower, desc, relative;
    for (std::string_view sep : {", who ", " who ", ", which ", ", der ", ", die ", ", qui ",
                                 ", que ", ", quien ", ", quienes "}) {
      std::size_t k = name.find(sep);
      if (k != std::string::npos) {
        relative = name.substr(k + sep.size());
        name.erase(k);
      }
    }
    if (std::size_t c = name.find(", "); c != std::string::npos) desc = name.substr(c + 2);
    bool described = false;
    for (std::string_view art :
         {"a ", "an ", "ein ", "eine ", "un ", "une ", "una ", "uno ", "um ", "uma "})
      described |= desc.starts_with(art) || lower.starts_with(art);
    std::string org;
    for (std::string_view sep :
         {" at ", " of ", " from ", " bei ", " chez ", " en ", " de ", " von ", " der ", " del ",
          " du ", " am ", " im ", " beim ", " aus ", " à ", " au ", " da ", " do "}) {
      std::size_t k = name.rfind(sep);
      if (k == std::string::npos) continue;
      // "Head of Developer Platform", "VP of Engineering": the department is part of the title.
      if (sep == " of ") {
        std::string before = name.substr(0, k);
        bool title = false;
        for (std::string_view t :
             {"head", "director", "vp", "vice president", "chief", "manager", "lead"})
          title |= before.ends_with(t);
        if (title) break;
      }
      org = name.substr(k + sep.size());
      break;
    }
    if (org.empty() && std::count(name.begin(), name.end(), ',') >= 2)
      org = text::trim(name.substr(name.rfind(',') + 1));
    bool leader_kw = has("leader_titles", name) || has("leader_titles", relative);
    // "the team", "our maintainers": the speaker is the organisation itself.
    bool the_team =
        (lower.starts_with("the ") || lower.starts_with("our ")) &&
        (lower.find("team") != std::string::npos || lower.find("maintainer") != std::string::npos);
    bool customer_kw = has("customer_words", name);
    bool company = !m_ctx.company_words.empty() && (mentions_company(lower));
    if (the_team) {
      why = "the team speaks";
      return QuoteClass::leader;
    }
    if (described && !(leader_kw && company)) {
      why = "described as one of the customers ('" + (desc.empty() ? lower : desc) + "')";
      return QuoteClass::customer;
    }
    // "Terrence Hall, who rents a two-bedroom apartment": introduced by what they do.
    if (!relative.empty() && !(leader_kw && (company || mentions_company(relative)))) {
      why = "introduced by what they do ('who " + relative + "')";
      return QuoteClass::customer;
    }
    if (leader_kw) {
      // An executive of another organisation speaks as a customer, unless the quote speaks
      // for the launch ("We built …"). With no known announcer, a title is enough.
      if (org.empty() || m_doc.company.empty() || company) {
        why = "a leader's title";
        return QuoteClass::leader;
      }
      if (m_ctx.lex.count("company_voice", q.text) > 0) {
        why = "a leader's title, and the quote speaks as 'we'";
        return QuoteClass::leader;
      }
      why = "a leader of another organisation ('" + org + "')";
      return QuoteClass::customer;
    }
    if (company && !customer_kw) {
      why = "speaks for the announcer";
      return QuoteClass::leader;
    }
    if (customer_kw) {
      why = "a customer's description";
      return QuoteClass::customer;
    }
    if (!org.empty()) {
      why = "from another organisation";
      return QuoteClass::customer;
    }
    // "We built …", "our customers": the quote speaks for the company.
    if (!q.speaker.empty() && m_ctx.lex.count("company_voice", q.text) > 0) {
      why = "the quote speaks as 'we'";
      return QuoteClass::leader;
    }
    why = q.speaker.empty() ? "no speaker" : "nothing says who the speaker is";
    return QuoteClass::unknown;
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
                : classify(q, role, q.why);
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
