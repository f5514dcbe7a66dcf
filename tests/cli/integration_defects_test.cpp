// Defects met by users of the integrations (issue 14), each as a test that failed before its fix.
#include <doctest/doctest.h>

#include <regex>
#include <set>
#include <sstream>

#include <toml++/toml.h>
#include <nlohmann/json.hpp>

#include "cli/color.hpp"
#include "support.hpp"

namespace fs = std::filesystem;

namespace {

std::string bin() {
  return PRFAQ_BIN;
}

std::string in(const fs::path& d, const std::string& args) {
  return "cd '" + d.string() + "' && " + bin() + " " + args;
}

const char* k_todo_doc = "# Readme\n\nTODO: write this.\n";

}  // namespace

TEST_CASE("named files follow the configuration's exclude and include (pre-commit passes them)") {
  fs::path d = test::temp_dir("named-exclude");
  test::write(d / ".prfaq.toml", "exclude = [\"README.md\", \"notes/**\"]\n");
  test::write(d / "README.md", k_todo_doc);
  test::write(d / "notes" / "a.md", k_todo_doc);
  test::write(d / "doc.md", k_todo_doc);

  test::Run r = test::run(in(d, "lint README.md notes/a.md"));
  CHECK_MESSAGE(r.status == 0, r.out);
  CHECK(r.out.find("PF504") == std::string::npos);
  CHECK(r.out.find("2 named files left out by the configuration") != std::string::npos);

  // A file the configuration does not exclude is still linted beside them.
  r = test::run(in(d, "lint --format concise README.md doc.md"));
  CHECK(r.status == 1);
  CHECK(r.out.find("doc.md:3:1") != std::string::npos);
  CHECK(r.out.find("README.md:") == std::string::npos);

  // --no-force-exclude: what is named is linted whatever the configuration says.
  r = test::run(in(d, "lint --format concise --no-force-exclude README.md"));
  CHECK(r.status == 1);
  CHECK(r.out.find("README.md:3:1") != std::string::npos);

  // An include, when set, selects among named files too.
  test::write(d / ".prfaq.toml", "include = [\"docs/**/*.md\"]\n");
  test::write(d / "docs" / "p.md", k_todo_doc);
  r = test::run(in(d, "lint --format concise doc.md docs/p.md"));
  CHECK(r.status == 1);
  CHECK(r.out.find("docs/p.md:3:1") != std::string::npos);
  CHECK(!r.out.starts_with("doc.md:"));  // only the included one
  CHECK(r.out.find("\ndoc.md:") == std::string::npos);

  // Standard input named with --stdin-filename follows the same rule, as in the editor.
  r = test::run(in(d, "lint --format concise --stdin-filename doc.md - < doc.md"));
  CHECK(r.status == 0);
  CHECK(r.out.find("PF504") == std::string::npos);

  // JSON counts them.
  r = test::run(in(d, "lint --format json doc.md"));
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["summary"]["skipped"] == 1);
}

TEST_CASE("prfaq config prints TOML that parses, table parameters included") {
  test::Run r = test::run(bin() + " config --no-config");
  REQUIRE(r.status == 0);
  toml::table t;
  try {
    t = toml::parse(r.out);
  } catch (const toml::parse_error& e) {
    FAIL("prfaq config is not TOML: ", e.description(), " at line ", e.source().begin.line);
  }
  const toml::table* topics = t.at_path("rules.PF406.topics").as_table();
  REQUIRE(topics);
  CHECK(topics->get("cost") != nullptr);
  CHECK(t.at_path("rules.PF506.swap").as_table() != nullptr);
  CHECK(t.at_path("rules.PF511.either").as_table() != nullptr);
  // Strings with quotes and backslashes survive (the loanword accents, RE2 patterns).
  const toml::node* patterns = t.at_path("rules.PF406.topic_patterns.cost").node();
  REQUIRE(patterns);
  CHECK(patterns->value<std::string>()->find("\\s?\\d") != std::string::npos);

  // The printed configuration, read back as a configuration, is accepted.
  fs::path d = test::temp_dir("config-roundtrip");
  test::write(d / ".prfaq.toml", r.out);
  test::write(d / "doc.md", "# Hello\n");
  test::Run back = test::run(in(d, "config doc.md"));
  CHECK_MESSAGE(back.status == 0, back.out.substr(0, 2000));
}

TEST_CASE("explain shows defaults and current values in one notation") {
  test::Run r = test::run(bin() + " explain PF406 --no-config");
  REQUIRE(r.status == 0);
  // A table parameter's current value is an inline TOML table on one line.
  CHECK(r.out.find("current: { cost = \"") != std::string::npos);
  r = test::run(bin() + " explain PF601 --no-config");
  REQUIRE(r.status == 0);
  // Parameters the rule file leaves alone: current value written exactly as the default.
  std::regex param(R"(  ([a-z_]+) \(([a-z]+), default (.*)\)\n.*\n      current: (.*)\n)");
  std::set<std::string> unchanged = {"scope", "mode", "suggestions", "loanword_accents",
                                     "prefixes"};
  std::size_t same = 0;
  for (auto it = std::sregex_iterator(r.out.begin(), r.out.end(), param);
       it != std::sregex_iterator(); ++it) {
    if (!unchanged.count((*it)[1].str())) continue;
    CHECK_MESSAGE((*it)[3].str() == (*it)[4].str(), (*it)[0].str());
    ++same;
  }
  CHECK(same == unchanged.size());
  CHECK(r.out.find("prefixes (array, default [\"anti\", \"auto\"") != std::string::npos);
}

TEST_CASE("no unfilled {placeholder} reaches SARIF rule help or explain") {
  std::regex placeholder(R"(\{[a-z_]+\})");
  test::Run r = test::run(bin() + " lint --no-config --format sarif " + PRFAQ_SOURCE_DIR +
                          "/examples/flawed-launchpad.md");
  auto sarif = nlohmann::json::parse(r.out);
  int rules = 0;
  for (const auto& rule : sarif["runs"][0]["tool"]["driver"]["rules"]) {
    ++rules;
    for (const char* key : {"shortDescription", "fullDescription", "help"}) {
      std::string text = rule[key]["text"];
      CHECK_MESSAGE(!std::regex_search(text, placeholder), rule["id"], " ", key, ": ", text);
    }
  }
  CHECK(rules > 30);
  for (const char* code : {"PF101", "PF103", "PF104", "PF601", "PF603", "PF406"}) {
    test::Run e = test::run(bin() + " explain --no-config " + code);
    REQUIRE(e.status == 0);
    std::string head = e.out.substr(0, e.out.find("\nWhy"));
    CHECK_MESSAGE(!std::regex_search(head, placeholder), code, ":\n", head);
  }
  // What each finding fills in is still said.
  test::Run e = test::run(bin() + " explain --no-config PF101");
  CHECK(e.out.find("Help:      Add a '<section>' part after '<previous>'") != std::string::npos);
  CHECK(e.out.find("<section>, <previous>: filled in for each finding") != std::string::npos);
}

TEST_CASE("JUnit test cases carry only the attributes the Jenkins xUnit schema allows") {
  test::Run r = test::run(bin() + " lint --no-config --format junit " + PRFAQ_SOURCE_DIR +
                          "/examples/flawed-launchpad.md");
  std::regex testcase(R"(<testcase((?: [a-z]+="[^"]*")*))");
  std::regex attr(R"( ([a-z]+)=)");
  // junit-10.xsd of the Jenkins xUnit plugin: testcase has name, assertions, time, classname,
  // status.
  const std::set<std::string> allowed = {"name", "assertions", "time", "classname", "status"};
  int cases = 0;
  for (auto it = std::sregex_iterator(r.out.begin(), r.out.end(), testcase);
       it != std::sregex_iterator(); ++it) {
    ++cases;
    std::string attrs = (*it)[1];
    for (auto a = std::sregex_iterator(attrs.begin(), attrs.end(), attr);
         a != std::sregex_iterator(); ++a)
      CHECK_MESSAGE(allowed.count((*a)[1]), (*a)[1]);
  }
  CHECK(cases == 1);
  CHECK(r.out.find("name=\"") != std::string::npos);
}

TEST_CASE("a mistyped command is an error with a suggestion, not a path") {
  fs::path d = test::temp_dir("typo-command");
  test::write(d / "file.md", k_todo_doc);
  test::Run r = test::run(in(d, "lnt file.md"));
  CHECK(r.status == 2);
  CHECK(r.out.find("unknown command 'lnt'") != std::string::npos);
  CHECK(r.out.find("did you mean 'lint'") != std::string::npos);
  r = test::run(in(d, "outlin file.md"));
  CHECK(r.status == 2);
  CHECK(r.out.find("did you mean 'outline'") != std::string::npos);
  // A path is still a path; a missing one is reported as a file.
  r = test::run(in(d, "--no-config file.md"));
  CHECK(r.status == 1);
  r = test::run(in(d, "--no-config missing.md"));
  CHECK(r.status == 2);
  CHECK(r.out.find("unknown command") == std::string::npos);
}

TEST_CASE("quoted globs are expanded by prfaq (as markdownlint-cli2 does)") {
  fs::path d = test::temp_dir("quoted-globs");
  test::write(d / "docs" / "a.md", k_todo_doc);
  test::write(d / "docs" / "sub" / "b.md", k_todo_doc);
  test::write(d / "docs" / "c.txt", k_todo_doc);
  test::write(d / "other.md", k_todo_doc);
  test::Run r = test::run(in(d, "lint --no-config --format concise 'docs/**/*.md'"));
  CHECK(r.status == 1);
  CHECK(r.out.find("docs/a.md:3:1") != std::string::npos);
  CHECK(r.out.find("docs/sub/b.md:3:1") != std::string::npos);
  CHECK(r.out.find("c.txt") == std::string::npos);
  CHECK(r.out.find("other.md") == std::string::npos);
  r = test::run(in(d, "lint --no-config --format concise 'docs/*.md'"));
  CHECK(r.out.find("docs/a.md:3:1") != std::string::npos);
  CHECK(r.out.find("b.md") == std::string::npos);
  // A glob that matches nothing is an error, as a missing file is.
  r = test::run(in(d, "lint --no-config 'nothing/*.md'"));
  CHECK(r.status == 2);
  CHECK(r.out.find("nothing/*.md") != std::string::npos);
}

TEST_CASE("the pre-commit hook runs prfaq once, so one summary is printed") {
  std::string hooks = test::read(fs::path(PRFAQ_SOURCE_DIR) / ".pre-commit-hooks.yaml");
  CHECK(hooks.find("require_serial: true") != std::string::npos);
}

TEST_CASE("colour: NO_COLOR only when non-empty, never for TERM=dumb, --color decides first") {
  using prfaq::cli::use_color;
  CHECK(use_color("auto", true, nullptr, "xterm-256color"));
  CHECK(use_color("auto", true, "", "xterm"));  // no-color.org: an empty NO_COLOR is unset
  CHECK_FALSE(use_color("auto", true, "1", "xterm"));
  CHECK_FALSE(use_color("auto", true, nullptr, "dumb"));
  CHECK_FALSE(use_color("auto", false, nullptr, "xterm"));  // not a terminal
  CHECK(use_color("always", false, "1", "dumb"));
  CHECK_FALSE(use_color("never", true, nullptr, "xterm"));
}

TEST_CASE("colour: the underline takes the finding's severity colour") {
  fs::path d = test::temp_dir("underline-colour");
  // PF504 (an error) and a warning-level finding of the same document.
  test::write(d / "doc.md", k_todo_doc);
  test::Run r = test::run(in(d, "lint --no-config --color always --select PF105 doc.md"));
  // A warning: the heading of the finding and its carets both yellow (1;33), not red.
  CHECK(r.out.find("\x1b[1;33mwarning[PF105]") != std::string::npos);
  CHECK(r.out.find("\x1b[1;33m^") != std::string::npos);
  CHECK(r.out.find("\x1b[1;31m^") == std::string::npos);
  r = test::run(in(d, "lint --no-config --color always --select PF504 doc.md"));
  CHECK(r.out.find("\x1b[1;31m^") != std::string::npos);
}

namespace {

// A document with `n` jargon findings (warnings), one per line, and one long sentence wrapped
// over three lines.
std::string jargon_doc(int n) {
  std::string doc = "# Acme Ledger closes the books in one day\n\n";
  for (int i = 0; i < n; ++i) doc += "Teams leverage the ledger every day.\n\n";
  doc +=
      "This sentence runs on and on across three lines of the file because it keeps adding\n"
      "clause after clause about the ledger and the teams and the books and the month end\n"
      "and the auditors and the close until it is far longer than any reader would like.\n";
  return doc;
}

std::vector<std::string> lines_starting(const std::string& out, const std::string& prefix) {
  std::vector<std::string> found;
  std::istringstream in(out);
  for (std::string line; std::getline(in, line);)
    if (line.rfind(prefix, 0) == 0) found.push_back(line);
  return found;
}

}  // namespace

TEST_CASE("github: no col/endColumn on a multi-line range") {
  fs::path d = test::temp_dir("github-multiline");
  test::write(d / "doc.md", jargon_doc(0));
  test::Run r = test::run(in(d, "lint --no-config --format github --select PF508 doc.md"));
  auto warnings = lines_starting(r.out, "::warning ");
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].find("line=3,endLine=5,title=") != std::string::npos);
  CHECK(warnings[0].find("col=") == std::string::npos);
  CHECK(warnings[0].find("endColumn=") == std::string::npos);
  // One-line ranges keep their columns.
  test::write(d / "doc.md", jargon_doc(1));
  r = test::run(in(d, "lint --no-config --format github --select PF501 doc.md"));
  CHECK(r.out.find("line=3,col=7,endLine=3,endColumn=15,") != std::string::npos);
}

TEST_CASE("github: at most 10 annotations a level, the rest counted, and the step summary") {
  fs::path d = test::temp_dir("github-caps");
  test::write(d / "doc.md", jargon_doc(14));
  test::write(d / "other.md", "# Notes\n\nTODO: one.\n\nTODO: two.\n");
  fs::path summary = d / "step-summary.md";
  test::write(summary, "earlier step\n");
  test::Run r =
      test::run("cd '" + d.string() + "' && GITHUB_STEP_SUMMARY='" + summary.string() + "' " +
                bin() + " lint --no-config --format github --select PF501,PF504 doc.md other.md");
  CHECK(r.status == 1);
  // Errors come first; 14 jargon warnings give 10 annotations and 4 plain log lines.
  auto errors = lines_starting(r.out, "::error ");
  auto warnings = lines_starting(r.out, "::warning ");
  CHECK(errors.size() == 2);
  CHECK(warnings.size() == 10);
  CHECK(r.out.find("::error ") < r.out.find("::warning "));
  CHECK(lines_starting(r.out, "doc.md:").size() == 4);
  auto notices = lines_starting(r.out, "::notice ");
  REQUIRE(notices.size() == 1);
  CHECK(notices[0].find("4 more findings not annotated") != std::string::npos);
  // The job summary: appended to what earlier steps wrote, every finding in the table.
  std::string md = test::read(summary);
  CHECK(md.rfind("earlier step\n", 0) == 0);
  CHECK(md.find("| File | Line | Severity | Rule | Message |") != std::string::npos);
  std::size_t rows = 0;
  for (std::size_t at = 0; (at = md.find("\n| doc.md |", at)) != std::string::npos; ++at) ++rows;
  CHECK(rows == 14);
  CHECK(md.find("| other.md | 3 | error | PF504 placeholder |") != std::string::npos);
  // Without the variable nothing is written.
  r = test::run("cd '" + d.string() + "' && env -u GITHUB_STEP_SUMMARY " + bin() +
                " lint --no-config --format github --select PF504 other.md");
  CHECK(test::read(summary) == md);
}

TEST_CASE("sarif: a configuration error is an unsuccessful run whose CF result has its rule") {
  fs::path d = test::temp_dir("sarif-config-error");
  test::write(d / ".prfaq.toml", "fail_on = 3\n");
  test::write(d / "doc.md", k_todo_doc);
  test::Run r = test::run(in(d, "lint --format sarif doc.md"));
  CHECK(r.status == 2);
  auto sarif = nlohmann::json::parse(r.out);
  const auto& run = sarif["runs"][0];
  CHECK(run["invocations"][0]["executionSuccessful"] == false);
  REQUIRE(run["results"].size() == 1);
  const auto& result = run["results"][0];
  std::string id = result["ruleId"];
  CHECK(id.rfind("CF", 0) == 0);
  REQUIRE(result.contains("ruleIndex"));
  const auto& rule = run["tool"]["driver"]["rules"][result["ruleIndex"].get<std::size_t>()];
  CHECK(rule["id"] == id);
  CHECK(!rule["shortDescription"]["text"].get<std::string>().empty());
}

TEST_CASE("sarif: more than 25,000 results are cut to 25,000 with a warning, errors kept") {
  fs::path d = test::temp_dir("sarif-cap");
  // 26,000 placeholders (errors) would all be kept up to the cap; mix in notes to drop first:
  // 13 files of 2,000 TODO lines (PF504 keeps 5,000 per rule and file) = 26,000 errors.
  std::string doc = "# Notes\n\n";
  for (int i = 0; i < 2000; ++i) doc += "TODO\n\n";
  for (int f = 0; f < 13; ++f) test::write(d / ("n" + std::to_string(f) + ".md"), doc);
  test::Run r =
      test::run(in(d, "lint --no-config --format sarif --select PF504 --output out.sarif ."));
  CHECK(r.status == 1);
  CHECK(r.out.find("warning: SARIF: 1000 of 26000 results left out") != std::string::npos);
  auto sarif = nlohmann::json::parse(test::read(d / "out.sarif"));
  const auto& run = sarif["runs"][0];
  CHECK(run["results"].size() == 25000);
  const auto& notes = run["invocations"][0]["toolExecutionNotifications"];
  REQUIRE(notes.size() == 1);
  CHECK(notes[0]["level"] == "warning");
  // Under the cap nothing changes.
  r = test::run(in(d, "lint --no-config --format sarif --select PF504 --output one.sarif n0.md"));
  auto small = nlohmann::json::parse(test::read(d / "one.sarif"));
  CHECK(small["runs"][0]["results"].size() == 2000);
  CHECK_FALSE(small["runs"][0]["invocations"][0].contains("toolExecutionNotifications"));
  CHECK(r.out.find("warning") == std::string::npos);
}

TEST_CASE("sarif: baselineState with --baseline, suppressions with --show-suppressed") {
  fs::path d = test::temp_dir("sarif-states");
  test::write(d / "doc.md", "# Notes\n\nTODO one.\n\nTBD two. <!-- prfaq-disable-line PF504 -->\n");
  REQUIRE(test::run(in(d, "lint --no-config --select PF504 --write-baseline base.json doc.md"))
              .status == 0);
  test::write(d / "doc.md",
              "# Notes\n\nTODO one.\n\nTBD two. <!-- prfaq-disable-line PF504 "
              "-->\n\nFIXME three.\n");
  test::Run r = test::run(in(d,
                             "lint --no-config --format sarif --select PF504 --baseline "
                             "base.json --show-suppressed doc.md"));
  CHECK(r.status == 1);
  auto results = nlohmann::json::parse(r.out)["runs"][0]["results"];
  REQUIRE(results.size() == 2);
  // The TBD line: suppressed in the source; the FIXME: new since the baseline.
  CHECK(results[0]["suppressions"][0]["kind"] == "inSource");
  CHECK(results[1]["baselineState"] == "new");
  CHECK_FALSE(results[1].contains("suppressions"));
  // Suppressed findings never fail the run.
  test::write(d / "doc.md", "# Notes\n\nTBD two. <!-- prfaq-disable-line PF504 -->\n");
  r = test::run(in(d, "lint --no-config --format json --select PF504 --show-suppressed doc.md"));
  CHECK(r.status == 0);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["files"][0]["diagnostics"][0]["suppressed"] == true);
  CHECK(j["summary"]["errors"] == 0);
  // Only the formats that can mark them.
  r = test::run(in(d, "lint --no-config --show-suppressed doc.md"));
  CHECK(r.status == 2);
  CHECK(r.out.find("--show-suppressed needs --format sarif or json") != std::string::npos);
}

TEST_CASE("the configuration schema knows every rule, its parameters and their types") {
  test::Run r = test::run(bin() + " config --schema --no-config");
  REQUIRE(r.status == 0);
  auto schema = nlohmann::json::parse(r.out);
  const auto& rules = schema["properties"]["rules"];
  CHECK(rules["additionalProperties"] == false);
  // By code and by name, one definition.
  CHECK(rules["properties"]["PF601"]["$ref"] == "#/definitions/PF601");
  CHECK(rules["properties"]["misspelling"]["$ref"] == "#/definitions/PF601");
  const auto& pf601 = schema["definitions"]["PF601"]["properties"];
  CHECK(pf601["suggestions"]["type"] == "integer");
  CHECK(pf601["suggestions"]["default"] == 3);
  CHECK(pf601["infer_names"]["type"] == "boolean");
  CHECK(pf601["prefixes"]["oneOf"].size() == 2);  // a string or a list, as prfaq reads it
  CHECK(pf601["severity"]["default"] == "warning");
  CHECK(schema["definitions"]["PF406"]["properties"]["topics"]["type"] == "object");
  CHECK(schema["definitions"]["PF601"]["additionalProperties"] == false);
  // Lists of strings take one string too, as prfaq does.
  CHECK(schema["properties"]["include"]["oneOf"][0]["type"] == "string");
  // A team rule from rule_dirs is in the schema of its project.
  fs::path d = test::temp_dir("schema-team-rule");
  test::write(d / ".prfaq.toml", "rule_dirs = [\"team\"]\n");
  test::write(d / "team" / "TEAM001.toml",
              "code = \"TEAM001\"\nname = \"no-synergy\"\nkind = \"existence\"\n"
              "severity = \"warning\"\nmessage = \"Say what you mean by {match}\"\n"
              "tokens = [\"synergy\"]\n");
  r = test::run(in(d, "config --schema"));
  REQUIRE_MESSAGE(r.status == 0, r.out);
  auto team = nlohmann::json::parse(r.out);
  CHECK(team["properties"]["rules"]["properties"].contains("no-synergy"));
  CHECK(team["definitions"]["TEAM001"]["properties"].contains("tokens"));
}
