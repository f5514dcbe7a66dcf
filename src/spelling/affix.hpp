#pragma once
// Expands a Hunspell dictionary (.aff + .dic) into the word forms it accepts without compounding:
// every stem with its prefixes and suffixes (cross products and twofold suffixes included),
// converted to UTF-8. Hunspell has no "list all forms" call, so this reads the files itself.
// The expansion may miss forms (compounds, rare affix features) and, in rare cases, produce a
// form Hunspell rejects: the compiled dictionary keeps only the forms Hunspell confirms.
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace prfaq::spelling {

struct AffixInfo {
  std::string encoding = "ISO8859-1";  ///< SET (the .dic and .aff text encoding)
  bool compounding = false;            ///< COMPOUNDFLAG, COMPOUNDBEGIN, COMPOUNDRULE, ...
  bool has_ignore = false;             ///< IGNORE (characters removed before checking)
  std::size_t stems = 0;               ///< .dic entries read
};

/// Calls `emit(form, keepcase)` for every expanded form (UTF-8, duplicates possible) until it
/// returns false. `depth` 0 gives the stems alone; 1 applies one prefix or one suffix; 2 adds
/// prefix + suffix and twofold suffixes. Returns false when the files cannot be read. Malformed
/// lines are skipped.
bool expand_dictionary(const std::string& aff_path, const std::string& dic_path, int depth,
                       AffixInfo& info,
                       const std::function<bool(std::string_view form, bool keepcase)>& emit);

}  // namespace prfaq::spelling
