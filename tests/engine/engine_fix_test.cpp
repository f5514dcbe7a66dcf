// The fix loop of the engine (fix_until_stable), shared by `lint --fix`, `--diff` and the
// language server's fix-all.
#include <doctest/doctest.h>

#include "support.hpp"

namespace {
const prfaq::RuleFilter k_wordy{{"PF506"}, {}};
}

TEST_CASE("fix until stable: a fix that leaves another finding is applied in a second round") {
  // "in order in order to to": replacing the inner "in order to" by "to" makes a new one.
  auto f = prfaq::fix_until_stable("x.md", "We act in order in order to to win.\n",
                                   test::default_config(), k_wordy, true);
  CHECK(f.text == "We act to to win.\n");
  CHECK(f.fixes == 2);
}

TEST_CASE("fix until stable: the round limit stops the loop") {
  auto f = prfaq::fix_until_stable("x.md", "We act in order in order to to win.\n",
                                   test::default_config(), k_wordy, true, 1);
  CHECK(f.text == "We act in order to to win.\n");
  CHECK(f.fixes == 1);
}

TEST_CASE("fix until stable: a text without safe fixes comes back unchanged") {
  const std::string text = "We act to win.\n";
  auto f = prfaq::fix_until_stable("x.md", text, test::default_config(), k_wordy, true);
  CHECK(f.text == text);
  CHECK(f.fixes == 0);
}
