// The README's rule table is generated from the rule files; this fails when it is stale.
#include <doctest/doctest.h>

#include "support.hpp"

TEST_CASE("README rule table matches the rule files (run scripts/update-readme-rules.sh)") {
  std::string readme = test::read(std::string(PRFAQ_SOURCE_DIR) + "/README.md");
  const std::string begin = "<!-- rules:begin (scripts/update-readme-rules.sh) -->\n";
  const std::string end = "<!-- rules:end -->";
  auto i = readme.find(begin), j = readme.find(end);
  REQUIRE(i != std::string::npos);
  REQUIRE(j != std::string::npos);
  std::string table = readme.substr(i + begin.size(), j - i - begin.size());
  test::Run r = test::run(std::string(PRFAQ_BIN) + " rules --no-config --format markdown");
  REQUIRE(r.status == 0);
  CHECK(table == r.out);
}
