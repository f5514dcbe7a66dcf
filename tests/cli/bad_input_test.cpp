// Issue 11, the bad-input matrix: each input gets a clear message and a defined exit code
// (0/1 findings, 2 usage/configuration/I/O error), and nothing is damaged or left behind.
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <nlohmann/json.hpp>
#include <random>

#include "robust_support.hpp"

using namespace robust;

using namespace std::string_literals;

namespace {

struct Case {
  std::string name;
  std::string text;
};

std::vector<Case> bad_documents() {
  std::vector<Case> cases;
  cases.push_back({"invalid UTF-8",
                   "# Acme \xC3\x28 launches\n\nBad \xFF\xFE bytes \xE2\x82 in order to help.\n"});
  cases.push_back({"NUL bytes", "# Acme\0launches\n\nA \0\0 NUL in order to help.\n"s});
  std::string binary;
  std::mt19937 rng(11);
  for (int i = 0; i < 65536; ++i) binary += static_cast<char>(rng() & 0xFF);
  cases.push_back({"binary", binary});
  cases.push_back(
      {"CR only",
       "# Acme launches\r\rWe built it in order to help.\r\r## FAQ\r\r### Why?\r\rTBD.\r"});
  cases.push_back(
      {"CRLF", "# Acme launches\r\n\r\nWe built it in order to help.\r\n\r\n## FAQ\r\n"});
  cases.push_back(
      {"BOM in the middle",
       "# Acme launches\n\nWe built \xEF\xBB\xBFit in order to help.\n\xEF\xBB\xBF## FAQ\n"});
  cases.push_back({"a 10 MB line", "# Acme\n\n" + std::string(10u << 20, 'a') + " in order to\n"});
  cases.push_back(
      {"a 10 MB word of letters and spaces",
       "# Acme\n\n" + std::string(5u << 20, 'x') + " " + std::string(5u << 20, 'y') + "\n"});
  cases.push_back({"100,000-deep blockquotes", std::string(100000, '>') + " deep\n"});
  std::string lists;
  for (int i = 0; i < 2000; ++i)
    lists += std::string(static_cast<std::size_t>(i) * 2, ' ') + "- item\n";
  cases.push_back({"2,000-deep lists", lists});
  cases.push_back({"100,000 nested brackets and emphasis",
                   std::string(100000, '[') + std::string(100000, '*') + "x" +
                       std::string(100000, '*') + std::string(100000, ']') + "\n"});
  std::string headings;
  for (int i = 0; i < 50000; ++i) headings += "## Heading " + std::to_string(i) + "\n";
  cases.push_back({"50,000 headings", headings});
  std::string questions = "# FAQ\n\n";
  for (int i = 0; i < 5000; ++i) questions += "### Question " + std::to_string(i) + "?\n\nYes.\n\n";
  cases.push_back({"5,000 FAQ questions (50,000: scripts/bench-complexity.sh)", questions});
  cases.push_back({"empty", ""});
  cases.push_back({"whitespace only", "  \n\t\n \r\n   \n"});
  return cases;
}

}  // namespace

TEST_CASE("bad input: every odd document is linted with exit 0/1 and valid output") {
  auto dir = test::temp_dir("bad-docs");
  for (const Case& c : bad_documents()) {
    CAPTURE(c.name);
    test::write(dir / "doc.md", c.text);
    auto r = prfaq_stdout(dir, "lint --format json doc.md");
    CHECK((r.status == 0 || r.status == 1));
    nlohmann::json j = nlohmann::json::parse(r.out, nullptr, false);
    CHECK_FALSE(j.is_discarded());
    // --fix: a defined exit, and the file is still there.
    auto f = run_prfaq(dir, "lint --fix --format concise doc.md");
    CAPTURE(f.out.substr(0, 400));
    CHECK((f.status == 0 || f.status == 1));
    CHECK(fs::exists(dir / "doc.md"));
    CHECK(temporaries(dir) == 0);
  }
  fs::remove_all(dir);
}

TEST_CASE("bad input: a missing file, an unreadable file and a directory are told apart") {
  auto dir = test::temp_dir("bad-unreadable");
  test::write(dir / "locked.md", "# Acme\n");
  fs::permissions(dir / "locked.md", fs::perms::none);
  auto r = run_prfaq(dir, "lint missing.md");
  CHECK(r.status == 2);
  CHECK(r.out.find("missing.md: no such file") != std::string::npos);
  if (can_drop_privileges()) {
    r = test::run("cd '" + dir.string() + "' && " + as_user() + bin() + " lint locked.md");
    CHECK(r.status == 2);
    CHECK(r.out.find("locked.md: permission denied") != std::string::npos);
    // A file in a directory that may not be searched: permission denied, not "no such file".
    test::write(dir / "closed" / "doc.md", "# Acme\n");
    fs::permissions(dir / "closed", fs::perms::none);
    r = test::run("cd '" + dir.string() + "' && " + as_user() + bin() + " lint closed/doc.md");
    CHECK(r.status == 2);
    CHECK(r.out.find("closed/doc.md: permission denied") != std::string::npos);
    fs::permissions(dir / "closed", fs::perms(0755));
  }
  fs::remove_all(dir);
}

TEST_CASE("bad input: an unreadable directory in a walk is reported, not skipped silently") {
  if (!can_drop_privileges()) return;
  auto dir = test::temp_dir("bad-walk-perm");
  test::write(dir / "docs" / "ok.md", "# Acme launches Widget\n");
  test::write(dir / "docs" / "locked" / "hidden.md", "# Acme\n");
  fs::permissions(dir / "docs" / "locked", fs::perms::none);
  auto r = test::run("cd '" + dir.string() + "' && " + as_user() + bin() +
                     " lint --format concise docs");
  CHECK(r.status == 2);
  CHECK(r.out.find("docs/locked: cannot read directory: permission denied") != std::string::npos);
  CHECK(r.out.find("docs/ok.md") != std::string::npos);
  fs::permissions(dir / "docs" / "locked", fs::perms(0755));
  fs::remove_all(dir);
}

TEST_CASE("bad input: FIFOs and symbolic link loops in a walk are never opened or followed") {
  auto dir = test::temp_dir("bad-walk-special");
  test::write(dir / "docs" / "ok.md", "# Acme launches Widget\n");
  REQUIRE(::mkfifo((dir / "docs" / "pipe.md").c_str(), 0644) == 0);
  fs::create_symlink("loop.md", dir / "docs" / "loop.md");
  fs::create_symlink(".", dir / "docs" / "again");  // a directory loop
  fs::create_symlink("pipe.md", dir / "docs" / "to-pipe.md");
  auto r = run_prfaq(dir, "lint --format concise docs");
  CHECK(r.status == 2);  // not 124: nothing hung
  CHECK(r.out.find("docs/pipe.md: not a regular file (a FIFO)") != std::string::npos);
  CHECK(r.out.find("docs/to-pipe.md: not a regular file (a FIFO)") != std::string::npos);
  CHECK(r.out.find("docs/loop.md: symbolic link loop") != std::string::npos);
  CHECK(r.out.find("docs/ok.md") != std::string::npos);
  CHECK(r.out.find("again/") == std::string::npos);
  // Named on the command line: refused the same way, without blocking.
  r = run_prfaq(dir, "lint docs/pipe.md");
  CHECK(r.status == 2);
  CHECK(r.out.find("not a regular file (a FIFO)") != std::string::npos);
  CHECK(S_ISFIFO(mode_of(dir / "docs" / "pipe.md")));
  fs::remove_all(dir);
}

TEST_CASE("bad input: paths with spaces, a line break and non-ASCII letters") {
  auto dir = test::temp_dir("bad-names");
  const char* doc = "# Acme launches Widget\n\nWe built it in order to help.\n";
  test::write(dir / "docs" / "my doc.md", doc);
  test::write(dir / "docs" / "na\xC3\xAFve.md", doc);
  test::write(dir / "docs" / "line\n::error file=x.md::pwned\x1b[31m.md", doc);
  for (std::string format : {"text", "concise", "github"}) {
    CAPTURE(format);
    auto r = prfaq_stdout(dir, "lint --format " + format + " docs");
    CHECK(r.status != 2);
    CHECK(r.out.find("my doc.md") != std::string::npos);
    CHECK(r.out.find("na\xC3\xAFve.md") != std::string::npos);
    // The line break never starts a line of its own: no injected workflow command, no ESC.
    CHECK(r.out.find("\n::error file=x.md") == std::string::npos);
    CHECK(r.out.find('\x1b') == std::string::npos);
  }
  auto r = prfaq_stdout(dir, "lint --format concise docs");
  CHECK(r.out.find("docs/line\\n::error file=x.md::pwned\\x1b[31m.md:") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("bad input: standard output closed early (| head -1) ends promptly with exit 2") {
  auto dir = test::temp_dir("bad-head");
  std::string doc = "# Acme launches Widget\n\n";
  for (int i = 0; i < 3000; ++i) doc += "We built it in order to help teams, very quickly.\n\n";
  test::write(dir / "doc.md", doc);
  test::write(dir / "head.sh", guard() + bin() +
                                   " lint --format concise doc.md | head -1 >/dev/null\n"
                                   "echo \"rc=${PIPESTATUS[0]}\"\n");
  auto r = test::run("cd '" + dir.string() + "' && bash head.sh");
  CHECK(r.out.find("rc=2") != std::string::npos);
  CHECK(r.out.find("cannot write to standard output") != std::string::npos);
  // Closed before the start.
  test::run("cd '" + dir.string() + "' && (" + bin() +
            " lint doc.md >&- 2>err.txt; echo $? >rc.txt)");
  CHECK(test::read(dir / "rc.txt") == "2\n");
  CHECK(test::read(dir / "err.txt").find("cannot write to standard output") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("bad input: a closed standard input is an error, not an empty document") {
  auto dir = test::temp_dir("bad-stdin");
  auto r = run_prfaq(dir, "lint - <&-");
  CHECK(r.status == 2);
  CHECK(r.out.find("standard input is closed") != std::string::npos);
  r = run_prfaq(dir, "outline - <&-");
  CHECK(r.status == 2);
  // An empty one is fine.
  r = run_prfaq(dir, "lint --format concise - </dev/null");
  CHECK(r.status != 2);
  fs::remove_all(dir);
}

TEST_CASE("bad input: --jobs must not be negative") {
  auto dir = test::temp_dir("bad-jobs");
  test::write(dir / "doc.md", "# Acme\n");
  auto r = run_prfaq(dir, "lint --jobs -3 doc.md");
  CHECK(r.status == 2);
  CHECK(r.out.find("--jobs") != std::string::npos);
  CHECK(run_prfaq(dir, "lint --jobs 0 doc.md").status != 2);
  fs::remove_all(dir);
}
