#include "spelling/words.hpp"

#include <algorithm>
#include <vector>

#include <prfaq/source.hpp>

#include "text/text.hpp"

namespace prfaq::spelling {

std::u32string code_points(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) out.push_back(decode_utf8(s, i));
  return out;
}

std::string utf8(const std::u32string& s) {
  std::string out;
  for (char32_t c : s) append_utf8(out, c);
  return out;
}

bool is_upper_letter(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  if (c >= 0xC0 && c <= 0xDE) return c != 0xD7;
  if (c >= 0x100 && c <= 0x137) return c % 2 == 0;
  if (c >= 0x139 && c <= 0x148) return c % 2 == 1;
  if (c >= 0x14A && c <= 0x177) return c % 2 == 0;
  if (c == 0x178) return true;
  if (c >= 0x179 && c <= 0x17E) return c % 2 == 1;
  if (c >= 0x391 && c <= 0x3A9) return true;
  if (c >= 0x400 && c <= 0x42F) return true;
  return false;
}

char32_t lower_letter(char32_t c) {
  if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32;
  if (c == 0x178) return 0xFF;
  if (c >= 0x100 && c <= 0x17F && is_upper_letter(c)) return c + 1;
  if (c >= 0x391 && c <= 0x3A9) return c + 32;
  if (c >= 0x410 && c <= 0x42F) return c + 32;
  if (c >= 0x400 && c <= 0x40F) return c + 80;
  return c;
}

bool is_lower_letter(char32_t c) {
  if (c < 0x80) return c >= 'a' && c <= 'z';
  if (c == 0xDF) return true;
  if (c >= 0xE0 && c <= 0xFF) return c != 0xF7;
  if (c >= 0x100 && c <= 0x17F) return !is_upper_letter(c);  // ĸ, ŉ and ſ too
  if (c >= 0x3B1 && c <= 0x3C9) return true;
  if (c >= 0x430 && c <= 0x45F) return true;
  return false;
}

char32_t upper_letter(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') ? c - 32 : c;
  if (c >= 0xE0 && c <= 0xFE && c != 0xF7) return c - 32;
  if (c == 0xFF) return 0x178;
  if (c > 0x100 && c <= 0x17E && c != 0x138 && c != 0x149 && !is_upper_letter(c)) return c - 1;
  if (c >= 0x3B1 && c <= 0x3C9 && c != 0x3C2) return c - 32;
  if (c >= 0x430 && c <= 0x44F) return c - 32;
  if (c >= 0x450 && c <= 0x45F) return c - 80;
  return c;
}

std::string lower_word(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    std::size_t b = i;
    char32_t c = decode_utf8(s, i);
    char32_t l = lower_letter(c);
    if (l == c)
      out.append(s.substr(b, i - b));
    else
      append_utf8(out, l);
  }
  return out;
}

std::string upper_word(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    std::size_t b = i;
    char32_t c = decode_utf8(s, i);
    char32_t u = upper_letter(c);
    if (u == c)
      out.append(s.substr(b, i - b));
    else
      append_utf8(out, u);
  }
  return out;
}

std::size_t osa_distance(const std::u32string& a, const std::u32string& b) {
  const std::size_t n = a.size(), m = b.size();
  std::vector<std::size_t> prev2(m + 1), prev(m + 1), cur(m + 1);
  for (std::size_t j = 0; j <= m; ++j) prev[j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= m; ++j) {
      std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        cur[j] = std::min(cur[j], prev2[j - 2] + 1);
    }
    std::swap(prev2, prev);
    std::swap(prev, cur);
  }
  return prev[m];
}

int osa_within(const char32_t* a, std::size_t n, const char32_t* b, std::size_t m, int max) {
  if (n >= 64 || m >= 64) return max + 1;
  int rows[3][64];
  int* prev2 = rows[0];
  int* prev = rows[1];
  int* cur = rows[2];
  for (std::size_t j = 0; j <= m; ++j) prev[j] = static_cast<int>(j);
  for (std::size_t i = 1; i <= n; ++i) {
    cur[0] = static_cast<int>(i);
    int best = cur[0];
    for (std::size_t j = 1; j <= m; ++j) {
      int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      int v = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        v = std::min(v, prev2[j - 2] + 1);
      cur[j] = v;
      best = std::min(best, v);
    }
    if (best > max) return max + 1;
    int* t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return std::min(prev[m], max + 1);
}

std::size_t osa_distance(std::string_view a, std::string_view b) {
  return osa_distance(code_points(a), code_points(b));
}

bool unsegmented(char32_t c) {
  return text::is_cjk(c) || text::is_kana(c) || (c >= 0x1100 && c <= 0x11FF) ||
         (c >= 0x3130 && c <= 0x318F) || (c >= 0xAC00 && c <= 0xD7AF) ||
         (c >= 0x0E00 && c <= 0x0EFF);
}

}  // namespace prfaq::spelling
