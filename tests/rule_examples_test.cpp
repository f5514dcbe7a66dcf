// Every [[examples]] entry of every embedded rule: `bad` must fire the rule, `good` must not.
#include <doctest/doctest.h>

#include "support.hpp"

TEST_CASE("rule examples run as tests") {
  const prfaq::Config& defaults = test::default_config();
  REQUIRE(defaults.ok());
  // Rules that are off by default run their examples turned on, as a project would.
  std::string on;
  for (const prfaq::RuleSpec& rule : defaults.rules)
    if (rule.severity == prfaq::Severity::off && !rule.examples.empty())
      on += "[rules." + rule.code + "]\nseverity = \"warning\"\n";
  std::filesystem::path dir = test::temp_dir("rule-examples");
  test::write(dir / ".prfaq.toml", on);
  auto loaded = prfaq::load_config(dir / ".prfaq.toml");
  REQUIRE(loaded->ok());
  const prfaq::Config& config = *loaded;
  std::size_t checked = 0;
  for (const prfaq::RuleSpec& rule : config.rules) {
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
        ++checked;
      }
      if (!ex.good.empty()) {
        std::string out = test::lint_concise("good.md", ex.good, config, only, as_prfaq);
        CHECK_MESSAGE(out.find("[" + rule.code + "/") == std::string::npos, "good example fired:\n"
                                                                                << out);
        ++checked;
      }
    }
  }
  CHECK(checked >= 30);
}

TEST_CASE("every rule has a summary, a why and at least one example (except engine rules)") {
  for (const prfaq::RuleSpec& rule : test::default_config().rules) {
    INFO(rule.code);
    CHECK(!rule.summary.empty());
    CHECK(!rule.why.empty());
    if (rule.kind != "engine") CHECK(!rule.examples.empty());
  }
}
