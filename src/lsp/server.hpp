#pragma once
// `prfaq lsp`: a Language Server Protocol server over stdio. One thread; every document is
// parsed and linted again on open and on each change, and its diagnostics are published.
#include <filesystem>
#include <istream>
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <prfaq/config.hpp>
#include <prfaq/document.hpp>

#include "lsp/positions.hpp"

namespace prfaq::lsp {

struct ServerOptions {
  std::optional<std::filesystem::path> config;     ///< --config: one file for every document
  bool no_config = false;                          ///< --no-config: embedded rules only
  std::optional<std::filesystem::path> rules_dir;  ///< --rules-dir
  bool trust_config = false;                       ///< --trust-config
};

class Server {
 public:
  explicit Server(ServerOptions options);
  ~Server();

  /// Handles one message body and returns what to send back, in order (responses,
  /// notifications and requests to the client). Never throws.
  std::vector<nlohmann::json> handle(std::string_view body);

  /// True after the `exit` notification.
  bool exited() const { return m_exited; }
  /// 0 when `shutdown` came before `exit`, else 1 (as the LSP specifies).
  int exit_code() const { return m_shutdown ? 0 : 1; }

  /// Reads messages from `in` until `exit` or the end of the stream; logs to `log`.
  int run(std::istream& in, std::ostream& out, std::ostream& log);

 private:
  struct OpenDocument;
  struct CachedConfig;

  void dispatch(const nlohmann::json& msg, std::vector<nlohmann::json>& out);
  nlohmann::json on_request(const std::string& method, const nlohmann::json& params,
                            std::vector<nlohmann::json>& out);
  void on_notification(const std::string& method, const nlohmann::json& params,
                       std::vector<nlohmann::json>& out);

  nlohmann::json initialize(const nlohmann::json& params);
  void did_open(const nlohmann::json& params, std::vector<nlohmann::json>& out);
  void did_change(const nlohmann::json& params, std::vector<nlohmann::json>& out);
  void did_close(const nlohmann::json& params, std::vector<nlohmann::json>& out);
  nlohmann::json code_action(const nlohmann::json& params);
  void quick_fixes(const OpenDocument& doc, std::uint32_t b, std::uint32_t e,
                   nlohmann::json& actions);
  void fix_all(const OpenDocument& doc, nlohmann::json& actions);
  nlohmann::json workspace_edit(const OpenDocument& doc, nlohmann::json edits) const;
  nlohmann::json hover(const nlohmann::json& params);
  nlohmann::json document_symbol(const nlohmann::json& params);
  nlohmann::json execute_command(const nlohmann::json& params, std::vector<nlohmann::json>& out);

  OpenDocument& document(const nlohmann::json& text_document);
  const CachedConfig& config_for(const OpenDocument& doc);
  void lint(OpenDocument& doc);
  void publish(const OpenDocument& doc, std::vector<nlohmann::json>& out);
  void relint_all(std::vector<nlohmann::json>& out);
  nlohmann::json to_lsp(const OpenDocument& doc, const Diagnostic& d) const;
  nlohmann::json range(const OpenDocument& doc, Span span) const;
  nlohmann::json edit(const OpenDocument& doc, const Edit& e) const;

  ServerOptions m_options;
  Encoding m_encoding = Encoding::utf16;
  bool m_initialized = false;
  bool m_shutdown = false;
  bool m_exited = false;
  bool m_watch_files = false;
  int m_next_request = 1;
  std::vector<std::filesystem::path> m_roots;
  std::map<std::string, std::unique_ptr<OpenDocument>> m_docs;
  std::map<std::string, std::unique_ptr<CachedConfig>> m_configs;
  std::vector<std::string> m_config_uris;  ///< config files that have published diagnostics
};

/// file:///a%20b/c.md -> /a b/c.md; nullopt for other schemes.
std::optional<std::filesystem::path> uri_to_path(std::string_view uri);
/// /a b/c.md -> file:///a%20b/c.md
std::string path_to_uri(const std::filesystem::path& path);

}  // namespace prfaq::lsp
