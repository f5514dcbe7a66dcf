// The public face of the configuration (prfaq/config.hpp): loading, finding, did-you-mean.
#include <prfaq/config.hpp>

#include "config/loader.hpp"
#include "text/text.hpp"

namespace fs = std::filesystem;

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

Severity effective_severity(const RuleSpec& rule, std::string_view profile,
                            std::string_view stage) {
  Severity s = rule.severity;
  if (rule.severity_in.empty()) return s;
  if (auto it = rule.severity_in.find(std::string(profile)); it != rule.severity_in.end())
    s = it->second;
  if (auto it = rule.severity_in.find(std::string(stage)); it != rule.severity_in.end())
    s = it->second;
  return s;
}

const RuleSpec* Config::find_rule(std::string_view key) const {
  for (const RuleSpec& r : rules)
    if (r.code == key || r.name == key || text::iequals(r.code, key)) return &r;
  return nullptr;
}

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
  return config_loader::load(file, rules_dir, trust);
}

}  // namespace prfaq
