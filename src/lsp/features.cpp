// Hover, document symbols and the server's commands.
#include "lsp/server.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <functional>

#include "io/io.hpp"
#include "lsp/server_internal.hpp"
#include "lsp/vocabulary.hpp"
#include "text/text.hpp"

namespace prfaq::lsp {

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

namespace {
constexpr int k_heading_symbol_kind = 15;  // SymbolKind.String
}  // namespace

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
    // Every heading one kind, String, as Markdown servers give headings (VS Code's own, and
    // marksman): clients that group symbols by kind (eglot's imenu) then show one tree, not
    // "Namespace", "String" and "Event" groups. The template role is the detail.
    json j = {{"name", name},
              {"kind", k_heading_symbol_kind},
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

}  // namespace prfaq::lsp
