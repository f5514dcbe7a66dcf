#pragma once
// Small text helpers shared by the model and the kinds.
#include <string>
#include <string_view>
#include <vector>

namespace prfaq::text {

bool is_space(char32_t c);
bool is_cjk(char32_t c);
/// Letters, digits and marks (any code point that is not space, punctuation or a symbol).
bool is_word_char(char32_t c);
/// ASCII-and-Latin-1-aware lower case (other scripts unchanged).
std::string to_lower(std::string_view s);
std::string trim(std::string_view s);
bool iequals(std::string_view a, std::string_view b);
/// Words of a string (letters/digits runs), lower-cased.
std::vector<std::string> words(std::string_view s);
std::size_t edit_distance(std::string_view a, std::string_view b);
/// Collapses runs of whitespace into one space and trims.
std::string squash(std::string_view s);

}  // namespace prfaq::text
