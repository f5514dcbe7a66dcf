// Issue 11, the language server: a duplicate Content-Length header does not swallow the next
// request, and "add to vocabulary" never writes outside the workspace.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "lsp/server.hpp"
#include "lsp/transport.hpp"
#include "robust_support.hpp"

using nlohmann::json;
namespace fs = std::filesystem;
using prfaq::lsp::ReadResult;

namespace {

std::string frame(const std::string& body, const std::string& extra = "") {
  return "Content-Length: " + std::to_string(body.size()) + "\r\n" + extra + "\r\n" + body;
}

}  // namespace

TEST_CASE("lsp transport: conflicting Content-Length headers lose that message only") {
  std::string first = R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{}})";
  std::string second = R"({"jsonrpc":"2.0","id":2,"method":"shutdown"})";
  // A second, larger length would have swallowed the next request.
  std::istringstream in("Content-Length: " + std::to_string(first.size()) +
                        "\r\nContent-Length: 1000\r\n\r\n" + first + frame(second));
  auto r = prfaq::lsp::read_message(in);
  CHECK(r.status == ReadResult::Status::bad_header);
  CHECK(r.error.find("Content-Length") != std::string::npos);
  r = prfaq::lsp::read_message(in);
  REQUIRE(r.status == ReadResult::Status::message);
  CHECK(r.body == second);
  // A smaller one, and a body holding line breaks before the next header.
  std::string multiline = "{\n\"jsonrpc\": \"2.0\",\n\"id\": 1,\n\"method\": \"shutdown\"\n}\n";
  std::istringstream in2("Content-Length: " + std::to_string(multiline.size()) +
                         "\r\nContent-Length: 3\r\n\r\n" + multiline + frame(second));
  r = prfaq::lsp::read_message(in2);
  CHECK(r.status == ReadResult::Status::bad_header);
  for (int i = 0; i < 10 && r.status != ReadResult::Status::message; ++i)
    r = prfaq::lsp::read_message(in2);
  REQUIRE(r.status == ReadResult::Status::message);
  CHECK(r.body == second);
  // The same length twice is one header.
  std::istringstream in3(
      frame(second, "Content-Length: " + std::to_string(second.size()) + "\r\n"));
  r = prfaq::lsp::read_message(in3);
  REQUIRE(r.status == ReadResult::Status::message);
  CHECK(r.body == second);
}

TEST_CASE("lsp: add to vocabulary never writes a words_file outside the workspace") {
  auto dir = test::temp_dir("lsp-vocab");
  fs::create_directories(dir / "ws");
  test::write(dir / "cfg.toml", "[spelling]\nwords_file = \"words.txt\"\n");
  test::write(dir / "words.txt", "Acme\n");
  prfaq::lsp::ServerOptions o;
  o.config = dir / "cfg.toml";
  prfaq::lsp::Server server(o);
  auto send = [&](const json& m) { return server.handle(m.dump()); };
  std::string root = prfaq::lsp::path_to_uri(dir / "ws");
  std::string uri = prfaq::lsp::path_to_uri(dir / "ws" / "doc.md");
  send({{"jsonrpc", "2.0"},
        {"id", 1},
        {"method", "initialize"},
        {"params", {{"capabilities", json::object()}, {"rootUri", root}}}});
  send({{"jsonrpc", "2.0"}, {"method", "initialized"}, {"params", json::object()}});
  send({{"jsonrpc", "2.0"},
        {"method", "textDocument/didOpen"},
        {"params",
         {{"textDocument",
           {{"uri", uri},
            {"languageId", "markdown"},
            {"version", 1},
            {"text", "# Acme launches Zorblyx\n\nZorblyx helps teams.\n"}}}}}});
  auto out =
      send({{"jsonrpc", "2.0"},
            {"id", 2},
            {"method", "workspace/executeCommand"},
            {"params", {{"command", "prfaq.addToVocabulary"}, {"arguments", {uri, "Zorblyx"}}}}});
  bool failed = false;
  for (const json& m : out)
    if (m.contains("id") && m["id"] == 2) failed = m.contains("error");
  CHECK(failed);
  CHECK(test::read(dir / "words.txt") == "Acme\n");
  CHECK(test::read(dir / "cfg.toml") == "[spelling]\nwords_file = \"words.txt\"\n");
  fs::remove_all(dir);
}
