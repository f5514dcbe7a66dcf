#pragma once
// Conversion between UTF-8 and a dictionary's 8-bit encoding (iconv).
#include <optional>
#include <string>
#include <string_view>

namespace prfaq::spelling {

/// `in` converted from `from` to `to`; nullopt when a character cannot be represented.
std::optional<std::string> convert(const std::string& in, const char* to, const char* from);
/// "UTF-8", "utf8", ...
bool is_utf8_name(std::string_view encoding);

}  // namespace prfaq::spelling
