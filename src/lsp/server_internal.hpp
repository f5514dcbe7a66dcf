#pragma once
// What the language server's files share (nothing outside src/lsp/ includes this): JSON-RPC
// helpers and errors, and the server's per-document and per-configuration state.
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <limits>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <prfaq/config.hpp>
#include <prfaq/document.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "io/files.hpp"
#include "lsp/positions.hpp"
#include "lsp/server.hpp"

namespace prfaq::lsp {

namespace fs = std::filesystem;
using nlohmann::json;

// JSON-RPC and LSP error codes.
inline constexpr int parse_error = -32700;
inline constexpr int invalid_request = -32600;
inline constexpr int method_not_found = -32601;
inline constexpr int invalid_params = -32602;
inline constexpr int internal_error = -32603;
inline constexpr int server_not_initialized = -32002;
inline constexpr int request_failed = -32803;

inline constexpr const char* add_word_command = "prfaq.addToVocabulary";
inline constexpr const char* fix_all_kind = "source.fixAll.prfaq";

// A request failed in a way the client should hear about, with a JSON-RPC error code.
struct RpcError {
  int code;
  std::string message;
};

inline json error_response(const json& id, int code, std::string_view message) {
  return {{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}};
}

inline json notification(std::string_view method, json params) {
  return {{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}};
}

inline json show_message(int type, std::string_view message) {
  return notification("window/showMessage", {{"type", type}, {"message", message}});
}

inline int lsp_severity(Severity s) {
  switch (s) {
    case Severity::error:
      return 1;
    case Severity::warning:
      return 2;
    default:
      return 3;
  }
}

inline const json& require(const json& j, std::string_view key) {
  if (!j.is_object() || !j.contains(key))
    throw RpcError{invalid_params, fmt::format("missing '{}'", key)};
  return j.at(key);
}

inline std::string require_string(const json& j, std::string_view key) {
  const json& v = require(j, key);
  if (!v.is_string()) throw RpcError{invalid_params, fmt::format("'{}' must be a string", key)};
  return v.get<std::string>();
}

inline std::uint32_t require_uint(const json& j, std::string_view key) {
  const json& v = require(j, key);
  if (!v.is_number_integer() || v.get<std::int64_t>() < 0 ||
      v.get<std::int64_t>() > std::numeric_limits<std::uint32_t>::max())
    throw RpcError{invalid_params, fmt::format("'{}' must be a non-negative integer", key)};
  return static_cast<std::uint32_t>(v.get<std::int64_t>());
}

inline Position require_position(const json& j) {
  return {require_uint(j, "line"), require_uint(j, "character")};
}

inline std::string rule_label(const Diagnostic& d) {
  return d.code + " (" + d.name + ")";
}

// An open document: its text as the client has it, and the last lint of it.
struct Server::OpenDocument {
  std::string uri;
  std::optional<fs::path> path;  ///< for file: URIs
  std::int64_t version = 0;
  std::string text;
  // The last lint (all of it refers to `source`).
  std::shared_ptr<const Config> config;
  std::unique_ptr<SourceFile> source;
  std::unique_ptr<Document> doc;
  std::vector<Diagnostic> diags;
  std::unique_ptr<PositionMap> positions;
  bool excluded = false;  ///< the configuration's include/exclude leave it out
};

// A configuration and the modification times of the files it was read from.
struct Server::CachedConfig {
  std::shared_ptr<const Config> config;
  std::vector<std::pair<fs::path, fs::file_time_type>> stamps;
  std::unique_ptr<io::GlobSet> include, exclude;

  /// Whether the configuration lints this file: `exclude` always applies, `include` when set
  /// (as for a directory walk: an editor opens every Markdown file, not only PR/FAQs).
  bool selects(const fs::path& file, const fs::path& fallback_base) const {
    if (!include) return true;
    fs::path base = config->path.empty() ? fallback_base : fs::absolute(config->path).parent_path();
    std::string rel =
        fs::absolute(file).lexically_normal().lexically_relative(base).generic_string();
    if (exclude->matches(rel)) return false;
    return include->empty() || include->matches(rel);
  }
  /// The configuration's include names the file: it is read as a PR/FAQ.
  bool included(const fs::path& file, const fs::path& fallback_base) const {
    if (!include || include->empty()) return false;
    fs::path base = config->path.empty() ? fallback_base : fs::absolute(config->path).parent_path();
    return include->matches(
        fs::absolute(file).lexically_normal().lexically_relative(base).generic_string());
  }

  static fs::file_time_type stamp(const fs::path& p) {
    std::error_code ec;
    auto t = fs::last_write_time(p, ec);
    return ec ? fs::file_time_type::min() : t;
  }
  bool fresh() const {
    return std::all_of(stamps.begin(), stamps.end(),
                       [](const auto& s) { return stamp(s.first) == s.second; });
  }
};

}  // namespace prfaq::lsp
