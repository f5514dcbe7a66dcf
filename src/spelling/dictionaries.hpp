#pragma once
// Which Hunspell dictionaries a language uses, where they are installed, and which Debian
// package ships them.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "spelling/compiled.hpp"

namespace prfaq::spelling {

/// "en-GB" -> "en_GB", "EN" -> "en", "pt_br" -> "pt_BR".
std::string normalize_language(std::string_view tag);
/// "en_GB" -> "en".
std::string base_language(std::string_view tag);
/// The system dictionary directories (/usr/share/hunspell, ...).
const std::vector<std::string>& system_dictionary_dirs();
/// LANG.aff and LANG.dic in the search path (an entry may also name a .dic or .aff file).
std::optional<DictionaryFiles> find_dictionary(const std::string& name,
                                               const std::vector<std::string>& dirs);
/// The dictionaries of a language: a variant ("en_GB") names one; a bare language ("en") takes
/// its usual variants that are installed (en: en_US and en_GB; pt: pt_BR and pt_PT), each once.
std::vector<DictionaryFiles> dictionaries_for(const std::string& tag,
                                              const std::vector<std::string>& dirs);
/// The Debian package that ships a language's dictionary: "pt" -> "hunspell-pt-br",
/// "es" -> "hunspell-es", "xx_YY" -> "hunspell-xx-yy".
std::string debian_package(std::string_view tag);

}  // namespace prfaq::spelling
