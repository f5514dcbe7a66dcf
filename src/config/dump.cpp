// `prfaq config` and `prfaq config --schema`.
#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <prfaq/config.hpp>

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
    for (const ParamDoc& p : r.params) {
      std::string v = r.param_values.count(p.name) ? r.param_values.at(p.name) : p.default_value;
      out += fmt::format("{} = {}\n", p.name, v);
    }
    out += "\n";
  }
  return out;
}

std::string config_schema_json() {
  using nlohmann::json;
  json strings = {{"type", "array"}, {"items", {{"type", "string"}}}};
  json string_or_strings = {{"oneOf", {{{"type", "string"}}, strings}}};
  json severity = {{"enum", {"off", "info", "warning", "error"}}};
  json schema = {
      {"$schema", "https://json-schema.org/draft/2020-12/schema"},
      {"$id", "https://prfaq.dev/schema/prfaq-config.json"},
      {"title", ".prfaq.toml"},
      {"description", "Configuration of prfaq, the PR/FAQ linter (TOML, shown here as JSON)."},
      {"type", "object"},
      {"additionalProperties", false},
      {"properties",
       {{"extends",
         {{"description", "\"default\" (the embedded pack) or paths to other config files"},
          {"oneOf", {{{"type", "string"}}, strings}}}},
        {"include",
         {{"description", "globs of files `prfaq lint` checks with no paths given"},
          {"type", "array"},
          {"items", {{"type", "string"}}}}},
        {"exclude",
         {{"description", "globs of files never checked"},
          {"type", "array"},
          {"items", {{"type", "string"}}}}},
        {"rule_dirs",
         {{"description", "directories with more rule files (TOML)"},
          {"type", "array"},
          {"items", {{"type", "string"}}}}},
        {"fail_on", {{"enum", {"error", "warning", "info", "never"}}}},
        {"product",
         {{"type", "object"},
          {"additionalProperties", false},
          {"properties", {{"names", strings}}}}},
        {"spelling",
         {{"type", "object"},
          {"additionalProperties", false},
          {"properties",
           {{"language", string_or_strings},
            {"paths",
             {{"type", "object"},
              {"description", "glob (relative to the file) = language of the documents it matches"},
              {"additionalProperties", {{"type", "string"}}}}},
            {"dictionaries", strings},
            {"accept", strings},
            {"reject", strings},
            {"words_file", {{"type", "string"}}}}}}},
        {"rules",
         {{"type", "object"},
          {"description", "per-rule settings keyed by code (PF201) or name (headline-too-long)"},
          {"additionalProperties",
           {{"type", "object"},
            {"properties", {{"severity", severity}}},
            {"additionalProperties",
             {{"description", "a parameter of the rule's kind (see `prfaq explain`)"}}}}}}},
        {"template",
         {{"type", "object"},
          {"additionalProperties", false},
          {"properties",
           {{"roles",
             {{"type", "object"},
              {"additionalProperties",
               {{"type", "object"},
                {"additionalProperties", false},
                {"properties",
                 {{"aliases", strings},
                  {"requirement", {{"enum", {"required", "recommended", "optional"}}}},
                  {"title", {{"type", "string"}}},
                  {"skeleton", {{"type", "string"}}}}}}}}},
            {"parts",
             {{"type", "object"},
              {"additionalProperties",
               {{"type", "object"},
                {"additionalProperties", false},
                {"properties", {{"aliases", strings}}}}}}}}}}}}}};
  return schema.dump(2) + "\n";
}

}  // namespace prfaq
