#include "lsp/server.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <limits>
#include <prfaq/engine.hpp>

#include "io/files.hpp"
#include "io/io.hpp"
#include "lsp/transport.hpp"
#include "lsp/vocabulary.hpp"
#include "text/text.hpp"

namespace fs = std::filesystem;
using nlohmann::json;

namespace prfaq::lsp {

namespace {

// JSON-RPC and LSP error codes.
constexpr int parse_error = -32700;
constexpr int invalid_request = -32600;
constexpr int method_not_found = -32601;
constexpr int invalid_params = -32602;
constexpr int internal_error = -32603;
constexpr int server_not_initialized = -32002;
constexpr int request_failed = -32803;

constexpr const char* add_word_command = "prfaq.addToVocabulary";
constexpr const char* fix_all_kind = "source.fixAll.prfaq";

// A request failed in a way the client should hear about, with a JSON-RPC error code.
struct RpcError {
  int code;
  std::string message;
};

json error_response(const json& id, int code, std::string_view message) {
  return {{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}};
}

json notification(std::string_view method, json params) {
  return {{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}};
}

json show_message(int type, std::string_view message) {
  return notification("window/showMessage", {{"type", type}, {"message", message}});
}

int lsp_severity(Severity s) {
  switch (s) {
    case Severity::error:
      return 1;
    case Severity::warning:
      return 2;
    default:
      return 3;
  }
}

const json& require(const json& j, std::string_view key) {
  if (!j.is_object() || !j.contains(key))
    throw RpcError{invalid_params, fmt::format("missing '{}'", key)};
  return j.at(key);
}

std::string require_string(const json& j, std::string_view key) {
  const json& v = require(j, key);
  if (!v.is_string()) throw RpcError{invalid_params, fmt::format("'{}' must be a string", key)};
  return v.get<std::string>();
}

std::uint32_t require_uint(const json& j, std::string_view key) {
  const json& v = require(j, key);
  if (!v.is_number_integer() || v.get<std::int64_t>() < 0 ||
      v.get<std::int64_t>() > std::numeric_limits<std::uint32_t>::max())
    throw RpcError{invalid_params, fmt::format("'{}' must be a non-negative integer", key)};
  return static_cast<std::uint32_t>(v.get<std::int64_t>());
}

Position require_position(const json& j) {
  return {require_uint(j, "line"), require_uint(j, "character")};
}

int hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string rule_label(const Diagnostic& d) {
  return d.code + " (" + d.name + ")";
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

Server::OpenDocument& Server::document(const json& text_document) {
  std::string uri = require_string(text_document, "uri");
  auto it = m_docs.find(uri);
  if (it == m_docs.end())
    throw RpcError{request_failed, fmt::format("the document {} is not open", uri)};
  return *it->second;
}

void Server::did_open(const json& params, std::vector<json>& out) {
  const json& td = require(params, "textDocument");
  auto doc = std::make_unique<OpenDocument>();
  doc->uri = require_string(td, "uri");
  doc->path = uri_to_path(doc->uri);
  doc->text = require_string(td, "text");
  if (td.contains("version") && td["version"].is_number_integer())
    doc->version = td["version"].get<std::int64_t>();
  OpenDocument& d = *doc;
  m_docs[d.uri] = std::move(doc);
  lint(d);
  publish(d, out);
}

void Server::did_change(const json& params, std::vector<json>& out) {
  OpenDocument& doc = document(require(params, "textDocument"));
  const json& changes = require(params, "contentChanges");
  if (!changes.is_array()) throw RpcError{invalid_params, "contentChanges must be an array"};
  // Validate everything before changing anything: a bad change leaves the text as it was.
  std::string text = doc.text;
  for (const json& c : changes) {
    std::string replacement = require_string(c, "text");
    if (!c.contains("range")) {
      text = std::move(replacement);
      continue;
    }
    const json& r = c["range"];
    PositionMap map(text, m_encoding);
    std::uint32_t b = map.offset(require_position(require(r, "start")));
    std::uint32_t e = map.offset(require_position(require(r, "end")));
    if (e < b) throw RpcError{invalid_params, "a change's range ends before it starts"};
    text.replace(b, e - b, replacement);
  }
  doc.text = std::move(text);
  if (const json& td = params["textDocument"];
      td.contains("version") && td["version"].is_number_integer())
    doc.version = td["version"].get<std::int64_t>();
  lint(doc);
  publish(doc, out);
}

void Server::did_close(const json& params, std::vector<json>& out) {
  std::string uri = require_string(require(params, "textDocument"), "uri");
  if (m_docs.erase(uri))
    out.push_back(notification("textDocument/publishDiagnostics",
                               {{"uri", uri}, {"diagnostics", json::array()}}));
}

const Server::CachedConfig& Server::config_for(const OpenDocument& doc) {
  std::optional<fs::path> file;
  if (m_options.config) {
    file = m_options.config;
  } else if (!m_options.no_config) {
    std::error_code ec;
    fs::path start = doc.path           ? *doc.path
                     : !m_roots.empty() ? m_roots.front() / "untitled.md"
                                        : fs::current_path(ec) / "untitled.md";
    file = discover_config(start);
  }
  std::string key = file ? fs::absolute(*file).lexically_normal().string() : std::string();
  auto it = m_configs.find(key);
  if (it != m_configs.end() && it->second->fresh()) return *it->second;
  auto cached = std::make_unique<CachedConfig>();
  cached->config = load_config(
      file, m_options.rules_dir,
      m_options.config || m_options.trust_config ? ConfigTrust::trusted : ConfigTrust::confined);
  // Every file and rule directory it was read from: an edit to any of them (extends, rule
  // files, the words file) shows in its modification time.
  if (file) cached->stamps.emplace_back(*file, CachedConfig::stamp(*file));
  for (const std::string& input : cached->config->inputs)
    cached->stamps.emplace_back(input, CachedConfig::stamp(input));
  if (!cached->config->spelling.words_file.empty()) {
    fs::path w = cached->config->spelling.words_file;
    cached->stamps.emplace_back(w, CachedConfig::stamp(w));
  }
  if (cached->config->ok()) {
    cached->include = std::make_unique<io::GlobSet>(cached->config->include);
    cached->exclude = std::make_unique<io::GlobSet>(cached->config->exclude);
  }
  CachedConfig& ref = *cached;
  m_configs[key] = std::move(cached);
  return ref;
}

void Server::lint(OpenDocument& doc) {
  // The text and its positions first: every handler can rely on them whatever fails below.
  std::string display = doc.path ? doc.path->string() : doc.uri;
  doc.source = std::make_unique<SourceFile>(display, doc.text);
  doc.positions = std::make_unique<PositionMap>(doc.source->text, m_encoding);
  doc.diags.clear();
  doc.doc.reset();
  doc.config.reset();
  doc.excluded = false;
  auto fail = [&](std::string message) {
    Diagnostic d;
    d.severity = Severity::error;
    d.message = std::move(message);
    doc.diags.push_back(std::move(d));
  };
  if (doc.text.size() > max_source_bytes) return fail(io::too_large_message());
  const CachedConfig* found = nullptr;
  try {
    found = &config_for(doc);
  } catch (const std::exception& e) {
    return fail(fmt::format("prfaq cannot load the configuration: {}", e.what()));
  }
  const CachedConfig& cached = *found;
  doc.config = cached.config;
  if (!doc.config->ok()) {
    // The document cannot be linted: say why at its first line; the errors themselves are
    // published on the configuration files.
    const ConfigError& e = doc.config->errors.front();
    Location l = e.file->lines.location(e.diag.span.begin);
    Diagnostic d;
    d.code = e.diag.code;
    d.name = e.diag.name;
    d.severity = Severity::error;
    d.message = fmt::format("prfaq cannot lint this file: {}:{}:{}: {}", e.file->path, l.line,
                            l.column, e.diag.message);
    doc.diags.push_back(std::move(d));
    return;
  }
  ParseOptions opts;
  opts.tmpl = &doc.config->tmpl;
  opts.product_names = doc.config->product_names;
  std::error_code ec;
  opts.selected_by_include =
      doc.path &&
      cached.included(*doc.path, m_roots.empty() ? fs::current_path(ec) : m_roots.front());
  doc.doc = std::make_unique<Document>(build_document(*doc.source, opts));
  doc.excluded = doc.path && !cached.selects(*doc.path, m_roots.empty() ? fs::current_path(ec)
                                                                        : m_roots.front());
  if (doc.excluded) return;  // left out by the configuration: no findings
  doc.diags = lint_document(*doc.doc, *doc.config, RuleFilter{}).diagnostics;
}

json Server::range(const OpenDocument& doc, Span span) const {
  Position b = doc.positions->position(span.begin);
  Position e = doc.positions->position(std::max(span.begin, span.end));
  return {{"start", {{"line", b.line}, {"character", b.character}}},
          {"end", {{"line", e.line}, {"character", e.character}}}};
}

json Server::edit(const OpenDocument& doc, const Edit& e) const {
  return {{"range", range(doc, e.span)}, {"newText", e.replacement}};
}

json Server::to_lsp(const OpenDocument& doc, const Diagnostic& d) const {
  json j = {{"range", range(doc, d.span)},
            {"severity", lsp_severity(d.severity)},
            {"source", "prfaq"},
            {"message", d.help.empty() ? d.message : d.message + "\n" + d.help}};
  if (!d.code.empty()) j["code"] = d.code;
  if (!d.labels.empty()) {
    json related = json::array();
    for (const Label& l : d.labels)
      related.push_back({{"location", {{"uri", doc.uri}, {"range", range(doc, l.span)}}},
                         {"message", l.message}});
    j["relatedInformation"] = related;
  }
  if (d.name == "unused-suppression") j["tags"] = {1};  // Unnecessary: editors fade it
  return j;
}

void Server::publish(const OpenDocument& doc, std::vector<json>& out) {
  json diags = json::array();
  for (const Diagnostic& d : doc.diags) diags.push_back(to_lsp(doc, d));
  out.push_back(notification("textDocument/publishDiagnostics",
                             {{"uri", doc.uri}, {"version", doc.version}, {"diagnostics", diags}}));
}

void Server::relint_all(std::vector<json>& out) {
  std::map<std::string, json> config_diags;  // config file URI -> diagnostics
  for (auto& [uri, doc] : m_docs) {
    lint(*doc);
    publish(*doc, out);
    if (!doc->config) continue;
    for (const ConfigError& e : doc->config->errors) {
      std::string curi = path_to_uri(fs::absolute(e.file->path));
      PositionMap map(e.file->text, m_encoding);
      Position b = map.position(e.diag.span.begin), en = map.position(e.diag.span.end);
      json& list = config_diags[curi];
      if (list.is_null()) list = json::array();
      json d = {{"range",
                 {{"start", {{"line", b.line}, {"character", b.character}}},
                  {"end", {{"line", en.line}, {"character", en.character}}}}},
                {"severity", 1},
                {"code", e.diag.code},
                {"source", "prfaq"},
                {"message",
                 e.diag.help.empty() ? e.diag.message : e.diag.message + " (" + e.diag.help + ")"}};
      if (std::find(list.begin(), list.end(), d) == list.end()) list.push_back(d);
    }
  }
  // Clear configuration files that no longer have errors.
  for (const std::string& uri : m_config_uris)
    if (!config_diags.count(uri)) config_diags[uri] = json::array();
  m_config_uris.clear();
  for (auto& [uri, list] : config_diags) {
    out.push_back(
        notification("textDocument/publishDiagnostics", {{"uri", uri}, {"diagnostics", list}}));
    if (!list.empty()) m_config_uris.push_back(uri);
  }
}

json Server::code_action(const json& params) {
  OpenDocument& doc = document(require(params, "textDocument"));
  const json& r = require(params, "range");
  std::uint32_t b = doc.positions->offset(require_position(require(r, "start")));
  std::uint32_t e = doc.positions->offset(require_position(require(r, "end")));
  if (e < b) std::swap(b, e);
  std::vector<std::string> only;
  if (auto c = params.find("context"); c != params.end() && c->is_object())
    if (auto o = c->find("only"); o != c->end() && o->is_array())
      for (const json& k : *o)
        if (k.is_string()) only.push_back(k.get<std::string>());
  auto wanted = [&](std::string_view kind) {
    if (only.empty()) return true;
    return std::any_of(only.begin(), only.end(), [&](const std::string& k) {
      return kind == k || (kind.starts_with(k) && kind.size() > k.size() && kind[k.size()] == '.');
    });
  };
  const std::string_view text = doc.source->text;
  const LineIndex& lines = doc.source->lines;
  json actions = json::array();
  auto workspace_edit = [&](json edits) {
    return json{{"changes", {{doc.uri, std::move(edits)}}}};
  };
  std::vector<std::string> disabled_file;  // codes already offered a file-wide disable
  if (wanted("quickfix")) {
    for (const Diagnostic& d : doc.diags) {
      // Ranges touch, ends included: a cursor just after a flagged word still gets its fixes.
      bool hit = d.span.begin <= e && b <= d.span.end;
      if (!hit || !doc.doc) continue;
      json diag = json::array({to_lsp(doc, d)});
      auto add_fix = [&](const Fix& f, bool preferred) {
        json edits = json::array();
        for (const Edit& x : f.edits) edits.push_back(edit(doc, x));
        json a = {{"title", f.title.empty() ? "Fix " + rule_label(d) : f.title},
                  {"kind", "quickfix"},
                  {"diagnostics", diag},
                  {"edit", workspace_edit(edits)}};
        if (preferred) a["isPreferred"] = true;
        actions.push_back(a);
      };
      if (d.fix && !d.fix->edits.empty()) add_fix(*d.fix, d.fix->safe);
      for (const Fix& f : d.alternatives)
        if (!f.edits.empty()) add_fix(f, false);
      if (d.code == "PF601") {
        std::string word(doc.source->slice(d.span));
        actions.push_back({{"title", fmt::format("Add '{}' to the project vocabulary", word)},
                           {"kind", "quickfix"},
                           {"diagnostics", diag},
                           {"command",
                            {{"title", "Add to the project vocabulary"},
                             {"command", add_word_command},
                             {"arguments", {doc.uri, word}}}}});
      }
      if (d.code.starts_with("CF") || d.name == "unused-suppression") continue;
      // Disable for this line: a trailing comment on the finding's first line; an existing
      // prfaq-disable-line comment there gets the code added.
      std::uint32_t line = lines.line_of(d.span.begin) + 1;
      std::string_view lt = lines.line_text(line);
      std::uint32_t line_begin = lines.line_start(line);
      std::size_t existing = lt.find("<!-- prfaq-disable-line");
      bool in_front_matter = line_begin < doc.doc->front_matter.end;  // YAML, not Markdown
      Edit ins;
      if (existing != std::string_view::npos) {
        std::size_t at = existing + std::string_view("<!-- prfaq-disable-line").size();
        ins = {{line_begin + static_cast<std::uint32_t>(at),
                line_begin + static_cast<std::uint32_t>(at)},
               " " + d.code};
      } else {
        std::uint32_t end = line_begin + static_cast<std::uint32_t>(lt.size());
        ins = {{end, end}, fmt::format(" <!-- prfaq-disable-line {} -->", d.code)};
      }
      if (!in_front_matter)
        actions.push_back({{"title", fmt::format("Disable {} for this line", rule_label(d))},
                           {"kind", "quickfix"},
                           {"diagnostics", diag},
                           {"edit", workspace_edit(json::array({edit(doc, ins)}))}});
      if (std::find(disabled_file.begin(), disabled_file.end(), d.code) == disabled_file.end()) {
        disabled_file.push_back(d.code);
        // At the top, after front matter.
        std::uint32_t top = doc.doc->front_matter.end;
        if (top == 0 && text.starts_with("\xEF\xBB\xBF")) top = 3;
        if (top > 0 && top < text.size() && text[top - 1] != '\n') {
          std::size_t nl = text.find('\n', top);
          top = nl == std::string_view::npos ? static_cast<std::uint32_t>(text.size())
                                             : static_cast<std::uint32_t>(nl + 1);
        }
        std::string eol = text.find("\r\n") != std::string_view::npos ? "\r\n" : "\n";
        // Front matter that ends the file without a line break gets one before the comment.
        std::string lead = top > 0 && top == text.size() && text.back() != '\n' ? eol : "";
        Edit file_ins{{top, top},
                      fmt::format("{}<!-- prfaq-disable-file {} -->{}", lead, d.code, eol)};
        actions.push_back({{"title", fmt::format("Disable {} for this file", rule_label(d))},
                           {"kind", "quickfix"},
                           {"diagnostics", diag},
                           {"edit", workspace_edit(json::array({edit(doc, file_ins)}))}});
      }
    }
  }
  if (!only.empty() && wanted(fix_all_kind) && doc.doc && !doc.excluded) {
    // Every safe fix, repeated until nothing changes (as `prfaq lint --fix` does). Only when
    // the client asks for source actions (fix-all on save, the "Fix all" command): it lints
    // up to ten times, too much for the lightbulb request of every cursor move.
    std::string fixed =
        fix_until_stable(doc.source->path, doc.text, *doc.config, RuleFilter{}).text;
    if (fixed != doc.text) {
      // One edit covering the changed middle of the text.
      std::size_t pre = 0;
      while (pre < fixed.size() && pre < doc.text.size() && fixed[pre] == doc.text[pre]) ++pre;
      while (pre > 0 && (static_cast<unsigned char>(doc.text[pre]) & 0xC0) == 0x80) --pre;
      std::size_t suf = 0;
      while (suf < fixed.size() - pre && suf < doc.text.size() - pre &&
             fixed[fixed.size() - 1 - suf] == doc.text[doc.text.size() - 1 - suf])
        ++suf;
      while (suf > 0 &&
             (static_cast<unsigned char>(doc.text[doc.text.size() - suf]) & 0xC0) == 0x80)
        --suf;
      Edit all{{static_cast<std::uint32_t>(pre), static_cast<std::uint32_t>(doc.text.size() - suf)},
               fixed.substr(pre, fixed.size() - suf - pre)};
      actions.push_back({{"title", "Apply every safe prfaq fix"},
                         {"kind", fix_all_kind},
                         {"edit", workspace_edit(json::array({edit(doc, all)}))}});
    }
  }
  return actions;
}

json Server::hover(const json& params) {
  OpenDocument& doc = document(require(params, "textDocument"));
  std::uint32_t at = doc.positions->offset(require_position(require(params, "position")));
  std::string md;
  std::optional<Span> span;
  for (const Diagnostic& d : doc.diags) {
    if (!(d.span.contains(at) || (d.span.empty() && d.span.begin == at))) continue;
    if (!md.empty()) md += "\n\n---\n\n";
    md += fmt::format("**{}** `{}` ({})\n\n{}", d.code, d.name, to_string(d.severity), d.message);
    if (const RuleSpec* r = doc.config ? doc.config->find_rule(d.code) : nullptr) {
      if (!r->summary.empty()) md += "\n\n" + r->summary;
      if (!r->why.empty()) md += "\n\n" + text::trim(r->why);
    }
    if (!d.help.empty()) md += "\n\n*Help:* " + d.help;
    if (d.fix)
      md += fmt::format("\n\n*Fix{}:* {}", d.fix->safe ? "" : " (review first)", d.fix->title);
    md += fmt::format("\n\nMore: `prfaq explain {}`", d.code);
    span =
        span ? Span{std::min(span->begin, d.span.begin), std::max(span->end, d.span.end)} : d.span;
  }
  if (md.empty() && doc.doc) {
    // A section label: how prfaq reads it.
    for (const Section& s : doc.doc->sections) {
      if (s.label_span.empty() || !s.label_span.contains(at)) continue;
      std::string role = doc.doc->role_path(s.label_span.begin);
      md = fmt::format("**{}**\n\n{}{}{} words", s.label.empty() ? "(section)" : s.label,
                       role.empty() ? "" : "Read as: " + role + "\n\n",
                       s.is_question ? "A FAQ question.\n\n" : "", count_words(*doc.doc, s.span));
      span = s.label_span;
    }
  }
  if (md.empty()) return nullptr;
  return {{"contents", {{"kind", "markdown"}, {"value", md}}}, {"range", range(doc, *span)}};
}

json Server::document_symbol(const json& params) {
  OpenDocument& doc = document(require(params, "textDocument"));
  if (!doc.doc) return json::array();
  const Document& d = *doc.doc;
  std::function<json(int)> symbol = [&](int i) {
    const Section& s = d.sections[static_cast<std::size_t>(i)];
    std::string name = text::squash(s.label);
    if (name.empty()) name = "(untitled)";
    Span sel = s.label_span;
    if (!s.span.contains(sel)) sel = {s.span.begin, s.span.begin};
    json j = {{"name", name},
              {"kind", s.is_question                      ? 24
                       : s.part.empty() && s.role.empty() ? 15
                                                          : 3},
              {"range", range(doc, s.span)},
              {"selectionRange", range(doc, sel)}};
    std::string detail = s.role.empty() ? s.part : s.role;
    if (!detail.empty()) j["detail"] = detail;
    json children = json::array();
    for (int c : s.children) children.push_back(symbol(c));
    if (!children.empty()) j["children"] = children;
    return j;
  };
  json out = json::array();
  if (!d.sections.empty())
    for (int c : d.sections[0].children) out.push_back(symbol(c));
  return out;
}

json Server::execute_command(const json& params, std::vector<json>& out) {
  std::string command = require_string(params, "command");
  if (command != add_word_command)
    throw RpcError{invalid_params, fmt::format("unknown command '{}'", command)};
  const json& args = require(params, "arguments");
  if (!args.is_array() || args.size() != 2 || !args[0].is_string() || !args[1].is_string())
    throw RpcError{invalid_params, "prfaq.addToVocabulary takes [uri, word]"};
  std::string uri = args[0].get<std::string>(), word = args[1].get<std::string>();
  auto it = m_docs.find(uri);
  if (it == m_docs.end()) throw RpcError{request_failed, fmt::format("{} is not open", uri)};
  OpenDocument& doc = *it->second;
  if (m_options.no_config)
    throw RpcError{request_failed,
                   "the server runs with --no-config: there is no project vocabulary to add to"};
  std::shared_ptr<const Config> config = config_for(doc).config;
  // A new .prfaq.toml goes to the workspace folder that holds the document (the longest
  // match), else the document's directory; an untitled document uses the first folder.
  std::error_code ec;
  fs::path dir = doc.path ? doc.path->parent_path() : fs::current_path(ec);
  if (!doc.path && !m_roots.empty()) dir = m_roots.front();
  std::size_t best = 0;
  for (const fs::path& root : m_roots) {
    std::string r = root.lexically_normal().generic_string();
    std::string p = doc.path ? doc.path->lexically_normal().generic_string() : std::string();
    if (!r.empty() && r.back() != '/') r += '/';
    if (doc.path && p.starts_with(r) && r.size() > best) best = r.size(), dir = root;
  }
  std::string error;
  std::optional<VocabularyChange> change = plan_vocabulary_add(*config, dir, word, error);
  // A symbolic link (a shared config) is followed: the file it points to is edited.
  if (change && fs::is_symlink(change->file, ec)) change->file = fs::canonical(change->file, ec);
  // A words_file only inside the workspace (its folders, else the document's directory): one
  // elsewhere on the machine (named by --config or a trusted configuration) is not the
  // editor's to change. (The configuration in force is the document's own.)
  if (change && !config->spelling.words_file.empty()) {
    std::vector<fs::path> allowed = m_roots;
    if (allowed.empty()) allowed.push_back(dir);
    bool inside = std::any_of(allowed.begin(), allowed.end(), [&](const fs::path& root) {
      return io::is_within(change->file, root);
    });
    if (!inside) {
      error = fmt::format("{} is outside the workspace; add '{}' there by hand",
                          change->file.string(), word);
      change.reset();
    }
  }
  if (!change || !io::write_file(change->file, change->text, {}, error)) {
    out.push_back(show_message(1, "prfaq: " + error));
    throw RpcError{request_failed, error};
  }
  out.push_back(
      show_message(3, fmt::format("prfaq: added '{}' to {}", word, change->file.string())));
  m_configs.clear();
  relint_all(out);
  return nullptr;
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
