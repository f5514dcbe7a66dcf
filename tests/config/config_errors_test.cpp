// The catalogue of configuration error codes: one configuration per code that must produce it
// (and only configuration errors), every code of the catalogue covered, `explain` of a code.
#include <doctest/doctest.h>

#include <prfaq/config_errors.hpp>
#include <set>

#include "support.hpp"

namespace fs = std::filesystem;

namespace {

struct Case {
  std::string_view code;
  std::string config;                                      // .prfaq.toml
  std::vector<std::pair<std::string, std::string>> files;  // other files, relative to it
};

const std::string k_rule =
    "code = \"PF901\"\nname = \"shout\"\nkind = \"existence\"\nmessage = \"m\"\n"
    "tokens = [\"wow\"]\n";

std::vector<Case> cases() {
  std::string deep = "x = " + std::string(70, '[') + std::string(70, ']') + "\n";
  return {
      {"CF001", "this is = = not toml\n", {}},
      {"CF002", "colour = true\n", {}},
      {"CF003", "include = 3\n", {}},
      {"CF004", "[rules.PF999]\nseverity = \"off\"\n", {}},
      {"CF005",
       "rule_dirs = [\"r\"]\n",
       {{"r/x.toml",
         "code = \"PF901\"\nname = \"x\"\nkind = "
         "\"nope\"\nmessage = \"m\"\n"}}},
      {"CF006", "[rules.PF502]\npatterns = [\"(\"]\n", {}},
      {"CF007", "[rules.PF201]\nseverity = \"loud\"\n", {}},
      {"CF008", "extends = \"missing.toml\"\n", {}},
      {"CF009", "rule_dirs = [\"r\"]\n", {{"r/a.toml", k_rule}, {"r/b.toml", k_rule}}},
      {"CF010", "[spelling]\nlanguage = \"xx_YY\"\n", {}},
      {"CF011", "extends = \"../outside.toml\"\n", {}},
      {"CF012", deep, {}},
      {"CF013",
       "extends = \"big.toml\"\n",
       {{"big.toml", "# " + std::string(std::size_t{2} << 20, 'x') + "\n"}}},
      {"CF014",
       "rule_dirs = [\"r\"]\n",
       {{"r/x.toml", "code = \"PF901\"\nname = \"x\"\nmessage = \"m\"\n"}}},
      {"CF015", "extends = \".prfaq.toml\"\n", {}},
  };
}

}  // namespace

TEST_CASE("config error codes: every code of the catalogue has a configuration that gives it") {
  std::set<std::string_view> covered;
  for (const Case& c : cases()) covered.insert(c.code);
  for (const prfaq::ConfigErrorCode& c : prfaq::config_error_codes()) {
    CAPTURE(c.code);
    CHECK(covered.count(c.code) == 1);
    CHECK(!c.summary.empty());
    CHECK(prfaq::find_config_error_code(c.code) == &c);
    CHECK(prfaq::find_config_error_code(c.name) == &c);
    CHECK(&prfaq::config_error_code(c.problem) == &c);
  }
}

TEST_CASE("config error codes: each configuration gives its code and no other") {
  for (const Case& c : cases()) {
    CAPTURE(c.code);
    fs::path dir = test::temp_dir("cf-" + std::string(c.code)) / "project";
    test::write(dir / ".prfaq.toml", c.config);
    for (const auto& [name, text] : c.files) test::write(dir / name, text);
    // Found by walking up (confined), as a project's own configuration is.
    auto cfg = prfaq::load_config(dir / ".prfaq.toml");
    REQUIRE(!cfg->errors.empty());
    std::set<std::string> codes;
    for (const prfaq::ConfigError& e : cfg->errors) codes.insert(e.diag.code);
    CHECK(codes == std::set<std::string>{std::string(c.code)});
    const prfaq::ConfigErrorCode* entry = prfaq::find_config_error_code(c.code);
    REQUIRE(entry);
    CHECK(cfg->errors.front().diag.name == entry->name);
    fs::remove_all(dir.parent_path());
  }
}

TEST_CASE("config error codes: lookups that name no code") {
  CHECK(prfaq::find_config_error_code("CF999") == nullptr);
  CHECK(prfaq::find_config_error_code("") == nullptr);
  CHECK(prfaq::find_config_error_code("cf008") == prfaq::find_config_error_code("CF008"));
}

namespace {
std::string bin() {
  return PRFAQ_BIN;
}
}  // namespace

TEST_CASE("explain: a configuration error code, by code or name, and the list of all") {
  test::Run cf002 = test::run(bin() + " explain CF002");
  CHECK(cf002.status == 0);
  CHECK(cf002.out.starts_with("CF002 (unknown-key)\n"));
  CHECK(cf002.out.find(
            std::string(prfaq::config_error_code(prfaq::ConfigProblem::unknown_key).summary)) !=
        std::string::npos);
  test::Run by_name = test::run(bin() + " explain extends-cycle");
  CHECK(by_name.status == 0);
  CHECK(by_name.out.starts_with("CF015 (extends-cycle)\n"));
  test::Run all = test::run(bin() + " explain CF");
  CHECK(all.status == 0);
  for (const prfaq::ConfigErrorCode& c : prfaq::config_error_codes()) {
    CAPTURE(c.code);
    CHECK(all.out.find(std::string(c.code) + "  " + std::string(c.name)) != std::string::npos);
  }
  test::Run unknown = test::run(bin() + " explain CF099");
  CHECK(unknown.status == 2);
}

TEST_CASE("config errors: positions after a byte order mark and multibyte text on the line") {
  fs::path dir = test::temp_dir("cf-bom");
  // toml++ counts neither the BOM nor bytes (its columns are code points).
  test::write(dir / ".prfaq.toml",
              "\xEF\xBB\xBF"
              "colour = true\n"
              "product = { names = [\"\xC3\x9C"
              "n\xC3\xAF"
              "c\xC3\xB6"
              "d\xC3\xA9"
              "\"], colour = 1 }\n");
  auto cfg = prfaq::load_config(dir / ".prfaq.toml");
  REQUIRE(cfg->errors.size() == 2);
  CHECK(cfg->errors[0].diag.code == "CF002");
  CHECK(cfg->errors[0].diag.span.begin == 3);
  CHECK(cfg->errors[0].diag.span.end == 9);
  // Line 2 starts at 17; "product = { names = [\"" is 22 bytes, the name 11, "\"], " 4.
  CHECK(cfg->errors[1].diag.message == "Unknown key 'product.colour'");
  CHECK(cfg->errors[1].diag.span.begin == 54);
  CHECK(cfg->errors[1].diag.span.end == 60);
  fs::remove_all(dir);
}
