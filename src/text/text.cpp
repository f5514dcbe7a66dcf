#include "text/text.hpp"

#include <algorithm>
#include <prfaq/source.hpp>

namespace prfaq::text {

bool is_space_multibyte(char32_t c) {
  return c == 0xA0 || c == 0x3000 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F;
}

bool is_cjk(char32_t c) {
  return (c >= 0x3040 && c <= 0x30FF) ||  // kana
         (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x2FFFF);
}

bool is_kana(char32_t c) {
  return (c >= 0x3040 && c <= 0x30FF) || (c >= 0x31F0 && c <= 0x31FF) ||
         (c >= 0xFF66 && c <= 0xFF9F);
}

int cjk_char_units(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    // Kana are three bytes in UTF-8 (lead byte 0xE3 or 0xEF); skip the rest quickly.
    if (static_cast<unsigned char>(text[i]) < 0xE3) {
      ++i;
      continue;
    }
    if (is_kana(decode_utf8(text, i))) return k_japanese_char_units;
  }
  return k_chinese_char_units;
}

bool is_word_char_multibyte(char32_t c) {
  if (is_space(c)) return false;
  if (c >= 0x2000 && c <= 0x206F) return false;  // general punctuation
  if (c >= 0x3000 && c <= 0x303F) return false;  // CJK punctuation
  if (c >= 0xFF00 && c <= 0xFF0F) return false;  // fullwidth punctuation
  if (c >= 0xFF1A && c <= 0xFF20) return false;
  if (c >= 0xFF3B && c <= 0xFF40) return false;
  if (c >= 0xFF5B && c <= 0xFF65) return false;
  if (c >= 0x80 && c <= 0xBF) return c == 0xAA || c == 0xB5 || c == 0xBA;  // Latin-1 symbols
  if (c == 0xD7 || c == 0xF7) return false;
  if (c >= 0x2190 && c <= 0x2BFF) return false;    // arrows, math, boxes, misc symbols
  if (c >= 0x1F000 && c <= 0x1FAFF) return false;  // emoji
  if (c == 0xFFFC || c == 0xFFFD || c == 0xFEFF) return false;
  return true;
}

std::string to_lower(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      // ASCII as the "C" locale's tolower has it, without a call per character.
      out += static_cast<char>(b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b);
      ++i;
      continue;
    }
    std::size_t start = i;
    char32_t c = decode_utf8(s, i);
    if ((c >= 0xC0 && c <= 0xDE && c != 0xD7) || (c >= 0x391 && c <= 0x3A9) ||
        (c >= 0x410 && c <= 0x42F)) {
      append_utf8(out, c + (c >= 0x410 ? 0x20 : 0x20));
    } else if (c >= 0x100 && c <= 0x17F && (c % 2 == 0)) {
      append_utf8(out, c + 1);
    } else {
      out.append(s.substr(start, i - start));
    }
  }
  return out;
}

std::string trim(std::string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return std::string(s.substr(b, e - b));
}

bool iequals(std::string_view a, std::string_view b) {
  return to_lower(a) == to_lower(b);
}

std::vector<std::string> words(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t start = i;
    char32_t c = decode_utf8(s, i);
    if (is_word_char(c) && !is_cjk(c)) {
      cur.append(s.substr(start, i - start));
    } else {
      if (!cur.empty()) out.push_back(to_lower(cur)), cur.clear();
      if (is_cjk(c)) out.emplace_back(s.substr(start, i - start));
    }
  }
  if (!cur.empty()) out.push_back(to_lower(cur));
  return out;
}

std::size_t word_count(std::string_view s, std::size_t limit) {
  std::size_t n = 0;
  bool in_word = false;
  std::size_t i = 0;
  while (i < s.size() && n <= limit) {
    char32_t c = decode_utf8(s, i);
    if (is_cjk(c)) {
      n += 1 + (in_word ? 1 : 0);
      in_word = false;
    } else if (is_word_char(c)) {
      in_word = true;
    } else {
      n += in_word ? 1 : 0;
      in_word = false;
    }
  }
  return n + (in_word ? 1 : 0);
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t sub = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, sub});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t max) {
  std::size_t n = a.size(), m = b.size();
  if ((n > m ? n - m : m - n) > max) return max + 1;
  const std::size_t over = max + 1;
  // Rows of b.size() + 1 cells; only the band |i - j| <= max is computed, the rest is `over`.
  std::vector<std::size_t> prev(m + 1, over), cur(m + 1, over);
  for (std::size_t j = 0; j <= std::min(m, max); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    std::size_t lo = i > max ? i - max : 0, hi = std::min(m, i + max);
    std::fill(cur.begin(), cur.end(), over);
    if (lo == 0) cur[0] = i;
    std::size_t row_min = lo == 0 ? i : over;
    for (std::size_t j = std::max<std::size_t>(lo, 1); j <= hi; ++j) {
      std::size_t sub = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, sub, over});
      row_min = std::min(row_min, cur[j]);
    }
    if (row_min > max) return over;
    std::swap(prev, cur);
  }
  return std::min(prev[m], over);
}

std::string preview(std::string_view s, std::size_t max) {
  if (count_code_points(s) <= max) return std::string(s);
  std::size_t i = 0, n = 0, cut = 0;
  while (i < s.size() && n + 3 < max) {
    if (s[i] == ' ') cut = i;
    decode_utf8(s, i), ++n;
  }
  if (cut < i / 2) cut = i;
  std::string out(s.substr(0, cut));
  while (!out.empty() && (out.back() == ' ' || out.back() == ',')) out.pop_back();
  return out + "...";
}

std::string squash(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      space = true;
    } else {
      if (space && !out.empty()) out += ' ';
      space = false;
      out += c;
    }
  }
  return out;
}

}  // namespace prfaq::text
