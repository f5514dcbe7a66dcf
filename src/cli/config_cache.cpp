#include "cli/config_cache.hpp"

namespace fs = std::filesystem;

namespace prfaq::cli {

std::shared_ptr<const Config> ConfigCache::load(const std::optional<fs::path>& path) {
  std::string key = path ? fs::absolute(*path).lexically_normal().string() : std::string();
  auto it = m_cache.find(key);
  if (it != m_cache.end()) return it->second;
  std::optional<fs::path> rules_dir;
  if (m_o.rules_dir) rules_dir = fs::path(*m_o.rules_dir);
  // A configuration named with --config may read anything; one found by walking up only
  // inside its repository (unless --trust-config).
  ConfigTrust trust = m_o.config || m_o.trust_config ? ConfigTrust::trusted : ConfigTrust::confined;
  std::shared_ptr<const Config> cfg = load_config(path, rules_dir, trust);
  m_cache[key] = cfg;
  return cfg;
}

std::pair<std::unique_ptr<io::GlobSet>, std::unique_ptr<io::GlobSet>>& ConfigCache::globs(
    const Config& config) {
  auto& g = m_globs[&config];
  if (!g.first) {
    g.first = std::make_unique<io::GlobSet>(config.include);
    g.second = std::make_unique<io::GlobSet>(config.exclude);
  }
  return g;
}

std::string ConfigCache::relative(const Config& config, const fs::path& file) {
  fs::path base =
      config.path.empty() ? fs::current_path() : fs::absolute(config.path).parent_path();
  return fs::absolute(file).lexically_normal().lexically_relative(base).generic_string();
}

bool ConfigCache::selected(const Config& config, const fs::path& file, bool from_include) {
  auto& g = globs(config);
  std::string rel = relative(config, file);
  if (g.second->matches(rel)) return false;
  if (from_include && !g.first->empty()) return g.first->matches(rel);
  return true;
}

bool ConfigCache::excluded(const Config& config, const fs::path& path) {
  return globs(config).second->matches(relative(config, path));
}

bool ConfigCache::included(const Config& config, const fs::path& file) {
  auto& g = globs(config);
  return !g.first->empty() && g.first->matches(relative(config, file));
}

}  // namespace prfaq::cli
