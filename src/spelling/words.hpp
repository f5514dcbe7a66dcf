#pragma once
// Letters, case and edit distance for spelling (Latin, Greek and Cyrillic letters; other
// scripts pass through unchanged).
#include <cstddef>
#include <string>
#include <string_view>

namespace prfaq::spelling {

std::u32string code_points(std::string_view s);
std::string utf8(const std::u32string& s);
bool is_upper_letter(char32_t c);
bool is_lower_letter(char32_t c);
char32_t lower_letter(char32_t c);
char32_t upper_letter(char32_t c);
std::string lower_word(std::string_view s);
std::string upper_word(std::string_view s);
/// Optimal string alignment distance (a swap of neighbours is one edit).
std::size_t osa_distance(const std::u32string& a, const std::u32string& b);
std::size_t osa_distance(std::string_view a, std::string_view b);
/// The same for words of at most 63 code points, without allocating; any result above `max`
/// is max + 1 (the computation stops as soon as every path is longer).
int osa_within(const char32_t* a, std::size_t n, const char32_t* b, std::size_t m, int max);
/// Scripts written without spaces between words (CJK, kana, hangul, Thai, Lao): never checked.
bool unsegmented(char32_t c);

}  // namespace prfaq::spelling
