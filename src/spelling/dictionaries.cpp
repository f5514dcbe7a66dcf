#include "spelling/dictionaries.hpp"

#include <algorithm>
#include <filesystem>

#include "spelling/words.hpp"

namespace prfaq::spelling {
namespace {

namespace fs = std::filesystem;

struct Variants {
  std::string_view base;
  std::vector<std::string_view> names;  // in order of preference
  std::string_view package;             // of the bare language
};

const std::vector<Variants>& variants() {
  static const std::vector<Variants> v = {
      {"en", {"en_US", "en_GB"}, "hunspell-en-us"}, {"de", {"de_DE"}, "hunspell-de-de"},
      {"es", {"es_ES", "es"}, "hunspell-es"},       {"pt", {"pt_BR", "pt_PT"}, "hunspell-pt-br"},
      {"fr", {"fr_FR", "fr"}, "hunspell-fr"},       {"it", {"it_IT", "it"}, "hunspell-it"},
      {"nl", {"nl_NL", "nl"}, "hunspell-nl"},       {"sv", {"sv_SE", "sv"}, "hunspell-sv"},
      {"da", {"da_DK", "da"}, "hunspell-da"},       {"pl", {"pl_PL", "pl"}, "hunspell-pl"},
  };
  return v;
}

}  // namespace

std::string normalize_language(std::string_view tag) {
  std::string t(tag);
  std::replace(t.begin(), t.end(), '-', '_');
  std::size_t us = t.find('_');
  for (std::size_t i = 0; i < t.size(); ++i) {
    auto c = static_cast<unsigned char>(t[i]);
    if (us == std::string::npos || i < us)
      t[i] = static_cast<char>(std::tolower(c));
    else if (us != std::string::npos && i > us && t.size() - us - 1 == 2)
      t[i] = static_cast<char>(std::toupper(c));  // a region: "pt_BR"
  }
  return t;
}

std::string base_language(std::string_view tag) {
  std::string t = normalize_language(tag);
  std::size_t us = t.find('_');
  return us == std::string::npos ? t : t.substr(0, us);
}

const std::vector<std::string>& system_dictionary_dirs() {
  static const std::vector<std::string> dirs = {"/usr/share/hunspell", "/usr/share/myspell/dicts",
                                                "/usr/share/myspell"};
  return dirs;
}

std::optional<DictionaryFiles> find_dictionary(const std::string& name,
                                               const std::vector<std::string>& dirs) {
  for (const std::string& dir : dirs) {
    std::error_code ec;
    fs::path d(dir);
    fs::path aff = d / (name + ".aff");
    fs::path dic = d / (name + ".dic");
    if (fs::is_regular_file(d, ec)) {
      if (d.stem() != name || (d.extension() != ".dic" && d.extension() != ".aff")) continue;
      aff = fs::path(d).replace_extension(".aff");
      dic = fs::path(d).replace_extension(".dic");
    }
    if (fs::is_regular_file(aff, ec) && fs::is_regular_file(dic, ec)) {
      fs::path ca = fs::canonical(aff, ec);
      fs::path cd = fs::canonical(dic, ec);
      return DictionaryFiles{name, (ca.empty() ? aff : ca).string(),
                             (cd.empty() ? dic : cd).string()};
    }
  }
  return std::nullopt;
}

std::vector<DictionaryFiles> dictionaries_for(const std::string& tag,
                                              const std::vector<std::string>& dirs) {
  std::string t = normalize_language(tag);
  std::vector<std::string> names;
  if (t.find('_') != std::string::npos) {
    names.push_back(t);
  } else {
    for (const Variants& v : variants())
      if (v.base == t)
        for (std::string_view n : v.names) names.emplace_back(n);
    if (names.empty()) {
      std::string region = t;
      for (char& c : region) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      names = {t + "_" + region, t};
    }
  }
  std::vector<DictionaryFiles> out;
  for (const std::string& n : names) {
    auto f = find_dictionary(n, dirs);
    if (!f) continue;
    bool dup = std::any_of(out.begin(), out.end(), [&](const DictionaryFiles& o) {
      return o.aff == f->aff && o.dic == f->dic;
    });
    if (!dup) out.push_back(*f);
  }
  return out;
}

std::string debian_package(std::string_view tag) {
  std::string t = normalize_language(tag);
  std::string base = base_language(t);
  if (t == base)
    for (const Variants& v : variants())
      if (v.base == base) return std::string(v.package);
  if (base == "es" || base == "fr" || base == "it" || base == "nl" || base == "sv")
    return "hunspell-" + base;
  std::string pkg = "hunspell-" + lower_word(t);
  std::replace(pkg.begin(), pkg.end(), '_', '-');
  return pkg;
}

}  // namespace prfaq::spelling
