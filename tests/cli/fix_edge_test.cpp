// Issue 11, --fix edge cases: a heading's '#' after NUL bytes and an indented table row's
// words survive (the offsets of their text are found whatever precedes it).
#include <doctest/doctest.h>

#include "robust_support.hpp"

using namespace robust;
using namespace std::string_literals;

TEST_CASE("fix: a heading with 20 NUL bytes after its '#' keeps the '#' and the NUL bytes") {
  auto dir = test::temp_dir("fix-nul");
  std::string doc = "#"s + std::string(20, '\0') + " leverages synergy\n";
  test::write(dir / "h.md", doc);
  auto r = run_prfaq(dir, "lint --fix h.md");
  CHECK(r.status != 2);
  std::string fixed = test::read(dir / "h.md");
  CHECK(fixed.substr(0, 21) == doc.substr(0, 21));
  CHECK(fixed.find("synergy") != std::string::npos);
  // However many: from 1 to 40.
  for (int n = 1; n <= 40; ++n) {
    CAPTURE(n);
    std::string d = "#"s + std::string(static_cast<std::size_t>(n), '\0') + " leverages synergy\n";
    test::write(dir / "h.md", d);
    run_prfaq(dir, "lint --fix h.md");
    std::string f = test::read(dir / "h.md");
    CHECK(f.substr(0, static_cast<std::size_t>(n) + 1) ==
          d.substr(0, static_cast<std::size_t>(n) + 1));
    CHECK(f.ends_with(" synergy\n"));
  }
  fs::remove_all(dir);
}

TEST_CASE("fix: an indented table continuation row keeps its words ('in order to' -> 'to')") {
  auto dir = test::temp_dir("fix-table");
  test::write(dir / "t.md", "| a | b |\n|---|---|\n  in order to\n");
  run_prfaq(dir, "lint --fix t.md");
  CHECK(test::read(dir / "t.md") == "| a | b |\n|---|---|\n  to\n");
  for (int indent = 0; indent <= 3; ++indent) {
    CAPTURE(indent);
    std::string pad(static_cast<std::size_t>(indent), ' ');
    test::write(dir / "t.md", "| a | b |\n|---|---|\n" + pad + "in order to | x in order to\n");
    run_prfaq(dir, "lint --fix t.md");
    CHECK(test::read(dir / "t.md") == "| a | b |\n|---|---|\n" + pad + "to | x to\n");
  }
  fs::remove_all(dir);
}

// The subheadline skeleton takes the form the reader takes for a subheadline under the headline
// it follows, so a second --fix finds it and inserts nothing.
TEST_CASE("fix: the subheadline skeleton under a bold, an H3 and an H1 headline") {
  auto dir = test::temp_dir("fix-subhead");
  const std::string rest =
      "\n\n**Berlin, 1 May 2026** — Kettle today launched a kettle that boils water in one "
      "minute for people who want tea now.\n\nPeople wait too long for tea every morning and "
      "give up.\n\nKettle heats only the cup it pours.\n\n## FAQ\n\n**Q: Why?**\n\nBecause.\n";
  struct Case {
    std::string headline, inserted;
  };
  for (const Case& c : {Case{"**Kettle Boils Water in One Minute**",
                             "\n\n*[One sentence: who the customer is and the benefit]*"},
                        Case{"### Kettle Boils Water in One Minute",
                             "\n\n*[One sentence: who the customer is and the benefit]*"},
                        Case{"# Kettle Boils Water in One Minute",
                             "\n\n## [One sentence: who the customer is and the benefit]"}}) {
    CAPTURE(c.headline);
    const std::string doc = "# PR/FAQ: Kettle\n\n**FOR IMMEDIATE RELEASE**\n\n" + c.headline + rest;
    test::write(dir / "k.md", doc);
    run_prfaq(dir, "lint --no-config --fix --select PF101 k.md");
    const std::string once = test::read(dir / "k.md");
    // Other missing sections (getting started, internal FAQ) are inserted too.
    CHECK(once.find(c.headline + c.inserted + "\n\n**Berlin") != std::string::npos);
    run_prfaq(dir, "lint --no-config --fix --select PF101 k.md");
    CHECK(test::read(dir / "k.md") == once);
  }
  fs::remove_all(dir);
}
