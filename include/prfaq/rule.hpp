#pragma once
/// Rules, rule kinds and their parameters.
///
/// How to write a kind (see src/kinds/ for real ones):
///
///   class Shout final : public Rule {
///    public:
///     explicit Shout(ParamReader& p) : m_max(p.get_int("max", 3, "exclamation marks allowed")) {}
///     void check(const Document& doc, FindingSink& out) const override {
///       for (const Prose& prose : doc.prose) ... out.report({.span = ..., .args = {{"count",
///       "4"}}});
///     }
///    private:
///     std::int64_t m_max;
///   };
///   std::unique_ptr<Rule> make_shout(ParamReader& p) { return std::make_unique<Shout>(p); }
///
///   // declared in src/kinds/kinds.hpp, registered in src/kinds/builtin.cpp:
///   r.add({"shout", "Too many exclamation marks", kinds::make_shout});
///   // and the new .cpp listed in src/CMakeLists.txt.
///
/// A kind reports *Findings* (where, named values for the message, an optional fix); the
/// engine turns them into Diagnostics with the code, name, severity and message of the rule.
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <prfaq/config_errors.hpp>
#include <prfaq/diagnostic.hpp>
#include <prfaq/document.hpp>

namespace prfaq {

struct Finding {
  Span span;
  std::map<std::string, std::string> args;  ///< values for {placeholders} in message and help
  std::vector<Label> labels;
  std::optional<Fix> fix;
  std::vector<Fix> alternatives;  ///< further unsafe fixes (see Diagnostic::alternatives)
  int demote = 0;  ///< report this many severity levels below the rule's (never below info;
                   ///< negative: above it, never above error)
  /// About something missing or about a whole part (a missing section, too few questions, a
  /// part too long): the span only shows where, it flags no text of its own. --diff-base
  /// calls such a finding new when its fingerprint is new, not by the lines it touches.
  bool absent = false;
};

class FindingSink {
 public:
  virtual ~FindingSink() = default;
  virtual void report(Finding finding) = 0;
};

/// What a rule may apply to (SPEC §5 scopes).
struct Scope {
  enum class Kind { document, press_release, faq, role, element };
  Kind kind = Kind::document;
  std::string role;                          ///< for Kind::role
  BlockKind element = BlockKind::paragraph;  ///< for Kind::element (quote: element == html)
  bool quote = false;                        ///< the `quote` element scope
  bool explicit_scope = false;               ///< set in the rule file (quotes are then not skipped)

  static std::optional<Scope> parse(std::string_view text);
  /// True when a prose block lies in the scope (its start offset decides).
  bool contains(const Document& doc, const Prose& prose) const;
  /// True when the source offset lies in the scope.
  bool contains(const Document& doc, std::uint32_t offset) const;
  std::string to_string() const;
};

/// The [spelling] settings of a configuration (paths already resolved against the file's
/// directory).
struct SpellingConfig {
  std::vector<std::string> languages{"en_US"};
  bool languages_set = false;  ///< `language` was written (else each document's is detected)
  /// [spelling] paths: glob -> language, first match wins; globs are relative to `base_dir`.
  std::vector<std::pair<std::string, std::string>> paths;
  std::string base_dir;
  std::vector<std::string> dictionaries;  ///< extra search directories, before the system ones
  std::vector<std::string> accept;        ///< words, or RE2 patterns (with metacharacters)
  std::vector<std::string> reject;
  std::string words_file;  ///< one accepted word or pattern per line, # comments
};

/// Typed, validated access to a rule's parameters. Every parameter a kind reads is documented
/// by the read itself (name, default, description), which feeds `prfaq explain` and the schema.
/// Unknown keys and wrong types become CF diagnostics with their TOML position.
class ParamReader {
 public:
  virtual ~ParamReader() = default;
  virtual std::int64_t get_int(std::string_view name, std::int64_t def, std::string_view doc) = 0;
  virtual double get_double(std::string_view name, double def, std::string_view doc) = 0;
  virtual bool get_bool(std::string_view name, bool def, std::string_view doc) = 0;
  virtual std::string get_string(std::string_view name, std::string_view def,
                                 std::string_view doc) = 0;
  virtual std::vector<std::string> get_strings(std::string_view name, std::vector<std::string> def,
                                               std::string_view doc) = 0;
  /// An inline table of string -> string, kept in file order.
  virtual std::vector<std::pair<std::string, std::string>> get_string_map(std::string_view name,
                                                                          std::string_view doc) = 0;
  /// Reports a problem with a parameter's value at its position in the TOML file.
  virtual void error(std::string_view name, std::string message) = 0;
  /// Product names from [product] names.
  virtual const std::vector<std::string>& product_names() const = 0;
  /// The template in force.
  virtual const Template& tmpl() const = 0;
  /// The [spelling] settings.
  virtual const SpellingConfig& spelling() const {
    static const SpellingConfig none;
    return none;
  }
  /// True when the rule being built will run (its effective severity is not off).
  virtual bool enabled() const { return true; }
  /// Reports a problem with a [spelling] setting at its position in the configuration:
  /// `key` is "language", "dictionaries", "accept", "reject" or "words_file", `index` the entry
  /// of the list (for "words_file": the 1-based line of the words file, 0 for the setting).
  virtual void spelling_error(std::string_view key, std::size_t index, ConfigProblem problem,
                              std::string message, std::string help) {
    (void)key, (void)index, (void)problem, (void)help;
    error("spelling", std::move(message));
  }
};

class Rule {
 public:
  virtual ~Rule() = default;
  virtual void check(const Document& doc, FindingSink& out) const = 0;
  /// Whether this rule can emit a fix (shown by `rules` and `explain`).
  virtual bool fixable() const { return false; }
};

using RuleFactory = std::function<std::unique_ptr<Rule>(ParamReader&)>;

struct ParamDoc {
  std::string name;
  std::string type;           ///< "integer", "number", "boolean", "string", "array", "table"
  std::string default_value;  ///< as TOML
  std::string description;
};

struct RuleKind {
  std::string name;  ///< "existence"
  std::string summary;
  RuleFactory make;
};

/// The table of kinds. Filled explicitly by register_builtin_kinds(); no static initialisers.
class RuleKindRegistry {
 public:
  void add(RuleKind kind);
  const RuleKind* find(std::string_view name) const;
  std::vector<std::string> names() const;

 private:
  std::vector<RuleKind> m_kinds;
};

void register_builtin_kinds(RuleKindRegistry& registry);
const RuleKindRegistry& builtin_kinds();

}  // namespace prfaq
