// The embedded rule pack's RE2 patterns stay small: a pattern that repeats a large Unicode
// class ("(?i)[\pL\pN\s-]{0,30}") compiles to tens of thousands of instructions, costs tens of
// milliseconds at every start and runs the DFA out of memory. A size bound, not a timing.
#include <re2/re2.h>

#include <doctest/doctest.h>

#include <toml++/toml.h>

#include "support.hpp"

TEST_CASE("every pattern of the embedded rules compiles to a small RE2 program") {
  const prfaq::Config& config = test::default_config();
  REQUIRE(config.ok());
  constexpr int k_max_program = 8000;
  std::size_t checked = 0;
  for (const prfaq::RuleSpec& rule : config.rules) {
    bool ignore_case = true;
    if (auto it = rule.param_values.find("ignorecase"); it != rule.param_values.end())
      ignore_case = it->second == "true";
    for (const char* key : {"patterns", "exception_patterns"}) {
      auto it = rule.param_values.find(key);
      if (it == rule.param_values.end()) continue;
      toml::table t = toml::parse("v = " + it->second);
      const toml::array* list = t["v"].as_array();
      REQUIRE(list);
      for (const toml::node& n : *list) {
        std::string pattern = n.value_or(std::string());
        RE2::Options opts;
        opts.set_case_sensitive(!ignore_case);
        RE2 re(pattern, opts);
        INFO(rule.code << " " << key << ": " << pattern);
        CHECK(re.ok());
        CHECK(re.ProgramSize() <= k_max_program);
        ++checked;
      }
    }
  }
  CHECK(checked >= 40);
}
