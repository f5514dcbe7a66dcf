// The readiness verdict, the open questions and risks, --fail-under and --format markdown.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "support.hpp"

namespace fs = std::filesystem;

namespace {

std::string bin() {
  return PRFAQ_BIN;
}

test::Run in(const fs::path& d, const std::string& args) {
  return test::run("cd '" + d.string() + "' && " + bin() + " " + args);
}

// A PR/FAQ with an internal FAQ that names a risk and a question left open.
const char* k_doc =
    "# Acme Ledger closes the books in one day\n\n"
    "## Finance teams of 5 to 50 people close the month in one day instead of five\n\n"
    "SEATTLE, WA — March 3, 2027 — Acme today launched Ledger, which reconciles bank feeds "
    "against the general ledger every night so a month-end close takes one day.\n\n"
    "## The Problem\n\nA controller at a 20-person company spends five days a month matching "
    "bank lines by hand.\n\n"
    "## The Solution\n\nLedger matches 95% of bank lines overnight and lists the rest.\n\n"
    "\"We closed March in a day,\" said Dana Ortiz, controller at Mercy Clinics.\n\n"
    "## External FAQ\n\n### How much does it cost?\n\nLedger costs $40 a month per company.\n\n"
    "### When can I start?\n\n"
    "## Internal FAQ\n\n### What are the biggest risks?\n\n"
    "Banks may change their feed formats without notice. We keep two engineers on the feeds.\n\n"
    "### How big is the market?\n\nAbout 300,000 companies in the US have 5 to 50 staff.\n";

}  // namespace

TEST_CASE("review: the verdict follows the findings; open questions and risks in JSON") {
  fs::path d = test::temp_dir("review-json");
  test::write(d / "doc.md", k_doc);
  test::Run r = in(d, "lint --no-config --format json doc.md");
  auto j = nlohmann::json::parse(r.out);
  const auto& review = j["files"][0]["review"];
  CHECK(review["is_prfaq"] == true);
  // "When can I start?" has no answer: PF402 is an error, so the document is not ready.
  REQUIRE(review["open_questions"].size() == 1);
  CHECK(review["open_questions"][0]["question"] == "When can I start?");
  CHECK(review["open_questions"][0]["line"] == 23);
  CHECK(review["verdict"] == "not-ready");
  REQUIRE(review["risks"].size() == 1);
  CHECK(review["risks"][0]["question"] == "What are the biggest risks?");
  CHECK(review["risks"][0]["answer"] == "Banks may change their feed formats without notice.");
  CHECK(review["risks"][0]["line"] == 27);
  CHECK(j["summary"]["verdict"] == "not-ready");

  // Only warnings left: needs work; only infos: ready.
  r = in(d, "lint --no-config --format json --select PF508,PF208 doc.md");
  CHECK(nlohmann::json::parse(r.out)["summary"]["verdict"] == "ready");
  r = in(d, "lint --no-config --format json --ignore PF402 doc.md");
  auto ignored = nlohmann::json::parse(r.out);
  bool warnings = ignored["summary"]["warnings"] > 0, errors = ignored["summary"]["errors"] > 0;
  CHECK(ignored["summary"]["verdict"] == (errors     ? "not-ready"
                                          : warnings ? "needs-work"
                                                     : "ready"));
}

TEST_CASE("review: --fail-under fails on a verdict below the one given") {
  std::string examples = std::string(PRFAQ_SOURCE_DIR) + "/examples/";
  // The good example is ready: it passes any bar.
  CHECK(test::run(bin() + " lint --no-config --fail-under ready " + examples + "good-teamsync.md")
            .status == 0);
  // The README of the examples is no PR/FAQ: a warning (PF105), so it needs work.
  test::Run r = test::run(bin() + " lint --no-config --fail-on never --fail-under ready " +
                          examples + "README.md");
  CHECK(r.status == 1);
  r = test::run(bin() + " lint --no-config --fail-on never --fail-under needs-work " + examples +
                "README.md");
  CHECK(r.status == 0);
  r = test::run(bin() + " lint --no-config --fail-on never --fail-under needs-work " + examples +
                "flawed-launchpad.md");
  CHECK(r.status == 1);
  r = test::run(bin() + " lint --no-config --fail-under sometimes " + examples + "README.md");
  CHECK(r.status == 2);
}

TEST_CASE("--format markdown: the verdict, a scorecard row per file, findings, questions, risks") {
  fs::path d = test::temp_dir("review-markdown");
  test::write(d / "doc.md", k_doc);
  test::write(d / "clean.md",
              test::read(fs::path(PRFAQ_SOURCE_DIR) / "examples" / "good-teamsync.md"));
  test::Run r = in(d, "lint --no-config --format markdown clean.md doc.md");
  CHECK(r.status == 1);
  const std::string& md = r.out;
  CHECK(md.rfind("## prfaq: not ready\n\n", 0) == 0);
  CHECK(md.find("| File | Verdict | Errors | Warnings | Infos |") != std::string::npos);
  CHECK(md.find("| clean.md | ready | 0 | 0 | 0 |") != std::string::npos);
  CHECK(md.find("| doc.md | not ready | ") != std::string::npos);
  CHECK(md.find("### doc.md (not ready)") != std::string::npos);
  CHECK(md.find("- **error** `PF402` Unanswered question 'When can I start?'") !=
        std::string::npos);
  CHECK(md.find("Open questions (no answer yet):\n\n- When can I start? (line 23)") !=
        std::string::npos);
  CHECK(md.find("Key risks named in the internal FAQ:\n\n- What are the biggest risks? (line 27): "
                "Banks may change their feed formats without notice.") != std::string::npos);
  // A clean file has its row and no section; the good example's own risk is listed under it.
  CHECK(md.find("### clean.md (ready)") != std::string::npos);
  CHECK(md.find("- **") > md.find("### doc.md"));  // nothing flagged in clean.md's section
  // Markdown in the document's text cannot break the table or inject HTML.
  test::write(d / "pipe.md", "# A | B <img src=x> headline\n\nTODO\n");
  r = in(d, "lint --no-config --format markdown pipe.md");
  CHECK(r.out.find("<img") == std::string::npos);
  CHECK(r.out.find("| pipe.md | not ready |") != std::string::npos);
}

TEST_CASE("profile and stage: from the configuration or front matter, they tune severities") {
  fs::path d = test::temp_dir("profile-stage");
  std::string flawed = test::read(fs::path(PRFAQ_SOURCE_DIR) / "examples" / "flawed-launchpad.md");
  test::write(d / "doc.md", flawed);
  auto codes = [&](const std::string& args) {
    return in(d, "lint --format concise --select PF504,PF402,PF301,PF205 " + args + " doc.md").out;
  };
  // Review (the default): placeholders and open questions are errors.
  std::string review = codes("--no-config");
  CHECK(review.find("error: Placeholder 'TBD'") != std::string::npos);
  CHECK(review.find("error: Unanswered question") != std::string::npos);
  CHECK(review.find("PF301") != std::string::npos);
  // A draft: they are infos, and the verdict no longer fails on them.
  test::write(d / ".prfaq.toml", "stage = \"draft\"\n");
  std::string draft = codes("");
  CHECK(draft.find("info: Placeholder 'TBD'") != std::string::npos);
  CHECK(draft.find("info: Unanswered question") != std::string::npos);
  CHECK(draft.find("error: No quotation attributed to a customer") != std::string::npos);
  // Front matter wins over the configuration: a developer-tool PR/FAQ in its final stage has
  // no customer quote or dateline to miss, and its placeholders are errors.
  test::write(d / "doc.md", "---\nprofile: devtool\nstage: final\n---\n" + flawed);
  std::string devtool = codes("");
  CHECK(devtool.find("PF301") == std::string::npos);
  CHECK(devtool.find("PF205") == std::string::npos);
  CHECK(devtool.find("error: Placeholder 'TBD'") != std::string::npos);
  // A [rules.X] severity_in of the project replaces the pack's for that context.
  test::write(d / ".prfaq.toml", "[rules.PF504]\nseverity_in = { final = \"warning\" }\n");
  CHECK(codes("").find("warning: Placeholder 'TBD'") != std::string::npos);
  // Unknown values are configuration errors with the choices.
  test::write(d / ".prfaq.toml", "profile = \"startup\"\n");
  test::Run bad = in(d, "lint doc.md");
  CHECK(bad.status == 2);
  CHECK(bad.out.find("'profile' must be one of amazon, devtool, internal") != std::string::npos);
  test::write(d / ".prfaq.toml", "[rules.PF504]\nseverity_in = { beta = \"off\" }\n");
  bad = in(d, "lint doc.md");
  CHECK(bad.status == 2);
  CHECK(bad.out.find("'beta' is neither a profile nor a stage") != std::string::npos);
}
