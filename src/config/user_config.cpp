// A .prfaq.toml: extends, the top-level settings and [spelling].
#include "config/loader.hpp"

#include <algorithm>
#include <span>

#include <fmt/ranges.h>

#include "io/io.hpp"
#include "text/text.hpp"

namespace prfaq::config_loader {

std::vector<std::string> Loader::strings(const toml::node& n, std::string_view key) {
  std::vector<std::string> out;
  if (auto s = n.value_exact<std::string>()) return std::vector<std::string>{*s};
  const toml::array* arr = n.as_array();
  if (!arr) {
    add_error(n, CF::wrong_type, fmt::format("'{}' must be an array of strings", key));
    return out;
  }
  for (auto& item : *arr) {
    if (auto s = item.value_exact<std::string>())
      out.push_back(*s);
    else
      add_error(item, CF::wrong_type, fmt::format("'{}' must be an array of strings", key));
  }
  return out;
}

void Loader::load_user_config(const fs::path& path, std::vector<fs::path>& chain,
                              const toml::node* named_at) {
  std::error_code ec;
  fs::path canon = fs::weakly_canonical(path, ec);
  if (std::find(chain.begin(), chain.end(), canon) != chain.end()) {
    add_error(path.string(), {}, CF::extends_cycle,
              fmt::format("'{}' extends itself", path.string()));
    return;
  }
  if (chain.size() >= max_extends_depth) {
    // The chain is shown; the loader never recurses deeper than this.
    std::string shown;
    for (const fs::path& c : chain) shown += c.filename().string() + " -> ";
    shown += path.filename().string();
    std::string message = fmt::format("'extends' goes more than {} configurations deep: {}",
                                      max_extends_depth, shown);
    if (named_at)
      add_error(*named_at, CF::too_deep, std::move(message));
    else
      add_error(path.string(), {}, CF::too_deep, std::move(message));
    return;
  }
  chain.push_back(canon);
  bool ok = false;
  std::string why;
  std::string text = read_file(path, ok, max_config_bytes, why);
  if (!ok) {
    bool big = why.starts_with("too large");
    add_error(path.string(), {}, big ? CF::too_large : CF::missing_file,
              fmt::format("Cannot read configuration '{}': {}", path.string(), why));
    return;
  }
  auto parsed = parse(path.string(), std::move(text));
  if (!parsed) return;
  m_tables.push_back(std::make_unique<toml::table>(std::move(*parsed)));
  const toml::table& t = *m_tables.back();
  fs::path dir = path.parent_path();
  load_extends(t, dir, chain);
  m_current = path.string();
  load_settings(t, dir);
  chain.pop_back();
}

// `extends`: each named configuration is loaded first (depth first), so this one overrides it.
void Loader::load_extends(const toml::table& t, const fs::path& dir, std::vector<fs::path>& chain) {
  const toml::node* ext = t.get("extends");
  if (!ext) return;
  std::error_code ec;
  const toml::array* arr = ext->as_array();
  std::vector<const toml::node*> items;
  if (arr)
    for (auto& i : *arr) items.push_back(&i);
  else
    items.push_back(ext);
  for (const toml::node* item : items) {
    auto s = item->value_exact<std::string>();
    if (!s) {
      add_error(*item, CF::wrong_type, "'extends' must be an array of strings");
      continue;
    }
    if (*s == "default") continue;
    std::optional<fs::path> p = allowed_path(*s, dir, *item, "extends");
    if (!p) continue;
    if (!fs::exists(*p, ec)) {
      add_error(*item, CF::missing_file,
                fmt::format("Extended configuration '{}' does not exist", *s));
      continue;
    }
    load_user_config(*p, chain, item);
  }
}

// The settings of one .prfaq.toml (everything but `extends`), relative to its directory.
void Loader::load_settings(const toml::table& t, const fs::path& dir) {
  for (auto&& [key, node] : t) {
    std::string k(key.str());
    if (k == "extends") continue;
    if (k == "include")
      m_config.include = strings(node, k);
    else if (k == "exclude")
      m_config.exclude = strings(node, k);
    else if (k == "rule_dirs") {
      for (const std::string& d : strings(node, k))
        if (std::optional<fs::path> p = allowed_path(d, dir, node, "rule_dirs"))
          load_rule_dir(*p, node);
    } else if (k == "fail_on") {
      auto s = node.value_exact<std::string>();
      std::optional<Severity> sev = s ? parse_severity(*s) : std::nullopt;
      if (s && *s == "never") sev = Severity::off;
      if (!sev)
        add_error(node, CF::invalid_value,
                  "'fail_on' must be \"error\", \"warning\", \"info\" or \"never\"");
      else
        m_config.fail_on = sev;
    } else if (k == "profile" || k == "stage") {
      auto s = node.value_exact<std::string>();
      auto names = k == "profile" ? std::span<const std::string_view>(k_profiles)
                                  : std::span<const std::string_view>(k_stages);
      std::vector<std::string> choices(names.begin(), names.end());
      if (!s || std::find(choices.begin(), choices.end(), *s) == choices.end())
        add_error(node, CF::invalid_value,
                  fmt::format("'{}' must be one of {}", k, fmt::join(choices, ", ")),
                  s ? hint(*s, choices) : "");
      else
        (k == "profile" ? m_config.profile : m_config.stage) = *s;
    } else if (k == "product") {
      if (!node.is_table()) {
        add_error(node, CF::wrong_type, "'product' must be a table");
        continue;
      }
      for (auto&& [pk, pv] : *node.as_table()) {
        if (pk.str() == "names")
          m_config.product_names = strings(pv, "product.names");
        else
          add_key_error(pk, pv, CF::unknown_key, fmt::format("Unknown key 'product.{}'", pk.str()),
                        hint(pk.str(), {"names"}));
      }
    } else if (k == "spelling") {
      load_spelling(node, dir);
    } else if (k == "rules") {
      if (!node.is_table()) {
        add_error(node, CF::wrong_type, "'rules' must be a table of rule settings");
        continue;
      }
      for (auto&& [rk, rv] : *node.as_table()) {
        if (!rv.is_table()) {
          add_error(rv, CF::wrong_type, fmt::format("'rules.{}' must be a table", rk.str()));
          continue;
        }
        m_overrides.push_back({std::string(rk.str()), &rv, rv.as_table()});
      }
    } else if (k == "template") {
      if (!node.is_table())
        add_error(node, CF::wrong_type, "'template' must be a table");
      else
        m_template_overrides.push_back(node.as_table());
    } else {
      add_key_error(key, node, CF::unknown_key, fmt::format("Unknown key '{}'", k),
                    hint(k, k_top_keys));
    }
  }
}

// A language names a dictionary file: letters, digits, '_' and '-' only (no paths).
bool Loader::language_code(const std::string& lang) {
  return !lang.empty() && lang.size() <= 64 && std::all_of(lang.begin(), lang.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
  });
}

// The string entries of a setting with their nodes (for positions in spelling_error).
std::vector<std::string> Loader::spelling_entries(const toml::node& n, std::string_view key,
                                                  std::vector<const toml::node*>& nodes) {
  std::vector<std::string> values = strings(n, key);
  if (n.is_array()) {
    for (const toml::node& item : *n.as_array())
      if (item.is_string()) nodes.push_back(&item);
  } else if (n.is_string()) {
    nodes.push_back(&n);
  }
  return values;
}

void Loader::load_spelling(const toml::node& node, const fs::path& dir) {
  if (!node.is_table()) {
    add_error(node, CF::wrong_type, "'spelling' must be a table");
    return;
  }
  SpellingConfig& sc = m_config.spelling;
  for (auto&& [sk, sv] : *node.as_table()) {
    std::string k(sk.str());
    if (k == "language") {
      spelling_languages(sv);
    } else if (k == "paths") {
      spelling_paths(sv, dir);
    } else if (k == "dictionaries") {
      sc.dictionaries.clear();
      m_spelling_nodes["dictionaries"].clear();
      std::vector<std::string> dirs =
          spelling_entries(sv, "spelling.dictionaries", m_spelling_nodes["dictionaries"]);
      auto& nodes = m_spelling_nodes["dictionaries"];
      for (std::size_t i = 0; i < dirs.size(); ++i)
        if (auto p = allowed_path(dirs[i], dir, i < nodes.size() ? *nodes[i] : sv,
                                  "spelling.dictionaries"))
          sc.dictionaries.push_back(p->string());
    } else if (k == "accept") {
      for (auto& s : spelling_entries(sv, "spelling.accept", m_spelling_nodes["accept"]))
        sc.accept.push_back(s);
    } else if (k == "reject") {
      for (auto& s : spelling_entries(sv, "spelling.reject", m_spelling_nodes["reject"]))
        sc.reject.push_back(s);
    } else if (k == "words_file") {
      spelling_words_file(sv, dir);
    } else {
      add_key_error(
          sk, sv, CF::unknown_key, fmt::format("Unknown key 'spelling.{}'", k),
          hint(k, {"language", "paths", "dictionaries", "accept", "reject", "words_file"}));
    }
  }
}

// [spelling] language: language codes, each naming a dictionary file (no paths).
void Loader::spelling_languages(const toml::node& sv) {
  SpellingConfig& sc = m_config.spelling;
  m_spelling_nodes["language"].clear();
  sc.languages = spelling_entries(sv, "spelling.language", m_spelling_nodes["language"]);
  // A language names a dictionary file: letters, digits, '_' and '-' only (no paths).
  auto& nodes = m_spelling_nodes["language"];
  for (std::size_t i = 0; i < sc.languages.size(); ++i) {
    const std::string& lang = sc.languages[i];
    if (!language_code(lang)) {
      add_error(i < nodes.size() ? *nodes[i] : sv, CF::invalid_value,
                "'spelling.language' must be a language code such as \"en_US\"");
      sc.languages.erase(sc.languages.begin() + static_cast<std::ptrdiff_t>(i));
      nodes.erase(nodes.begin() + static_cast<std::ptrdiff_t>(std::min(i, nodes.size())));
      --i;
    }
  }
  sc.languages_set = true;
}

// [spelling] paths: a table of glob -> language ("docs/es/**" = "es"), relative to this file.
void Loader::spelling_paths(const toml::node& sv, const fs::path& dir) {
  SpellingConfig& sc = m_config.spelling;
  m_spelling_nodes["paths"].clear();
  sc.paths.clear();
  sc.base_dir = dir.string();
  if (!sv.is_table()) {
    add_error(sv, CF::wrong_type, "'spelling.paths' must be a table of glob = \"language\"");
    return;
  }
  for (auto&& [gk, gv] : *sv.as_table()) {
    if (auto lang = gv.value_exact<std::string>()) {
      if (!language_code(*lang)) {
        add_error(
            gv, CF::invalid_value,
            fmt::format("'spelling.paths.{}' must be a language code such as \"es\"", gk.str()));
        continue;
      }
      sc.paths.emplace_back(std::string(gk.str()), *lang);
      m_spelling_nodes["paths"].push_back(&gv);
    } else {
      add_error(
          gv, CF::wrong_type,
          fmt::format("'spelling.paths.{}' must be a language (\"es\", \"pt_BR\")", gk.str()));
    }
  }
}

// [spelling] words_file: checked here, before the spelling rule opens it: a regular file within
// the limit.
void Loader::spelling_words_file(const toml::node& sv, const fs::path& dir) {
  SpellingConfig& sc = m_config.spelling;
  auto s = sv.value_exact<std::string>();
  if (!s) {
    add_error(sv, CF::wrong_type, "'spelling.words_file' must be a string");
    return;
  }
  sc.words_file.clear();
  m_spelling_nodes["words_file"] = {&sv};
  std::optional<fs::path> p = allowed_path(*s, dir, sv, "spelling.words_file");
  if (!p) return;
  std::error_code wec;
  auto st = fs::status(*p, wec);
  if (fs::exists(st) && !fs::is_regular_file(st)) {
    add_error(sv, CF::missing_file,
              fmt::format("Cannot read the words file '{}': not a regular file", *s));
    return;
  }
  if (fs::is_regular_file(st) && fs::file_size(*p, wec) > max_words_file_bytes) {
    add_error(
        sv, CF::too_large,
        fmt::format("The words file '{}' is larger than {} MiB", *s, max_words_file_bytes >> 20));
    return;
  }
  sc.words_file = p->string();
}

// A [spelling] problem at the setting's entry; a words file line; else the rule itself.
void Loader::spelling_error(std::string_view key, std::size_t index, CF problem,
                            std::string message, std::string help) {
  if (key == "words_file" && index > 0 && !m_config.spelling.words_file.empty()) {
    const std::string& path = m_config.spelling.words_file;
    if (!source(path)) {
      // Positions only: the entries of a words file that does not compile are not quoted.
      bool ok = false;
      std::string why;
      std::string text = read_file(path, ok, max_words_file_bytes, why);
      m_sources[path] = std::make_shared<SourceFile>(path, blanked(std::move(text)));
    }
    message = fmt::format("Line {} of the words file is not a valid word or RE2 pattern", index);
    auto file = source(path);
    auto line = static_cast<std::uint32_t>(index);
    toml::source_region where;
    where.begin = {line, 1};
    where.end = {
        line, static_cast<toml::source_index>(count_code_points(file->lines.line_text(line)) + 1)};
    add_error(path, where, problem, std::move(message), std::move(help));
    return;
  }
  auto it = m_spelling_nodes.find(std::string(key));
  if (it != m_spelling_nodes.end() && !it->second.empty()) {
    const toml::node* n = it->second[std::min(index, it->second.size() - 1)];
    add_error(*n, problem, std::move(message), std::move(help));
  } else if (m_current_rule) {
    const toml::node* n = origin("kind");
    add_error(n ? *n : static_cast<const toml::node&>(m_current_rule->table), problem,
              std::move(message), std::move(help));
  }
}

}  // namespace prfaq::config_loader
