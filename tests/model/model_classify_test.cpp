// Pass 7 (src/model/classify.cpp): is this file a PR/FAQ? Evidence for and against is weighed;
// front matter or the configuration's include decide outright.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "model_test_support.hpp"

namespace {

const char* k_prfaq =
    "# Kettle PR/FAQ\n\n## Press Release\n\n### Kettle Boils Water in One Minute\n\nSEATTLE, WA "
    "— May 2, 2027 — Acme today launched Kettle, a travel kettle for campers.\n\n\"We built it "
    "for our own trips,\" said Jane Roe, CEO of Acme.\n\n\"Coffee before the tent is up,\" said "
    "Tom Okafor, a camper.\n\n## FAQ\n\n### Does it float?\n\nNo.\n\n### Is it loud?\n\nNo.\n\n"
    "### What does it cost us?\n\n$4 a unit.\n";

const char* k_readme =
    "# trellis-ui\n\nAccessible form components for React.\n\n## Install\n\n```sh\nnpm install "
    "trellis-ui\n```\n\n## Usage\n\nImport a component.\n\n## Contributing\n\nOpen a pull "
    "request.\n\n## License\n\nMIT\n";

bool has(const std::string& evidence, std::string_view what) {
  return evidence.find(what) != std::string::npos;
}

}  // namespace

TEST_CASE("classify: a full PR/FAQ, and the evidence that decided it") {
  test::Read r = test::read_doc(k_prfaq);
  CHECK(r.doc.is_prfaq);
  CHECK(r.doc.prfaq_forced.empty());
  CHECK(r.doc.prfaq_score >= 4);
  int sum = 0;
  for (const prfaq::Evidence& e : r.doc.prfaq_evidence) sum += e.weight;
  CHECK(sum == r.doc.prfaq_score);
  std::string ev = test::evidence(r.doc);
  INFO(ev);
  CHECK(has(ev, "+3 the title 'Kettle PR/FAQ' names a PR/FAQ"));
  CHECK(has(ev, "a dateline opening the summary"));
  CHECK(has(ev, "+3 quotations with speakers"));
  CHECK(has(ev, "answered FAQ questions"));
  for (const prfaq::Evidence& e : r.doc.prfaq_evidence)
    if (e.what.starts_with("the title")) CHECK(r.line(e.at.begin) == 1);
}

TEST_CASE("classify: nothing at all is no PR/FAQ") {
  for (std::string text : {"", "\n\n", "---\ntitle: Draft\n---\n", "Just a line.\n"}) {
    INFO(text);
    test::Read r = test::read_doc(text);
    CHECK_FALSE(r.doc.is_prfaq);
    CHECK(r.doc.prfaq_score < 4);
  }
}

TEST_CASE("classify: a README weighs against") {
  test::Read r = test::read_doc(k_readme);
  CHECK_FALSE(r.doc.is_prfaq);
  std::string ev = test::evidence(r.doc);
  INFO(ev);
  CHECK(has(ev, "README sections"));
  bool against = false;
  for (const prfaq::Evidence& e : r.doc.prfaq_evidence) against |= e.weight < 0;
  CHECK(against);
}

TEST_CASE("classify: front matter decides outright") {
  test::Read yes = test::read_doc(std::string("---\nprfaq: true\n---\n") + k_readme);
  CHECK(yes.doc.is_prfaq);
  CHECK(yes.doc.prfaq_forced == "front matter 'prfaq: true'");
  test::Read no = test::read_doc(std::string("---\nprfaq: false\n---\n\n") + k_prfaq);
  CHECK_FALSE(no.doc.is_prfaq);
  CHECK(no.doc.prfaq_forced == "front matter 'prfaq: false'");
  // The reading is still done.
  CHECK(no.doc.headline_text == "Kettle Boils Water in One Minute");
  CHECK_FALSE(no.doc.questions.empty());
  test::Read quoted = test::read_doc(std::string("---\nprfaq: \"yes\"\n---\n") + k_readme);
  CHECK(quoted.doc.is_prfaq);
}

TEST_CASE("classify: the configuration's include decides outright") {
  test::Read r = test::read_doc(k_readme, "notes.md", /*included=*/true);
  CHECK(r.doc.is_prfaq);
  CHECK_FALSE(r.doc.prfaq_forced.empty());
  CHECK(has(r.doc.prfaq_forced, "include"));
}

TEST_CASE("classify: file names") {
  const char* weak = "# Kettle\n\nA few notes on the kettle idea.\n";
  for (std::string name : {"PRFAQ.md", "docs/PR-FAQ.md", "pr_faq.md", "press-release.md",
                           "press_release.md", "kettle-prfaq.md"}) {
    INFO(name);
    test::Read r = test::read_doc(weak, name);
    CHECK(r.doc.is_prfaq);
    CHECK(has(test::evidence(r.doc), "+4 the file is named"));
  }
  test::Read method = test::read_doc(weak, "working-backwards.md");
  CHECK(has(test::evidence(method.doc), "+2 the file is named after the method"));
  test::Read plain = test::read_doc(weak, "notes.md");
  CHECK_FALSE(plain.doc.is_prfaq);
  test::Read inside = test::read_doc(weak, "prfaqtool.md");
  CHECK_FALSE(has(test::evidence(inside.doc), "the file is named"));
}

TEST_CASE("classify: FOR IMMEDIATE RELEASE and a labelled press release") {
  test::Read r = test::read_doc(
      "**FOR IMMEDIATE RELEASE**\n\n**Kettle Boils Water in One Minute**\n\nAcme today launched "
      "Kettle.\n");
  std::string ev = test::evidence(r.doc);
  INFO(ev);
  CHECK(has(ev, "+3 a 'FOR IMMEDIATE RELEASE' line"));
  CHECK(r.doc.is_prfaq);
  test::Read pr = test::read_doc("## Press Release\n\nAcme today launched Kettle.\n");
  CHECK(has(test::evidence(pr.doc), "a press release labelled 'Press Release'"));
}

TEST_CASE("classify: wiki links, blog front matter and changelogs weigh against") {
  test::Read wiki = test::read_doc(
      "# working-backwards\n\nDefinition goes here.\n\n- [[press-release]]\n- [[faq]]\n");
  CHECK_FALSE(wiki.doc.is_prfaq);
  CHECK(has(test::evidence(wiki.doc), "-2 wiki links"));
  test::Read blog = test::read_doc(
      "---\nlayout: post\ntitle: Notes on writing\n---\n\nWe wrote the press release first.\n");
  CHECK(has(test::evidence(blog.doc), "-2 blog front matter ('layout:')"));
  test::Read log = test::read_doc("# Changelog\n\n## 1.2.0\n\n- Fixes.\n\n## 1.1.0\n\n- More.\n");
  CHECK_FALSE(log.doc.is_prfaq);
  CHECK(has(test::evidence(log.doc), "version headings of a changelog"));
}

TEST_CASE("classify: a press kit whose parts are only code is copy for elsewhere") {
  test::Read r = test::read_doc(
      "# Lanternfish\n\n## Press Release\n\n```\nLanternfish is out today on the App Store\n```\n"
      "\n## FAQ\n\n```\nQ: Is it free?\n```\n");
  std::string ev = test::evidence(r.doc);
  INFO(ev);
  CHECK(has(ev, "holds only code blocks"));
  CHECK_FALSE(r.doc.is_prfaq);
}

TEST_CASE("classify: CRLF and BOM do not change the decision") {
  std::string crlf = "\xEF\xBB\xBF";
  for (const char* c = k_prfaq; *c; ++c) {
    if (*c == '\n') crlf += '\r';
    crlf += *c;
  }
  test::Read lf = test::read_doc(k_prfaq);
  test::Read cr = test::read_doc(crlf);
  CHECK(cr.doc.is_prfaq);
  CHECK(cr.doc.prfaq_score == lf.doc.prfaq_score);
}

TEST_CASE("classify: outline --explain shows the decision and its evidence") {
  auto dir = test::temp_dir("model-classify");
  test::write(dir / "notes.md", k_readme);
  test::Run r = test::run(std::string(PRFAQ_BIN) + " outline --no-config --format json --explain " +
                          (dir / "notes.md").string());
  REQUIRE(r.status == 0);
  auto j = nlohmann::json::parse(r.out.substr(0, r.out.rfind('}') + 1));
  CHECK(j.at("is_prfaq") == false);
  const auto& d = j.at("decision");
  CHECK(d.at("is_prfaq") == false);
  CHECK(d.at("threshold") == 4);
  bool readme = false;
  int sum = 0;
  for (const auto& e : d.at("evidence")) {
    sum += e.at("weight").get<int>();
    readme |= e.at("what").get<std::string>().find("README sections") != std::string::npos;
  }
  CHECK(readme);
  CHECK(sum == d.at("score").get<int>());

  test::write(dir / "PRFAQ.md", "---\nprfaq: true\n---\n\n# Kettle\n");
  r = test::run(std::string(PRFAQ_BIN) + " outline --no-config --explain " +
                (dir / "PRFAQ.md").string());
  REQUIRE(r.status == 0);
  CHECK(r.out.find("front matter 'prfaq: true'") != std::string::npos);
  std::filesystem::remove_all(dir);
}

// gap: an outline kept inside a "``` Markdown" fence (plain slot lines Headline, Subtitle,
// Problem, … FAQ) is a PR/FAQ template; the slot lines are not read as labels (the H1 above the
// fence is taken as the headline) and the file is dismissed.
TEST_CASE("classify: an outline inside a Markdown fence is a PR/FAQ template" *
          doctest::may_fail()) {
  test::Read r = test::read_doc(
      "# Before You Write\n\nCopy this outline.\n\n``` Markdown\nHeadline\n  One line: the "
      "customer and the benefit.\nSubtitle\n  Who it is for.\nProblem\n  The ranked "
      "problems.\nSolution Overview\n  How the product removes them.\nLeader Quote\n  Why we "
      "built it.\nCustomer Quote\n  What a customer would say.\nFAQ\n  Customer questions, then "
      "internal ones.\n```\n");
  CHECK(r.doc.is_prfaq);
  CHECK(r.doc.headline_text == "One line: the customer and the benefit.");
  const prfaq::RoleInstance* lq = r.doc.find_role("leader_quote");
  REQUIRE(lq);
  CHECK(lq->label == "Leader Quote");
}
