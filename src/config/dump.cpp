// `prfaq config` and `prfaq config --schema`.
#include <fmt/format.h>

#include <toml++/toml.h>

#include <nlohmann/json.hpp>
#include <prfaq/config.hpp>
#include <prfaq/template.hpp>
#include <sstream>

#include "config/toml_edit.hpp"

namespace prfaq {

namespace {
std::string toml_list(const std::vector<std::string>& v) {
  return toml_array(v);
}
}  // namespace

std::string dump_config(const Config& c) {
  std::string out = fmt::format("# Effective configuration{}\n",
                                c.path.empty() ? " (embedded defaults)" : " from " + c.path);
  out += fmt::format("include = {}\nexclude = {}\n", toml_list(c.include), toml_list(c.exclude));
  out += fmt::format(
      "fail_on = \"{}\"\n\n",
      c.fail_on ? (*c.fail_on == Severity::off ? "never" : std::string(to_string(*c.fail_on)))
                : "error");
  out += fmt::format("profile = {}\nstage = {}\n\n", toml_string(c.profile), toml_string(c.stage));
  out += fmt::format("[product]\nnames = {}\n\n", toml_list(c.product_names));
  out += fmt::format(
      "[spelling]\nlanguage = {}\ndictionaries = {}\naccept = {}\nreject = {}\n{}{}\n",
      toml_list(c.spelling.languages), toml_list(c.spelling.dictionaries),
      toml_list(c.spelling.accept), toml_list(c.spelling.reject),
      c.spelling.words_file.empty() ? ""
                                    : "words_file = " + toml_string(c.spelling.words_file) + "\n",
      [&] {
        if (c.spelling.paths.empty()) return std::string();
        std::string t = "paths = {";
        for (std::size_t i = 0; i < c.spelling.paths.size(); ++i)
          t += (i ? ", " : " ") + toml_string(c.spelling.paths[i].first) + " = " +
               toml_string(c.spelling.paths[i].second);
        return t + " }\n";
      }());
  for (const RoleDef& r : c.tmpl.roles)
    out += fmt::format("[template.roles.{}]\nrequirement = \"{}\"\naliases = {}\n\n", r.name,
                       to_string(r.requirement), toml_list(r.aliases));
  for (const RuleSpec& r : c.rules) {
    out += fmt::format("[rules.{}]  # {} ({}), from {}\nseverity = \"{}\"\n", r.code, r.name,
                       r.kind, r.origin, to_string(r.severity));
    if (!r.severity_in.empty()) {
      std::string t;
      for (const auto& [context, severity] : r.severity_in)
        t += (t.empty() ? "" : ", ") + context + " = " + toml_string(to_string(severity));
      out += "severity_in = { " + t + " }\n";
    }
    for (const ParamDoc& p : r.params) {
      std::string v = r.param_values.count(p.name) ? r.param_values.at(p.name) : p.default_value;
      out += fmt::format("{} = {}\n", p.name, v);
    }
    out += "\n";
  }
  return out;
}

namespace {

using nlohmann::json;

// What prfaq accepts for a list of strings: a list, or one string for a list of one.
json string_or_strings(std::string description = {}) {
  json j = {
      {"oneOf", {{{"type", "string"}}, {{"type", "array"}, {"items", {{"type", "string"}}}}}}};
  if (!description.empty()) j["description"] = std::move(description);
  return j;
}

// A rule parameter's value as the loader reads it (TomlParams): its type, its default (parsed
// from the TOML prfaq prints for it) and its description.
json param_schema(const ParamDoc& p) {
  json j;
  if (p.type == "integer" || p.type == "number" || p.type == "boolean" || p.type == "string")
    j = {{"type", p.type}};
  else if (p.type == "array")
    j = string_or_strings();
  else if (p.type == "table")
    j = {{"type", "object"}, {"additionalProperties", {{"type", "string"}}}};
  j["description"] = p.description;
  try {
    toml::table t = toml::parse("v = " + p.default_value);
    std::ostringstream out;
    out << toml::json_formatter{t};
    j["default"] = json::parse(out.str())["v"];
  } catch (const std::exception&) {
    // a default prfaq cannot print as TOML is left out, never guessed
  }
  return j;
}

const json k_severity = {{"enum", {"off", "info", "warning", "error"}}};

// [rules.CODE] of one rule: its severity, its texts and each parameter its kind reads; nothing
// else (prfaq reports any other key, CF002).
json rule_schema(const RuleSpec& r) {
  json severity = k_severity;
  severity["default"] = std::string(to_string(r.default_severity));
  json contexts = json::object();
  for (std::string_view c : k_profiles) contexts[std::string(c)] = k_severity;
  for (std::string_view c : k_stages) contexts[std::string(c)] = k_severity;
  json props = {
      {"severity", severity},
      {"severity_in",
       {{"type", "object"},
        {"description", "the severity in a profile or a stage (profile first, then stage)"},
        {"additionalProperties", false},
        {"properties", contexts}}},
      {"message", {{"type", "string"}, {"description", "the finding's message template"}}},
      {"help", {{"type", "string"}, {"description", "the help line under a finding"}}},
      {"summary", {{"type", "string"}}},
      {"why", {{"type", "string"}}}};
  for (const ParamDoc& p : r.params) props[p.name] = param_schema(p);
  std::string summary = r.summary.empty() ? r.name : r.summary;
  return {{"type", "object"},
          {"title", r.code + " " + r.name},
          {"description", fmt::format("{} ({} kind; {} by default)", summary, r.kind,
                                      to_string(r.default_severity))},
          {"additionalProperties", false},
          {"properties", props}};
}

// [template]: the roles and parts of this configuration's template, and the reader's word lists.
json template_schema(const Config& c) {
  json strings = {{"type", "array"}, {"items", {{"type", "string"}}}};
  json roles = json::object(), parts = json::object(), vocabulary = json::object();
  for (const RoleDef& r : c.tmpl.roles)
    roles[r.name] = {{"type", "object"},
                     {"additionalProperties", false},
                     {"properties",
                      {{"aliases", strings},
                       {"related", strings},
                       {"requirement", {{"enum", {"required", "recommended", "optional"}}}},
                       {"title", {{"type", "string"}}},
                       {"skeleton", {{"type", "string"}}}}}};
  for (const auto& p : c.tmpl.parts)
    parts[p.name] = {{"type", "object"},
                     {"additionalProperties", false},
                     {"properties", {{"aliases", strings}}}};
  for (std::string_view list : vocabulary_lists()) vocabulary[std::string(list)] = strings;
  auto group = [](json props, std::string description) {
    return json{{"type", "object"},
                {"description", std::move(description)},
                {"additionalProperties", false},
                {"properties", std::move(props)}};
  };
  return group({{"roles", group(roles, "the template's roles: their aliases and settings")},
                {"parts", group(parts, "the template's parts: their aliases")},
                {"vocabulary", group(vocabulary, "more words for the reader's lists")}},
               "the Working Backwards template prfaq maps documents onto");
}

}  // namespace

std::string config_schema_json(const Config& c) {
  // Every rule of the configuration, by code and by name: the same definition under both.
  json rules = json::object(), defs = json::object();
  for (const RuleSpec& r : c.rules) {
    defs[r.code] = rule_schema(r);
    json ref = {{"$ref", "#/definitions/" + r.code}};
    rules[r.code] = ref;
    if (!r.name.empty() && r.name != r.code) rules[r.name] = ref;
  }
  json schema = {
      {"$schema", "http://json-schema.org/draft-07/schema#"},
      {"$id", "https://prfaq.dev/schema/prfaq-config.json"},
      {"title", ".prfaq.toml"},
      {"description", "Configuration of prfaq, the PR/FAQ linter (TOML, shown here as JSON)."},
      {"type", "object"},
      {"additionalProperties", false},
      {"definitions", defs},
      {"properties",
       {{"extends",
         string_or_strings("\"default\" (the embedded pack) or paths to other config files")},
        {"include", string_or_strings("globs of the files that are PR/FAQs (and that `prfaq lint` "
                                      "checks with no paths given)")},
        {"exclude", string_or_strings("globs of files never checked")},
        {"rule_dirs", string_or_strings("directories with more rule files (TOML)")},
        {"fail_on", {{"enum", {"error", "warning", "info", "never"}}}},
        {"profile",
         {{"enum", std::vector<std::string>(std::begin(k_profiles), std::end(k_profiles))},
          {"description",
           "what kind of PR/FAQ (front matter 'profile:' overrides it per document)"},
          {"default", "amazon"}}},
        {"stage",
         {{"enum", std::vector<std::string>(std::begin(k_stages), std::end(k_stages))},
          {"description", "how far along the documents are (front matter 'stage:' overrides it)"},
          {"default", "review"}}},
        {"product",
         {{"type", "object"},
          {"additionalProperties", false},
          {"properties", {{"names", string_or_strings("the product's names, as written")}}}}},
        {"spelling",
         {{"type", "object"},
          {"additionalProperties", false},
          {"properties",
           {{"language", string_or_strings("dictionary languages (en_US, de_DE, ...)")},
            {"paths",
             {{"type", "object"},
              {"description", "glob (relative to the file) = language of the documents it matches"},
              {"additionalProperties", {{"type", "string"}}}}},
            {"dictionaries", string_or_strings("directories searched for .dic/.aff files")},
            {"accept", string_or_strings("words, or RE2 patterns when they have metacharacters")},
            {"reject", string_or_strings("words or RE2 patterns reported by PF602")},
            {"words_file", {{"type", "string"}}}}}}},
        {"rules",
         {{"type", "object"},
          {"description", "per-rule settings keyed by code (PF201) or name (headline-too-long)"},
          {"additionalProperties", false},
          {"properties", rules}}},
        {"template", template_schema(c)}}}};
  return schema.dump(2) + "\n";
}

}  // namespace prfaq
