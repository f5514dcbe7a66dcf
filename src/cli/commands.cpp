// outline, rules, explain, config, init.
#include <fmt/format.h>

#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include <prfaq/config_errors.hpp>
#include <prfaq/engine.hpp>
#include <prfaq/template.hpp>

#include "cli/commands.hpp"
#include "cli/config_cache.hpp"
#include "io/io.hpp"
#include "text/text.hpp"

namespace fs = std::filesystem;

namespace prfaq::cli {

bool config_ok(const Config& c) {
  if (c.ok()) return true;
  for (const ConfigError& e : c.errors) {
    Location l = e.file->lines.location(e.diag.span.begin);
    std::cerr << fmt::format("{}:{}:{}: error: {} [{}/{}]{}\n", e.file->path, l.line, l.column,
                             e.diag.message, e.diag.code, e.diag.name,
                             e.diag.help.empty() ? "" : " (" + e.diag.help + ")");
  }
  return false;
}

int run_rules(const std::string& format, const LintOptions& o) {
  ConfigCache cache(o);
  auto config = cache.default_config();
  if (!config_ok(*config)) return 2;
  if (format == "json") {
    nlohmann::json arr = nlohmann::json::array();
    for (const RuleSpec& r : config->rules) {
      nlohmann::json params = nlohmann::json::array();
      for (const ParamDoc& p : r.params)
        params.push_back({{"name", p.name},
                          {"type", p.type},
                          {"default", p.default_value},
                          {"description", p.description},
                          {"value", r.param_values.count(p.name) ? r.param_values.at(p.name)
                                                                 : p.default_value}});
      nlohmann::json examples = nlohmann::json::array();
      for (const RuleExample& e : r.examples)
        examples.push_back({{"good", e.good}, {"bad", e.bad}});
      arr.push_back({{"code", r.code},
                     {"name", r.name},
                     {"kind", r.kind},
                     {"severity", to_string(r.severity)},
                     {"default_severity", to_string(r.default_severity)},
                     {"fixable", r.fixable},
                     {"enabled", r.severity != Severity::off},
                     {"summary", r.summary},
                     {"why", r.why},
                     {"message", r.message},
                     {"help", r.help},
                     {"parameters", params},
                     {"examples", examples}});
    }
    std::cout << arr.dump(2) << "\n";
    return 0;
  }
  if (format == "markdown") {
    // The README's rule table (scripts/update-readme-rules.sh splices it in; a test checks it).
    std::cout << "| code | name | kind | default | fixable | checks |\n|---|---|---|---|---|---|\n";
    for (const RuleSpec& r : config->rules) {
      std::string summary = r.summary;
      for (char& c : summary)
        if (c == '|') c = '/';
      std::cout << fmt::format("| {} | {} | {} | {} | {} | {} |\n", r.code, r.name, r.kind,
                               to_string(r.default_severity), r.fixable ? "yes" : "", summary);
    }
    return 0;
  }
  std::cout << fmt::format("{:<6} {:<28} {:<15} {:<8} {:<8} {}\n", "code", "name", "kind",
                           "severity", "fixable", "enabled");
  for (const RuleSpec& r : config->rules)
    std::cout << fmt::format("{:<6} {:<28} {:<15} {:<8} {:<8} {}\n", r.code, r.name, r.kind,
                             to_string(r.severity), r.fixable ? "yes" : "no",
                             r.severity == Severity::off ? "no" : "yes");
  return 0;
}

int run_explain(const std::string& key, const LintOptions& o) {
  ConfigCache cache(o);
  auto config = cache.default_config();
  if (!config_ok(*config)) return 2;
  const RuleSpec* r = config->find_rule(key);
  if (!r) {
    if (const ConfigErrorCode* cf = find_config_error_code(key)) {
      // A configuration error code: what it means; `prfaq explain CF` lists them all.
      std::cout << fmt::format("{} ({})\n\n{}\n\nA configuration error: prfaq exits with 2.\n",
                               cf->code, cf->name, cf->summary);
      return 0;
    }
    if (text::to_lower(key) == "cf") {
      for (const ConfigErrorCode& c : config_error_codes())
        std::cout << fmt::format("{}  {:<18}  {}\n", c.code, c.name, c.summary);
      return 0;
    }
    std::vector<std::string> names;
    for (const RuleSpec& s : config->rules) names.push_back(s.code), names.push_back(s.name);
    for (const ConfigErrorCode& c : config_error_codes()) names.emplace_back(c.code);
    std::string hint = did_you_mean(key, names);
    std::cerr << fmt::format("prfaq: unknown rule '{}'{}\n", key,
                             hint.empty() ? "" : fmt::format(" (did you mean '{}'?)", hint));
    return 2;
  }
  std::cout << fmt::format("{} ({})\n\n", r->code, r->name);
  std::cout << r->summary << "\n\n";
  std::cout << fmt::format(
      "Kind:      {}\nSeverity:  {} (default {})\nFixable:   {}\nMessage:   {}\n", r->kind,
      to_string(r->severity), to_string(r->default_severity), r->fixable ? "yes" : "no",
      template_outline(r->message));
  if (!r->help.empty()) std::cout << fmt::format("Help:      {}\n", template_outline(r->help));
  // What the <fields> of the message and help stand for.
  std::vector<std::string> fields = template_fields(r->message + "\n" + r->help);
  if (!fields.empty()) {
    std::string names;
    for (std::size_t i = 0; i < fields.size(); ++i) names += (i ? ", <" : "<") + fields[i] + ">";
    std::cout << fmt::format("           {}: filled in for each finding\n", names);
  }
  if (!r->severity_in.empty()) {
    std::string t;
    for (const auto& [context, severity] : r->severity_in)
      t += fmt::format("{}{} in {}", t.empty() ? "" : ", ", to_string(severity), context);
    std::cout << fmt::format("Severity:  {} (profile first, then stage; `severity_in`)\n", t);
  }
  std::cout << fmt::format("Defined in {}\n", r->origin);
  if (!r->why.empty()) std::cout << "\nWhy\n\n" << text::trim(r->why) << "\n";
  if (!r->params.empty()) {
    std::cout << "\nOptions (set in .prfaq.toml under [rules." << r->code << "])\n\n";
    for (const ParamDoc& p : r->params) {
      // Both in the notation `prfaq config` prints, cut alike when long.
      auto shown = [](const std::string& v) { return text::preview(v, 200); };
      std::string value =
          r->param_values.count(p.name) ? r->param_values.at(p.name) : p.default_value;
      std::cout << fmt::format("  {} ({}, default {})\n      {}\n      current: {}\n", p.name,
                               p.type, shown(p.default_value), p.description, shown(value));
    }
  }
  for (std::size_t i = 0; i < r->examples.size(); ++i) {
    const RuleExample& e = r->examples[i];
    std::cout << fmt::format("\nExample {}: flagged\n\n{}\n", i + 1, text::trim(e.bad));
    std::cout << fmt::format("\nExample {}: fine\n\n{}\n", i + 1, text::trim(e.good));
  }
  return 0;
}

int run_config(const std::optional<std::string>& file, bool schema, const LintOptions& o) {
  ConfigCache cache(o);
  auto config = file ? cache.for_file(fs::path(*file)) : cache.default_config();
  if (!config_ok(*config)) return 2;
  if (schema) {
    // The rules, parameters and template of this configuration (rule_dirs included).
    std::cout << config_schema_json(*config);
    return 0;
  }
  std::cout << dump_config(*config);
  return 0;
}

int run_init(const std::string& dir) {
  fs::path d(dir);
  std::error_code ec;
  fs::create_directories(d, ec);
  fs::path doc = d / "prfaq.md", cfg = d / ".prfaq.toml";
  for (const fs::path& p : {doc, cfg}) {
    if (fs::exists(fs::symlink_status(p, ec))) {
      std::cerr << fmt::format("prfaq: {} already exists; init never overwrites\n", p.string());
      return 2;
    }
  }
  static constexpr std::string_view k_doc = R"(# [Product] lets [customer] [benefit]

## [One sentence: who the customer is and what they get]

[CITY] — [Date] — [Company] today announced [product], which lets [customer] [benefit].

## The Problem

[The customer's problem, in the customer's words, with a number.]

## The Solution

[How the product solves the problem, from the customer's point of view.]

"[Why we built it, for whom]," said [Name], [title] at [Company].

## Getting Started

To get started, [action] at [link].

"[What the customer would say, in their words]," said [Name], [role] at [Organisation].

# FAQ

## External FAQ

### [A question a customer would ask]?

[Answer.]

## Internal FAQ

### [What will it cost, and what does it depend on]?

[Answer.]
)";
  static constexpr std::string_view k_cfg =
      R"(# prfaq configuration. `prfaq config` prints the effective settings,
# `prfaq config --schema` the JSON Schema, `prfaq rules` every rule.
extends = ["default"]            # the embedded rule pack

# What `prfaq lint` checks when run without paths, and what it skips.
include = ["**/*.md"]
exclude = []

# More rule files (TOML) of the built-in kinds.
# rule_dirs = [".prfaq/rules"]

# Lowest severity that makes `prfaq lint` exit 1: error | warning | info | never.
fail_on = "error"

[product]
# Product names: accepted by spelling, checked for consistent spelling.
names = []

# [spelling]
# language = "en_US"
# accept = []
# reject = []

# Per-rule settings, by code or by name:
# [rules.PF201]
# severity = "warning"
# max_words = 12
)";
  std::string err;
  io::WriteOptions never_overwrite;
  never_overwrite.no_overwrite = true;
  if (!io::write_file(doc, k_doc, never_overwrite, err)) {
    std::cerr << "prfaq: " << err << "\n";
    return 2;
  }
  if (!io::write_file(cfg, k_cfg, never_overwrite, err)) {
    std::cerr << "prfaq: " << err << "\n";
    return 2;
  }
  std::cout << fmt::format("Wrote {} and {}\n", doc.string(), cfg.string());
  return 0;
}

}  // namespace prfaq::cli
