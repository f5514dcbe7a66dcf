// Issue 11, configurations: bounded nesting, `extends` depth and sizes; special files never
// opened; a configuration found by walking up reads only inside its repository; error
// messages never quote a file that is not a valid configuration or words file.
#include <doctest/doctest.h>
#include <sys/stat.h>

#include "robust_support.hpp"

using namespace robust;

namespace {

// A repository (with .git) holding doc.md, and a directory beside it.
fs::path repo(const std::string& name) {
  auto dir = test::temp_dir(name);
  fs::create_directories(dir / "repo" / ".git");
  test::write(dir / "repo" / "doc.md", "# Acme launches Widget\n\nWe built it for teams.\n");
  return dir;
}

bool crashed(const test::Run& r) {
  return r.status < 0 || r.status > 2;
}

}  // namespace

TEST_CASE("config: a table header of 40,000 dotted parts is refused, not a stack overflow") {
  auto dir = repo("cfg-dotted");
  std::string header = "[a";
  for (int i = 1; i < 40000; ++i) header += ".a";
  test::write(dir / "repo" / ".prfaq.toml", header + "]\n");
  auto r = run_prfaq(dir / "repo", "lint doc.md");
  CHECK_FALSE(crashed(r));
  CHECK(r.status == 2);
  CHECK(r.out.find("CF012") != std::string::npos);
  CHECK(r.out.find("more than 64 dotted parts") != std::string::npos);
  // Nested arrays and inline tables too.
  test::write(dir / "repo" / ".prfaq.toml",
              "x = " + std::string(100000, '[') + std::string(100000, ']') + "\n");
  r = run_prfaq(dir / "repo", "lint doc.md");
  CHECK_FALSE(crashed(r));
  CHECK(r.out.find("nest more than 64 deep") != std::string::npos);
  // Dots in strings, comments and numbers are not key parts.
  test::write(dir / "repo" / ".prfaq.toml", "# " + std::string(200, '.') + "\ninclude = [\"" +
                                                std::string(200, '.') +
                                                "\"]\n[rules.PF201]\nmax_words = 12\n");
  r = run_prfaq(dir / "repo", "lint doc.md");
  CHECK(r.out.find("CF012") == std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("config: an extends chain of 20,000 files stops at the depth limit and shows it") {
  auto dir = repo("cfg-extends");
  fs::path r0 = dir / "repo";
  for (int i = 0; i < 20000; ++i)
    test::write(r0 / "chain" / ("c" + std::to_string(i) + ".toml"),
                "extends = [\"c" + std::to_string(i + 1) + ".toml\"]\n");
  test::write(r0 / "chain" / "c20000.toml", "fail_on = \"error\"\n");
  test::write(r0 / ".prfaq.toml", "extends = [\"chain/c0.toml\"]\n");
  auto r = run_prfaq(r0, "lint doc.md");
  CHECK_FALSE(crashed(r));
  CHECK(r.status == 2);
  CHECK(r.out.find("CF012") != std::string::npos);
  CHECK(r.out.find("more than 16 configurations deep: .prfaq.toml -> c0.toml -> c1.toml") !=
        std::string::npos);
  // 15 deep is fine.
  test::write(r0 / ".prfaq.toml", "extends = [\"chain/c19986.toml\"]\n");
  r = run_prfaq(r0, "lint doc.md");
  CHECK(r.out.find("CF012") == std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("config: configuration, rule and words files have size limits") {
  auto dir = repo("cfg-size");
  fs::path r0 = dir / "repo";
  std::string big;
  while (big.size() < (2u << 20)) big += "# a comment line that makes the file large\n";
  test::write(r0 / ".prfaq.toml", big);
  auto r = run_prfaq(r0, "lint doc.md");
  CHECK(r.status == 2);
  CHECK(r.out.find("CF013") != std::string::npos);
  CHECK(r.out.find("too large: more than 1 MiB") != std::string::npos);
  std::string words;
  while (words.size() < (5u << 20)) words += "Zorbly\n";
  test::write(r0 / "words.txt", words);
  test::write(r0 / ".prfaq.toml", "[spelling]\nwords_file = \"words.txt\"\n");
  r = run_prfaq(r0, "lint doc.md");
  CHECK(r.status == 2);
  CHECK(r.out.find("larger than 4 MiB") != std::string::npos);
  test::write(r0 / "rules" / "big.toml", big);
  test::write(r0 / ".prfaq.toml", "rule_dirs = [\"rules\"]\n");
  r = run_prfaq(r0, "lint doc.md");
  CHECK(r.status == 2);
  CHECK(r.out.find("Cannot read rule file") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("config: /dev/zero and FIFOs as configuration, extends, rule or words file") {
  auto dir = repo("cfg-special");
  fs::path r0 = dir / "repo";
  REQUIRE(::mkfifo((r0 / "fifo.toml").c_str(), 0644) == 0);
  REQUIRE(::mkfifo((r0 / "words.fifo").c_str(), 0644) == 0);
  fs::create_directories(r0 / "rules");
  REQUIRE(::mkfifo((r0 / "rules" / "r.toml").c_str(), 0644) == 0);
  // Memory is capped so that reading /dev/zero without a limit fails instead of filling it.
  auto run = [&](const std::string& args) {
    return test::run("cd '" + r0.string() + "' && ulimit -v 2000000 && " + guard() + bin() + " " +
                     args);
  };
  auto r = run("lint --config fifo.toml doc.md");
  CHECK(r.status == 2);
  CHECK(r.out.find("not a regular file (a FIFO)") != std::string::npos);
  r = run("lint --config /dev/zero doc.md");
  CHECK(r.status == 2);
  CHECK(r.out.find("not a regular file (a character device)") != std::string::npos);
  for (std::string cfg :
       {"extends = [\"fifo.toml\"]", "extends = [\"/dev/zero\"]", "rule_dirs = [\"rules\"]",
        "[spelling]\nwords_file = \"words.fifo\"", "[spelling]\nwords_file = \"/dev/zero\""}) {
    CAPTURE(cfg);
    test::write(r0 / "main.toml", cfg + "\n");
    r = run("lint --config main.toml doc.md");
    CHECK(r.status == 2);
    CHECK(r.out.find("not a regular file") != std::string::npos);
  }
  CHECK(S_ISFIFO(mode_of(r0 / "fifo.toml")));
  fs::remove_all(dir);
}

TEST_CASE("config: a found configuration reads only inside its repository") {
  auto dir = repo("cfg-confined");
  fs::path r0 = dir / "repo";
  test::write(dir / "outside.toml", "[product]\nnames = [\"Outside\"]\n");
  test::write(dir / "secret.txt", "hunter2\n");
  fs::create_symlink(dir / "outside.toml", r0 / "link.toml");
  for (std::string cfg :
       {"extends = [\"/etc/passwd\"]", "extends = [\"../outside.toml\"]",
        "extends = [\"link.toml\"]", "rule_dirs = [\"/tmp\"]", "rule_dirs = [\"..\"]",
        "[spelling]\nwords_file = \"../secret.txt\"", "[spelling]\nwords_file = \"/etc/passwd\"",
        "[spelling]\ndictionaries = [\"/etc\"]"}) {
    CAPTURE(cfg);
    test::write(r0 / ".prfaq.toml", cfg + "\n");
    auto r = run_prfaq(r0, "lint doc.md");
    CHECK(r.status == 2);
    CHECK(r.out.find("CF011") != std::string::npos);
    CHECK(r.out.find("root:x:0") == std::string::npos);
    CHECK(r.out.find("hunter2") == std::string::npos);
  }
  // --trust-config and --config allow it.
  test::write(r0 / ".prfaq.toml", "extends = [\"../outside.toml\"]\n");
  CHECK(run_prfaq(r0, "lint doc.md").status == 2);
  CHECK(run_prfaq(r0, "lint --trust-config doc.md").status != 2);
  CHECK(run_prfaq(r0, "lint --config .prfaq.toml doc.md").status != 2);
  // Inside is fine, also in a subdirectory of the repository above the configuration.
  test::write(r0 / "shared" / "base.toml", "[product]\nnames = [\"Acme\"]\n");
  test::write(r0 / "docs" / ".prfaq.toml", "extends = [\"../shared/base.toml\"]\n");
  test::write(r0 / "docs" / "doc.md", "# Acme launches Widget\n");
  CHECK(run_prfaq(r0, "lint docs/doc.md").status != 2);
  // A language is a name, not a path.
  test::write(r0 / ".prfaq.toml", "[spelling]\nlanguage = \"../../../tmp/evil\"\n");
  auto r = run_prfaq(r0, "lint doc.md");
  CHECK(r.status == 2);
  CHECK(r.out.find("must be a language code") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("config: errors never quote a file that is not a valid configuration or words file") {
  auto dir = repo("cfg-noleak");
  fs::path r0 = dir / "repo";
  test::write(r0 / "secret.txt", "TOKEN=hunter2-secret-value\nmore = 'hunter2'\n[[[\n");
  test::write(r0 / ".prfaq.toml", "extends = [\"secret.txt\"]\n");
  for (std::string format : {"text", "concise", "json", "github"}) {
    CAPTURE(format);
    auto r = run_prfaq(r0, "lint --format " + format + " doc.md");
    CHECK(r.status == 2);
    CHECK(r.out.find("CF001") != std::string::npos);
    CHECK(r.out.find("secret.txt") != std::string::npos);
    CHECK(r.out.find("hunter2") == std::string::npos);
  }
  test::write(r0 / "words.txt", "Acme\nhunter2-secret(\n");
  test::write(r0 / ".prfaq.toml", "[spelling]\nwords_file = \"words.txt\"\n");
  auto r = run_prfaq(r0, "lint doc.md");
  CHECK(r.status == 2);
  CHECK(r.out.find("words.txt:2:1") != std::string::npos);
  CHECK(r.out.find("hunter2") == std::string::npos);
  fs::remove_all(dir);
}
