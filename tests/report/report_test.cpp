// Output formats: GitHub escaping, SARIF regions, rules and fingerprints, XML escaping.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <set>

#include "report/common.hpp"
#include "support.hpp"

namespace {

prfaq::Diagnostic make_diag(std::string code, prfaq::Span span, std::string message) {
  prfaq::Diagnostic d;
  d.code = std::move(code);
  d.name = "test-rule";
  d.severity = prfaq::Severity::warning;
  d.span = span;
  d.message = std::move(message);
  return d;
}

std::string render(std::string_view format, const prfaq::SourceFile& src,
                   const std::vector<prfaq::Diagnostic>& diags,
                   const prfaq::Config* config = nullptr) {
  std::ostringstream out;
  prfaq::ReportOptions opts;
  opts.quiet = true;
  opts.config = config;
  auto rep = prfaq::make_reporter(format, out, opts);
  REQUIRE(rep);
  rep->begin();
  rep->file(src, diags);
  rep->end({});
  return out.str();
}

std::vector<std::string> sarif_fingerprints(const std::string& path, const std::string& text) {
  prfaq::SourceFile src(path, text);
  auto result = prfaq::lint_source(src, test::default_config(), {});
  auto doc = nlohmann::json::parse(render("sarif", src, result.diagnostics));
  std::vector<std::string> out;
  for (const auto& r : doc["runs"][0]["results"])
    out.push_back(r["ruleId"].get<std::string>() + " " +
                  r["partialFingerprints"]["prfaqFingerprint/v1"].get<std::string>());
  return out;
}

}  // namespace

TEST_CASE("github: % CR LF are escaped in messages; ',' and ':' too in properties") {
  using prfaq::report::github_escape_data;
  using prfaq::report::github_escape_property;
  CHECK(github_escape_data("50% done\r\nnext: a, b") == "50%25 done%0D%0Anext: a, b");
  CHECK(github_escape_property("docs/a,b:c%.md\n") == "docs/a%2Cb%3Ac%25.md%0A");
  CHECK(github_escape_data("%0A") == "%250A");  // an escape in the input is not decoded later
}

TEST_CASE("github: one workflow command per finding, info becomes notice") {
  prfaq::SourceFile src("docs/a,b:c.md", "# Title\n\nWe leverage 100% of it.\n");
  auto d = make_diag("PF501", {12, 20}, "Jargon 'leverage'\nsecond line");
  d.name = "jargon";
  auto info = make_diag("PF510", {0, 1}, "Passive: 50%");
  info.name = "passive-voice";
  info.severity = prfaq::Severity::info;
  std::string out = render("github", src, {d, info});
  CHECK(out ==
        "::warning file=docs/a%2Cb%3Ac.md,line=3,col=4,endLine=3,endColumn=12,"
        "title=PF501 jargon::Jargon 'leverage'%0Asecond line\n"
        "::notice file=docs/a%2Cb%3Ac.md,line=1,col=1,endLine=1,endColumn=2,"
        "title=PF510 passive-voice::Passive: 50%25\n");
}

TEST_CASE("sarif: regions count code points after a BOM, tabs, CRLF and multibyte text") {
  // BOM, "# Café\r\n", "\r\n", "\tNaïve 日本 leverage.\r\n"
  std::string text =
      "\xEF\xBB\xBF# Caf\xC3\xA9\r\n\r\n\tNa\xC3\xAFve \xE6\x97\xA5\xE6\x9C\xAC leverage.\r\n";
  std::uint32_t begin = static_cast<std::uint32_t>(text.find("leverage"));
  prfaq::SourceFile src("dir/doc.md", text);
  auto doc =
      nlohmann::json::parse(render("sarif", src, {make_diag("PF501", {begin, begin + 8}, "m")}));
  CHECK(doc["version"] == "2.1.0");
  const auto& run = doc["runs"][0];
  CHECK(run["columnKind"] == "unicodeCodePoints");
  const auto& loc = run["results"][0]["locations"][0]["physicalLocation"];
  CHECK(loc["artifactLocation"]["uri"] == "dir/doc.md");
  const auto& region = loc["region"];
  CHECK(region["startLine"] == 3);
  CHECK(region["startColumn"] == 11);  // tab N a ï v e space 日 本 space
  CHECK(region["endLine"] == 3);
  CHECK(region["endColumn"] == 19);
  CHECK(region["byteOffset"] == begin);
  CHECK(region["byteLength"] == 8);
}

TEST_CASE("sarif: every rule of the config is in tool.driver.rules; ruleIndex points at it") {
  const prfaq::Config& config = test::default_config();
  prfaq::SourceFile src("doc.md", "# T\n\nWe leverage it.\n");
  auto d = make_diag("PF501", {8, 16}, "Jargon");
  d.fix = prfaq::Fix{"Replace 'leverage' with 'use'", {{{8, 16}, "use"}}, false};
  d.alternatives.push_back(
      prfaq::Fix{"Replace 'leverage' with 'apply'", {{{8, 16}, "apply"}}, false});
  d.labels.push_back({{0, 3}, "the headline"});
  auto doc = nlohmann::json::parse(render("sarif", src, {d}, &config));
  const auto& driver = doc["runs"][0]["tool"]["driver"];
  CHECK(driver["name"] == "prfaq");
  CHECK(driver["informationUri"].is_string());
  REQUIRE(driver["rules"].size() == config.rules.size());
  for (std::size_t i = 0; i < config.rules.size(); ++i) {
    const auto& r = driver["rules"][i];
    CHECK(r["id"] == config.rules[i].code);
    CHECK(r["name"] == config.rules[i].name);
    CHECK(!r["shortDescription"]["text"].get<std::string>().empty());
    CHECK(!r["fullDescription"]["text"].get<std::string>().empty());
    CHECK(!r["help"]["text"].get<std::string>().empty());
  }
  const auto& result = doc["runs"][0]["results"][0];
  std::size_t index = result["ruleIndex"];
  CHECK(driver["rules"][index]["id"] == "PF501");
  CHECK(driver["rules"][index]["defaultConfiguration"]["level"] == "warning");
  const auto& repl = result["fixes"][0]["artifactChanges"][0]["replacements"][0];
  CHECK(repl["deletedRegion"]["byteOffset"] == 8);
  CHECK(repl["deletedRegion"]["byteLength"] == 8);
  CHECK(repl["insertedContent"]["text"] == "use");
  // The other alternatives follow, all unsafe.
  REQUIRE(result["fixes"].size() == 2);
  CHECK(result["fixes"][1]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"] ==
        "apply");
  CHECK(result["fixes"][1]["properties"]["safe"] == false);
  CHECK(result["relatedLocations"][0]["message"]["text"] == "the headline");
  CHECK(result["relatedLocations"][0]["physicalLocation"]["region"]["endColumn"] == 4);
}

TEST_CASE("fingerprints survive lines inserted above and tell occurrences apart") {
  std::string text = test::read(std::string(PRFAQ_SOURCE_DIR) + "/examples/flawed-launchpad.md");
  REQUIRE(!text.empty());
  auto before = sarif_fingerprints("docs/launch.md", text);
  REQUIRE(before.size() > 5);
  std::string shifted;
  for (int i = 0; i < 10; ++i) shifted += "<!-- note " + std::to_string(i) + " -->\n";
  auto after = sarif_fingerprints("docs/launch.md", shifted + text);
  CHECK(after == before);
  // Unique within a file, even for the same word flagged twice.
  std::set<std::string> unique(before.begin(), before.end());
  CHECK(unique.size() == before.size());
  // The path is part of the fingerprint.
  auto elsewhere = sarif_fingerprints("docs/other.md", text);
  CHECK(elsewhere != before);
}

TEST_CASE("fingerprints: normalised text, masked digits, occurrence index") {
  CHECK(prfaq::normalise_flagged_text("  Best-in-Class\r\n  Tool\t") == "best-in-class tool");
  CHECK(prfaq::normalise_flagged_text(std::string(300, 'x')).size() == 160);
  prfaq::SourceFile a("a.md", "very good, very good\n");
  auto d1 = make_diag("PF502", {0, 4}, "Weasel word 'very' (1021 words)");
  auto d2 = make_diag("PF502", {11, 15}, "Weasel word 'very' (1022 words)");
  CHECK(prfaq::content_fingerprint(a, d1, "a.md") == prfaq::content_fingerprint(a, d2, "a.md"));
  std::vector<prfaq::Diagnostic> both{d1, d2};
  auto fps = prfaq::fingerprints(a, both, "a.md");
  CHECK(fps[0] != fps[1]);
  CHECK(fps[0].size() == 16);
  auto d3 = make_diag("PF502", {0, 4}, "Missing section 'X'");
  auto d4 = make_diag("PF502", {0, 4}, "Missing section 'Y'");
  CHECK(prfaq::content_fingerprint(a, d3, "a.md") != prfaq::content_fingerprint(a, d4, "a.md"));
}

TEST_CASE("xml: markup escaped, invalid UTF-8 replaced, forbidden controls dropped") {
  using prfaq::report::xml_escape;
  CHECK(xml_escape("a<b>&\"c'") == "a&lt;b&gt;&amp;&quot;c&apos;");
  CHECK(xml_escape("x\x01y\x1Fz") == "xyz");
  CHECK(xml_escape("caf\xC3\xA9 \xFF!") == "caf\xC3\xA9 \xEF\xBF\xBD!");
  CHECK(xml_escape("l1\nl2\t.") == "l1&#10;l2&#9;.");
  CHECK(xml_escape("l1\nl2", false) == "l1\nl2");
}

TEST_CASE("checkstyle and junit: one file element / test case per file, escaped") {
  prfaq::SourceFile src("a&b.md", "# T\n\nWe leverage it.\n");
  auto d = make_diag("PF501", {8, 16}, "Jargon '<leverage>'");
  std::string cs = render("checkstyle", src, {d});
  CHECK(cs.find("<file name=\"a&amp;b.md\">") != std::string::npos);
  CHECK(cs.find("<error line=\"3\" column=\"4\" severity=\"warning\" message=\"Jargon "
                "&apos;&lt;leverage&gt;&apos;\" source=\"prfaq.PF501\"/>") != std::string::npos);
  std::string ju = render("junit", src, {d, d});
  CHECK(ju.find("tests=\"1\" failures=\"1\"") != std::string::npos);
  std::size_t failures = 0;
  for (std::size_t p = ju.find("<failure "); p != std::string::npos;
       p = ju.find("<failure ", p + 1))
    ++failures;
  CHECK(failures == 2);
}

TEST_CASE("rdjson: byte columns, exclusive ends, safe fixes as suggestions") {
  prfaq::SourceFile src("doc.md", "# T\n\nCaf\xC3\xA9 leverage it.\n");
  std::uint32_t b = static_cast<std::uint32_t>(src.text.find("leverage"));
  auto d = make_diag("PF501", {b, b + 8}, "Jargon");
  d.fix = prfaq::Fix{"Replace", {{{b, b + 8}, "use"}}, true};
  auto doc = nlohmann::json::parse(render("rdjson", src, {d}));
  CHECK(doc["source"]["name"] == "prfaq");
  const auto& diag = doc["diagnostics"][0];
  CHECK(diag["severity"] == "WARNING");
  CHECK(diag["code"]["value"] == "PF501");
  CHECK(diag["location"]["range"]["start"]["column"] == 7);  // "Café " is 6 bytes
  CHECK(diag["location"]["range"]["end"]["column"] == 15);
  CHECK(diag["suggestions"][0]["text"] == "use");
}

TEST_CASE("lint: every --format runs on the flawed example and keeps the exit code") {
  std::string src = PRFAQ_SOURCE_DIR;
  for (const std::string& format : prfaq::reporter_formats()) {
    test::Run r = test::run(std::string(PRFAQ_BIN) + " lint --no-config --format " + format + " " +
                            src + "/examples/flawed-launchpad.md");
    INFO(format);
    CHECK(r.status == 1);
    CHECK(r.out.find("PF301") != std::string::npos);
  }
}

TEST_CASE("lint: --write-baseline then --baseline hides old findings across inserted lines") {
  namespace fs = std::filesystem;
  fs::path d = test::temp_dir("baseline");
  std::string text = test::read(std::string(PRFAQ_SOURCE_DIR) + "/examples/flawed-launchpad.md");
  test::write(d / "docs" / "launch.md", text);
  std::string bin = "cd " + d.string() + " && " + PRFAQ_BIN + " lint --no-config ";
  test::Run w = test::run(bin + "--write-baseline base.json docs");
  REQUIRE_MESSAGE(w.status == 0, w.out);
  auto base = nlohmann::json::parse(test::read(d / "base.json"));
  CHECK(base["version"] == 1);
  REQUIRE(!base["entries"].empty());
  CHECK(base["entries"][0]["path"] == "docs/launch.md");
  test::write(d / "docs" / "launch.md", "<!-- a -->\n<!-- b -->\n\n" + text);
  test::Run r = test::run(bin + "--baseline base.json --format concise docs");
  CHECK_MESSAGE(r.status == 0, r.out);
  CHECK(r.out.empty());
  // Run from another directory: paths are relative to the baseline file, so it still applies.
  test::Run other = test::run("cd / && " + std::string(PRFAQ_BIN) +
                              " lint --no-config --format concise --baseline " +
                              (d / "base.json").string() + " " + (d / "docs").string());
  CHECK_MESSAGE(other.status == 0, other.out);
  // A finding fixed since: the summary reports the stale entry.
  std::string fixed = "<!-- a -->\n<!-- b -->\n\n" + text;
  fixed.replace(fixed.find("TBD"), 3, "$10 a month");
  test::write(d / "docs" / "launch.md", fixed);
  r = test::run(bin + "--baseline base.json docs");
  // (PF504 on TBD and PF402 on the question it left unanswered.)
  CHECK_MESSAGE(r.out.find("2 entries stale") != std::string::npos, r.out);
  CHECK(r.status == 0);
  test::write(d / "bad.json", "{\"version\": 2, \"entries\": []}");
  r = test::run(bin + "--baseline bad.json docs");
  CHECK(r.status == 2);
  CHECK(r.out.find("malformed") != std::string::npos);
}

TEST_CASE("text: a long line is shown as a window around the finding, underline aligned") {
  // 2,000 bytes of "ab " with "XYZ" in the middle, on line 2.
  std::string line;
  while (line.size() < 1000) line += "ab ";
  std::uint32_t at = static_cast<std::uint32_t>(line.size()) + 5;  // after "# T\n\n"
  line += "XYZ";
  while (line.size() < 2000) line += " ab";
  prfaq::SourceFile src("doc.md", "# T\n\n" + line + "\n");
  std::string out = render("text", src, {make_diag("PF501", {at, at + 3}, "Jargon")});
  std::istringstream in(out);
  std::vector<std::string> lines;
  for (std::string l; std::getline(in, l);) lines.push_back(l);
  auto shown = std::find_if(lines.begin(), lines.end(),
                            [](const std::string& l) { return l.starts_with("3 | "); });
  REQUIRE(shown != lines.end());
  REQUIRE(shown + 1 != lines.end());
  CHECK(shown->size() < 300);
  CHECK(shown->find("\xE2\x80\xA6") == 4);                   // cut before
  CHECK(shown->rfind("\xE2\x80\xA6") == shown->size() - 3);  // and after
  // The carets sit under XYZ: the ellipsis is one column wide but three bytes.
  std::size_t x = shown->find("XYZ");
  std::size_t caret = (shown + 1)->find("^^^");
  REQUIRE(x != std::string::npos);
  CHECK(caret == x - 2);
}
