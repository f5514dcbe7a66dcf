#pragma once
// The configuration loader's insides, shared by the files of src/config/ (nothing outside
// includes this): the Loader that reads the embedded pack, rule files and .prfaq.toml files
// into a Config, and the ParamReader that hands a rule's TOML table to its kind.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>
#include <toml++/toml.h>

#include <prfaq/config.hpp>
#include <prfaq/config_errors.hpp>
#include <prfaq/rule.hpp>

#include "config/toml_edit.hpp"

namespace prfaq::config_loader {

namespace fs = std::filesystem;
using CF = ConfigProblem;

/// The top-level keys of a .prfaq.toml, and the keys every rule file may have.
extern const std::vector<std::string> k_top_keys;
extern const std::vector<std::string> k_rule_keys;

/// Reads a configuration, rule or words file: regular files only (a FIFO or device is never
/// opened), at most `limit` bytes. `why` says what was wrong.
std::string read_file(const fs::path& p, bool& ok, std::size_t limit, std::string& why);
/// The same text with every byte but line breaks blanked: positions stay right, contents are
/// gone (a file that is not a valid configuration is never quoted in a message).
std::string blanked(std::string text);

class Loader;

/// A TOML value on one line, as it would be written after `key = `: strings as basic strings,
/// arrays as [a, b], tables as inline tables { k = v } (so `prfaq config` prints TOML that
/// parses, and `explain` shows defaults and current values alike).
std::string toml_inline(const toml::node& node);

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
    m_spec.param_values[std::string(name)] = n ? toml_inline(*n) : def;
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
    const toml::node* n = take(name, "number", toml_inline(toml::value<double>(def)), doc);
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
    const toml::node* n = take(name, "string", toml_string(def), doc);
    if (!n) return std::string(def);
    if (auto v = n->value_exact<std::string>()) return *v;
    wrong_type(name, "a string", *n);
    return std::string(def);
  }
  std::vector<std::string> get_strings(std::string_view name, std::vector<std::string> def,
                                       std::string_view doc) override {
    const toml::node* n = take(name, "array", toml_array(def), doc);
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
  bool enabled() const override {
    return m_spec.severity != Severity::off ||
           std::any_of(m_spec.severity_in.begin(), m_spec.severity_in.end(),
                       [](const auto& s) { return s.second != Severity::off; });
  }
  void spelling_error(std::string_view key, std::size_t index, ConfigProblem problem,
                      std::string message, std::string help) override;

  void wrong_type(std::string_view name, std::string_view expected, const toml::node& n);
  const std::set<std::string>& used() const { return m_used; }

  /// The kind is built on a worker thread, beside other rules: its reports to the Loader are
  /// kept, and replay() makes them, in order, on the loading thread.
  void replay();

 private:
  Loader& m_loader;
  const toml::table& m_table;
  RuleSpec& m_spec;
  std::set<std::string> m_used;
  std::vector<std::function<void()>> m_deferred;
  void report(std::function<void()> f) { m_deferred.push_back(std::move(f)); }
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

  std::shared_ptr<const SourceFile> source(const std::string& path);

  void add_error(const std::string& path, const toml::source_region& where, CF problem,
                 std::string message, std::string help = {});

  void add_error(const toml::node& node, CF problem, std::string message, std::string help = {});

  /// An error about a key (unknown, not overridable): at the key itself when toml++ kept
  /// its position, else at its value.
  void add_key_error(const toml::key& key, const toml::node& value, CF problem, std::string message,
                     std::string help = {});

  static std::uint32_t to_offset(const SourceFile& file, toml::source_position pos);

  std::optional<toml::table> parse(const std::string& path, std::string text);

  // ---- what a configuration may name --------------------------------------------------
  /// A path a configuration names (`what`: "extends", "rule_dirs", ...), resolved against its
  /// directory; nullopt (and a CF011 error at `where`) when a confined configuration may not
  /// read it.
  std::optional<fs::path> allowed_path(const std::string& value, const fs::path& dir,
                                       const toml::node& where, std::string_view what);

  ConfigTrust m_trust = ConfigTrust::confined;
  std::optional<fs::path> m_root;  ///< the tree a confined configuration may read

  // ---- template -----------------------------------------------------------------------
  void load_template(const toml::table& t);

  // [template.vocabulary]: more words for the reader's lists.
  void extend_vocabulary(const toml::table& t);

  void override_template(const toml::table& t);
  void override_template_settings(const toml::table& bt, RoleDef* role,
                                  std::vector<std::string>* aliases);

  // A language names a dictionary file: letters, digits, '_' and '-' only (no paths).
  static bool language_code(const std::string& lang);

  // The kinds that were one kind with a `check` parameter before 1.1, and the kind each check
  // became ("" when `kind` is not one of them).
  static std::string split_kind(std::string_view kind, std::string_view check);

  static std::string hint(std::string_view name, const std::vector<std::string>& candidates);

  // ---- rule files ---------------------------------------------------------------------
  struct PendingRule {
    RuleSpec spec;
    toml::table table;
    std::map<std::string, const toml::node*>
        where;                              ///< original node of each key (copies lose positions)
    std::map<std::string, toml::key> keys;  ///< original key of each entry, with its position
  };

  void load_rule_file(const std::string& path, std::string text);

  /// `severity_in = { draft = "info", devtool = "off" }` of a rule file or a [rules.X]: merged
  /// into the rule's table of severities by profile and stage.
  void read_severity_in(const toml::node& node, RuleSpec& spec);

  void load_rule_dir(const fs::path& dir, const toml::node& where);

  // ---- .prfaq.toml ----------------------------------------------------------------------
  void load_user_config(const fs::path& path, std::vector<fs::path>& chain,
                        const toml::node* named_at = nullptr);
  void load_extends(const toml::table& t, const fs::path& dir, std::vector<fs::path>& chain);
  void load_settings(const toml::table& t, const fs::path& dir);

  /// A string or an array of strings ("include", "accept"); CF003 for anything else.
  std::vector<std::string> strings(const toml::node& n, std::string_view key);

  void load_spelling(const toml::node& node, const fs::path& dir);
  std::vector<std::string> spelling_entries(const toml::node& n, std::string_view key,
                                            std::vector<const toml::node*>& nodes);
  void spelling_languages(const toml::node& sv);
  void spelling_paths(const toml::node& sv, const fs::path& dir);
  void spelling_words_file(const toml::node& sv, const fs::path& dir);

  // Builds every rule: merges overrides, validates parameters, instantiates the kind.
  void finish();
  void apply_overrides();
  void build_rule(PendingRule& r, const RuleKind* kind, TomlParams* params,
                  std::shared_ptr<const Rule> rule, const std::optional<std::string>& failure);
  void build_rules();

  const toml::node* origin(std::string_view name) const;

  void param_error(std::string_view name, std::string message);

  // A [spelling] problem at the setting's entry; a words file line; else the rule itself.
  void spelling_error(std::string_view key, std::size_t index, CF problem, std::string message,
                      std::string help);

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

/// Loads the embedded pack, then --rules-dir, then `file` (with what it extends), and builds
/// every rule.
std::shared_ptr<Config> load(const std::optional<fs::path>& file,
                             const std::optional<fs::path>& rules_dir, ConfigTrust trust);

}  // namespace prfaq::config_loader
