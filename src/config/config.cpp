// The only code that includes toml++: the embedded pack, .prfaq.toml files, rule files.
#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include <fmt/format.h>
#include <toml++/toml.h>

#include <prfaq/config.hpp>
#include <prfaq/config_errors.hpp>
#include <prfaq/embedded.hpp>

#include "config/toml_edit.hpp"
#include "io/io.hpp"

#include "text/text.hpp"

namespace fs = std::filesystem;
using CF = prfaq::ConfigProblem;

namespace prfaq {

std::string did_you_mean(std::string_view name, const std::vector<std::string>& candidates) {
  std::string best;
  std::size_t best_d = std::string::npos;
  std::string lower = text::to_lower(name);
  for (const std::string& c : candidates) {
    std::size_t d = text::edit_distance(lower, text::to_lower(c));
    if (d < best_d) {
      best_d = d;
      best = c;
    }
  }
  if (best.empty() || best_d > std::max<std::size_t>(2, name.size() / 3)) return {};
  return best;
}

const RuleSpec* Config::find_rule(std::string_view key) const {
  for (const RuleSpec& r : rules)
    if (r.code == key || r.name == key || text::iequals(r.code, key)) return &r;
  return nullptr;
}

namespace {

const std::vector<std::string> k_top_keys = {"extends",   "include", "exclude",
                                             "rule_dirs", "fail_on", "product",
                                             "spelling",  "rules",   "template"};
const std::vector<std::string> k_rule_keys = {"code", "name",    "kind", "severity", "message",
                                              "help", "summary", "why",  "examples", "scope"};

// Reads a configuration, rule or words file: regular files only (a FIFO or device is never
// opened), at most `limit` bytes. `why` says what was wrong.
std::string read_file(const fs::path& p, bool& ok, std::size_t limit, std::string& why) {
  std::string text;
  io::ReadResult r = io::read_file(p, text, limit);
  ok = static_cast<bool>(r);
  why = r.error;
  return text;
}

// The same text with every byte but line breaks blanked: positions stay right, contents are
// gone (a file that is not a valid configuration is never quoted in a message).
std::string blanked(std::string text) {
  for (char& c : text)
    if (c != '\n' && c != '\r') c = ' ';
  return text;
}

// A toml++ error description without the bytes it quotes from the file.
std::string describe_without_contents(std::string_view d) {
  std::string out;
  if (std::size_t saw = d.find(", saw "); saw != std::string_view::npos) d = d.substr(0, saw);
  bool quoted = false;
  for (char c : d) {
    if (c == '\'') {
      if (!quoted) out += "'\u2026'";
      quoted = !quoted;
      continue;
    }
    if (!quoted) out += c;
  }
  return out;
}

// toml++ parses dotted keys and nested arrays/inline tables by recursion: a key of 40,000
// dotted parts overflows the stack. This scan (iterative, strings and comments skipped) finds
// the line where a key has more than max_toml_nesting parts or values nest deeper.
std::optional<std::pair<std::size_t, std::string>> nesting_problem(std::string_view t) {
  std::size_t line = 1, depth = 0, dots = 0;
  auto keyish = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == ' ' ||
           c == '\t';
  };
  for (std::size_t i = 0; i < t.size(); ++i) {
    char c = t[i];
    if (c == '\n') {
      ++line;
      dots = 0;
    } else if (c == '#') {
      while (i + 1 < t.size() && t[i + 1] != '\n') ++i;
    } else if (c == '"' || c == '\'') {
      bool multi = t.substr(i, 3) == std::string(3, c);
      std::size_t j = i + (multi ? 3 : 1);
      while (j < t.size()) {
        if (c == '"' && t[j] == '\\') {
          j += 2;
          continue;
        }
        if (t[j] == '\n') {
          if (!multi) break;
          ++line;
        }
        if (t[j] == c && (!multi || t.substr(j, 3) == std::string(3, c))) {
          j += multi ? 2 : 0;
          break;
        }
        ++j;
      }
      i = std::min(j, t.size());
      if (i < t.size() && t[i] == '\n') --i;  // the line break is counted above
    } else if (c == '.') {
      if (++dots > max_toml_nesting)
        return std::pair{line,
                         fmt::format("a key has more than {} dotted parts", max_toml_nesting)};
    } else if (c == '[' || c == '{') {
      dots = 0;
      if (++depth > max_toml_nesting)
        return std::pair{line,
                         fmt::format("arrays or tables nest more than {} deep", max_toml_nesting)};
    } else if (c == ']' || c == '}') {
      dots = 0;
      if (depth > 0) --depth;
    } else if (!keyish(c)) {
      dots = 0;
    }
  }
  return std::nullopt;
}

// The tree a confined configuration may read from: the nearest directory at or above its
// own that holds .git, else its own directory.
fs::path confinement_root(const fs::path& config) {
  std::error_code ec;
  fs::path dir = fs::weakly_canonical(fs::absolute(config, ec), ec).parent_path();
  for (fs::path d = dir;; d = d.parent_path()) {
    if (fs::exists(fs::symlink_status(d / ".git", ec))) return d;
    if (!d.has_parent_path() || d.parent_path() == d) break;
  }
  return dir;
}

class Loader;

class TomlParams final : public ParamReader {
 public:
  TomlParams(Loader& loader, const toml::table& table, RuleSpec& spec)
      : m_loader(loader), m_table(table), m_spec(spec) {}

  const toml::node* take(std::string_view name, std::string_view type, std::string def,
                         std::string_view doc) {
    m_used.insert(std::string(name));
    if (std::none_of(m_spec.params.begin(), m_spec.params.end(),
                     [&](const ParamDoc& p) { return p.name == name; }))
      m_spec.params.push_back({std::string(name), std::string(type), def, std::string(doc)});
    const toml::node* n = m_table.get(name);
    std::ostringstream value;
    if (n) {
      if (n->is_table())
        value << *n->as_table();
      else if (n->is_array())
        value << *n->as_array();
      else if (n->is_string())
        value << toml::value<std::string>(*n->value<std::string>());
      else
        n->visit([&](auto&& v) { value << v; });
      m_spec.param_values[std::string(name)] = value.str();
    } else {
      m_spec.param_values[std::string(name)] = def;
    }
    return n;
  }

  std::int64_t get_int(std::string_view name, std::int64_t def, std::string_view doc) override {
    const toml::node* n = take(name, "integer", std::to_string(def), doc);
    if (!n) return def;
    if (auto v = n->value_exact<std::int64_t>()) return *v;
    wrong_type(name, "an integer", *n);
    return def;
  }
  double get_double(std::string_view name, double def, std::string_view doc) override {
    const toml::node* n = take(name, "number", fmt::format("{}", def), doc);
    if (!n) return def;
    if (auto v = n->value<double>()) return *v;
    wrong_type(name, "a number", *n);
    return def;
  }
  bool get_bool(std::string_view name, bool def, std::string_view doc) override {
    const toml::node* n = take(name, "boolean", def ? "true" : "false", doc);
    if (!n) return def;
    if (auto v = n->value_exact<bool>()) return *v;
    wrong_type(name, "a boolean", *n);
    return def;
  }
  std::string get_string(std::string_view name, std::string_view def,
                         std::string_view doc) override {
    const toml::node* n = take(name, "string", fmt::format("\"{}\"", def), doc);
    if (!n) return std::string(def);
    if (auto v = n->value_exact<std::string>()) return *v;
    wrong_type(name, "a string", *n);
    return std::string(def);
  }
  std::vector<std::string> get_strings(std::string_view name, std::vector<std::string> def,
                                       std::string_view doc) override {
    std::string d = "[";
    for (std::size_t i = 0; i < def.size(); ++i) d += (i ? ", \"" : "\"") + def[i] + "\"";
    d += "]";
    const toml::node* n = take(name, "array", d, doc);
    if (!n) return def;
    if (auto s = n->value_exact<std::string>()) return {*s};
    const toml::array* arr = n->as_array();
    if (!arr) {
      wrong_type(name, "an array of strings", *n);
      return def;
    }
    std::vector<std::string> out;
    for (const toml::node& item : *arr) {
      if (auto v = item.value_exact<std::string>())
        out.push_back(*v);
      else
        wrong_type(name, "an array of strings", item);
    }
    return out;
  }
  std::vector<std::pair<std::string, std::string>> get_string_map(std::string_view name,
                                                                  std::string_view doc) override {
    const toml::node* n = take(name, "table", "{}", doc);
    std::vector<std::pair<std::string, std::string>> out;
    if (!n) return out;
    const toml::table* t = n->as_table();
    if (!t) {
      wrong_type(name, "a table of strings", *n);
      return out;
    }
    for (auto&& [k, v] : *t) {
      if (auto s = v.value_exact<std::string>())
        out.emplace_back(std::string(k.str()), *s);
      else
        wrong_type(name, "a table of strings", v);
    }
    return out;
  }
  void error(std::string_view name, std::string message) override;
  const std::vector<std::string>& product_names() const override;
  const Template& tmpl() const override;
  const SpellingConfig& spelling() const override;
  bool enabled() const override { return m_spec.severity != Severity::off; }
  void spelling_error(std::string_view key, std::size_t index, ConfigProblem problem,
                      std::string message, std::string help) override;

  void wrong_type(std::string_view name, std::string_view expected, const toml::node& n);
  const std::set<std::string>& used() const { return m_used; }

 private:
  Loader& m_loader;
  const toml::table& m_table;
  RuleSpec& m_spec;
  std::set<std::string> m_used;
};

class Loader {
 public:
  struct OverrideEntry {
    std::string key;
    const toml::node* node;
    const toml::table* table;
  };
  explicit Loader(Config& config) : m_config(config) {}
  const Config& config() const { return m_config; }

  std::shared_ptr<const SourceFile> source(const std::string& path) {
    auto it = m_sources.find(path);
    if (it != m_sources.end()) return it->second;
    return nullptr;
  }

  void add_error(const std::string& path, const toml::source_region& where, CF problem,
                 std::string message, std::string help = {}) {
    std::shared_ptr<const SourceFile> file = source(path);
    if (!file) file = std::make_shared<SourceFile>(path, std::string());
    ConfigError e;
    e.file = file;
    const ConfigErrorCode& code = config_error_code(problem);
    e.diag.code = std::string(code.code);
    e.diag.name = std::string(code.name);
    e.diag.severity = Severity::error;
    e.diag.message = std::move(message);
    e.diag.help = std::move(help);
    e.diag.span = {to_offset(*file, where.begin), to_offset(*file, where.end)};
    if (e.diag.span.end < e.diag.span.begin) e.diag.span.end = e.diag.span.begin;
    m_config.errors.push_back(std::move(e));
  }

  void add_error(const toml::node& node, CF problem, std::string message, std::string help = {}) {
    const auto& src = node.source();
    add_error(src.path ? *src.path : m_current, src, problem, std::move(message), std::move(help));
  }

  /// An error about a key (unknown, not overridable): at the key itself when toml++ kept
  /// its position, else at its value.
  void add_key_error(const toml::key& key, const toml::node& value, CF problem, std::string message,
                     std::string help = {}) {
    const toml::source_region& ks = key.source();
    if (!ks.begin) {
      add_error(value, problem, std::move(message), std::move(help));
      return;
    }
    const auto& vs = value.source();
    add_error(ks.path   ? *ks.path
              : vs.path ? *vs.path
                        : m_current,
              ks, problem, std::move(message), std::move(help));
  }

  static std::uint32_t to_offset(const SourceFile& file, toml::source_position pos) {
    if (!pos) return 0;
    return toml_offset(file.text, file.lines, pos.line, pos.column);
  }

  std::optional<toml::table> parse(const std::string& path, std::string text) {
    auto file = std::make_shared<SourceFile>(path, std::move(text));
    m_sources[path] = file;
    m_current = path;
    if (!path.starts_with("embedded:")) m_config.inputs.push_back(path);
    // Not TOML (or not one this loader can take): positions only, never the file's contents.
    auto not_a_config = [&](const toml::source_region& where, std::string message) {
      m_sources[path] = std::make_shared<SourceFile>(path, blanked(file->text));
      add_error(path, where, CF::invalid_toml, std::move(message));
    };
    if (auto problem = nesting_problem(file->text)) {
      toml::source_region where;
      where.begin = {static_cast<toml::source_index>(problem->first), 1};
      where.end = where.begin;
      m_sources[path] = std::make_shared<SourceFile>(path, blanked(file->text));
      add_error(path, where, CF::too_deep,
                fmt::format("Configuration nests too deep: {} (at most {})", problem->second,
                            max_toml_nesting));
      return std::nullopt;
    }
    try {
      return toml::parse(file->text, path);
    } catch (const toml::parse_error& err) {
      not_a_config(err.source(), describe_without_contents(err.description()));
      return std::nullopt;
    }
  }

  // ---- what a configuration may name --------------------------------------------------
  /// A path a configuration names (`what`: "extends", "rule_dirs", ...), resolved against its
  /// directory; nullopt (and a CF011 error at `where`) when a confined configuration may not
  /// read it.
  std::optional<fs::path> allowed_path(const std::string& value, const fs::path& dir,
                                       const toml::node& where, std::string_view what) {
    fs::path p = fs::path(value).is_absolute() ? fs::path(value) : dir / value;
    if (m_trust == ConfigTrust::trusted || !m_root) return p;
    if (fs::path(value).is_absolute() || !io::is_within(p, *m_root)) {
      add_error(where, CF::outside_tree,
                fmt::format("'{}' names '{}', outside '{}': a configuration found by walking up "
                            "may only name files inside its repository",
                            what, value, m_root->string()),
                "pass the configuration with --config, or allow it with --trust-config");
      return std::nullopt;
    }
    return p;
  }

  ConfigTrust m_trust = ConfigTrust::confined;
  std::optional<fs::path> m_root;  ///< the tree a confined configuration may read

  // ---- template -----------------------------------------------------------------------
  void load_template(const toml::table& t) {
    Template& tmpl = m_config.tmpl;
    if (auto arr = t["title_markers"].as_array())
      for (auto& m : *arr)
        if (auto s = m.value<std::string>()) tmpl.title_markers.push_back(text::to_lower(*s));
    if (auto parts = t["parts"].as_array()) {
      for (auto& node : *parts) {
        const toml::table* pt = node.as_table();
        if (!pt) continue;
        PartDef def;
        def.name = (*pt)["name"].value_or(std::string());
        def.title = (*pt)["title"].value_or(def.name);
        if (auto al = (*pt)["aliases"].as_array())
          for (auto& a : *al)
            if (auto s = a.value<std::string>()) def.aliases.push_back(normalize_label(*s));
        tmpl.parts.push_back(std::move(def));
      }
    }
    if (auto roles = t["roles"].as_array()) {
      for (auto& node : *roles) {
        const toml::table* rt = node.as_table();
        if (!rt) continue;
        RoleDef def;
        def.name = (*rt)["name"].value_or(std::string());
        def.title = (*rt)["title"].value_or(def.name);
        def.part = (*rt)["part"].value_or(std::string());
        std::string req = (*rt)["requirement"].value_or(std::string("optional"));
        def.requirement = req == "required"      ? Requirement::required
                          : req == "recommended" ? Requirement::recommended
                                                 : Requirement::optional;
        def.skeleton = (*rt)["skeleton"].value_or(std::string());
        if (auto al = (*rt)["aliases"].as_array())
          for (auto& a : *al)
            if (auto s = a.value<std::string>()) def.aliases.push_back(normalize_label(*s));
        if (auto al = (*rt)["related"].as_array())
          for (auto& a : *al)
            if (auto s = a.value<std::string>()) def.related.push_back(normalize_label(*s));
        tmpl.roles.push_back(std::move(def));
      }
    }
    if (auto vocab = t["vocabulary"].as_table())
      for (auto&& [name, node] : *vocab)
        if (auto arr = node.as_array())
          for (auto& w : *arr)
            if (auto s = w.value<std::string>())
              tmpl.vocabulary[std::string(name.str())].push_back(text::to_lower(*s));
  }

  // [template.vocabulary]: more words for the reader's lists.
  void extend_vocabulary(const toml::table& t) {
    std::vector<std::string> names;
    for (std::string_view n : vocabulary_lists()) names.emplace_back(n);
    for (auto&& [key, node] : t) {
      if (std::find(names.begin(), names.end(), key.str()) == names.end()) {
        add_key_error(key, node, CF::unknown_key,
                      fmt::format("Unknown word list 'template.vocabulary.{}'", key.str()),
                      hint(key.str(), names));
        continue;
      }
      const toml::array* arr = node.as_array();
      if (!arr) {
        add_error(node, CF::wrong_type,
                  fmt::format("'template.vocabulary.{}' must be an array of strings", key.str()));
        continue;
      }
      for (auto& w : *arr) {
        if (auto s = w.value_exact<std::string>())
          m_config.tmpl.vocabulary[std::string(key.str())].push_back(text::to_lower(*s));
        else
          add_error(w, CF::wrong_type,
                    fmt::format("'template.vocabulary.{}' must be an array of strings", key.str()));
      }
    }
  }

  void override_template(const toml::table& t) {
    for (auto&& [key, node] : t) {
      if (key.str() == "vocabulary") {
        if (const toml::table* v = node.as_table())
          extend_vocabulary(*v);
        else
          add_error(node, CF::wrong_type, "'template.vocabulary' must be a table");
        continue;
      }
      if (key.str() != "roles" && key.str() != "parts") {
        add_key_error(key, node, CF::unknown_key,
                      fmt::format("Unknown key 'template.{}'", key.str()),
                      hint(key.str(), {"roles", "parts", "vocabulary"}));
        continue;
      }
      const toml::table* group = node.as_table();
      if (!group) {
        add_error(node, CF::wrong_type, fmt::format("'template.{}' must be a table", key.str()));
        continue;
      }
      bool roles = key.str() == "roles";
      std::vector<std::string> names;
      if (roles)
        for (auto& r : m_config.tmpl.roles) names.push_back(r.name);
      else
        for (auto& p : m_config.tmpl.parts) names.push_back(p.name);
      for (auto&& [name, body] : *group) {
        const toml::table* bt = body.as_table();
        std::vector<std::string>* aliases = nullptr;
        RoleDef* role = nullptr;
        if (roles) {
          for (auto& r : m_config.tmpl.roles)
            if (r.name == name.str()) role = &r, aliases = &r.aliases;
        } else {
          for (auto& p : m_config.tmpl.parts)
            if (p.name == name.str()) aliases = &p.aliases;
        }
        if (!aliases) {
          add_error(body, CF::unknown_key,
                    fmt::format("Unknown template {} '{}'", roles ? "role" : "part", name.str()),
                    hint(name.str(), names));
          continue;
        }
        if (!bt) {
          add_error(body, CF::wrong_type,
                    fmt::format("'template.{}.{}' must be a table", key.str(), name.str()));
          continue;
        }
        for (auto&& [k, v] : *bt) {
          if (k.str() == "aliases" || (role && k.str() == "related")) {
            std::vector<std::string>* target = k.str() == "related" ? &role->related : aliases;
            const toml::array* arr = v.as_array();
            if (!arr) {
              add_error(v, CF::wrong_type, "'aliases' must be an array of strings");
              continue;
            }
            for (auto& a : *arr) {
              if (auto s = a.value_exact<std::string>())
                target->push_back(normalize_label(*s));
              else
                add_error(a, CF::wrong_type, "'aliases' must be an array of strings");
            }
          } else if (role && k.str() == "requirement") {
            auto s = v.value_exact<std::string>();
            if (s && (*s == "required" || *s == "recommended" || *s == "optional"))
              role->requirement = *s == "required"      ? Requirement::required
                                  : *s == "recommended" ? Requirement::recommended
                                                        : Requirement::optional;
            else
              add_error(v, CF::invalid_value,
                        "'requirement' must be \"required\", \"recommended\" or \"optional\"");
          } else if (role && (k.str() == "title" || k.str() == "skeleton")) {
            if (auto s = v.value_exact<std::string>())
              (k.str() == "title" ? role->title : role->skeleton) = *s;
            else
              add_error(v, CF::wrong_type, fmt::format("'{}' must be a string", k.str()));
          } else {
            std::vector<std::string> keys = {"aliases"};
            if (role) keys = {"aliases", "related", "requirement", "title", "skeleton"};
            add_key_error(k, v, CF::unknown_key, fmt::format("Unknown key '{}'", k.str()),
                          hint(k.str(), keys));
          }
        }
      }
    }
  }

  // A language names a dictionary file: letters, digits, '_' and '-' only (no paths).
  static bool language_code(const std::string& lang) {
    return !lang.empty() && lang.size() <= 64 && std::all_of(lang.begin(), lang.end(), [](char c) {
      return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
    });
  }

  // The kinds that were one kind with a `check` parameter before 1.1, and the kind each check
  // became ("" when `kind` is not one of them).
  static std::string split_kind(std::string_view kind, std::string_view check) {
    static const std::map<std::pair<std::string_view, std::string_view>, std::string_view> k_split =
        {{{"template", "missing"}, "missing-part"},
         {{"template", "empty"}, "empty-part"},
         {{"template", "order"}, "part-order"},
         {{"template", "duplicate"}, "duplicate-part"},
         {{"template", "not-a-prfaq"}, "not-a-prfaq"},
         {{"headline", "length"}, "headline-length"},
         {{"headline", "vague"}, "headline-vague"},
         {{"headline", "company-centric"}, "headline-company"},
         {{"headline", "style"}, "headline-style"},
         {{"quote", "missing-customer"}, "customer-quote"},
         {{"quote", "unattributed"}, "quote-attribution"},
         {{"quote", "placeholder"}, "placeholder-speaker"},
         {{"quote", "missing-leader"}, "leader-quote"},
         {{"quote", "empty-enthusiasm"}, "quote-substance"},
         {{"faq", "not-a-question"}, "faq-question"},
         {{"faq", "unanswered"}, "faq-answer"},
         {{"faq", "too-few"}, "faq-count"},
         {{"faq", "duplicate"}, "faq-duplicate"},
         {{"faq", "internal-gap"}, "faq-topics"}};
    if (kind != "template" && kind != "headline" && kind != "quote" && kind != "faq") return {};
    auto it = k_split.find({kind, check});
    if (it != k_split.end())
      return "use kind = \"" + std::string(it->second) + "\" and drop 'check'";
    // A misspelt check ("missing-custmer") still names its kind.
    std::vector<std::string> checks;
    for (auto& [k, v] : k_split)
      if (k.first == kind) checks.emplace_back(k.second);
    std::string near = did_you_mean(check, checks);
    if (!near.empty())
      return fmt::format(
          "'{}' is not a check (did you mean '{}'?); use kind = \"{}\" and drop 'check'", check,
          near, k_split.at({kind, near}));
    std::string all;
    for (auto& [k, v] : k_split)
      if (k.first == kind) all += (all.empty() ? "" : ", ") + std::string(v);
    return "use one of the kinds " + all + " and drop 'check'";
  }

  static std::string hint(std::string_view name, const std::vector<std::string>& candidates) {
    std::string m = did_you_mean(name, candidates);
    return m.empty() ? std::string() : fmt::format("did you mean '{}'?", m);
  }

  // ---- rule files ---------------------------------------------------------------------
  struct PendingRule {
    RuleSpec spec;
    toml::table table;
    std::map<std::string, const toml::node*>
        where;                              ///< original node of each key (copies lose positions)
    std::map<std::string, toml::key> keys;  ///< original key of each entry, with its position
  };

  void load_rule_file(const std::string& path, std::string text) {
    auto t = parse(path, std::move(text));
    if (!t) return;
    PendingRule r;
    r.spec.origin = path;
    auto str = [&](const char* key, std::string& out, bool required) {
      const toml::node* n = t->get(key);
      if (!n) {
        if (required)
          add_error(path, t->source(), CF::missing_key, fmt::format("Rule file lacks '{}'", key));
        return;
      }
      if (auto s = n->value_exact<std::string>())
        out = *s;
      else
        add_error(*n, CF::wrong_type, fmt::format("'{}' must be a string", key));
    };
    str("code", r.spec.code, true);
    str("name", r.spec.name, true);
    str("kind", r.spec.kind, true);
    str("message", r.spec.message, true);
    str("help", r.spec.help, false);
    str("summary", r.spec.summary, false);
    str("why", r.spec.why, false);
    std::string sev = "warning";
    str("severity", sev, false);
    if (auto s = parse_severity(sev)) {
      r.spec.severity = r.spec.default_severity = *s;
    } else if (const toml::node* n = t->get("severity")) {
      add_error(*n, CF::invalid_value, fmt::format("Unknown severity '{}'", sev),
                hint(sev, {"off", "info", "warning", "error"}));
    }
    if (const toml::node* ex = t->get("examples")) {
      const toml::array* arr = ex->as_array();
      if (!arr) {
        add_error(*ex, CF::wrong_type, "'examples' must be an array of tables ([[examples]])");
      } else {
        for (auto& e : *arr) {
          const toml::table* et = e.as_table();
          if (!et) continue;
          RuleExample x;
          x.good = (*et)["good"].value_or(std::string());
          x.bad = (*et)["bad"].value_or(std::string());
          for (auto&& [k, v] : *et)
            if (k.str() != "good" && k.str() != "bad")
              add_key_error(k, v, CF::unknown_key,
                            fmt::format("Unknown key '{}' in an example", k.str()),
                            hint(k.str(), {"good", "bad"}));
          r.spec.examples.push_back(std::move(x));
        }
      }
    }
    if (r.spec.code.empty() || r.spec.name.empty()) return;
    for (const PendingRule& other : m_pending) {
      if (other.spec.code == r.spec.code || other.spec.name == r.spec.name) {
        add_error(path, t->source(), CF::duplicate_rule,
                  fmt::format("Rule {} ({}) is already defined in {}", r.spec.code, r.spec.name,
                              other.spec.origin));
        return;
      }
    }
    r.table = std::move(*t);
    for (auto&& [k, v] : r.table) {
      r.where[std::string(k.str())] = &v;
      r.keys.insert_or_assign(std::string(k.str()), k);
    }
    m_pending.push_back(std::move(r));
  }

  void load_rule_dir(const fs::path& dir, const toml::node& where) {
    m_config.inputs.push_back(dir.string());  // a file added to it changes its mtime
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
      add_error(where, CF::missing_file,
                fmt::format("Rule directory '{}' does not exist", dir.string()));
      return;
    }
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(dir, ec))
      if (entry.path().extension() == ".toml") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    for (const fs::path& f : files) {
      bool ok = false;
      std::string why;
      std::string text = read_file(f, ok, max_config_bytes, why);
      if (!ok) {
        add_error(where, why.starts_with("too large") ? CF::too_large : CF::missing_file,
                  fmt::format("Cannot read rule file '{}': {}", f.string(), why));
        continue;
      }
      if (m_trust == ConfigTrust::confined && m_root && !io::is_within(f, *m_root)) {
        add_error(where, CF::outside_tree,
                  fmt::format("Rule file '{}' leads outside '{}'", f.string(), m_root->string()),
                  "pass the configuration with --config, or allow it with --trust-config");
        continue;
      }
      load_rule_file(f.string(), std::move(text));
    }
  }

  // ---- .prfaq.toml ----------------------------------------------------------------------
  void load_user_config(const fs::path& path, std::vector<fs::path>& chain,
                        const toml::node* named_at = nullptr) {
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
    auto strings = [&](const toml::node& n, std::string_view key) {
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
    };
    if (const toml::node* ext = t.get("extends")) {
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
    m_current = path.string();
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
      } else if (k == "product") {
        if (!node.is_table()) {
          add_error(node, CF::wrong_type, "'product' must be a table");
          continue;
        }
        for (auto&& [pk, pv] : *node.as_table()) {
          if (pk.str() == "names")
            m_config.product_names = strings(pv, "product.names");
          else
            add_key_error(pk, pv, CF::unknown_key,
                          fmt::format("Unknown key 'product.{}'", pk.str()),
                          hint(pk.str(), {"names"}));
        }
      } else if (k == "spelling") {
        load_spelling(node, dir, strings);
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
    chain.pop_back();
  }

  template <class F>
  void load_spelling(const toml::node& node, const fs::path& dir, F& strings) {
    if (!node.is_table()) {
      add_error(node, CF::wrong_type, "'spelling' must be a table");
      return;
    }
    // The string entries of a setting with their nodes (for positions in spelling_error).
    auto entries = [&](const toml::node& n, std::string_view key,
                       std::vector<const toml::node*>& nodes) {
      std::vector<std::string> values = strings(n, key);
      if (n.is_array()) {
        for (const toml::node& item : *n.as_array())
          if (item.is_string()) nodes.push_back(&item);
      } else if (n.is_string()) {
        nodes.push_back(&n);
      }
      return values;
    };
    SpellingConfig& sc = m_config.spelling;
    for (auto&& [sk, sv] : *node.as_table()) {
      std::string k(sk.str());
      if (k == "language") {
        m_spelling_nodes["language"].clear();
        sc.languages = entries(sv, "spelling.language", m_spelling_nodes["language"]);
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
      } else if (k == "paths") {
        // A table of glob -> language ("docs/es/**" = "es"), relative to this file.
        m_spelling_nodes["paths"].clear();
        sc.paths.clear();
        sc.base_dir = dir.string();
        if (!sv.is_table()) {
          add_error(sv, CF::wrong_type, "'spelling.paths' must be a table of glob = \"language\"");
          continue;
        }
        for (auto&& [gk, gv] : *sv.as_table()) {
          if (auto lang = gv.template value_exact<std::string>()) {
            if (!language_code(*lang)) {
              add_error(gv, CF::invalid_value,
                        fmt::format("'spelling.paths.{}' must be a language code such as \"es\"",
                                    gk.str()));
              continue;
            }
            sc.paths.emplace_back(std::string(gk.str()), *lang);
            m_spelling_nodes["paths"].push_back(&gv);
          } else {
            add_error(gv, CF::wrong_type,
                      fmt::format("'spelling.paths.{}' must be a language (\"es\", \"pt_BR\")",
                                  gk.str()));
          }
        }
      } else if (k == "dictionaries") {
        sc.dictionaries.clear();
        m_spelling_nodes["dictionaries"].clear();
        std::vector<std::string> dirs =
            entries(sv, "spelling.dictionaries", m_spelling_nodes["dictionaries"]);
        auto& nodes = m_spelling_nodes["dictionaries"];
        for (std::size_t i = 0; i < dirs.size(); ++i)
          if (auto p = allowed_path(dirs[i], dir, i < nodes.size() ? *nodes[i] : sv,
                                    "spelling.dictionaries"))
            sc.dictionaries.push_back(p->string());
      } else if (k == "accept") {
        for (auto& s : entries(sv, "spelling.accept", m_spelling_nodes["accept"]))
          sc.accept.push_back(s);
      } else if (k == "reject") {
        for (auto& s : entries(sv, "spelling.reject", m_spelling_nodes["reject"]))
          sc.reject.push_back(s);
      } else if (k == "words_file") {
        if (auto s = sv.template value_exact<std::string>()) {
          sc.words_file.clear();
          m_spelling_nodes["words_file"] = {&sv};
          std::optional<fs::path> p = allowed_path(*s, dir, sv, "spelling.words_file");
          if (!p) continue;
          // Checked here, before the spelling rule opens it: a regular file within the limit.
          std::error_code wec;
          auto st = fs::status(*p, wec);
          if (fs::exists(st) && !fs::is_regular_file(st)) {
            add_error(sv, CF::missing_file,
                      fmt::format("Cannot read the words file '{}': not a regular file", *s));
            continue;
          }
          if (fs::is_regular_file(st) && fs::file_size(*p, wec) > max_words_file_bytes) {
            add_error(sv, CF::too_large,
                      fmt::format("The words file '{}' is larger than {} MiB", *s,
                                  max_words_file_bytes >> 20));
            continue;
          }
          sc.words_file = p->string();
        } else {
          add_error(sv, CF::wrong_type, "'spelling.words_file' must be a string");
        }
      } else {
        add_key_error(
            sk, sv, CF::unknown_key, fmt::format("Unknown key 'spelling.{}'", k),
            hint(k, {"language", "paths", "dictionaries", "accept", "reject", "words_file"}));
      }
    }
  }

  // Builds every rule: merges overrides, validates parameters, instantiates the kind.
  void finish() {
    for (const toml::table* t : m_template_overrides) override_template(*t);
    m_config.tmpl.prepare();
    std::vector<std::string> keys;
    for (const PendingRule& r : m_pending) {
      keys.push_back(r.spec.code);
      keys.push_back(r.spec.name);
    }
    for (const auto& [key, node, table_ptr] : m_overrides) {
      const toml::table& table = *table_ptr;
      auto it = std::find_if(m_pending.begin(), m_pending.end(), [&](const PendingRule& r) {
        return r.spec.code == key || r.spec.name == key;
      });
      if (it == m_pending.end()) {
        add_error(*node, CF::unknown_rule, fmt::format("Unknown rule '{}'", key), hint(key, keys));
        continue;
      }
      for (auto&& [k, v] : table) {
        if (k.str() == "severity") {
          auto s = v.value_exact<std::string>();
          auto sev = s ? parse_severity(*s) : std::nullopt;
          if (!sev)
            add_error(v, CF::invalid_value,
                      "'severity' must be \"off\", \"info\", \"warning\" or \"error\"",
                      s ? hint(*s, {"off", "info", "warning", "error"}) : "");
          else
            it->spec.severity = *sev;
          continue;
        }
        if (k.str() == "code" || k.str() == "name" || k.str() == "kind" || k.str() == "examples") {
          add_key_error(k, v, CF::unknown_key, fmt::format("'{}' cannot be overridden", k.str()));
          continue;
        }
        it->table.insert_or_assign(k.str(), v);
        it->where[std::string(k.str())] = &v;
        it->keys.insert_or_assign(std::string(k.str()), k);
      }
    }
    const RuleKindRegistry& registry = builtin_kinds();
    for (PendingRule& r : m_pending) {
      if (!r.table.contains("kind")) continue;  // CF014 says so already
      const RuleKind* kind = registry.find(r.spec.kind);
      if (!kind) {
        const toml::node* kn = r.table.get("kind");
        std::string split = split_kind(r.spec.kind, r.table["check"].value_or(std::string()));
        if (!split.empty())
          add_error(
              kn ? *kn : static_cast<const toml::node&>(r.table), CF::unknown_kind,
              fmt::format("Rule kind '{}' with a 'check' was split into one kind per check: {}",
                          r.spec.kind, split));
        else
          add_error(kn ? *kn : static_cast<const toml::node&>(r.table), CF::unknown_kind,
                    fmt::format("Unknown rule kind '{}'", r.spec.kind),
                    hint(r.spec.kind, registry.names()));
        continue;
      }
      TomlParams params(*this, r.table, r.spec);
      m_current_rule = &r;
      try {
        std::shared_ptr<const Rule> rule = kind->make(params);
        r.spec.rule = rule;
        r.spec.fixable = rule && rule->fixable();
      } catch (const std::exception& e) {
        add_error(r.table, CF::invalid_value, fmt::format("Rule {}: {}", r.spec.code, e.what()));
      }
      for (auto&& [k, v] : r.table) {
        std::string key(k.str());
        if (std::find(k_rule_keys.begin(), k_rule_keys.end(), key) != k_rule_keys.end()) continue;
        if (params.used().count(key)) continue;
        std::vector<std::string> known(params.used().begin(), params.used().end());
        for (auto& rk : k_rule_keys) known.push_back(rk);
        const toml::node* at = r.where.count(key) ? r.where[key] : &v;
        add_key_error(r.keys.count(key) ? r.keys.at(key) : k, *at, CF::unknown_key,
                      fmt::format("Unknown parameter '{}' for rule {} (kind '{}')", key,
                                  r.spec.code, r.spec.kind),
                      hint(key, known));
      }
      m_config.rules.push_back(std::move(r.spec));
    }
    std::sort(m_config.rules.begin(), m_config.rules.end(),
              [](const RuleSpec& a, const RuleSpec& b) { return a.code < b.code; });
  }

  const toml::node* origin(std::string_view name) const {
    if (!m_current_rule) return nullptr;
    auto it = m_current_rule->where.find(std::string(name));
    return it == m_current_rule->where.end() ? nullptr : it->second;
  }

  void param_error(std::string_view name, std::string message) {
    const toml::node* n = origin(name);
    CF problem = message.starts_with("invalid pattern") ? CF::invalid_pattern : CF::invalid_value;
    if (n)
      add_error(*n, problem, std::move(message));
    else if (m_current_rule)
      add_error(m_current_rule->table, problem, std::move(message));
  }

  // A [spelling] problem at the setting's entry; a words file line; else the rule itself.
  void spelling_error(std::string_view key, std::size_t index, CF problem, std::string message,
                      std::string help) {
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
      where.end = {line, static_cast<toml::source_index>(
                             count_code_points(file->lines.line_text(line)) + 1)};
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

  Config& m_config;
  std::map<std::string, std::vector<const toml::node*>> m_spelling_nodes;
  std::map<std::string, std::shared_ptr<const SourceFile>> m_sources;
  std::vector<PendingRule> m_pending;
  std::vector<OverrideEntry> m_overrides;
  std::vector<const toml::table*> m_template_overrides;
  std::vector<std::unique_ptr<toml::table>> m_tables;
  std::string m_current;
  PendingRule* m_current_rule = nullptr;
};

void TomlParams::error(std::string_view name, std::string message) {
  m_loader.param_error(name, std::move(message));
}
const std::vector<std::string>& TomlParams::product_names() const {
  return m_loader.config().product_names;
}
const Template& TomlParams::tmpl() const {
  return m_loader.config().tmpl;
}
const SpellingConfig& TomlParams::spelling() const {
  return m_loader.config().spelling;
}
void TomlParams::spelling_error(std::string_view key, std::size_t index, ConfigProblem problem,
                                std::string message, std::string help) {
  m_loader.spelling_error(key, index, problem, std::move(message), std::move(help));
}
void TomlParams::wrong_type(std::string_view name, std::string_view expected, const toml::node& n) {
  const toml::node* where = n.source().begin ? &n : m_loader.origin(name);
  m_loader.add_error(where ? *where : n, CF::wrong_type,
                     fmt::format("'{}' must be {}", name, expected));
}

std::shared_ptr<Config> load(const std::optional<fs::path>& file,
                             const std::optional<fs::path>& rules_dir, ConfigTrust trust) {
  auto config = std::make_shared<Config>();
  Loader loader(*config);
  loader.m_trust = trust;
  for (const EmbeddedFile& f : embedded_rule_files()) {
    std::string path = fmt::format("embedded:{}", f.name);
    if (f.name == "template.toml") {
      if (auto t = loader.parse(path, std::string(f.contents))) loader.load_template(*t);
    } else {
      loader.load_rule_file(path, std::string(f.contents));
    }
  }
  if (rules_dir) {
    toml::table dummy;
    loader.load_rule_dir(*rules_dir, dummy);
  }
  // --rules-dir comes from the command line; what the configuration names is confined.
  if (file && trust == ConfigTrust::confined) loader.m_root = confinement_root(*file);
  if (file) {
    config->path = file->string();
    std::vector<fs::path> chain;
    loader.load_user_config(*file, chain);
  }
  loader.finish();
  return config;
}

}  // namespace

std::optional<fs::path> discover_config(const fs::path& start) {
  std::error_code ec;
  fs::path dir = fs::absolute(start, ec);
  if (!fs::is_directory(dir, ec)) dir = dir.parent_path();
  while (true) {
    for (const char* name : {".prfaq.toml", "prfaq.toml"}) {
      fs::path p = dir / name;
      if (fs::is_regular_file(p, ec)) return p;
    }
    if (!dir.has_parent_path() || dir.parent_path() == dir) break;
    dir = dir.parent_path();
  }
  return std::nullopt;
}

std::shared_ptr<const Config> load_config(const std::optional<fs::path>& file,
                                          const std::optional<fs::path>& rules_dir,
                                          ConfigTrust trust) {
  return load(file, rules_dir, trust);
}

}  // namespace prfaq
