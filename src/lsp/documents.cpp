// The open documents: open, change and close, the configuration of each, linting and
// publishing diagnostics (of the documents and of broken configuration files).
#include "lsp/server.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <prfaq/engine.hpp>

#include "io/files.hpp"
#include "lsp/server_internal.hpp"

namespace prfaq::lsp {

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

}  // namespace prfaq::lsp
