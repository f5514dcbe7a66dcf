// Pass 4, pieces: which quoted passages of a paragraph are speech and which are mentions.
#include <re2/re2.h>

#include <cctype>

#include "model/quotes.hpp"
#include "text/text.hpp"

namespace prfaq::model {

namespace {

bool terminal(std::string_view inner) {
  std::string t = text::trim(inner);
  if (t.empty()) return false;
  if (std::string_view(".,!?;\xE2\x80\xA6").find(t.back()) != std::string_view::npos) return true;
  for (std::string_view e : {"\xE3\x80\x82", "\xEF\xBC\x81", "\xEF\xBC\x9F", "\xEF\xBC\x8C",
                             "\xE2\x80\xA6", "\xE3\x80\x81"})
    if (t.ends_with(e)) return true;
  return false;
}

}  // namespace

std::size_t cjk_chars(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size();)
    if (text::is_cjk(decode_utf8(s, i))) ++n;
  return n;
}

std::vector<Piece> find_pieces(const Lexicon& lex, const Prose& p, std::vector<Span>& mentions) {
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
    if (!long_enough && words >= 2 && pc.ends_punct && speech_start && lex.said_after &&
        RE2::PartialMatch(re2::StringPiece(after_close.data(), after_close.size()),
                          *lex.said_after))
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

}  // namespace prfaq::model
