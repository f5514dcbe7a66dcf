// Every [[examples]] entry of every embedded rule: `bad` must fire the rule, `good` must not.
#include <doctest/doctest.h>

#include "support.hpp"

namespace {

// The embedded pack with the rules that are off by default turned on, as a project would.
const prfaq::Config& examples_config() {
  static std::shared_ptr<const prfaq::Config> loaded = [] {
    std::string on;
    for (const prfaq::RuleSpec& rule : test::default_config().rules)
      if (rule.severity == prfaq::Severity::off && !rule.examples.empty())
        on += "[rules." + rule.code + "]\nseverity = \"warning\"\n";
    std::filesystem::path dir = test::temp_dir("rule-examples");
    test::write(dir / ".prfaq.toml", on);
    return prfaq::load_config(dir / ".prfaq.toml");
  }();
  return *loaded;
}

}  // namespace

// One subcase per rule: -sc=PF504 runs one rule's examples.
TEST_CASE("rule examples run as tests") {
  REQUIRE(test::default_config().ok());
  const prfaq::Config& config = examples_config();
  REQUIRE(config.ok());
  std::size_t examples = 0;
  for (const prfaq::RuleSpec& rule : config.rules) examples += rule.examples.size();
  CHECK(examples >= 30);
  for (const prfaq::RuleSpec& rule : config.rules) {
    if (rule.examples.empty()) continue;
    SUBCASE(rule.code.c_str()) {
      prfaq::RuleFilter only;
      only.select = {rule.code};
      // An example is a fragment of a PR/FAQ; only the decision rule's own examples are weighed.
      bool as_prfaq = rule.kind != "not-a-prfaq";
      for (std::size_t i = 0; i < rule.examples.size(); ++i) {
        const auto& ex = rule.examples[i];
        INFO(rule.code << " example " << i + 1);
        if (!ex.bad.empty()) {
          std::string out = test::lint_concise("bad.md", ex.bad, config, only, as_prfaq);
          CHECK_MESSAGE(out.find("[" + rule.code + "/") != std::string::npos,
                        "bad example did not fire:\n"
                            << ex.bad);
        }
        if (!ex.good.empty()) {
          std::string out = test::lint_concise("good.md", ex.good, config, only, as_prfaq);
          CHECK_MESSAGE(out.find("[" + rule.code + "/") == std::string::npos,
                        "good example fired:\n"
                            << out);
        }
      }
    }
  }
}

TEST_CASE("every rule has a summary, a why and at least one example (except engine rules)") {
  for (const prfaq::RuleSpec& rule : test::default_config().rules) {
    INFO(rule.code);
    CHECK(!rule.summary.empty());
    CHECK(!rule.why.empty());
    if (rule.kind != "engine") CHECK(!rule.examples.empty());
  }
}
