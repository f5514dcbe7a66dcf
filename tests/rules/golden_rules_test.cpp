// Golden rule fixtures: fixtures/rules/<rule-name>/<case>.md against the hand-written
// <case>.expected (the `--format concise` output with only that rule selected, paths relative to
// fixtures/; empty means the rule must stay silent). A <case>.prfaq.toml next to a case replaces
// the default configuration. Cases listed in fixtures/rules/known-bugs.txt are documented tool
// bugs: the test checks that they still differ, so fixing a bug forces the list to shrink.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <set>
#include <vector>

#include "support.hpp"

namespace fs = std::filesystem;

namespace {

std::string generic(const fs::path& p) {
  return p.generic_string();
}

// The bug list: relative path -> diagnosis.
std::map<std::string, std::string> known_bugs(const fs::path& root) {
  std::map<std::string, std::string> out;
  std::istringstream in(test::read(root / "known-bugs.txt"));
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::size_t sp = line.find(' ');
    out[line.substr(0, sp)] = sp == std::string::npos ? "" : line.substr(sp + 1);
  }
  return out;
}

std::vector<fs::path> fixture_cases(const fs::path& root) {
  std::vector<fs::path> cases;
  for (const auto& e : fs::recursive_directory_iterator(root))
    if (e.is_regular_file() && e.path().extension() == ".md") cases.push_back(e.path());
  std::sort(cases.begin(), cases.end());
  return cases;
}

// One case: its rule alone, its own configuration when it has one, against its expectation.
void check_case(const fs::path& fixtures, const fs::path& md,
                const std::map<std::string, std::string>& bugs) {
  const std::string rel = generic(fs::relative(md, fixtures));
  const std::string dir = md.parent_path().filename().string();
  const prfaq::Config& defaults = test::default_config();
  const prfaq::RuleSpec* rule = defaults.find_rule(dir);
  REQUIRE_MESSAGE(rule != nullptr, "fixture directory '" << dir << "' names no rule");
  CHECK_MESSAGE(rule->name == dir, "fixture directories use the rule's name, not its code");
  fs::path expected_path = md;
  expected_path.replace_extension(".expected");
  // A case without a hand-written expectation is a failure: nothing passes unreviewed.
  REQUIRE_MESSAGE(fs::exists(expected_path), "no hand-written " << generic(expected_path));
  const std::string want = test::read(expected_path);
  std::shared_ptr<const prfaq::Config> own;
  fs::path toml = md;
  toml.replace_extension(".prfaq.toml");
  if (fs::exists(toml)) {
    own = prfaq::load_config(toml);
    REQUIRE(own);
    REQUIRE_MESSAGE(own->ok(), "bad " << generic(toml));
  }
  prfaq::RuleFilter only;
  only.select = {rule->code};
  const std::string got = test::lint_concise(rel, test::read(md), own ? *own : defaults, only);
  if (auto bug = bugs.find(rel); bug != bugs.end()) {
    CHECK_MESSAGE(got != want,
                  "now matches its expectation: remove it from fixtures/rules/known-bugs.txt ("
                      << bug->second << ")");
    return;
  }
  CHECK_MESSAGE(got == want, "output differs from " << generic(expected_path)
                                                    << " (- expected, + actual):\n"
                                                    << test::line_diff(want, got));
}

}  // namespace

// One subcase per fixture, named by its path: `prfaq_tests -tc='golden rule fixtures'
// -sc='rules/placeholder/*'` runs one rule's fixtures.
TEST_CASE("golden rule fixtures") {
  const fs::path fixtures = PRFAQ_FIXTURES_DIR;
  const fs::path root = fixtures / "rules";
  REQUIRE(fs::is_directory(root));
  REQUIRE(test::default_config().ok());
  const auto bugs = known_bugs(root);
  for (const fs::path& md : fixture_cases(root)) {
    const std::string rel = generic(fs::relative(md, fixtures));
    SUBCASE(rel.c_str()) {
      check_case(fixtures, md, bugs);
    }
  }
}

TEST_CASE("golden rule fixtures: every rule has cases that fire and stay silent") {
  const fs::path fixtures = PRFAQ_FIXTURES_DIR;
  const fs::path root = fixtures / "rules";
  const prfaq::Config& defaults = test::default_config();
  struct Counts {
    int fire = 0, silent = 0;
  };
  std::map<std::string, Counts> per_rule;  // rule directory name -> cases
  std::set<std::string> cases;
  for (const fs::path& md : fixture_cases(root)) {
    cases.insert(generic(fs::relative(md, fixtures)));
    fs::path expected = md;
    expected.replace_extension(".expected");
    if (!fs::exists(expected)) continue;  // the case itself fails for it
    Counts& n = per_rule[md.parent_path().filename().string()];
    (test::read(expected).empty() ? n.silent : n.fire) += 1;
  }
  for (const auto& [rel, why] : known_bugs(root))
    CHECK_MESSAGE(cases.count(rel), "known-bugs.txt lists a missing fixture: " << rel);
  for (const auto& [dir, n] : per_rule) {
    INFO(dir);
    CHECK_MESSAGE(n.fire >= 1, "no fixture that must fire");
    CHECK_MESSAGE(n.silent >= 1, "no fixture that must stay silent");
  }
  // Every rule has a directory, except engine-internal ones (which have fixtures anyway) and the
  // spelling rules PF601/PF602, which fixtures/spelling covers.
  for (const prfaq::RuleSpec& rule : defaults.rules) {
    if (rule.kind == "engine" || rule.code == "PF601" || rule.code == "PF602") continue;
    INFO(rule.code << "/" << rule.name);
    CHECK_MESSAGE(per_rule.count(rule.name), "no fixtures/rules/" << rule.name << "/ directory");
  }
  CHECK(cases.size() >= 80);
}
