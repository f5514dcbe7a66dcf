// Issue 11, output hygiene: a document's control characters never reach the terminal raw,
// and one huge word gives a bounded message.
#include <doctest/doctest.h>

#include "robust_support.hpp"

using namespace robust;

TEST_CASE("output: terminal escape codes in a document are not printed raw") {
  auto dir = test::temp_dir("out-escape");
  test::write(dir / "doc.md",
              "# Acme launches Widget\n\nWe built it \x1b]0;pwned\x07\x1b[2J in order to help "
              "\xC2\x9B"
              "31m teams.\n");
  for (std::string format : {"text", "concise", "github"}) {
    CAPTURE(format);
    auto r = prfaq_stdout(dir, "lint --color never --format " + format + " doc.md");
    CHECK(r.status != 2);
    CHECK(r.out.find('\x1b') == std::string::npos);
    CHECK(r.out.find('\x07') == std::string::npos);
    CHECK(r.out.find("\xC2\x9B") == std::string::npos);
  }
  fs::remove_all(dir);
}

TEST_CASE("output: one 10 MB word gives a message of bounded size") {
  auto dir = test::temp_dir("out-word");
  test::write(dir / "doc.md", "# Acme launches Widget\n\nWe built " + std::string(10u << 20, 'q') +
                                  " for teams.\n");
  for (std::string format : {"text", "concise", "json"}) {
    CAPTURE(format);
    auto r = prfaq_stdout(dir, "lint --format " + format + " doc.md");
    CHECK((r.status == 0 || r.status == 1));
    CHECK(r.out.size() < 64 * 1024);
  }
  fs::remove_all(dir);
}
