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

}  // namespace

TEST_CASE("golden rule fixtures") {
  const fs::path fixtures = PRFAQ_FIXTURES_DIR;
  const fs::path root = fixtures / "rules";
  REQUIRE(fs::is_directory(root));
  const prfaq::Config& defaults = test::default_config();
  REQUIRE(defaults.ok());

  std::map<std::string, std::string> known_bugs;  // relative path -> diagnosis
  {
    std::istringstream in(test::read(root / "known-bugs.txt"));
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == '#') continue;
      std::size_t sp = line.find(' ');
      known_bugs[line.substr(0, sp)] = sp == std::string::npos ? "" : line.substr(sp + 1);
    }
  }

  std::vector<fs::path> cases;
  for (const auto& e : fs::recursive_directory_iterator(root))
    if (e.is_regular_file() && e.path().extension() == ".md") cases.push_back(e.path());
  std::sort(cases.begin(), cases.end());

  struct Counts {
    int fire = 0, silent = 0;
  };
  std::map<std::string, Counts> per_rule;  // rule directory name -> cases
  std::set<std::string> listed_seen;
  std::size_t matched = 0, known = 0;

  for (const fs::path& md : cases) {
    const std::string rel = generic(fs::relative(md, fixtures));
    const std::string dir = md.parent_path().filename().string();
    INFO(rel);
    const prfaq::RuleSpec* rule = defaults.find_rule(dir);
    CHECK_MESSAGE(rule != nullptr, "fixture directory '" << dir << "' names no rule");
    if (!rule) continue;
    CHECK_MESSAGE(rule->name == dir, "fixture directories use the rule's name, not its code");

    fs::path expected_path = md;
    expected_path.replace_extension(".expected");
    // A case without a hand-written expectation is a failure: nothing passes unreviewed.
    CHECK_MESSAGE(fs::exists(expected_path), "no hand-written " << generic(expected_path));
    if (!fs::exists(expected_path)) continue;
    const std::string want = test::read(expected_path);
    (want.empty() ? per_rule[dir].silent : per_rule[dir].fire) += 1;

    std::shared_ptr<const prfaq::Config> own;
    fs::path toml = md;
    toml.replace_extension(".prfaq.toml");
    if (fs::exists(toml)) {
      own = prfaq::load_config(toml);
      REQUIRE(own);
      CHECK_MESSAGE(own->ok(), "bad " << generic(toml));
      if (!own->ok()) continue;
    }
    const prfaq::Config& config = own ? *own : defaults;

    prfaq::RuleFilter only;
    only.select = {rule->code};
    const std::string got = test::lint_concise(rel, test::read(md), config, only);

    if (auto bug = known_bugs.find(rel); bug != known_bugs.end()) {
      listed_seen.insert(rel);
      ++known;
      CHECK_MESSAGE(got != want,
                    "now matches its expectation: remove it from "
                    "fixtures/rules/known-bugs.txt ("
                        << bug->second << ")");
      continue;
    }
    CHECK_MESSAGE(got == want, "output differs from " << generic(expected_path)
                                                      << " (- expected, + actual):\n"
                                                      << test::line_diff(want, got));
    matched += got == want;
  }

  for (const auto& [rel, why] : known_bugs)
    CHECK_MESSAGE(listed_seen.count(rel), "known-bugs.txt lists a missing fixture: " << rel);

  // Every rule directory holds a case that must fire and one that must stay silent.
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
  MESSAGE("rule fixtures matching their hand-written expectation: "
          << matched << " of " << cases.size() << " (" << known << " known bugs)");
}
