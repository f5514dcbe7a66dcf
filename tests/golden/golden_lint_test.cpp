// Golden lint output of the document corpus: fixtures/docs/X.md against the hand-reviewed
// X.expected-lint, the `--format concise` output of
//   cd fixtures && prfaq lint --no-config --format concise --ignore PF601,PF602 docs/X.md
// as it should be (false positives removed, misses added, positions fixed). Fixtures listed in
// fixtures/docs/known-lint-bugs.txt are documented tool bugs: the test checks that they still
// differ, so fixing a bug forces the list to shrink.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <vector>

#include "support.hpp"

namespace fs = std::filesystem;

namespace {

std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

}  // namespace

TEST_CASE("golden lint output of the fixture corpus") {
  const fs::path fixtures = PRFAQ_FIXTURES_DIR;
  const fs::path dir = fixtures / "docs";
  REQUIRE(fs::is_directory(dir));

  std::map<std::string, std::string> known;  // fixture stem -> diagnosis
  {
    std::istringstream in(test::read(dir / "known-lint-bugs.txt"));
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == '#') continue;
      std::size_t sp = line.find(' ');
      known[line.substr(0, sp)] = sp == std::string::npos ? "" : line.substr(sp + 1);
    }
  }

  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().extension() == ".md" && e.path().filename() != "README.md")
      files.push_back(e.path());
  std::sort(files.begin(), files.end());

  for (const auto& [name, why] : known) {
    INFO(name);
    CHECK_MESSAGE(fs::exists(dir / (name + ".md")),
                  "known-lint-bugs.txt names a fixture that does not exist");
  }

  CHECK(files.size() >= 30);
  // One subcase per fixture: -sc='docs/NAME' runs one.
  for (const fs::path& md : files) {
    const std::string name = md.stem().string();
    SUBCASE(("docs/" + name).c_str()) {
      const fs::path expected = dir / (name + ".expected-lint");
      REQUIRE_MESSAGE(fs::exists(expected),
                      "fixture without a hand-reviewed " << expected.filename().string());
      const std::string cmd = "cd " + shell_quote(fixtures.string()) + " && " +
                              shell_quote(PRFAQ_BIN) +
                              " lint --no-config --format concise --ignore PF601,PF602 " +
                              shell_quote("docs/" + md.filename().string());
      const test::Run r = test::run(cmd);
      CHECK_MESSAGE((r.status == 0 || r.status == 1), "exit status " << r.status << "\n" << r.out);
      const std::string& got = r.out;
      const std::string want = test::read(expected);
      if (known.count(name))
        CHECK_MESSAGE(got != want, "now matches: remove it from known-lint-bugs.txt");
      else
        CHECK_MESSAGE(got == want, "lint output differs from " << expected.filename().string()
                                                               << " (- expected, + actual):\n"
                                                               << test::line_diff(want, got));
    }
  }
}
