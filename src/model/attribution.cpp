// Pass 4, attributions: who speaks a quotation, read from the text around it.
#include <algorithm>
#include <cctype>

#include "model/quotes.hpp"
#include "text/text.hpp"

namespace prfaq::model {

namespace {

// A speaker reads like a name or a description ("Jane Roe", "a senior engineer", "user Tracy
// Walker", "[Customer Name]"), not like a clause ("no way to know if …").
bool one_of(const std::vector<std::string>& list, std::string_view w) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

bool speaker_like(const Context& ctx, const std::string& raw) {
  std::string s = text::trim(raw);
  while (!s.empty() && (s.front() == '*' || s.front() == '_' || s.front() == ' ')) s.erase(0, 1);
  if (s.empty()) return false;
  if (s[0] == '[' || s[0] == '<' || static_cast<unsigned char>(s[0]) >= 0x80) return true;
  std::vector<std::string> ws = text::words(s);
  if (ws.empty() || ws.size() > 16) return false;
  if (std::isupper(static_cast<unsigned char>(s[0]))) return true;
  return one_of(ctx.tmpl.words("speaker_determiners"), ws[0]);
}

// "Customer Quote:" labels the quote; it does not name the speaker.
bool labels_a_part(const Context& ctx, const std::string& s) {
  LabelClass c = classify_label(ctx, s, false);
  return c.kind == LabelKind::role || c.kind == LabelKind::part;
}

// "Ana Ruiz", "Dr. Jane Roe, CTO": capitalised words, a few small ones between them.
bool name_like(const Context& ctx, const std::string& s) {
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
    bool small = one_of(ctx.tmpl.words("name_particles"), w);
    if (!(std::isupper(c) || c >= 0x80 || small)) return false;
  }
  return true;
}

// A lower-case description before a name: "user Tracy Walker", "creator Sheena Ramirez",
// "early listener Jess K.".
bool described_speaker(const Context& ctx, const std::string& raw) {
  if (speaker_like(ctx, raw)) return true;
  std::string s = text::trim(raw);
  std::vector<std::string> ws = text::words(s);
  if (ws.empty() || ws.size() > 16) return false;
  std::string head = ws[0] + (ws.size() > 1 ? " " + ws[1] : std::string());
  return ctx.lex.leading("customer_words", head) || ctx.lex.leading("leader_titles", head) ||
         ctx.lex.leading("customer_words", ws.size() > 1 ? ws[1] : ws[0]);
}

// "Jess K.", "Dr. Ana": attribution text after a quote, before a sentence ends.
}  // namespace

std::optional<std::string> find_attribution(const Context& ctx, const std::string& rest,
                                            std::string& how, bool sentence) {
  const Lexicon& lex = ctx.lex;
  std::string s;
  re2::StringPiece in(rest);
  // Each candidate is cleaned once: `cleaned()` sets `sp` from `s` and is always true.
  std::string sp;
  auto cleaned = [&] {
    sp = clean_speaker(ctx, s);
    return true;
  };
  if (lex.after_verb && RE2::PartialMatch(in, *lex.after_verb, &s) && cleaned() &&
      described_speaker(ctx, sp)) {
    how = "attributed after the quote ('said …')";
    return s;
  }
  static const RE2 k_dash(R"(\x01\s*[*_]*\s*(?:[—–―]+|--?)\s*([^\x01\n]{2,160}))");
  if (RE2::PartialMatch(in, k_dash, &s) && cleaned() && speaker_like(ctx, sp) &&
      label_words(sp) <= 14) {
    how = "attributed after a dash";
    return s;
  }
  if (lex.after_name && RE2::PartialMatch(in, *lex.after_name, &s) && cleaned() &&
      described_speaker(ctx, sp) && word_count(sp) <= 10) {
    how = "attributed after the quote ('… Ana says')";
    return s;
  }
  if (lex.before_verb && RE2::PartialMatch(in, *lex.before_verb, &s) && cleaned() &&
      described_speaker(ctx, sp) && word_count(sp) <= 20) {
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
  if (cjk_after && !clean_speaker(ctx, after).empty()) {
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
  if (RE2::PartialMatch(in, k_colon, &s) && cleaned() && word_count(sp) <= 16 &&
      described_speaker(ctx, sp) && !labels_a_part(ctx, sp) &&
      (ctx.lex.count("speech_verbs", s) > 0 || (sentence && name_like(ctx, sp)))) {
    how = "introduced before the quote with a colon";
    return s;
  }
  return std::nullopt;
}

std::string clean_speaker(const Context& ctx, std::string s) {
  s = text::trim(s);
  // Stop at the end of the attribution sentence ("said Hall. 588 people …").
  for (std::string_view stop : {". ", "! ", "? ", "\n", "\xE3\x80\x82"}) {
    std::size_t k = s.find(stop);
    while (k != std::string::npos && stop == ". " && k > 0) {
      std::size_t b = k;
      while (b > 0 && std::isalpha(static_cast<unsigned char>(s[b - 1]))) --b;
      std::string w = text::to_lower(std::string_view(s).substr(b, k - b));
      bool abbrev = (k - b == 1 && std::isupper(static_cast<unsigned char>(s[b]))) || w == "dr" ||
                    w == "mr" || w == "mrs" || w == "ms" || w == "prof" || w == "st" || w == "jr" ||
                    w == "sr" || w == "inc" || w == "co";
      if (!abbrev) break;
      k = s.find(stop, k + 1);
    }
    if (k != std::string::npos) s.erase(k);
  }
  // The speech verb and what follows it ("Sam Hall, says it best", "Ana put it"): the first of
  // the template's `speech_verbs` after a blank.
  for (const CueHit& h : ctx.lex.find("speech_verbs", s))
    if (h.begin > 1 && s[h.begin - 1] == ' ') {
      s.erase(h.begin - 1);
      break;
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
  if (s.size() >= 2 && std::isupper(static_cast<unsigned char>(s.back())) && s[s.size() - 2] == ' ')
    s += '.';
  return text::trim(s);
}

}  // namespace prfaq::model
