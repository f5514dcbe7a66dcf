// The template: the embedded rules/template.toml and a configuration's [template] overrides.
#include "config/loader.hpp"

#include <algorithm>

#include <prfaq/template.hpp>

#include "text/text.hpp"

namespace prfaq::config_loader {

void Loader::load_template(const toml::table& t) {
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
void Loader::extend_vocabulary(const toml::table& t) {
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

void Loader::override_template(const toml::table& t) {
  for (auto&& [key, node] : t) {
    if (key.str() == "vocabulary") {
      if (const toml::table* v = node.as_table())
        extend_vocabulary(*v);
      else
        add_error(node, CF::wrong_type, "'template.vocabulary' must be a table");
      continue;
    }
    if (key.str() != "roles" && key.str() != "parts") {
      add_key_error(key, node, CF::unknown_key, fmt::format("Unknown key 'template.{}'", key.str()),
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
      override_template_settings(*bt, role, aliases);
    }
  }
}

// The settings of one [template.roles.X] or [template.parts.X] (`role` null for a part).
void Loader::override_template_settings(const toml::table& bt, RoleDef* role,
                                        std::vector<std::string>* aliases) {
  for (auto&& [k, v] : bt) {
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

}  // namespace prfaq::config_loader
