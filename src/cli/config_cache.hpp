#pragma once
// One configuration per .prfaq.toml, loaded once and shared by every file under it.
#include <filesystem>
#include <map>
#include <memory>

#include <prfaq/config.hpp>

#include "cli/commands.hpp"
#include "io/files.hpp"

namespace prfaq::cli {

class ConfigCache {
 public:
  explicit ConfigCache(const LintOptions& o) : m_o(o) {}

  std::shared_ptr<const Config> for_file(const std::filesystem::path& file) {
    std::optional<std::filesystem::path> path;
    if (m_o.config)
      path = std::filesystem::path(*m_o.config);
    else if (!m_o.no_config)
      path = discover_config(file);
    return load(path);
  }

  /// The configuration of the current directory (for --select validation and fail_on).
  std::shared_ptr<const Config> default_config() {
    return for_file(std::filesystem::current_path() / "x.md");
  }

  /// Include/exclude for a file found by walking a directory.
  bool selected(const Config& config, const std::filesystem::path& file, bool from_include);
  /// The configuration's `exclude` matches the path (a file or a directory).
  bool excluded(const Config& config, const std::filesystem::path& path);
  /// The configuration has an `include` and it matches the file: the file is a PR/FAQ.
  bool included(const Config& config, const std::filesystem::path& file);

  std::vector<std::shared_ptr<const Config>> all() const {
    std::vector<std::shared_ptr<const Config>> out;
    for (auto& [k, v] : m_cache) out.push_back(v);
    return out;
  }

 private:
  std::shared_ptr<const Config> load(const std::optional<std::filesystem::path>& path);
  std::pair<std::unique_ptr<io::GlobSet>, std::unique_ptr<io::GlobSet>>& globs(
      const Config& config);
  static std::string relative(const Config& config, const std::filesystem::path& file);
  const LintOptions& m_o;
  std::map<std::string, std::shared_ptr<const Config>> m_cache;
  std::map<const Config*, std::pair<std::unique_ptr<io::GlobSet>, std::unique_ptr<io::GlobSet>>>
      m_globs;
};

}  // namespace prfaq::cli
