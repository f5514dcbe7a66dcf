#pragma once
/// Configuration: the embedded pack, .prfaq.toml layering, rule files and their validation.
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <prfaq/diagnostic.hpp>
#include <prfaq/rule.hpp>
#include <prfaq/source.hpp>
#include <prfaq/template.hpp>

namespace prfaq {

struct RuleExample {
  std::string good;
  std::string bad;
};

/// One rule: a TOML file naming a kind, its parameters, code, severity and docs.
struct RuleSpec {
  std::string code;
  std::string name;
  std::string kind;
  Severity severity = Severity::warning;  ///< after overrides
  Severity default_severity = Severity::warning;
  std::string message;
  std::string help;
  std::string summary;
  std::string why;
  std::string origin;  ///< "embedded:PF101-missing-section.toml" or a path
  std::vector<RuleExample> examples;
  std::vector<ParamDoc> params;                     ///< what the kind read, with defaults
  std::map<std::string, std::string> param_values;  ///< effective values, as TOML
  std::shared_ptr<const Rule> rule;                 ///< built once per configuration
  bool fixable = false;
  /// `severity_in`: the severity in a profile or a stage ("devtool" = off, "draft" = info); the
  /// profile's first, then the stage's (see effective_severity).
  std::map<std::string, Severity> severity_in;
};

/// The profiles and the stages a document can be written for (`profile`, `stage` in the
/// configuration or the document's front matter).
inline constexpr std::string_view k_profiles[] = {"amazon", "devtool", "internal"};
inline constexpr std::string_view k_stages[] = {"draft", "review", "final"};

/// A rule's severity for a document of `profile` at `stage`.
Severity effective_severity(const RuleSpec& rule, std::string_view profile, std::string_view stage);

/// A problem in a configuration or rule file (reported as CF0xx, exit 2).
struct ConfigError {
  std::shared_ptr<const SourceFile> file;  ///< the TOML file (text may be empty)
  Diagnostic diag;                         ///< code CF0xx, span in `file`
};

/// The effective configuration for a set of files.
struct Config {
  std::string path;  ///< the .prfaq.toml in force, "" when embedded only
  std::vector<std::string> include;
  std::vector<std::string> exclude;
  std::optional<Severity> fail_on;
  std::string profile = "amazon";  ///< what kind of PR/FAQ: amazon, devtool, internal
  std::string stage = "review";    ///< how far along: draft, review, final
  std::vector<std::string> product_names;
  SpellingConfig spelling;
  Template tmpl;
  std::vector<RuleSpec> rules;      ///< sorted by code
  std::vector<ConfigError> errors;  ///< non-empty means unusable: exit 2
  std::vector<std::string> inputs;  ///< files and rule directories read (the LSP's reload check)

  const RuleSpec* find_rule(std::string_view code_or_name) const;
  bool ok() const { return errors.empty(); }
};

/// Bounds on what a configuration may make prfaq read.
inline constexpr std::size_t max_config_bytes = std::size_t{1}
                                                << 20;  ///< a .prfaq.toml, a rule file
inline constexpr std::size_t max_words_file_bytes = std::size_t{4}
                                                    << 20;  ///< [spelling] words_file
inline constexpr std::size_t max_extends_depth = 16;  ///< configurations in one `extends` chain
inline constexpr std::size_t max_toml_nesting = 64;   ///< dotted key parts, nested arrays/tables

/// What a configuration may name besides itself (extends, rule_dirs, words_file, dictionaries).
enum class ConfigTrust {
  /// Found by walking up from a document: only files inside its repository (the nearest
  /// directory above it holding .git), else inside the directory it was found in; no absolute
  /// paths, no `..` (or symbolic links) out of it.
  confined,
  /// Named with --config, or allowed with --trust-config: any path.
  trusted,
};

/// Finds the config for a file by walking up (.prfaq.toml, then prfaq.toml).
std::optional<std::filesystem::path> discover_config(const std::filesystem::path& start);

/// Loads the embedded pack, the rule files of `rules_dir` (--rules-dir) when given, then
/// `file` (with its extends and rule_dirs) when given.
std::shared_ptr<const Config> load_config(
    const std::optional<std::filesystem::path>& file,
    const std::optional<std::filesystem::path>& rules_dir = std::nullopt,
    ConfigTrust trust = ConfigTrust::confined);

/// The JSON Schema of .prfaq.toml.
std::string config_schema_json(const Config& config);

/// The effective configuration as commented TOML (for `prfaq config`).
std::string dump_config(const Config& config);

/// Nearest name by edit distance, for did-you-mean ("" when nothing is close).
std::string did_you_mean(std::string_view name, const std::vector<std::string>& candidates);

}  // namespace prfaq
