// Code actions: quick fixes, "add to vocabulary", disable comments, and fix-all.
#include <fmt/format.h>

#include <algorithm>
#include <prfaq/engine.hpp>

#include "lsp/server.hpp"
#include "lsp/server_internal.hpp"

namespace prfaq::lsp {

namespace {

// "Disable for this line": a trailing comment on the finding's first line, or the code added
// to a prfaq-disable-line comment already there. nullopt inside front matter (YAML, not
// Markdown).
std::optional<Edit> disable_line_edit(const SourceFile& source, const Document& doc,
                                      const Diagnostic& d) {
  const LineIndex& lines = source.lines;
  std::uint32_t line = lines.line_of(d.span.begin) + 1;
  std::string_view lt = lines.line_text(line);
  std::uint32_t line_begin = lines.line_start(line);
  if (line_begin < doc.front_matter.end) return std::nullopt;
  std::size_t existing = lt.find("<!-- prfaq-disable-line");
  if (existing != std::string_view::npos) {
    std::size_t at = existing + std::string_view("<!-- prfaq-disable-line").size();
    auto pos = line_begin + static_cast<std::uint32_t>(at);
    return Edit{{pos, pos}, " " + d.code};
  }
  std::uint32_t end = line_begin + static_cast<std::uint32_t>(lt.size());
  return Edit{{end, end}, fmt::format(" <!-- prfaq-disable-line {} -->", d.code)};
}

// "Disable for this file": a prfaq-disable-file comment at the top, after front matter.
Edit disable_file_edit(std::string_view text, const Document& doc, const std::string& code) {
  std::uint32_t top = doc.front_matter.end;
  if (top == 0 && text.starts_with("\xEF\xBB\xBF")) top = 3;
  if (top > 0 && top < text.size() && text[top - 1] != '\n') {
    std::size_t nl = text.find('\n', top);
    top = nl == std::string_view::npos ? static_cast<std::uint32_t>(text.size())
                                       : static_cast<std::uint32_t>(nl + 1);
  }
  std::string eol = text.find("\r\n") != std::string_view::npos ? "\r\n" : "\n";
  // Front matter that ends the file without a line break gets one before the comment.
  std::string lead = top > 0 && top == text.size() && text.back() != '\n' ? eol : "";
  return Edit{{top, top}, fmt::format("{}<!-- prfaq-disable-file {} -->{}", lead, code, eol)};
}

// One edit turning `before` into `after`: the changed middle, on code-point boundaries.
Edit changed_middle(const std::string& before, const std::string& after) {
  std::size_t pre = 0;
  while (pre < after.size() && pre < before.size() && after[pre] == before[pre]) ++pre;
  while (pre > 0 && (static_cast<unsigned char>(before[pre]) & 0xC0) == 0x80) --pre;
  std::size_t suf = 0;
  while (suf < after.size() - pre && suf < before.size() - pre &&
         after[after.size() - 1 - suf] == before[before.size() - 1 - suf])
    ++suf;
  while (suf > 0 && (static_cast<unsigned char>(before[before.size() - suf]) & 0xC0) == 0x80) --suf;
  return Edit{{static_cast<std::uint32_t>(pre), static_cast<std::uint32_t>(before.size() - suf)},
              after.substr(pre, after.size() - suf - pre)};
}

}  // namespace

json Server::workspace_edit(const OpenDocument& doc, json edits) const {
  return json{{"changes", {{doc.uri, std::move(edits)}}}};
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
  json actions = json::array();
  if (wanted("quickfix")) quick_fixes(doc, b, e, actions);
  // Only when the client asks for source actions (fix-all on save, the "Fix all" command): it
  // lints up to ten times, too much for the lightbulb request of every cursor move.
  if (!only.empty() && wanted(fix_all_kind) && doc.doc && !doc.excluded) fix_all(doc, actions);
  return actions;
}

// The quick fixes of the findings that touch [b, e]: their fixes, "add to vocabulary" for a
// misspelling, and disable comments for the line and (once per code) the file.
void Server::quick_fixes(const OpenDocument& doc, std::uint32_t b, std::uint32_t e, json& actions) {
  std::vector<std::string> disabled_file;  // codes already offered a file-wide disable
  for (const Diagnostic& d : doc.diags) {
    // Ranges touch, ends included: a cursor just after a flagged word still gets its fixes.
    bool hit = d.span.begin <= e && b <= d.span.end;
    if (!hit || !doc.doc) continue;
    json diag = json::array({to_lsp(doc, d)});
    auto action = [&](std::string title, const Edit& x) {
      return json{{"title", std::move(title)},
                  {"kind", "quickfix"},
                  {"diagnostics", diag},
                  {"edit", workspace_edit(doc, json::array({edit(doc, x)}))}};
    };
    auto add_fix = [&](const Fix& f, bool preferred) {
      json edits = json::array();
      for (const Edit& x : f.edits) edits.push_back(edit(doc, x));
      json a = {{"title", f.title.empty() ? "Fix " + rule_label(d) : f.title},
                {"kind", "quickfix"},
                {"diagnostics", diag},
                {"edit", workspace_edit(doc, edits)}};
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
    if (std::optional<Edit> line = disable_line_edit(*doc.source, *doc.doc, d))
      actions.push_back(action(fmt::format("Disable {} for this line", rule_label(d)), *line));
    if (std::find(disabled_file.begin(), disabled_file.end(), d.code) == disabled_file.end()) {
      disabled_file.push_back(d.code);
      actions.push_back(action(fmt::format("Disable {} for this file", rule_label(d)),
                               disable_file_edit(doc.source->text, *doc.doc, d.code)));
    }
  }
}

// Every safe fix, repeated until nothing changes (as `prfaq lint --fix` does), as one edit.
void Server::fix_all(const OpenDocument& doc, json& actions) {
  std::string fixed = fix_until_stable(doc.source->path, doc.text, *doc.config, RuleFilter{}).text;
  if (fixed == doc.text) return;
  actions.push_back(
      {{"title", "Apply every safe prfaq fix"},
       {"kind", fix_all_kind},
       {"edit", workspace_edit(doc, json::array({edit(doc, changed_middle(doc.text, fixed))}))}});
}

}  // namespace prfaq::lsp
