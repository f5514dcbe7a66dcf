// The language server: positions, framing, diagnostics, code actions, hover, symbols,
// the vocabulary command, configuration reload and malformed messages.
#include <doctest/doctest.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "lsp/positions.hpp"
#include "lsp/server.hpp"
#include "lsp/transport.hpp"
#include "support.hpp"

namespace fs = std::filesystem;
using nlohmann::json;
using prfaq::lsp::Encoding;
using prfaq::lsp::Position;
using prfaq::lsp::PositionMap;

namespace {

// Drives a Server in-process, as an editor would.
struct Client {
  prfaq::lsp::Server server;
  std::vector<json> notifications;  // everything that was not a response
  int next_id = 1;

  explicit Client(prfaq::lsp::ServerOptions o = {}) : server(std::move(o)) {}

  std::vector<json> send(const json& msg) {
    std::vector<json> out = server.handle(msg.dump());
    for (const json& m : out)
      if (m.contains("method")) notifications.push_back(m);
    return out;
  }
  json request(const std::string& method, json params) {
    int id = next_id++;
    for (const json& m :
         send({{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", params}}))
      if (m.contains("id") && m["id"] == id && !m.contains("method")) return m;
    return nullptr;
  }
  void notify(const std::string& method, json params) {
    send({{"jsonrpc", "2.0"}, {"method", method}, {"params", params}});
  }
  json initialize(json capabilities = json::object(), std::string root = "") {
    json params = {{"capabilities", capabilities}};
    if (!root.empty()) params["rootUri"] = root;
    json r = request("initialize", params);
    notify("initialized", json::object());
    return r;
  }
  void open(const std::string& uri, const std::string& text, int version = 1) {
    notify("textDocument/didOpen",
           {{"textDocument",
             {{"uri", uri}, {"languageId", "markdown"}, {"version", version}, {"text", text}}}});
  }
  // The diagnostics last published for a URI.
  json diagnostics(const std::string& uri) const {
    for (auto it = notifications.rbegin(); it != notifications.rend(); ++it)
      if ((*it)["method"] == "textDocument/publishDiagnostics" && (*it)["params"]["uri"] == uri)
        return (*it)["params"]["diagnostics"];
    return nullptr;
  }
  static json find(const json& diags, const std::string& code) {
    for (const json& d : diags)
      if (d["code"] == code) return d;
    return nullptr;
  }
};

json pos(std::uint32_t line, std::uint32_t character) {
  return {{"line", line}, {"character", character}};
}

json range(std::uint32_t l1, std::uint32_t c1, std::uint32_t l2, std::uint32_t c2) {
  return {{"start", pos(l1, c1)}, {"end", pos(l2, c2)}};
}

// Applies a WorkspaceEdit's edits for one URI to a text (UTF-16 positions).
std::string apply_edits(const std::string& text, const json& edits) {
  std::vector<std::pair<std::uint32_t, std::pair<std::uint32_t, std::string>>> spans;
  PositionMap map(text, Encoding::utf16);
  for (const json& e : edits) {
    auto b = map.offset({e["range"]["start"]["line"], e["range"]["start"]["character"]});
    auto en = map.offset({e["range"]["end"]["line"], e["range"]["end"]["character"]});
    spans.push_back({b, {en, e["newText"].get<std::string>()}});
  }
  std::sort(spans.rbegin(), spans.rend());
  std::string out = text;
  for (auto& [b, rest] : spans) out.replace(b, rest.first - b, rest.second);
  return out;
}

const std::string k_uri = "file:///nonexistent-prfaq-dir/doc.md";

}  // namespace

TEST_CASE("lsp positions: UTF-8, UTF-16 and UTF-32 columns with multibyte text, CRLF and a BOM") {
  // "é" is 2 bytes / 1 UTF-16 unit; "😀" is 4 bytes / 2 UTF-16 units / 1 code point.
  std::string text =
      "\xEF\xBB\xBF"
      "a\r\n\xC3\xA9\t\xF0\x9F\x98\x80x\rlast";
  std::uint32_t x = static_cast<std::uint32_t>(text.find('x'));
  CHECK(PositionMap(text, Encoding::utf8).position(x) == Position{1, 7});
  CHECK(PositionMap(text, Encoding::utf16).position(x) == Position{1, 4});
  CHECK(PositionMap(text, Encoding::utf32).position(x) == Position{1, 3});
  for (Encoding enc : {Encoding::utf8, Encoding::utf16, Encoding::utf32}) {
    PositionMap map(text, enc);
    CHECK(map.offset(map.position(x)) == x);
    CHECK(map.position(3) == Position{0, enc == Encoding::utf8 ? 3u : 1u});  // BOM counts
    CHECK(map.offset({2, 0}) == text.find("last"));
    CHECK(map.offset({2, 99}) == text.size());  // past the line end: the line end
    CHECK(map.offset({9, 0}) == text.size());   // past the last line: the end
  }
  // A UTF-16 position inside the surrogate pair rounds down to the emoji's start.
  CHECK(PositionMap(text, Encoding::utf16).offset({1, 3}) == text.find("\xF0"));
}

TEST_CASE("lsp transport: Content-Length framing, bad headers and a truncated stream") {
  std::string body = R"({"jsonrpc":"2.0","method":"exit"})";
  std::stringstream in;
  in << "Content-Length: " << body.size() << "\r\nContent-Type: application/vscode-jsonrpc\r\n\r\n"
     << body << "X-Nothing: 1\r\n\r\n"
     << "Content-Length: 10\r\n\r\n{\"a\":";
  auto r = prfaq::lsp::read_message(in);
  REQUIRE(r.status == prfaq::lsp::ReadResult::Status::message);
  CHECK(r.body == body);
  r = prfaq::lsp::read_message(in);
  CHECK(r.status == prfaq::lsp::ReadResult::Status::bad_header);
  r = prfaq::lsp::read_message(in);
  CHECK(r.status == prfaq::lsp::ReadResult::Status::eof);

  std::ostringstream out;
  prfaq::lsp::write_message(out, "{}");
  CHECK(out.str() == "Content-Length: 2\r\n\r\n{}");
}

TEST_CASE("lsp: malformed messages get JSON-RPC errors and the server keeps serving") {
  Client c;
  auto first = c.server.handle("{not json");
  REQUIRE(first.size() == 1);
  CHECK(first[0]["error"]["code"] == -32700);
  CHECK(first[0]["id"].is_null());
  CHECK(c.server.handle("[1,2]")[0]["error"]["code"] == -32600);
  CHECK(c.server.handle(R"({"jsonrpc":"2.0","id":7})")[0]["error"]["code"] == -32600);
  // Before initialize.
  CHECK(c.request("textDocument/hover", json::object())["error"]["code"] == -32002);
  c.initialize();
  CHECK(c.request("no/such/method", json::object())["error"]["code"] == -32601);
  CHECK(c.request("textDocument/hover", {{"textDocument", 5}})["error"]["code"] == -32602);
  CHECK(c.request("textDocument/hover",
                  {{"textDocument", {{"uri", "file:///not/open.md"}}}, {"position", pos(0, 0)}})
            .contains("error"));
  // A notification with bad params is logged, not answered, and nothing breaks.
  auto out = c.server.handle(R"({"jsonrpc":"2.0","method":"textDocument/didOpen","params":{}})");
  REQUIRE(out.size() == 1);
  CHECK(out[0]["method"] == "window/logMessage");
  c.open(k_uri, "# Title\n\nText.\n");
  CHECK(c.diagnostics(k_uri).is_array());
  CHECK(c.request("shutdown", nullptr)["result"].is_null());
  CHECK(c.request("textDocument/hover", json::object())["error"]["code"] == -32600);
  c.notify("exit", nullptr);
  CHECK(c.server.exited());
  CHECK(c.server.exit_code() == 0);
}

TEST_CASE("lsp: position encoding is negotiated and diagnostics use it") {
  std::string text = "# Plan\n\n\xF0\x9F\x98\x80 caf\xC3\xA9 We leverage it.\n";
  SUBCASE("UTF-16 by default") {
    Client c;
    CHECK(c.initialize()["result"]["capabilities"]["positionEncoding"] == "utf-16");
    c.open(k_uri, text);
    json d = Client::find(c.diagnostics(k_uri), "PF501");
    REQUIRE(d.is_object());
    // 😀 (2 units) + space + café (4) + space + "We " = 11.
    CHECK(d["range"] == range(2, 11, 2, 19));
    CHECK(d["severity"] == 2);
    CHECK(d["source"] == "prfaq");
  }
  SUBCASE("UTF-8 when the client offers it") {
    Client c;
    json caps = {{"general", {{"positionEncodings", {"utf-16", "utf-8"}}}}};
    CHECK(c.initialize(caps)["result"]["capabilities"]["positionEncoding"] == "utf-8");
    c.open(k_uri, text);
    json d = Client::find(c.diagnostics(k_uri), "PF501");
    REQUIRE(d.is_object());
    CHECK(d["range"] == range(2, 14, 2, 22));  // 4 + 1 + 5 + 1 + 3 bytes
  }
}

TEST_CASE("lsp: incremental changes move diagnostics; a bad change leaves the text alone") {
  Client c;
  c.initialize();
  c.open(k_uri, "# Plan\n\nWe leverage it.\n");
  REQUIRE(Client::find(c.diagnostics(k_uri), "PF501")["range"] == range(2, 3, 2, 11));
  c.notify("textDocument/didChange",
           {{"textDocument", {{"uri", k_uri}, {"version", 2}}},
            {"contentChanges", {{{"range", range(2, 0, 2, 0)}, {"text", "Today "}}}}});
  CHECK(Client::find(c.diagnostics(k_uri), "PF501")["range"] == range(2, 9, 2, 17));
  CHECK(c.notifications.back()["params"]["version"] == 2);
  // Replace "leverage" by "use": the finding goes away.
  c.notify("textDocument/didChange",
           {{"textDocument", {{"uri", k_uri}, {"version", 3}}},
            {"contentChanges", {{{"range", range(2, 9, 2, 17)}, {"text", "use"}}}}});
  CHECK(Client::find(c.diagnostics(k_uri), "PF501").is_null());
  // A full-text change.
  c.notify("textDocument/didChange",
           {{"textDocument", {{"uri", k_uri}, {"version", 4}}},
            {"contentChanges", {{{"text", "# Plan\n\nWe leverage it.\n"}}}}});
  CHECK(Client::find(c.diagnostics(k_uri), "PF501")["range"] == range(2, 3, 2, 11));
  // A range that ends before it starts is refused; the text is unchanged.
  std::size_t before = c.notifications.size();
  c.notify("textDocument/didChange",
           {{"textDocument", {{"uri", k_uri}, {"version", 5}}},
            {"contentChanges", {{{"range", range(2, 5, 2, 1)}, {"text", "x"}}}}});
  CHECK(c.notifications.size() == before + 1);
  CHECK(c.notifications.back()["method"] == "window/logMessage");
  c.notify("textDocument/didClose", {{"textDocument", {{"uri", k_uri}}}});
  CHECK(c.diagnostics(k_uri).empty());
}

TEST_CASE("lsp: quick fixes, disable comments and fix-all edit the text as promised") {
  Client c;
  c.initialize();
  std::string text = "# Plan\n\nWe ship it in order to help.\n\nWe leverage it.\n";
  c.open(k_uri, text);
  json actions = c.request("textDocument/codeAction",
                           {{"textDocument", {{"uri", k_uri}}},
                            {"range", range(2, 15, 2, 15)},
                            {"context", {{"diagnostics", json::array()}}}})["result"];
  REQUIRE(actions.is_array());
  json fix, line, file;
  for (const json& a : actions) {
    std::string t = a["title"];
    if (a.value("isPreferred", false)) fix = a;
    if (t == "Disable PF506 (wordy-phrase) for this line") line = a;
    if (t == "Disable PF506 (wordy-phrase) for this file") file = a;
  }
  REQUIRE(fix.is_object());
  CHECK(fix["kind"] == "quickfix");
  // A cursor just after the phrase ("in order to|") still gets the fix.
  json after = c.request("textDocument/codeAction",
                         {{"textDocument", {{"uri", k_uri}}},
                          {"range", range(2, 22, 2, 22)},
                          {"context", {{"diagnostics", json::array()}}}})["result"];
  CHECK(std::any_of(after.begin(), after.end(),
                    [](const json& a) { return a.value("isPreferred", false); }));
  CHECK(fix["diagnostics"][0]["code"] == "PF506");
  CHECK(apply_edits(text, fix["edit"]["changes"][k_uri]) ==
        "# Plan\n\nWe ship it to help.\n\nWe leverage it.\n");
  REQUIRE(line.is_object());
  std::string disabled = apply_edits(text, line["edit"]["changes"][k_uri]);
  CHECK(disabled ==
        "# Plan\n\nWe ship it in order to help. <!-- prfaq-disable-line PF506 -->\n\nWe "
        "leverage it.\n");
  REQUIRE(file.is_object());
  CHECK(apply_edits(text, file["edit"]["changes"][k_uri])
            .starts_with("<!-- prfaq-disable-file PF506 -->\n# Plan\n"));
  // The comment really disables the finding, and nothing else.
  c.notify("textDocument/didChange", {{"textDocument", {{"uri", k_uri}, {"version", 2}}},
                                      {"contentChanges", {{{"text", disabled}}}}});
  CHECK(Client::find(c.diagnostics(k_uri), "PF506").is_null());
  CHECK(Client::find(c.diagnostics(k_uri), "PF501").is_object());

  // source.fixAll: every safe fix at once; only that kind when asked for it.
  disabled += "\nWe like the the plan.\n";
  c.notify("textDocument/didChange", {{"textDocument", {{"uri", k_uri}, {"version", 3}}},
                                      {"contentChanges", {{{"text", disabled}}}}});
  json all = c.request(
      "textDocument/codeAction",
      {{"textDocument", {{"uri", k_uri}}},
       {"range", range(0, 0, 0, 0)},
       {"context", {{"diagnostics", json::array()}, {"only", {"source.fixAll"}}}}})["result"];
  REQUIRE(all.size() == 1);
  CHECK(all[0]["kind"] == "source.fixAll.prfaq");
  std::string fixed = apply_edits(disabled, all[0]["edit"]["changes"][k_uri]);
  CHECK(fixed.find("We like the plan.") != std::string::npos);
  CHECK(fixed.find("leverage") != std::string::npos);     // two alternatives: not safe
  CHECK(fixed.find("in order to") != std::string::npos);  // disabled on that line
}

TEST_CASE("lsp: hover explains the rule under the cursor; symbols follow the section tree") {
  Client c;
  c.initialize();
  std::string text = test::read(fs::path(PRFAQ_SOURCE_DIR) / "examples" / "flawed-launchpad.md");
  std::string uri = "file:///nonexistent-prfaq-dir/flawed.md";
  c.open(uri, text);
  json diags = c.diagnostics(uri);
  REQUIRE(diags.size() > 3);
  json d = diags[diags.size() - 1];
  json h = c.request("textDocument/hover", {{"textDocument", {{"uri", uri}}},
                                            {"position", d["range"]["start"]}})["result"];
  REQUIRE(h.is_object());
  CHECK(h["contents"]["kind"] == "markdown");
  std::string md = h["contents"]["value"];
  CHECK(md.find(d["code"].get<std::string>()) != std::string::npos);
  CHECK(md.find("prfaq explain") != std::string::npos);

  json symbols =
      c.request("textDocument/documentSymbol", {{"textDocument", {{"uri", uri}}}})["result"];
  REQUIRE(symbols.is_array());
  REQUIRE(!symbols.empty());
  // Every symbol's selection range lies inside its range; children inside their parent.
  std::function<void(const json&, const json*)> check = [&](const json& s, const json* parent) {
    auto before = [](const json& a, const json& b) {
      return a["line"] < b["line"] || (a["line"] == b["line"] && a["character"] <= b["character"]);
    };
    CHECK(!s["name"].get<std::string>().empty());
    // One kind for every heading (SymbolKind.String), so eglot's imenu shows one tree.
    CHECK(s["kind"] == 15);
    CHECK(before(s["range"]["start"], s["selectionRange"]["start"]));
    CHECK(before(s["selectionRange"]["end"], s["range"]["end"]));
    if (parent) {
      CHECK(before((*parent)["range"]["start"], s["range"]["start"]));
      CHECK(before(s["range"]["end"], (*parent)["range"]["end"]));
    }
    if (s.contains("children"))
      for (const json& ch : s["children"]) check(ch, &s);
  };
  std::size_t with_role = 0;
  std::function<void(const json&)> count = [&](const json& s) {
    if (s.contains("detail")) ++with_role;
    if (s.contains("children"))
      for (const json& ch : s["children"]) count(ch);
  };
  for (const json& s : symbols) check(s, nullptr), count(s);
  CHECK(with_role >= 3);  // headline, summary, FAQ parts... carry their template role
}

TEST_CASE("lsp: 'add to vocabulary' edits .prfaq.toml in place and the finding goes away") {
  fs::path dir = test::temp_dir("lsp-vocab");
  std::string toml =
      "# Our settings\n[product]\nnames = [\"Acme\"]\n\n[spelling]  # words\naccept = [\n  "
      "\"Zorblat\",  # a partner\n]\n";
  test::write(dir / ".prfaq.toml", toml);
  std::string uri = prfaq::lsp::path_to_uri(dir / "doc.md");
  Client c;
  c.initialize({}, prfaq::lsp::path_to_uri(dir));
  c.open(uri, "# Plan\n\nZorblat and shiped ship today.\n");
  json d = Client::find(c.diagnostics(uri), "PF601");
  REQUIRE(d.is_object());
  CHECK(d["message"].get<std::string>().find("shiped") != std::string::npos);
  json actions = c.request("textDocument/codeAction",
                           {{"textDocument", {{"uri", uri}}},
                            {"range", d["range"]},
                            {"context", {{"diagnostics", json::array()}}}})["result"];
  json cmd;
  for (const json& a : actions)
    if (a.contains("command")) cmd = a["command"];
  REQUIRE(cmd.is_object());
  CHECK(cmd["arguments"][1] == "shiped");
  json r = c.request("workspace/executeCommand",
                     {{"command", cmd["command"]}, {"arguments", cmd["arguments"]}});
  CHECK(r["result"].is_null());
  std::string after = test::read(dir / ".prfaq.toml");
  CHECK(after ==
        "# Our settings\n[product]\nnames = [\"Acme\"]\n\n[spelling]  # words\naccept = [\n  "
        "\"Zorblat\", \"shiped\",  # a partner\n]\n");
  CHECK(Client::find(c.diagnostics(uri), "PF601").is_null());
  // Twice is refused with a clear error, and the file is unchanged.
  r = c.request("workspace/executeCommand",
                {{"command", cmd["command"]}, {"arguments", cmd["arguments"]}});
  CHECK(r["error"]["message"].get<std::string>().find("already") != std::string::npos);
  CHECK(test::read(dir / ".prfaq.toml") == after);
  fs::remove_all(dir);
}

TEST_CASE("lsp: the vocabulary goes to the words file, or a new .prfaq.toml when there is none") {
  fs::path dir = test::temp_dir("lsp-words");
  SUBCASE("words file") {
    test::write(dir / ".prfaq.toml", "[spelling]\nwords_file = \"words.txt\"\n");
    test::write(dir / "words.txt", "# project words\nZorblat");
    std::string uri = prfaq::lsp::path_to_uri(dir / "doc.md");
    Client c;
    c.initialize();
    c.open(uri, "# Plan\n\nZorblat and shiped ship today.\n");
    REQUIRE(Client::find(c.diagnostics(uri), "PF601").is_object());
    c.request("workspace/executeCommand",
              {{"command", "prfaq.addToVocabulary"}, {"arguments", {uri, "shiped"}}});
    CHECK(test::read(dir / "words.txt") == "# project words\nZorblat\nshiped\n");
    CHECK(Client::find(c.diagnostics(uri), "PF601").is_null());
  }
  SUBCASE("no configuration") {
    fs::path sub = dir / "proj";
    fs::create_directories(sub);
    // The test needs a directory with no .prfaq.toml above it (a stray /tmp/.prfaq.toml would
    // rightly be the one edited).
    REQUIRE_MESSAGE(!prfaq::discover_config(sub / "doc.md"), "a .prfaq.toml above ", sub.string(),
                    " spoils this test");
    std::string uri = prfaq::lsp::path_to_uri(sub / "doc.md");
    Client c;
    c.initialize({}, prfaq::lsp::path_to_uri(sub));
    c.open(uri, "# Plan\n\nShiped ships today.\n");
    REQUIRE(Client::find(c.diagnostics(uri), "PF601").is_object());
    c.request("workspace/executeCommand",
              {{"command", "prfaq.addToVocabulary"}, {"arguments", {uri, "Shiped"}}});
    CHECK(test::read(sub / ".prfaq.toml").find("accept = [\"Shiped\"]") != std::string::npos);
    CHECK(Client::find(c.diagnostics(uri), "PF601").is_null());
  }
  fs::remove_all(dir);
}

TEST_CASE("lsp: a changed .prfaq.toml is read again; a broken one is reported, not fatal") {
  fs::path dir = test::temp_dir("lsp-reload");
  test::write(dir / ".prfaq.toml", "[rules.PF501]\nseverity = \"error\"\n");
  std::string uri = prfaq::lsp::path_to_uri(dir / "doc.md");
  Client c;
  json caps = {{"workspace", {{"didChangeWatchedFiles", {{"dynamicRegistration", true}}}}}};
  c.initialize(caps);
  bool registered = std::any_of(c.notifications.begin(), c.notifications.end(), [](const json& m) {
    return m["method"] == "client/registerCapability";
  });
  CHECK(registered);
  c.open(uri, "# Plan\n\nWe leverage it.\n");
  CHECK(Client::find(c.diagnostics(uri), "PF501")["severity"] == 1);

  // Changed on disk (mtime moves): the next lint uses it even without a watcher event.
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  test::write(dir / ".prfaq.toml", "[rules.PF501]\nseverity = \"info\"\n");
  fs::last_write_time(dir / ".prfaq.toml",
                      fs::last_write_time(dir / ".prfaq.toml") + std::chrono::seconds(2));
  c.notify("textDocument/didChange",
           {{"textDocument", {{"uri", uri}, {"version", 2}}},
            {"contentChanges", {{{"text", "# Plan\n\nWe leverage it.\n"}}}}});
  CHECK(Client::find(c.diagnostics(uri), "PF501")["severity"] == 3);

  // Broken: the document says why, the config file gets the error at its position.
  test::write(dir / ".prfaq.toml", "[rules.PF501]\nseverty = \"info\"\n");
  c.notify("workspace/didChangeWatchedFiles",
           {{"changes", {{{"uri", prfaq::lsp::path_to_uri(dir / ".prfaq.toml")}, {"type", 2}}}}});
  json doc_diags = c.diagnostics(uri);
  REQUIRE(doc_diags.size() == 1);
  CHECK(doc_diags[0]["code"].get<std::string>().starts_with("CF"));
  CHECK(doc_diags[0]["message"].get<std::string>().find(
            ".prfaq.toml:2:1: Unknown parameter 'severty'") != std::string::npos);
  std::string config_uri = prfaq::lsp::path_to_uri(dir / ".prfaq.toml");
  json config_diags = c.diagnostics(config_uri);
  REQUIRE(config_diags.size() == 1);
  CHECK(config_diags[0]["range"] == range(1, 0, 1, 7));  // the unknown key

  // Mended: the errors on the config file are cleared.
  test::write(dir / ".prfaq.toml", "[rules.PF501]\nseverity = \"warning\"\n");
  c.notify("workspace/didChangeWatchedFiles", {{"changes", {{{"uri", config_uri}, {"type", 2}}}}});
  CHECK(c.diagnostics(config_uri).empty());
  CHECK(Client::find(c.diagnostics(uri), "PF501")["severity"] == 2);
  fs::remove_all(dir);
}

TEST_CASE("lsp: an edited or added rule file is read again before the next lint") {
  fs::path dir = test::temp_dir("lsp-ruledir");
  test::write(dir / ".prfaq.toml", "rule_dirs = [\"rules\"]\n");
  auto rule = [](std::string code, std::string token, std::string severity) {
    return "code = \"" + code + "\"\nname = \"n" + code +
           "\"\nkind = \"existence\"\nseverity = \"" + severity +
           "\"\nmessage = \"m\"\ntokens = [\"" + token + "\"]\n";
  };
  test::write(dir / "rules" / "a.toml", rule("ZZ801", "Bluebird", "warning"));
  std::string uri = prfaq::lsp::path_to_uri(dir / "doc.md");
  std::string text = "# Plan\n\nBluebird and Falcon ship.\n";
  auto change = [&](Client& c, int version) {
    c.notify("textDocument/didChange", {{"textDocument", {{"uri", uri}, {"version", version}}},
                                        {"contentChanges", {{{"text", text}}}}});
  };
  Client c;
  c.initialize();  // no file watching: the modification times must do
  c.open(uri, text);
  CHECK(Client::find(c.diagnostics(uri), "ZZ801")["severity"] == 2);
  test::write(dir / "rules" / "a.toml", rule("ZZ801", "Bluebird", "error"));
  fs::last_write_time(dir / "rules" / "a.toml",
                      fs::last_write_time(dir / "rules" / "a.toml") + std::chrono::seconds(2));
  change(c, 2);
  CHECK(Client::find(c.diagnostics(uri), "ZZ801")["severity"] == 1);
  test::write(dir / "rules" / "b.toml", rule("ZZ802", "Falcon", "info"));
  fs::last_write_time(dir / "rules", fs::last_write_time(dir / "rules") + std::chrono::seconds(4));
  change(c, 3);
  CHECK(Client::find(c.diagnostics(uri), "ZZ802")["severity"] == 3);
  fs::remove_all(dir);
}

TEST_CASE("lsp: workspace folders decide where a new .prfaq.toml goes") {
  fs::path dir = test::temp_dir("lsp-folders");
  fs::create_directories(dir / "one");
  fs::create_directories(dir / "two");
  REQUIRE_MESSAGE(!prfaq::discover_config(dir / "two" / "x.md"), "a .prfaq.toml above ",
                  dir.string(), " spoils this test");
  Client c;
  json init = c.initialize({}, prfaq::lsp::path_to_uri(dir / "one"));
  CHECK(init["result"]["capabilities"]["workspace"]["workspaceFolders"]["changeNotifications"] ==
        true);
  c.notify("workspace/didChangeWorkspaceFolders",
           {{"event",
             {{"added", {{{"uri", prfaq::lsp::path_to_uri(dir / "two")}, {"name", "two"}}}},
              {"removed", {{{"uri", prfaq::lsp::path_to_uri(dir / "one")}, {"name", "one"}}}}}}});
  std::string uri = "untitled:Untitled-1";
  c.open(uri, "# Plan\n\nShiped ships today.\n");
  REQUIRE(Client::find(c.diagnostics(uri), "PF601").is_object());
  c.request("workspace/executeCommand",
            {{"command", "prfaq.addToVocabulary"}, {"arguments", {uri, "Shiped"}}});
  CHECK(fs::exists(dir / "two" / ".prfaq.toml"));
  CHECK(!fs::exists(dir / "one" / ".prfaq.toml"));
  fs::remove_all(dir);
}

TEST_CASE("lsp: files the configuration excludes get no findings") {
  fs::path dir = test::temp_dir("lsp-exclude");
  test::write(dir / ".prfaq.toml",
              "include = [\"proposals/**\"]\nexclude = [\"proposals/old/**\"]\n");
  std::string text = "# Plan\n\nWe leverage it.\n";
  Client c;
  c.initialize({}, prfaq::lsp::path_to_uri(dir));
  std::string in = prfaq::lsp::path_to_uri(dir / "proposals" / "a.md");
  std::string old = prfaq::lsp::path_to_uri(dir / "proposals" / "old" / "b.md");
  std::string readme = prfaq::lsp::path_to_uri(dir / "README.md");
  c.open(in, text);
  c.open(old, text);
  c.open(readme, text);
  CHECK(Client::find(c.diagnostics(in), "PF501").is_object());
  CHECK(c.diagnostics(old).empty());
  CHECK(c.diagnostics(readme).empty());
  json all = c.request("textDocument/codeAction",
                       {{"textDocument", {{"uri", old}}},
                        {"range", range(0, 0, 0, 0)},
                        {"context", {{"diagnostics", json::array()}}}})["result"];
  CHECK(all.empty());
  fs::remove_all(dir);
}

TEST_CASE("lsp: the binary serves a session over stdio and exits 0 after shutdown/exit") {
  fs::path dir = test::temp_dir("lsp-stdio");
  auto frame = [](const json& m) {
    std::string b = m.dump();
    return "Content-Length: " + std::to_string(b.size()) + "\r\n\r\n" + b;
  };
  std::string in =
      frame({{"jsonrpc", "2.0"},
             {"id", 1},
             {"method", "initialize"},
             {"params", {{"capabilities", json::object()}}}}) +
      "Content-Length: 5\r\n\r\n{oops" +
      frame({{"jsonrpc", "2.0"},
             {"method", "textDocument/didOpen"},
             {"params",
              {{"textDocument",
                {{"uri", k_uri}, {"version", 1}, {"text", "# A\n\nWe leverage it.\n"}}}}}}) +
      frame({{"jsonrpc", "2.0"}, {"id", 2}, {"method", "shutdown"}}) +
      frame({{"jsonrpc", "2.0"}, {"method", "exit"}});
  test::write(dir / "in.bin", in);
  auto r = test::run(std::string(PRFAQ_BIN) + " lsp --no-config < " + (dir / "in.bin").string() +
                     " 2>/dev/null");
  CHECK(r.status == 0);
  CHECK(r.out.find("\"positionEncoding\":\"utf-16\"") != std::string::npos);
  CHECK(r.out.find("-32700") != std::string::npos);
  CHECK(r.out.find("\"code\":\"PF501\"") != std::string::npos);
  CHECK(r.out.find("\"id\":2,\"jsonrpc\":\"2.0\",\"result\":null") != std::string::npos);
  // Without shutdown the exit code is 1.
  test::write(dir / "in2.bin", frame({{"jsonrpc", "2.0"}, {"method", "exit"}}));
  r = test::run(std::string(PRFAQ_BIN) + " lsp < " + (dir / "in2.bin").string());
  CHECK(r.status == 1);
  fs::remove_all(dir);
}

TEST_CASE("lsp review: deep JSON, a lost header, a non-boolean capability") {
  Client c;
  std::string deep = R"({"jsonrpc":"2.0","id":1,"method":"foo","params":)" +
                     std::string(200000, '[') + std::string(200000, ']') + "}";
  auto out = c.server.handle(deep);
  REQUIRE(out.size() == 1);
  CHECK(out[0]["error"]["code"] == -32002);  // not initialized yet; no crash
  // A capability of the wrong type is ignored, and initialize succeeds once.
  json caps = {{"workspace", {{"didChangeWatchedFiles", {{"dynamicRegistration", "yes"}}}}}};
  CHECK(c.initialize(caps)["result"]["capabilities"].is_object());
  // After a header block without Content-Length, the next message is still read.
  std::string body = R"({"jsonrpc":"2.0","method":"exit"})";
  std::stringstream in;
  in << "Content-Type: x\r\n\r\n{\"jsonrpc\":\"2.0\"}Content-Length: " << body.size() << "\r\n\r\n"
     << body;
  CHECK(prfaq::lsp::read_message(in).status == prfaq::lsp::ReadResult::Status::bad_header);
  auto r = prfaq::lsp::read_message(in);
  REQUIRE(r.status == prfaq::lsp::ReadResult::Status::message);
  CHECK(r.body == body);
}

TEST_CASE("lsp review: the vocabulary never clobbers a config; links and a BOM are handled") {
  fs::path dir = test::temp_dir("lsp-vocab2");
  SUBCASE("a new .prfaq.toml goes next to the document, not into another folder") {
    test::write(dir / "ws" / ".prfaq.toml", "# the team's\n[product]\nnames = [\"Acme\"]\n");
    fs::create_directories(dir / "other");
    REQUIRE(!prfaq::discover_config(dir / "other" / "doc.md"));
    std::string uri = prfaq::lsp::path_to_uri(dir / "other" / "doc.md");
    Client c;
    c.initialize({}, prfaq::lsp::path_to_uri(dir / "ws"));
    c.open(uri, "# Plan\n\nShiped ships today.\n");
    c.request("workspace/executeCommand",
              {{"command", "prfaq.addToVocabulary"}, {"arguments", {uri, "Shiped"}}});
    CHECK(test::read(dir / "ws" / ".prfaq.toml") ==
          "# the team's\n[product]\nnames = [\"Acme\"]\n");
    CHECK(test::read(dir / "other" / ".prfaq.toml").find("\"Shiped\"") != std::string::npos);
  }
  SUBCASE("a symbolic link to a shared config: the shared file is edited, the link stays") {
    test::write(dir / "shared.toml", "[spelling]\naccept = [\"Zorblat\"]\n");
    fs::create_directories(dir / "proj");
    fs::create_symlink(dir / "shared.toml", dir / "proj" / ".prfaq.toml");
    std::string uri = prfaq::lsp::path_to_uri(dir / "proj" / "doc.md");
    Client c;
    c.initialize();
    c.open(uri, "# Plan\n\nShiped ships today.\n");
    c.request("workspace/executeCommand",
              {{"command", "prfaq.addToVocabulary"}, {"arguments", {uri, "Shiped"}}});
    CHECK(fs::is_symlink(dir / "proj" / ".prfaq.toml"));
    CHECK(test::read(dir / "shared.toml") == "[spelling]\naccept = [\"Zorblat\", \"Shiped\"]\n");
  }
  SUBCASE("a byte order mark before the first key") {
    test::write(dir / ".prfaq.toml", "\xEF\xBB\xBFspelling.accept = [\"Zorblat\"]\n");
    std::string uri = prfaq::lsp::path_to_uri(dir / "doc.md");
    Client c;
    c.initialize();
    c.open(uri, "# Plan\n\nShiped ships today.\n");
    json r = c.request("workspace/executeCommand",
                       {{"command", "prfaq.addToVocabulary"}, {"arguments", {uri, "Shiped"}}});
    CHECK(r["result"].is_null());
    CHECK(test::read(dir / ".prfaq.toml") ==
          "\xEF\xBB\xBFspelling.accept = [\"Zorblat\", \"Shiped\"]\n");
  }
  fs::remove_all(dir);
}

TEST_CASE("lsp review: front matter keeps its fence; fix-all only when asked for") {
  Client c;
  c.initialize();
  std::string text = "---\ntitle: Plan\n---";
  c.open(k_uri, text);
  json diags = c.diagnostics(k_uri);
  REQUIRE(!diags.empty());
  json actions = c.request("textDocument/codeAction",
                           {{"textDocument", {{"uri", k_uri}}},
                            {"range", diags[0]["range"]},
                            {"context", {{"diagnostics", json::array()}}}})["result"];
  bool file_action = false;
  for (const json& a : actions) {
    std::string t = a["title"];
    CHECK(a["kind"] != "source.fixAll.prfaq");  // not without context.only
    if (t.find("for this file") != std::string::npos) {
      file_action = true;
      CHECK(apply_edits(text, a["edit"]["changes"][k_uri])
                .starts_with("---\ntitle: Plan\n---\n<!--"));
    }
    if (t.find("for this line") != std::string::npos)
      CHECK(a["edit"]["changes"][k_uri][0]["range"]["start"]["line"] > 2);
  }
  CHECK(file_action);
}
