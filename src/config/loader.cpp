// The Loader's common parts: error reporting at TOML positions, parsing, what a confined
// configuration may name, and the whole load.
#include "config/loader.hpp"

#include <algorithm>

#include <prfaq/embedded.hpp>

#include "config/toml_edit.hpp"
#include "io/io.hpp"
#include "text/text.hpp"

namespace prfaq::config_loader {

std::string toml_inline(const toml::node& node) {
  if (const toml::table* t = node.as_table()) {
    std::string out = "{";
    bool first = true;
    for (auto&& [k, v] : *t) {
      out += (first ? " " : ", ") + toml_key(k.str()) + " = " + toml_inline(v);
      first = false;
    }
    return out + (first ? "}" : " }");
  }
  if (const toml::array* a = node.as_array()) {
    std::string out = "[";
    for (std::size_t i = 0; i < a->size(); ++i) out += (i ? ", " : "") + toml_inline(*a->get(i));
    return out + "]";
  }
  if (auto s = node.value_exact<std::string>()) return toml_string(*s);
  std::ostringstream value;
  node.visit([&](auto&& v) { value << v; });
  return value.str();
}

const std::vector<std::string> k_top_keys = {"extends",  "include", "exclude",  "rule_dirs",
                                             "fail_on",  "product", "spelling", "rules",
                                             "template", "profile", "stage"};
const std::vector<std::string> k_rule_keys = {"code",     "name",  "kind",       "severity",
                                              "message",  "help",  "summary",    "why",
                                              "examples", "scope", "severity_in"};

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

std::shared_ptr<const SourceFile> Loader::source(const std::string& path) {
  auto it = m_sources.find(path);
  if (it != m_sources.end()) return it->second;
  return nullptr;
}

void Loader::add_error(const std::string& path, const toml::source_region& where, CF problem,
                       std::string message, std::string help) {
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

void Loader::add_error(const toml::node& node, CF problem, std::string message, std::string help) {
  const auto& src = node.source();
  add_error(src.path ? *src.path : m_current, src, problem, std::move(message), std::move(help));
}

/// An error about a key (unknown, not overridable): at the key itself when toml++ kept
/// its position, else at its value.
void Loader::add_key_error(const toml::key& key, const toml::node& value, CF problem,
                           std::string message, std::string help) {
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

std::uint32_t Loader::to_offset(const SourceFile& file, toml::source_position pos) {
  if (!pos) return 0;
  return toml_offset(file.text, file.lines, pos.line, pos.column);
}

std::optional<toml::table> Loader::parse(const std::string& path, std::string text) {
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

/// A path a configuration names (`what`: "extends", "rule_dirs", ...), resolved against its
/// directory; nullopt (and a CF011 error at `where`) when a confined configuration may not
/// read it.
std::optional<fs::path> Loader::allowed_path(const std::string& value, const fs::path& dir,
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

std::string Loader::hint(std::string_view name, const std::vector<std::string>& candidates) {
  std::string m = did_you_mean(name, candidates);
  return m.empty() ? std::string() : fmt::format("did you mean '{}'?", m);
}

const toml::node* Loader::origin(std::string_view name) const {
  if (!m_current_rule) return nullptr;
  auto it = m_current_rule->where.find(std::string(name));
  return it == m_current_rule->where.end() ? nullptr : it->second;
}

void Loader::param_error(std::string_view name, std::string message) {
  const toml::node* n = origin(name);
  CF problem = message.starts_with("invalid pattern") ? CF::invalid_pattern : CF::invalid_value;
  if (n)
    add_error(*n, problem, std::move(message));
  else if (m_current_rule)
    add_error(m_current_rule->table, problem, std::move(message));
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

}  // namespace prfaq::config_loader
