#pragma once
// Small text helpers shared by the model and the kinds.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace prfaq::text {

bool is_space_multibyte(char32_t c);
inline bool is_space(char32_t c) {
  return c < 0x80 ? (c == ' ' || (c >= '\t' && c <= '\r')) : is_space_multibyte(c);
}
bool is_cjk(char32_t c);
/// Hiragana and katakana (full and half width).
bool is_kana(char32_t c);

/// Word counts are kept in thirtieths of a word: a word of a script written with spaces weighs
/// k_word_units. Chinese and Japanese have no spaces, so each CJK character weighs a share of a
/// word, from the translators' estimates of English words per source character: Japanese
/// about 2.5 characters a word (kana spell particles and endings), Chinese about 1.5.
inline constexpr int k_word_units = 30;
inline constexpr int k_japanese_char_units = 12;  // 30 / 2.5
inline constexpr int k_chinese_char_units = 20;   // 30 / 1.5
/// The weight of one CJK character in text that is Japanese when it holds any kana.
int cjk_char_units(std::string_view text);
/// Letters, digits and marks (any code point that is not space, punctuation or a symbol).
bool is_word_char_multibyte(char32_t c);
inline bool is_word_char(char32_t c) {
  if (c >= 0x80) return is_word_char_multibyte(c);
  return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}
/// ASCII-and-Latin-1-aware lower case (other scripts unchanged).
std::string to_lower(std::string_view s);
std::string trim(std::string_view s);
bool iequals(std::string_view a, std::string_view b);
/// Words of a string (letters/digits runs), lower-cased.
std::vector<std::string> words(std::string_view s);
/// words(s).size(), without building the words; counting stops after `limit` + 1.
std::size_t word_count(std::string_view s, std::size_t limit = SIZE_MAX - 1);
std::size_t edit_distance(std::string_view a, std::string_view b);
/// The edit distance when it is at most `max`, else some value above `max` (found in a band of
/// 2 * max + 1 cells per row, stopping as soon as a row is all above `max`).
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t max);
/// Collapses runs of whitespace into one space and trims.
std::string squash(std::string_view s);
/// The text cut to at most `max` characters for a message: at the last space before the limit
/// when there is one in the second half (else at a character boundary, as in CJK text), with
/// "..." after the cut, trailing spaces and commas dropped. Shorter texts are returned whole.
std::string preview(std::string_view s, std::size_t max = 60);

}  // namespace prfaq::text
