// One tokenisation per prose block, shared by every rule.
#include <array>
#include <string_view>

#include "text/tokenize.hpp"

#include "text/text.hpp"

namespace prfaq::text {

namespace {
void compute_words(Prose& p) {
  std::vector<Word>& out = p.words;
  out.clear();
  std::string_view s = p.text;
  for (std::size_t k = 0; k < p.tokens.size(); ++k) {
    const Token& t = p.tokens[k];
    if (t.kind != Token::Kind::word && t.kind != Token::Kind::number) {
      // Separators that keep words joined: spaces, newlines, hyphens.
      bool joiner =
          t.kind == Token::Kind::space || t.kind == Token::Kind::newline ||
          (t.kind == Token::Kind::punct && (s.substr(t.begin, t.end - t.begin) == "-" ||
                                            s.substr(t.begin, t.end - t.begin) == "\xE2\x80\x90" ||
                                            s.substr(t.begin, t.end - t.begin) == "\xE2\x80\x91"));
      if (!joiner && !out.empty()) out.back().joined_to_next = false;
      continue;
    }
    // Split at hyphens inside the token.
    std::uint32_t b = t.begin;
    for (std::uint32_t i = t.begin; i <= t.end; ++i) {
      if (i == t.end || s[i] == '-') {
        if (i > b) {
          Word w;
          w.text = std::string(s.substr(b, i - b));
          w.lower = text::to_lower(w.text);
          // Curly apostrophes count as straight ones.
          if (w.lower.find("\xE2\x80\x99") != std::string::npos) {
            std::string straight;
            for (std::size_t c = 0; c < w.lower.size(); ++c) {
              if (w.lower.compare(c, 3, "\xE2\x80\x99") == 0) {
                straight += '\'';
                c += 2;
              } else {
                straight += w.lower[c];
              }
            }
            w.lower = std::move(straight);
          }
          w.begin = b;
          w.end = i;
          w.joined_to_next = true;
          out.push_back(std::move(w));
        }
        b = i + 1;
      }
    }
  }
  if (!out.empty()) out.back().joined_to_next = false;
}

}  // namespace

void tokenize(Prose& p) {
  p.tokens.clear();
  p.sentences.clear();
  std::string_view s = p.text;
  std::size_t i = 0;
  auto push = [&](Token::Kind kind, std::size_t b, std::size_t e) {
    p.tokens.push_back({kind, static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e)});
  };
  while (i < s.size()) {
    std::size_t start = i;
    std::size_t next = i;
    char32_t cp = decode_utf8(s, next);
    if (cp == 0xFFFC) {
      push(Token::Kind::code, start, next);
      i = next;
    } else if (cp == '\n') {
      push(Token::Kind::newline, start, next);
      i = next;
    } else if (text::is_space(cp)) {
      while (next < s.size()) {
        std::size_t k = next;
        char32_t c2 = decode_utf8(s, k);
        if (!text::is_space(c2) || c2 == '\n') break;
        next = k;
      }
      push(Token::Kind::space, start, next);
      i = next;
    } else if (text::is_cjk(cp)) {
      push(Token::Kind::word, start, next);
      i = next;
    } else if (text::is_word_char(cp)) {
      // A word: letters and digits, joined by apostrophes, hyphens, periods inside numbers,
      // and '&' or '/' between letters are not joined (they are punctuation).
      bool digits_only = cp < 0x80 && std::isdigit(static_cast<int>(cp));
      std::size_t end = next;
      while (end < s.size()) {
        std::size_t k = end;
        char32_t c2 = decode_utf8(s, k);
        if (text::is_word_char(c2) && !text::is_cjk(c2)) {
          if (!(c2 < 0x80 && std::isdigit(static_cast<int>(c2)))) digits_only = false;
          end = k;
          continue;
        }
        bool joiner = c2 == '\'' || c2 == 0x2019 || c2 == '-' || c2 == 0x2011 ||
                      (c2 == '/' && !digits_only) || ((c2 == '.' || c2 == ',') && digits_only);
        if (joiner && k < s.size()) {
          std::size_t k2 = k;
          char32_t c3 = decode_utf8(s, k2);
          if (text::is_word_char(c3) && !text::is_cjk(c3)) {
            end = k2;
            continue;
          }
        }
        break;
      }
      push(digits_only ? Token::Kind::number : Token::Kind::word, start, end);
      i = end;
    } else {
      push(Token::Kind::punct, start, next);
      i = next;
    }
  }
  // Numbers with a unit or percent stay numbers: "40%" is number + punct.
  for (Token& t : p.tokens) {
    if (t.kind == Token::Kind::word && !s.empty() &&
        std::isdigit(static_cast<unsigned char>(s[t.begin])))
      t.kind = Token::Kind::number;
  }
  // Sentences end after . ! ? (and their CJK forms) followed by space or the end, except
  // after common abbreviations and single initials.
  static constexpr std::array<std::string_view, 22> k_abbrev = {
      "mr",  "mrs", "ms", "dr", "prof", "inc", "ltd", "co",     "corp", "vs",  "etc",
      "e.g", "i.e", "st", "jr", "sr",   "no",  "fig", "approx", "dept", "est", "u.s"};
  std::uint32_t first = 0;
  const auto n = static_cast<std::uint32_t>(p.tokens.size());
  for (std::uint32_t k = 0; k < n; ++k) {
    const Token& t = p.tokens[k];
    if (t.kind != Token::Kind::punct) continue;
    std::string_view tt = p.token_text(t);
    bool terminal = tt == "." || tt == "!" || tt == "?" || tt == "\xE3\x80\x82" ||
                    tt == "\xEF\xBC\x81" || tt == "\xEF\xBC\x9F";
    if (!terminal) continue;
    bool cjk_stop = tt.size() > 1;
    // Closing quotes and brackets belong to the sentence.
    std::uint32_t last = k + 1;
    while (last < n && p.tokens[last].kind == Token::Kind::punct) {
      std::string_view q = p.token_text(p.tokens[last]);
      if (q == "\"" || q == "'" || q == ")" || q == "\xE2\x80\x9D" || q == "\xE2\x80\x99" ||
          q == "\xE2\x80\x9C" || q == "\xE3\x80\x8D" || q == "!" || q == "?" || q == ".")
        ++last;
      else
        break;
    }
    if (!cjk_stop && last < n && p.tokens[last].kind != Token::Kind::space &&
        p.tokens[last].kind != Token::Kind::newline)
      continue;
    if (tt == "." && k > 0 && p.tokens[k - 1].kind == Token::Kind::word) {
      std::string lower = text::to_lower(p.token_text(p.tokens[k - 1]));
      bool abbrev = false;
      for (auto a : k_abbrev) abbrev |= lower == a;
      std::string_view w = p.token_text(p.tokens[k - 1]);
      if (w.size() == 1 && std::isupper(static_cast<unsigned char>(w[0]))) abbrev = true;
      if (abbrev) continue;
    }
    p.sentences.push_back({first, last});
    first = last;
  }
  if (first < n) {
    bool has_word = false;
    for (std::uint32_t k = first; k < n; ++k)
      has_word |= p.tokens[k].kind == Token::Kind::word || p.tokens[k].kind == Token::Kind::number;
    if (has_word) p.sentences.push_back({first, n});
  }
  compute_words(p);
}

}  // namespace prfaq::text
