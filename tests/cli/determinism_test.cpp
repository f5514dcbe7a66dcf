// Issue 11, determinism: the findings are byte-identical whatever --jobs is. cmark-gfm's
// process-wide table of special inline characters is changed by every parser's inline pass;
// parsers finishing in parallel raced on it and left `~~struck~~` text unparsed.
#include <doctest/doctest.h>

#include <random>

#include "robust_support.hpp"

using namespace robust;

TEST_CASE("determinism: --jobs 1 and --jobs 2 give the same bytes, run after run") {
  auto dir = test::temp_dir("determinism");
  std::mt19937 rng(7);
  const std::vector<std::string> words = {"leverage",
                                          "synergy",
                                          "~~struck~~",
                                          "very",
                                          "~~really~~",
                                          "TBD",
                                          "~~TBD~~",
                                          "customers",
                                          "~~teh~~",
                                          "launch",
                                          "~~in order to~~",
                                          "quickly",
                                          "~~~tilde~~~",
                                          "metric",
                                          "50%",
                                          "~x~",
                                          "world",
                                          "https://example.com/a~b",
                                          "www.example.com"};
  for (int i = 0; i < 600; ++i) {
    std::string doc = "# Acme launches thing " + std::to_string(i) +
                      "\n\n## Customers get ~~faster~~ results\n\nSEATTLE — Acme today "
                      "announced ~~Widget~~, which lets ~~teams~~ ship ~~fast~~.\n\n";
    for (int p = 0; p < 6; ++p) {
      for (int w = 0; w < 40; ++w) doc += words[rng() % words.size()] + " ";
      doc += ".\n\n";
    }
    doc += "## FAQ\n\n### Is it ~~free~~?\n\n~~Yes~~ it is ~~TBD~~.\n";
    char name[32];
    std::snprintf(name, sizeof name, "d%03d.md", i);
    test::write(dir / "corpus" / name, doc);
  }
  auto one = prfaq_stdout(dir, "lint --format concise --jobs 1 corpus");
  REQUIRE(one.status != 2);
  REQUIRE(one.out.size() > 100000);
  for (int run = 0; run < 5; ++run) {
    CAPTURE(run);
    auto two = prfaq_stdout(dir, "lint --format concise --jobs 2 corpus");
    CHECK(two.status != 2);
    CHECK(two.out == one.out);
  }
  fs::remove_all(dir);
}
