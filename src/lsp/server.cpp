// The language server: message dispatch, the lifecycle (initialize, shutdown, exit), the
// stdio loop, and file URIs.
#include "lsp/server.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "lsp/server_internal.hpp"
#include "lsp/transport.hpp"
#include "text/text.hpp"

namespace prfaq::lsp {

namespace {

int hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::optional<fs::path> uri_to_path(std::string_view uri) {
  constexpr std::string_view scheme = "file://";
  if (uri.size() < scheme.size() || !text::iequals(uri.substr(0, scheme.size()), scheme))
    return std::nullopt;
  std::string_view rest = uri.substr(scheme.size());
  // file://localhost/x or file:///x
  if (rest.starts_with("localhost/")) rest.remove_prefix(9);
  if (!rest.starts_with("/")) return std::nullopt;
  std::string out;
  for (std::size_t i = 0; i < rest.size(); ++i) {
    if (rest[i] == '%' && i + 2 < rest.size() && hex(rest[i + 1]) >= 0 && hex(rest[i + 2]) >= 0) {
      out += static_cast<char>(hex(rest[i + 1]) * 16 + hex(rest[i + 2]));
      i += 2;
    } else if (rest[i] == '?' || rest[i] == '#') {
      break;
    } else {
      out += rest[i];
    }
  }
  if (out.find('\0') != std::string::npos) return std::nullopt;
  return fs::path(out);
}

std::string path_to_uri(const fs::path& path) {
  std::string out = "file://";
  for (unsigned char c : path.generic_string()) {
    if (std::isalnum(c) ||
        std::string_view("/-._~").find(static_cast<char>(c)) != std::string::npos)
      out += static_cast<char>(c);
    else
      out += fmt::format("%{:02X}", c);
  }
  return out;
}

Server::Server(ServerOptions options) : m_options(std::move(options)) {}
Server::~Server() = default;

std::vector<json> Server::handle(std::string_view body) {
  std::vector<json> out;
  json msg = json::parse(body, nullptr, false);
  if (msg.is_discarded()) {
    out.push_back(error_response(nullptr, parse_error, "Parse error: the message is not JSON"));
    return out;
  }
  try {
    dispatch(msg, out);
  } catch (const std::exception& e) {
    // Last resort: the server keeps running.
    json id = nullptr;
    if (msg.is_object() && msg.contains("id") &&
        (msg["id"].is_string() || msg["id"].is_number_integer()))
      id = msg["id"];
    if (msg.is_object() && msg.contains("method") && msg.contains("id"))
      out.push_back(
          error_response(id, internal_error, fmt::format("internal error: {}", e.what())));
    else
      out.push_back(notification("window/logMessage",
                                 {{"type", 1}, {"message", fmt::format("prfaq: {}", e.what())}}));
  }
  return out;
}

void Server::dispatch(const json& msg, std::vector<json>& out) {
  if (!msg.is_object() || (msg.contains("jsonrpc") && msg["jsonrpc"] != "2.0")) {
    out.push_back(
        error_response(nullptr, invalid_request, "Invalid request: not a JSON-RPC 2.0 object"));
    return;
  }
  bool has_id = msg.contains("id");
  // Nothing the client sent is copied whole (a copy of deeply nested JSON recurses): the id is
  // copied once its type is known to be flat, params are read through a reference.
  if (has_id && !msg["id"].is_string() && !msg["id"].is_number_integer() && !msg["id"].is_null()) {
    out.push_back(error_response(nullptr, invalid_request, "Invalid request: bad id"));
    return;
  }
  json id = has_id ? msg["id"] : json(nullptr);
  if (!msg.contains("method")) {
    if (has_id && (msg.contains("result") || msg.contains("error"))) return;  // a response to us
    out.push_back(error_response(id, invalid_request, "Invalid request: no method"));
    return;
  }
  if (!msg["method"].is_string()) {
    out.push_back(error_response(id, invalid_request, "Invalid request: method must be a string"));
    return;
  }
  std::string method = msg["method"].get<std::string>();
  static const json no_params = json::object();
  const json& params = msg.contains("params") ? msg["params"] : no_params;
  if (!has_id) {
    try {
      on_notification(method, params, out);
    } catch (const RpcError& e) {
      out.push_back(
          notification("window/logMessage",
                       {{"type", 1}, {"message", fmt::format("{}: {}", method, e.message)}}));
    } catch (const json::exception& e) {
      out.push_back(
          notification("window/logMessage",
                       {{"type", 1}, {"message", fmt::format("{}: {}", method, e.what())}}));
    }
    return;
  }
  try {
    json result = on_request(method, params, out);
    out.push_back({{"jsonrpc", "2.0"}, {"id", id}, {"result", result}});
  } catch (const RpcError& e) {
    out.push_back(error_response(id, e.code, e.message));
  } catch (const json::exception& e) {
    out.push_back(error_response(id, invalid_params, fmt::format("Invalid params: {}", e.what())));
  }
}

json Server::on_request(const std::string& method, const json& params, std::vector<json>& out) {
  if (method == "initialize") {
    if (m_initialized) throw RpcError{invalid_request, "initialize was already called"};
    return initialize(params);
  }
  if (!m_initialized) throw RpcError{server_not_initialized, "the server is not initialized"};
  if (m_shutdown) throw RpcError{invalid_request, "the server is shutting down"};
  if (method == "shutdown") {
    m_shutdown = true;
    return nullptr;
  }
  if (method == "textDocument/codeAction") return code_action(params);
  if (method == "textDocument/hover") return hover(params);
  if (method == "textDocument/documentSymbol") return document_symbol(params);
  if (method == "workspace/executeCommand") return execute_command(params, out);
  throw RpcError{method_not_found, fmt::format("Method not found: {}", method)};
}

void Server::on_notification(const std::string& method, const json& params,
                             std::vector<json>& out) {
  if (method == "exit") {
    m_exited = true;
    return;
  }
  if (!m_initialized || m_shutdown) return;  // dropped, as the protocol asks
  if (method == "initialized") {
    if (m_watch_files) {
      json watchers = json::array();
      for (const char* glob : {"**/.prfaq.toml", "**/prfaq.toml", "**/*.toml", "**/.prfaq/**"})
        watchers.push_back({{"globPattern", glob}});
      out.push_back({{"jsonrpc", "2.0"},
                     {"id", fmt::format("prfaq-{}", m_next_request++)},
                     {"method", "client/registerCapability"},
                     {"params",
                      {{"registrations",
                        {{{"id", "prfaq-config-watch"},
                          {"method", "workspace/didChangeWatchedFiles"},
                          {"registerOptions", {{"watchers", watchers}}}}}}}}});
    }
  } else if (method == "textDocument/didOpen") {
    did_open(params, out);
  } else if (method == "textDocument/didChange") {
    did_change(params, out);
  } else if (method == "textDocument/didClose") {
    did_close(params, out);
  } else if (method == "workspace/didChangeWorkspaceFolders") {
    // Roots decide where an untitled document's configuration and a new .prfaq.toml go.
    const json& event = require(params, "event");
    auto uris = [&](std::string_view key) {
      std::vector<fs::path> paths;
      if (auto it = event.find(key); it != event.end() && it->is_array())
        for (const json& f : *it)
          if (f.is_object() && f.contains("uri") && f["uri"].is_string())
            if (auto p = uri_to_path(f["uri"].get<std::string>())) paths.push_back(*p);
      return paths;
    };
    for (const fs::path& p : uris("removed")) std::erase(m_roots, p);
    for (const fs::path& p : uris("added"))
      if (std::find(m_roots.begin(), m_roots.end(), p) == m_roots.end()) m_roots.push_back(p);
    relint_all(out);
  } else if (method == "textDocument/didSave" || method == "workspace/didChangeWatchedFiles" ||
             method == "workspace/didChangeConfiguration") {
    // A configuration, rule file or words file may have changed: read them again.
    if (method != "textDocument/didSave") m_configs.clear();
    relint_all(out);
  }
  // Other notifications ($/cancelRequest, $/setTrace, ...) need nothing.
}

json Server::initialize(const json& params) {
  if (!params.is_object()) throw RpcError{invalid_params, "initialize needs an object"};
  // Position encoding: UTF-8 when the client offers it (no conversion), else UTF-16.
  m_encoding = Encoding::utf16;
  if (auto caps = params.find("capabilities"); caps != params.end() && caps->is_object()) {
    const json* encodings = nullptr;
    if (auto g = caps->find("general"); g != caps->end() && g->is_object())
      if (auto e = g->find("positionEncodings"); e != g->end() && e->is_array()) encodings = &*e;
    if (encodings) {
      for (const json& e : *encodings)
        if (e == "utf-8") m_encoding = Encoding::utf8;
      if (m_encoding != Encoding::utf8)
        for (const json& e : *encodings)
          if (e == "utf-32") m_encoding = Encoding::utf32;
    }
    if (auto w = caps->find("workspace"); w != caps->end() && w->is_object())
      if (auto d = w->find("didChangeWatchedFiles"); d != w->end() && d->is_object())
        if (auto r = d->find("dynamicRegistration"); r != d->end() && r->is_boolean())
          m_watch_files = r->get<bool>();
  }
  if (auto f = params.find("workspaceFolders"); f != params.end() && f->is_array()) {
    for (const json& folder : *f)
      if (folder.is_object() && folder.contains("uri") && folder["uri"].is_string())
        if (auto p = uri_to_path(folder["uri"].get<std::string>())) m_roots.push_back(*p);
  }
  if (m_roots.empty())
    if (auto r = params.find("rootUri"); r != params.end() && r->is_string())
      if (auto p = uri_to_path(r->get<std::string>())) m_roots.push_back(*p);
  m_initialized = true;
  std::string encoding = m_encoding == Encoding::utf8    ? "utf-8"
                         : m_encoding == Encoding::utf32 ? "utf-32"
                                                         : "utf-16";
  return {{"capabilities",
           {{"positionEncoding", encoding},
            {"textDocumentSync",
             {{"openClose", true}, {"change", 2}, {"save", {{"includeText", false}}}}},
            {"codeActionProvider",
             {{"codeActionKinds", {"quickfix", fix_all_kind}}, {"resolveProvider", false}}},
            {"hoverProvider", true},
            {"documentSymbolProvider", true},
            {"executeCommandProvider", {{"commands", {add_word_command}}}},
            {"workspace",
             {{"workspaceFolders", {{"supported", true}, {"changeNotifications", true}}}}}}},
          {"serverInfo", {{"name", "prfaq"}, {"version", PRFAQ_VERSION}}}};
}

int Server::run(std::istream& in, std::ostream& out, std::ostream& log) {
  for (;;) {
    ReadResult r = read_message(in);
    if (r.status == ReadResult::Status::eof) break;
    if (r.status != ReadResult::Status::message) {
      log << "prfaq lsp: " << r.error << "\n";
      write_message(out, error_response(nullptr,
                                        r.status == ReadResult::Status::too_large ? invalid_request
                                                                                  : parse_error,
                                        r.error)
                             .dump());
      continue;
    }
    for (const json& m : handle(r.body))
      write_message(out, m.dump(-1, ' ', false, json::error_handler_t::replace));
    if (m_exited) return exit_code();
    if (!out) {
      log << "prfaq lsp: cannot write to the client; stopping\n";
      return 1;
    }
  }
  // The client went away without `exit`.
  return m_shutdown ? 0 : 1;
}

}  // namespace prfaq::lsp
