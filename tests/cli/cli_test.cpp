// The command line as users run it: exit codes, positions, config errors, fixes, init.
#include <doctest/doctest.h>

#include <sys/stat.h>

#include <map>
#include <nlohmann/json.hpp>

#include "support.hpp"

namespace fs = std::filesystem;

static std::string bin() {
  return PRFAQ_BIN;
}

TEST_CASE("lint: a PR/FAQ without a customer quote reports PF301 with its line and exits 1") {
  fs::path d = test::temp_dir("pf301");
  test::write(
      d / "doc.md",
      "# Acme Ledger closes the books in one day\n\n"
      "SEATTLE, WA — March 3, 2027 — Acme today launched Ledger for small finance teams.\n\n"
      "\"Small teams lose a week a month to reconciliation,\" said Lee Park, CEO of Acme.\n");
  test::Run r = test::run(bin() + " lint --no-config --format concise --select PF301 " +
                          (d / "doc.md").string());
  CHECK(r.status == 1);
  // At the headline's text, after "# ".
  CHECK(r.out.find("doc.md:1:3: error: No quotation attributed to a customer (1 quote found)") !=
        std::string::npos);
}

TEST_CASE("lint: the bundled good example is clean (exit 0); the flawed one fails (exit 1)") {
  std::string src = PRFAQ_SOURCE_DIR;
  test::Run good = test::run(bin() + " lint --no-config " + src + "/examples/good-teamsync.md");
  CHECK_MESSAGE(good.status == 0, good.out);
  test::Run bad = test::run(bin() + " lint --no-config " + src + "/examples/flawed-launchpad.md");
  CHECK(bad.status == 1);
}

TEST_CASE("lint: the project's own press release has no error-level finding") {
  fs::path prfaq = fs::path(PRFAQ_SOURCE_DIR) / ".." / "shared" / "PRFAQ.md";
  if (!fs::exists(prfaq)) return;  // shared/ sits beside the checkout in CI and sessions
  test::Run r = test::run(bin() + " lint --no-config --format concise " + prfaq.string());
  CHECK_MESSAGE(r.status == 0, r.out);
  CHECK(r.out.find(": error:") == std::string::npos);
}

TEST_CASE("lint: a broken .prfaq.toml exits 2 and names file:line:column with a did-you-mean") {
  fs::path d = test::temp_dir("badcfg");
  test::write(d / ".prfaq.toml",
              "fail_on = \"error\"\n\n[rules.PF201x]\nseverity = "
              "\"warning\"\n\n[rules.jargon]\nseverity = \"loud\"\n");
  test::write(d / "doc.md", "# Hello\n");
  test::Run r = test::run("cd " + d.string() + " && " + bin() + " lint --format concise doc.md");
  CHECK(r.status == 2);
  CHECK(r.out.find(".prfaq.toml:3:1: error: Unknown rule 'PF201x'") != std::string::npos);
  CHECK(r.out.find(".prfaq.toml:7:12: error: 'severity' must be") != std::string::npos);
  CHECK(r.out.find("[CF004/unknown-rule]") != std::string::npos);
  test::write(d / ".prfaq.toml", "includ = [\"docs/**\"]\n");
  r = test::run("cd " + d.string() + " && " + bin() + " lint --format text doc.md");
  CHECK(r.status == 2);
  CHECK(r.out.find("did you mean 'include'?") != std::string::npos);
  // Unknown keys are reported at the key, not at the value.
  test::write(d / ".prfaq.toml",
              "[spelling]\n  acept = [\"x\"]\n[rules.PF501]\n  severty = \"info\"\n");
  r = test::run("cd " + d.string() + " && " + bin() + " lint --format concise doc.md");
  CHECK(r.status == 2);
  CHECK(r.out.find(".prfaq.toml:2:3: error: Unknown key 'spelling.acept'") != std::string::npos);
  CHECK(r.out.find(".prfaq.toml:4:3: error: Unknown parameter 'severty'") != std::string::npos);
  test::write(d / ".prfaq.toml", "include = [\n");
  r = test::run("cd " + d.string() + " && " + bin() + " lint --format concise doc.md");
  CHECK(r.status == 2);
  CHECK(r.out.find("[CF001/invalid-toml]") != std::string::npos);
}

TEST_CASE("positions: tabs, CRLF, a BOM and multibyte text before a finding") {
  fs::path d = test::temp_dir("pos");
  // BOM, CRLF line ends, a tab and multibyte text before 'leverage' on line 3.
  test::write(d / "doc.md",
              "\xEF\xBB\xBF# Caf\xC3\xA9 launch\r\n\r\nCaf\xC3\xA9\tNa\xC3\xAFve "
              "\xE6\x97\xA5\xE6\x9C\xAC users leverage it.\r\n");
  test::Run r = test::run(bin() + " lint --no-config --format concise --select PF501 " +
                          (d / "doc.md").string());
  // Column: tab(1) N(2) a(3) ï(4) v(5) e(6) space(7) 日(8) 本(9) space(10) u..s(11-15) space(16)
  // l(17)
  CHECK(r.out.find("doc.md:3:21: warning: Jargon 'leverage'") != std::string::npos);
  test::Run j = test::run(bin() + " lint --no-config --format json --select PF501 " +
                          (d / "doc.md").string());
  auto pos = j.out.find("\"offset\": ");
  REQUIRE(pos != std::string::npos);
  // Byte offset: BOM 3 + "# Café launch" 14 + CRLF 2 + CRLF 2 + tab 1 + "Naïve " 7 + "日本 " 7 +
  // "users " 6 = 42
  CHECK_MESSAGE(j.out.find("\"offset\": 47") != std::string::npos, j.out);
}

TEST_CASE("suppressions: disable-next-line hides a finding; unused ones are reported") {
  fs::path d = test::temp_dir("sup");
  test::write(d / "doc.md",
              "We leverage data.\n\n<!-- prfaq-disable-next-line PF501 -- the team says it -->\nWe "
              "leverage data.\n\n<!-- prfaq-disable PF503 -->\nPlain words.\n");
  test::Run r = test::run(bin() + " lint --no-config --format concise --select PF501,PF503,PF001 " +
                          (d / "doc.md").string());
  CHECK(r.out.find("doc.md:1:4: warning: Jargon 'leverage'") != std::string::npos);
  CHECK(r.out.find("doc.md:4:") == std::string::npos);
  CHECK(r.out.find("doc.md:6:1: info: Suppression comment for PF503 suppresses nothing") !=
        std::string::npos);
}

TEST_CASE("fix: applies safe fixes, is idempotent, keeps permissions; --diff changes nothing") {
  fs::path d = test::temp_dir("fix");
  fs::path f = d / "doc.md";
  std::string original = "In order to start, we utilize the app.\n";
  test::write(f, original);
  ::chmod(f.c_str(), 0640);
  test::Run diff = test::run(bin() + " lint --no-config --diff --select PF501,PF506 " + f.string());
  CHECK(diff.status == 1);
  CHECK(diff.out.find("+To start, we use the app.") != std::string::npos);
  CHECK(test::read(f) == original);
  test::Run r1 = test::run(bin() + " lint --no-config --fix --select PF501,PF506 " + f.string());
  CHECK(test::read(f) == "To start, we use the app.\n");
  struct stat st {};
  ::stat(f.c_str(), &st);
  CHECK((st.st_mode & 0777) == 0640);
  test::Run r2 = test::run(bin() + " lint --no-config --fix --select PF501,PF506 " + f.string());
  CHECK(test::read(f) == "To start, we use the app.\n");
  CHECK(r2.status == 0);
  // No temporary files are left behind.
  std::size_t n = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(d)) ++n;
  CHECK(n == 1);
  // stdin: the fixed text goes to stdout.
  test::Run s = test::run("(printf 'We utilize it.\\n' | " + bin() +
                          " lint --no-config --fix --select PF501 - 2>/dev/null)");
  CHECK(s.out == "We use it.\n");
}

TEST_CASE("init writes a skeleton and a config, and never overwrites") {
  fs::path d = test::temp_dir("init");
  test::Run r = test::run(bin() + " init " + d.string());
  CHECK(r.status == 0);
  CHECK(fs::exists(d / "prfaq.md"));
  CHECK(fs::exists(d / ".prfaq.toml"));
  std::string before = test::read(d / "prfaq.md");
  test::Run again = test::run(bin() + " init " + d.string());
  CHECK(again.status == 2);
  CHECK(test::read(d / "prfaq.md") == before);
  // The written config loads cleanly.
  test::Run cfg = test::run("cd " + d.string() + " && " + bin() + " config prfaq.md");
  CHECK(cfg.status == 0);
  // The skeleton is read as the template it is: every part in place, in order, once; what
  // remains are its placeholders, quotes and answers to write.
  test::Run structure = test::run("cd " + d.string() + " && " + bin() +
                                  " lint --format concise --select PF1,PF2 prfaq.md");
  CHECK(structure.status == 0);
  CHECK(structure.out.find("prfaq.md:") == std::string::npos);
  test::Run outline = test::run("cd " + d.string() + " && " + bin() + " outline prfaq.md");
  for (const char* role : {"headline", "subheadline", "summary", "problem", "solution",
                           "getting_started", "external_faq", "internal_faq"})
    CHECK_MESSAGE(outline.out.find(std::string("    ") + role + " ") != std::string::npos, role);
}

TEST_CASE("fix: a missing summary is inserted once, and a second --fix changes nothing") {
  fs::path d = test::temp_dir("fixsummary");
  test::write(d / "doc.md",
              "# Acme Ledger closes the books in one day\n\n## Finance teams close the month in a "
              "day\n\n## The Problem\n\nFinance teams spend five days matching bank lines.\n\n"
              "## The Solution\n\nAcme Ledger matches every bank line as it arrives.\n");
  test::Run r =
      test::run(bin() + " lint --no-config --fix --select PF101 " + (d / "doc.md").string());
  std::string once = test::read(d / "doc.md");
  std::size_t n = 0;
  for (std::size_t at = once.find("[CITY]"); at != std::string::npos;
       at = once.find("[CITY]", at + 1))
    ++n;
  CHECK(n == 1);
  r = test::run(bin() + " lint --no-config --fix --select PF101 " + (d / "doc.md").string());
  CHECK(test::read(d / "doc.md") == once);
  CHECK(r.status == 0);
  fs::remove_all(d);
}

TEST_CASE(
    "team rules from rule_dirs fire with their severity, message and fix, with no C++ change") {
  fs::path d = test::temp_dir("team");
  test::write(d / ".prfaq.toml", "rule_dirs = [\"rules\"]\n[rules.ZZ902]\nseverity = \"info\"\n");
  test::write(
      d / "rules" / "codename.toml",
      "code = \"ZZ901\"\nname = \"internal-codename\"\nkind = \"existence\"\nseverity = \"error\"\n"
      "message = \"Internal codename '{match}' in a customer-facing document\"\nsummary = \"x\"\n"
      "tokens = [\"Project Falcon\", \"Bluebird\"]\n");
  test::write(
      d / "rules" / "brand.toml",
      "code = \"ZZ902\"\nname = \"brand-name\"\nkind = \"substitution\"\nseverity = \"warning\"\n"
      "message = \"Write '{replacement}', not '{match}'\"\nsummary = \"x\"\n[swap]\n\"team sync\" "
      "= \"TeamSync\"\n");
  test::write(d / "doc.md", "Project\nFalcon ships with team sync built in.\n");
  test::Run r = test::run("cd " + d.string() + " && " + bin() +
                          " lint --format concise --select ZZ901,ZZ902 doc.md");
  CHECK(r.status == 1);
  CHECK(r.out.find("doc.md:1:1: error: Internal codename 'Project Falcon' in a customer-facing "
                   "document [ZZ901/internal-codename]") != std::string::npos);
  CHECK(r.out.find("doc.md:2:19: info: Write 'TeamSync', not 'team sync' [ZZ902/brand-name]") !=
        std::string::npos);
  test::run("cd " + d.string() + " && " + bin() + " lint --fix --select ZZ902 doc.md");
  CHECK(test::read(d / "doc.md") == "Project\nFalcon ships with TeamSync built in.\n");
}

TEST_CASE("--rules-dir adds rules on top of the discovered .prfaq.toml; a bad check is named") {
  fs::path d = test::temp_dir("rulesdir");
  test::write(d / ".prfaq.toml", "[rules.ZZ904]\nseverity = \"error\"\n");
  test::write(d / "extra" / "codename.toml",
              "code = \"ZZ904\"\nname = \"codename\"\nkind = \"existence\"\nseverity = "
              "\"info\"\nmessage = \"Codename '{match}'\"\ntokens = [\"Bluebird\"]\n");
  test::write(d / "doc.md", "Bluebird ships today.\n");
  test::Run r = test::run("cd " + d.string() + " && " + bin() +
                          " lint --format concise --select ZZ904 --rules-dir extra doc.md");
  CHECK(r.status == 1);
  CHECK(r.out.find("doc.md:1:1: error: Codename 'Bluebird' [ZZ904/codename]") != std::string::npos);
  test::write(d / "extra" / "quote.toml",
              "code = \"ZZ905\"\nname = \"q\"\nkind = \"quote\"\ncheck = "
              "\"missing-custmer\"\nmessage = \"m\"\n");
  r = test::run("cd " + d.string() + " && " + bin() +
                " lint --format concise --rules-dir extra doc.md");
  CHECK(r.status == 2);
  // The kind of before 1.1 with a misspelt check: the kind it became is named.
  CHECK(r.out.find("quote.toml:3:8: error: Rule kind 'quote' with a 'check' was split into one "
                   "kind per check: 'missing-custmer' is not a check (did you mean "
                   "'missing-customer'?); use kind = \"customer-quote\" and drop 'check' "
                   "[CF005/unknown-kind]") != std::string::npos);
}

TEST_CASE("an invalid pattern is a CF006 error at its position in the TOML file") {
  fs::path d = test::temp_dir("pattern");
  test::write(d / ".prfaq.toml", "rule_dirs = [\"rules\"]\n");
  test::write(d / "rules" / "bad.toml",
              "code = \"ZZ903\"\nname = \"bad-pattern\"\nkind = \"existence\"\nmessage = "
              "\"x\"\npatterns = [\"(unclosed\"]\n");
  test::write(d / "doc.md", "text\n");
  test::Run r = test::run("cd " + d.string() + " && " + bin() + " lint --format concise doc.md");
  CHECK(r.status == 2);
  CHECK(r.out.find("bad.toml:5:12: error: invalid pattern '(unclosed'") != std::string::npos);
  CHECK(r.out.find("[CF006/invalid-pattern]") != std::string::npos);
}

TEST_CASE("fix: a read-only file gives a clear error, exit 2, and no temporary file") {
  fs::path d = test::temp_dir("readonly");
  fs::path f = d / "doc.md";
  test::write(f, "We utilize it.\n");
  ::chmod(f.c_str(), 0444);
  test::Run r = test::run(bin() + " lint --no-config --fix --select PF501 " + f.string());
  CHECK(r.status == 2);
  CHECK(r.out.find("read-only") != std::string::npos);
  CHECK(test::read(f) == "We utilize it.\n");
  std::size_t n = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(d)) ++n;
  CHECK(n == 1);
  test::Run gone =
      test::run(bin() + " lint --no-config --fix --select PF501 " + (d / "missing.md").string());
  CHECK(gone.status == 2);
  CHECK(gone.out.find("missing.md: no such file") != std::string::npos);
}

TEST_CASE("bad input: binary bytes, NUL, invalid UTF-8 are reported once and never crash") {
  fs::path d = test::temp_dir("binary");
  test::write(d / "bin.md", std::string("\x00\x01 binary \xff\xfe text", 17));
  test::Run r = test::run(bin() + " lint --no-config --format concise " + (d / "bin.md").string());
  CHECK(r.status == 0);  // warnings only
  CHECK(r.out.find("bin.md:1:11: warning: The file is not valid UTF-8 (1 invalid byte sequences") !=
        std::string::npos);
  CHECK(r.out.find("PF504") == std::string::npos);  // replaced bytes are not '??' placeholders
  test::write(d / "empty.md", "");
  test::Run e =
      test::run(bin() + " lint --no-config --format concise " + (d / "empty.md").string());
  CHECK(e.status == 0);
  CHECK(e.out.find("empty.md:1:1: warning: This file does not look like a PR/FAQ") !=
        std::string::npos);
}

TEST_CASE("bad input: a document over 16 MiB is refused with exit 2; the other files are linted") {
  fs::path d = test::temp_dir("huge");
  test::write(d / "huge.md", std::string((16u << 20) + 1, 'a'));
  test::write(d / "small.md", "# T\n\nWe leverage it.\n");
  test::Run r = test::run(bin() + " lint --no-config --format concise " + (d / "huge.md").string() +
                          " " + (d / "small.md").string());
  CHECK(r.status == 2);
  CHECK(r.out.find("huge.md: too large: more than 16 MiB") != std::string::npos);
  CHECK(r.out.find("small.md:3:4: warning: Jargon 'leverage'") != std::string::npos);
  r = test::run(bin() + " lint --no-config --color never " + (d / "huge.md").string() + " " +
                (d / "small.md").string());
  CHECK(r.out.find("2 warnings in 1 of 1 file; 1 file could not be read") != std::string::npos);
  r = test::run(bin() + " lint --no-config - < " + (d / "huge.md").string());
  CHECK(r.status == 2);
  CHECK(r.out.find("<stdin>: too large") != std::string::npos);
  fs::remove_all(d);
}

TEST_CASE("bad input: findings of one rule beyond 5,000 in a file are counted in one more") {
  std::string text = "# T\n\n";
  for (int i = 0; i < 6000; ++i) text += "So so. ";
  prfaq::RuleFilter only;
  only.select = {"PF507"};
  std::string out = test::lint_concise("doc.md", text, test::default_config(), only);
  std::size_t lines = static_cast<std::size_t>(std::count(out.begin(), out.end(), '\n'));
  CHECK(lines == prfaq::max_findings_per_rule + 1);
  // The note sits at the first finding left out: the 5,001st "So so" (7 bytes each, column 1).
  CHECK(out.find("doc.md:3:35001: warning: 1000 more findings of PF507 in this file are not "
                 "shown (at most 5000 per rule and file) [PF507/repeated-word]") !=
        std::string::npos);
}

TEST_CASE("fix: over the whole fixture corpus, a second --fix changes nothing") {
  fs::path d = test::temp_dir("fixcorpus");
  std::size_t n = 0;
  for (const auto& e : fs::directory_iterator(fs::path(PRFAQ_FIXTURES_DIR) / "docs"))
    if (e.path().extension() == ".md") fs::copy_file(e.path(), d / e.path().filename()), ++n;
  REQUIRE(n > 30);
  test::run(bin() + " lint --no-config --fix --quiet --fail-on never " + d.string());
  std::map<std::string, std::string> once;
  for (const auto& e : fs::directory_iterator(d)) once[e.path().filename()] = test::read(e.path());
  test::Run again = test::run(bin() + " lint --no-config --fix --fail-on never " + d.string());
  CHECK(again.out.find(" fixed)") == std::string::npos);  // nothing left to fix
  for (const auto& [name, text] : once) CHECK_MESSAGE(test::read(d / name) == text, name);
  fs::remove_all(d);
}

TEST_CASE("outline --explain: the evidence, the turned-down headline candidate and the mentions") {
  fs::path d = test::temp_dir("outline-explain");
  test::write(d / "doc.md",
              "# Ledger PR/FAQ\n\n## Acme Ledger Closes the Books in One Day\n\n"
              "SEATTLE, WA — March 3, 2027 — Acme today launched Ledger for small finance "
              "teams. Click \"Close the month\" to start.\n\n"
              "\"Small teams lose a week a month to reconciliation,\" said Lee Park, CEO of "
              "Acme.\n");
  test::Run text = test::run(bin() + " outline --no-config --explain " + (d / "doc.md").string());
  CHECK(text.status == 0);
  CHECK(text.out.find("+3  a dateline opening the summary") != std::string::npos);
  CHECK(text.out.find("headline: Acme Ledger Closes the Books in One Day (line 3)") !=
        std::string::npos);
  CHECK(text.out.find("turned down: line 1: the document's title") != std::string::npos);
  CHECK(text.out.find("quoted, but not speech (mentions):\n    line    5  \"Close the month\"") !=
        std::string::npos);
  CHECK(text.out.find("how: attributed after the quote ('said …'); class: a leader's title") !=
        std::string::npos);
  test::Run json =
      test::run(bin() + " outline --no-config --explain --format json " + (d / "doc.md").string());
  CHECK(json.status == 0);
  auto j = nlohmann::json::parse(json.out);
  CHECK(j["version"] == 1);
  CHECK(j["decision"]["threshold"] == 4);
  CHECK(j["headline"]["rejected"][0] == "line 1: the document's title");
  REQUIRE(j["mentions"].size() == 1);
  CHECK(j["mentions"][0]["text"] == "\"Close the month\"");
  CHECK(j["quotes"][0]["class"] == "leader");
}

TEST_CASE("patterns compiled together: each match names its own pattern, bad ones are named") {
  fs::path d = test::temp_dir("patternset");
  test::write(d / ".prfaq.toml", "rule_dirs = [\"rules\"]\n");
  // Groups, a named group, parentheses inside a class and inside \Q…\E: the matches must still
  // be told apart by pattern (the message shows the match, the rule code the rule).
  test::write(
      d / "rules" / "groups.toml",
      "code = \"ZZ904\"\nname = \"groups\"\nkind = \"existence\"\nmessage = \"m '{match}'\"\n"
      "patterns = ['(a)(b)c', '(?P<x>d[()])e', '\\Q(f)\\E(g)', 'h[)(]+i']\n");
  test::write(d / "doc.md", "abc d(e (f)g h)(i\n");
  test::Run r = test::run("cd " + d.string() + " && " + bin() +
                          " lint --format concise --select ZZ904 doc.md");
  CHECK(r.out.find("doc.md:1:1: warning: m 'abc'") != std::string::npos);
  CHECK(r.out.find("doc.md:1:5: warning: m 'd(e'") != std::string::npos);
  CHECK(r.out.find("doc.md:1:9: warning: m '(f)g'") != std::string::npos);
  CHECK(r.out.find("doc.md:1:14: warning: m 'h)(i'") != std::string::npos);
  // A pattern that only parses next to another ("x)|(y") is still an error of its own.
  test::write(d / "rules" / "groups.toml",
              "code = \"ZZ904\"\nname = \"groups\"\nkind = \"existence\"\nmessage = \"m\"\n"
              "patterns = ['x)|(y', 'ok']\n");
  r = test::run("cd " + d.string() + " && " + bin() + " lint --format concise doc.md");
  CHECK(r.status == 2);
  CHECK(r.out.find("invalid pattern 'x)|(y'") != std::string::npos);
}

TEST_CASE("lint --timings: one line per rule that ran and one for reading, on stderr") {
  std::string src = PRFAQ_SOURCE_DIR;
  fs::path d = test::temp_dir("timings");
  std::string lint = bin() + " lint --no-config --quiet --format concise --fail-on never -o " +
                     (d / "out.txt").string() + " " + src + "/examples/flawed-launchpad.md";
  test::Run r = test::run(lint + " --select PF501,PF503 --timings");
  CHECK(r.status == 0);
  CHECK(r.out.find("time per rule, summed over 1 file (") == 7);  // after "prfaq: "
  CHECK(r.out.find("reading (parse and document model)") != std::string::npos);
  CHECK(r.out.find("PF501 jargon") != std::string::npos);
  CHECK(r.out.find("PF503 hype") != std::string::npos);
  CHECK(r.out.find("PF502") == std::string::npos);  // not selected, not timed
  CHECK(r.out.find("100.0%") != std::string::npos);
  // The findings still go to the output; without the flag nothing else is printed.
  CHECK(test::read(d / "out.txt").find("[PF501/jargon]") != std::string::npos);
  CHECK(test::run(lint + " --select PF501").out.empty());
  fs::remove_all(d);
}
