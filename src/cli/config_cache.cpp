#include "cli/config_cache.hpp"

namespace fs = std::filesystem;

namespace prfaq::cli {

std::shared_ptr<const Config> ConfigCache::load(const std::optional<fs::path>& path) {
  std::string key = path ? fs::absolute(*path).lexically_normal().string() : std::string();
  auto it = m_cache.find(key);
  if (it != m_cache.end()) return it->second;
  std::optional<fs::path> rules_dir;
  if (m_o.rules_dir) rules_dir = fs::path(*m_o.rules_dir);
  std::shared_ptr<const Config> cfg = load_config(path, rules_dir);
  m_cache[key] = cfg;
  return cfg;
}

bool ConfigCache::selected(const Config& config, const fs::path& file, bool from_include) {
  auto& globs = m_globs[&config];
  if (!globs.first) {
    globs.first = std::make_unique<GlobSet>(config.include);
    globs.second = std::make_unique<GlobSet>(config.exclude);
  }
  fs::path base =
      config.path.empty() ? fs::current_path() : fs::absolute(config.path).parent_path();
  std::string rel = fs::absolute(file).lexically_normal().lexically_relative(base).generic_string();
  if (globs.second->matches(rel)) return false;
  if (from_include && !globs.first->empty()) return globs.first->matches(rel);
  return true;
}

}  // namespace prfaq::cli
