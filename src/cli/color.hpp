#pragma once
// When `prfaq lint` paints its text output.
#include <string_view>

namespace prfaq::cli {

/// `--color always` paints and `never` does not. `auto` paints a terminal unless NO_COLOR is set
/// to a non-empty value (no-color.org: an empty NO_COLOR does not disable colour) or TERM is
/// "dumb" (Emacs' shell, some CI logs). `no_color` and `term` are the variables' values, or null
/// when unset.
inline bool use_color(std::string_view mode, bool terminal, const char* no_color,
                      const char* term) {
  if (mode == "always") return true;
  if (mode == "never" || !terminal) return false;
  if (no_color && *no_color) return false;
  return !(term && std::string_view(term) == "dumb");
}

}  // namespace prfaq::cli
