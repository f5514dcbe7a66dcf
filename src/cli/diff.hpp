#pragma once
#include <string>
#include <string_view>

namespace prfaq::cli {

/// A unified diff (3 lines of context) between two texts, with a/ and b/ headers.
std::string unified_diff(std::string_view path, std::string_view before, std::string_view after);

}  // namespace prfaq::cli
