// Rule files (the embedded pack, rule_dirs, --rules-dir) and building every rule from its
// file and the configuration's [rules.X] overrides.
#include "config/loader.hpp"

#include <algorithm>
#include <atomic>
#include <thread>

#include "io/io.hpp"
#include "text/text.hpp"

namespace prfaq::config_loader {

// The kinds that were one kind with a `check` parameter before 1.1, and the kind each check
// became ("" when `kind` is not one of them).
std::string Loader::split_kind(std::string_view kind, std::string_view check) {
  static const std::map<std::pair<std::string_view, std::string_view>, std::string_view> k_split = {
      {{"template", "missing"}, "missing-part"},
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
  if (it != k_split.end()) return "use kind = \"" + std::string(it->second) + "\" and drop 'check'";
  // A misspelt check ("missing-custmer") still names its kind.
  std::vector<std::string> checks;
  for (auto& [k, v] : k_split)
    if (k.first == kind) checks.emplace_back(k.second);
  std::string near = did_you_mean(check, checks);
  if (!near.empty())
    return fmt::format(
        "'{}' is not a check (did you mean '{}'?); use kind = \"{}\" and drop 'check'", check, near,
        k_split.at({kind, near}));
  std::string all;
  for (auto& [k, v] : k_split)
    if (k.first == kind) all += (all.empty() ? "" : ", ") + std::string(v);
  return "use one of the kinds " + all + " and drop 'check'";
}

void Loader::load_rule_file(const std::string& path, std::string text) {
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
  if (const toml::node* n = t->get("severity_in")) read_severity_in(*n, r.spec);
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

void Loader::read_severity_in(const toml::node& node, RuleSpec& spec) {
  const toml::table* t = node.as_table();
  if (!t) {
    add_error(node, CF::wrong_type,
              "'severity_in' must be a table of profile or stage = severity "
              "({ draft = \"info\", devtool = \"off\" })");
    return;
  }
  std::vector<std::string> contexts;
  for (std::string_view p : k_profiles) contexts.emplace_back(p);
  for (std::string_view s : k_stages) contexts.emplace_back(s);
  for (auto&& [k, v] : *t) {
    if (std::find(contexts.begin(), contexts.end(), k.str()) == contexts.end()) {
      add_key_error(k, v, CF::unknown_key,
                    fmt::format("'{}' is neither a profile nor a stage", k.str()),
                    hint(k.str(), contexts));
      continue;
    }
    auto s = v.value_exact<std::string>();
    auto sev = s ? parse_severity(*s) : std::nullopt;
    if (!sev)
      add_error(v, CF::invalid_value,
                "a severity in 'severity_in' must be \"off\", \"info\", \"warning\" or \"error\"");
    else
      spec.severity_in[std::string(k.str())] = *sev;
  }
}

void Loader::load_rule_dir(const fs::path& dir, const toml::node& where) {
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

// Builds every rule: merges overrides, validates parameters, instantiates the kind.
void Loader::finish() {
  for (const toml::table* t : m_template_overrides) override_template(*t);
  m_config.tmpl.prepare();
  apply_overrides();
  build_rules();
  std::sort(m_config.rules.begin(), m_config.rules.end(),
            [](const RuleSpec& a, const RuleSpec& b) { return a.code < b.code; });
}
// [rules.X] of the configurations, merged into the rule files' tables (severity checked here).
void Loader::apply_overrides() {
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
      if (k.str() == "severity_in") {
        read_severity_in(v, it->spec);
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
}

// Every rule's kind instantiated with its merged table: the kinds are built on worker threads
// (compiling their patterns and matchers is most of a run's start-up), each keeping its reports;
// then, in rule order on this thread, each rule's reports are made and the rule is kept, so the
// errors and the rules come out as a sequential build would give them.
void Loader::build_rules() {
  struct Built {
    const RuleKind* kind = nullptr;
    std::unique_ptr<TomlParams> params;
    std::shared_ptr<const Rule> rule;
    std::optional<std::string> failure;  // what the exception a kind threw says
  };
  const RuleKindRegistry& registry = builtin_kinds();
  std::vector<Built> built(m_pending.size());
  for (std::size_t i = 0; i < m_pending.size(); ++i) {
    PendingRule& r = m_pending[i];
    if (!r.table.contains("kind")) continue;  // CF014 says so already
    built[i].kind = registry.find(r.spec.kind);
    if (!built[i].kind) continue;
    built[i].params = std::make_unique<TomlParams>(*this, r.table, r.spec);
  }
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i; (i = next.fetch_add(1)) < built.size();) {
      Built& b = built[i];
      if (!b.kind) continue;
      try {
        b.rule = b.kind->make(*b.params);
      } catch (const std::exception& e) {
        b.failure = e.what();
      }
    }
  };
  unsigned threads = std::min<unsigned>(4, std::max(1u, std::thread::hardware_concurrency()));
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads && t < built.size(); ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();
  for (std::size_t i = 0; i < m_pending.size(); ++i) {
    if (!m_pending[i].table.contains("kind")) continue;
    build_rule(m_pending[i], built[i].kind, built[i].params.get(), std::move(built[i].rule),
               built[i].failure);
  }
}

// One rule after its kind was built: an unknown kind, the kind's reports, an exception, the
// keys it did not read; then the rule is kept.
void Loader::build_rule(PendingRule& r, const RuleKind* kind, TomlParams* params,
                        std::shared_ptr<const Rule> rule,
                        const std::optional<std::string>& failure) {
  if (!kind) {
    const toml::node* kn = r.table.get("kind");
    std::string split = split_kind(r.spec.kind, r.table["check"].value_or(std::string()));
    if (!split.empty())
      add_error(kn ? *kn : static_cast<const toml::node&>(r.table), CF::unknown_kind,
                fmt::format("Rule kind '{}' with a 'check' was split into one kind per check: {}",
                            r.spec.kind, split));
    else
      add_error(kn ? *kn : static_cast<const toml::node&>(r.table), CF::unknown_kind,
                fmt::format("Unknown rule kind '{}'", r.spec.kind),
                hint(r.spec.kind, builtin_kinds().names()));
    return;
  }
  m_current_rule = &r;
  params->replay();
  if (!failure) {
    r.spec.rule = rule;
    r.spec.fixable = rule && rule->fixable();
  } else {
    add_error(r.table, CF::invalid_value, fmt::format("Rule {}: {}", r.spec.code, *failure));
  }
  for (auto&& [k, v] : r.table) {
    std::string key(k.str());
    if (std::find(k_rule_keys.begin(), k_rule_keys.end(), key) != k_rule_keys.end()) continue;
    if (params->used().count(key)) continue;
    std::vector<std::string> known(params->used().begin(), params->used().end());
    for (auto& rk : k_rule_keys) known.push_back(rk);
    const toml::node* at = r.where.count(key) ? r.where[key] : &v;
    add_key_error(r.keys.count(key) ? r.keys.at(key) : k, *at, CF::unknown_key,
                  fmt::format("Unknown parameter '{}' for rule {} (kind '{}')", key, r.spec.code,
                              r.spec.kind),
                  hint(key, known));
  }
  m_config.rules.push_back(std::move(r.spec));
}

void TomlParams::replay() {
  for (auto& f : m_deferred) f();
  m_deferred.clear();
}
void TomlParams::error(std::string_view name, std::string message) {
  report([this, n = std::string(name), m = std::move(message)]() mutable {
    m_loader.param_error(n, std::move(m));
  });
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
  report([this, k = std::string(key), index, problem, m = std::move(message),
          h = std::move(help)]() mutable {
    m_loader.spelling_error(k, index, problem, std::move(m), std::move(h));
  });
}
void TomlParams::wrong_type(std::string_view name, std::string_view expected, const toml::node& n) {
  report([this, nm = std::string(name), e = std::string(expected), node = &n] {
    const toml::node* where = node->source().begin ? node : m_loader.origin(nm);
    m_loader.add_error(where ? *where : *node, CF::wrong_type,
                       fmt::format("'{}' must be {}", nm, e));
  });
}

}  // namespace prfaq::config_loader
