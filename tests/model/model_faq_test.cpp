// Pass 6 (src/model/faq.cpp): FAQ entries in every layout, their answers, whether they are
// answered, and their part (external or internal).
#include <doctest/doctest.h>

#include "model_test_support.hpp"

namespace {

struct Q {
  std::string part, text;
  std::uint32_t line = 0;
  bool answered = false;
};

std::vector<Q> questions(const std::string& text) {
  test::Read r = test::read_prfaq(text);
  std::vector<Q> out;
  for (const prfaq::Question& q : r.doc.questions)
    out.push_back({q.part, q.text, r.line(q.span.begin), q.answered});
  return out;
}

}  // namespace

TEST_CASE("faq: question headings under External and Internal FAQ") {
  auto qs = questions(
      "## External FAQ\n\n### Does it float?\n\nNo.\n\n### Is it loud?\n\nNo, 40 dB.\n\n"
      "## Internal FAQ\n\n### What does it cost us to build?\n\n$4 a unit.\n");
  REQUIRE(qs.size() == 3);
  CHECK(qs[0].text == "Does it float?");
  CHECK(qs[0].part == "external");
  CHECK(qs[0].line == 3);
  CHECK(qs[0].answered);
  CHECK(qs[2].part == "internal");
  CHECK(qs[2].line == 13);
}

TEST_CASE("faq: bold Q lines, the answer in the next paragraph or on the next line") {
  auto next_para =
      questions("## FAQ\n\n**Q: Does it float?**\n\nNo, it sinks.\n\n**Q: Is it loud?**\n\nNo.\n");
  REQUIRE(next_para.size() == 2);
  CHECK(next_para[0].text == "Does it float?");
  CHECK(next_para[0].answered);
  CHECK(next_para[1].line == 7);

  // Same paragraph, a hard break (two trailing spaces) before "A:".
  test::Read r = test::read_prfaq(
      "## FAQ\n\n**Q: Which phones does it run on?**  \nA: Any phone from the last five "
      "years.\n\n**Q: What if a spine is hard to read?**\nA: It asks for a photo.\n");
  REQUIRE(r.doc.questions.size() == 2);
  CHECK(r.doc.questions[0].text == "Which phones does it run on?");
  CHECK(r.doc.questions[0].answered);
  CHECK(r.doc.questions[0].answer_text.find("Any phone") != std::string::npos);
  CHECK(r.doc.questions[1].answered);
}

TEST_CASE("faq: Q: and A: on consecutive plain lines") {
  auto qs = questions(
      "## Frequently Asked Questions\n\nQ: Can I renew online?\nA: Yes, from your account.\n\n"
      "Q: Is there a late fee?\nA: No.\n");
  REQUIRE(qs.size() == 2);
  CHECK(qs[0].text == "Can I renew online?");
  CHECK(qs[0].answered);
  CHECK(qs[1].line == 6);
}

TEST_CASE("faq: numbered questions Q1., C1. and I1.") {
  auto qs = questions(
      "## FAQ\n\n### Customer FAQ\n\n**C1. Which databases does it support?**\nPostgreSQL 13 "
      "and later.\n\n### Internal FAQ\n\n**I1. Why not buy a tool?**\nNone replays real "
      "queries.\n\n**Q1. What does it cost?**\nForty seconds of CI.\n");
  REQUIRE(qs.size() == 3);
  CHECK(qs[0].text == "Which databases does it support?");
  CHECK(qs[0].part == "external");
  CHECK(qs[1].text == "Why not buy a tool?");
  CHECK(qs[1].part == "internal");
  CHECK(qs[2].text == "What does it cost?");
}

TEST_CASE("faq: numbered lists with bold questions") {
  auto inline_answers = questions(
      "## Frequently Asked Questions\n\n1. **Does it give grades on its own?** No. The teacher "
      "approves every grade.\n2. **Which subjects?** Any with short answers.\n");
  REQUIRE(inline_answers.size() == 2);
  CHECK(inline_answers[0].text == "Does it give grades on its own?");
  CHECK(inline_answers[0].answered);
  CHECK(inline_answers[1].line == 4);

  auto indented = questions(
      "## Customer FAQs\n\n1. **Do I have to move our runbooks?**\n\n   No. The library reads "
      "them where they are.\n\n2. **Can I flag a runbook?**\n\n   Yes, with one click.\n");
  REQUIRE(indented.size() == 2);
  CHECK(indented[0].answered);
  CHECK(indented[1].text == "Can I flag a runbook?");
  CHECK(indented[1].line == 7);
}

TEST_CASE("faq: topic headings group questions and are not questions") {
  auto qs = questions(
      "## FAQ\n\n### General\n\n**Do I need a static IP?**\n\nNo.\n\n### Technical\n\n**Which "
      "servers run the agent?**\n\nAny Linux machine.\n\n### Privacy & Security\n\n**Can you see "
      "my traffic?**\n\nNo.\n");
  REQUIRE(qs.size() == 3);
  for (const Q& q : qs) {
    INFO(q.text);
    CHECK(q.part == "external");
    CHECK(q.answered);
  }
  CHECK(qs[1].text == "Which servers run the agent?");
}

TEST_CASE("faq: answer sub-labels belong to the answer") {
  test::Read r = test::read_prfaq(
      "## FAQ\n\n### Who is the workshop for?\n\n**Short Answer**\n\nProduct leads.\n\n**Deep "
      "Dive**\n\nTeams of two or three can come together.\n");
  REQUIRE(r.doc.questions.size() == 1);
  const prfaq::Question& q = r.doc.questions[0];
  CHECK(q.answered);
  CHECK(r.line(q.answer.begin) == 7);
  CHECK(r.line(q.answer.end - 1) == 11);
}

TEST_CASE("faq: unanswered questions") {
  auto qs = questions(
      "## FAQ\n\n### What does it cost?\n\n### Who pays for support?\n\nTBD\n\n### What about "
      "tax?\n\nTODO: ask finance\n\n### When does it ship?\n\nTBD - Marcus to fill in\n\n### Is "
      "it safe?\n\nYes. It passed the UL test in March. TBD\n\n### Placeholder?\n\n[...]\n");
  REQUIRE(qs.size() == 6);
  CHECK_FALSE(qs[0].answered);  // empty: the next question follows the heading
  CHECK_FALSE(qs[1].answered);
  CHECK_FALSE(qs[2].answered);
  CHECK_FALSE(qs[3].answered);
  CHECK(qs[4].answered);  // real content with a stray TBD
  CHECK_FALSE(qs[5].answered);
}

TEST_CASE("faq: an unsplit FAQ holds the parts its questions ask for") {
  test::Read r = test::read_prfaq(
      "## FAQ\n\n**Q: Does it float?**\n\nNo.\n\n**Q: Can I share a log?**\n\nYes.\n\n**Q: What "
      "are the biggest risks?**\n\nThat people stop recording after week three.\n");
  REQUIRE(r.doc.questions.size() == 3);
  CHECK(r.doc.questions[0].part == "external");
  CHECK(r.doc.questions[2].part == "internal");
  auto ext = r.roles("external_faq");
  auto in = r.roles("internal_faq");
  REQUIRE(ext.size() == 1);
  REQUIRE(in.size() == 1);
  CHECK(ext[0]->label == "FAQ");
  CHECK(in[0]->label == "FAQ");
  CHECK(r.line(in[0]->label_span.begin) == 1);
  CHECK_FALSE(r.doc.questions[2].why.empty());
}

TEST_CASE("faq: Japanese, Chinese and Spanish questions") {
  auto ja = questions("## よくある質問\n\n### Q. 送料はいくらですか？\n\nA. 800円からです。\n");
  REQUIRE(ja.size() == 1);
  CHECK(ja[0].text == "送料はいくらですか？");
  CHECK(ja[0].answered);
  auto zh = questions(
      "## "
      "常见问题\n\n**问：一块菜地多少钱？**\n\n答：两百元。\n\n**问：谁来浇水？**\n\n答：待定\n");
  REQUIRE(zh.size() == 2);
  CHECK(zh[0].answered);
  CHECK_FALSE(zh[1].answered);
  auto es = questions("## Preguntas frecuentes\n\n### ¿Cuánto cuesta?\n\nEs gratis.\n");
  REQUIRE(es.size() == 1);
  CHECK(es[0].text == "¿Cuánto cuesta?");
}

TEST_CASE("faq: code comments and empty documents hold no questions") {
  CHECK(questions("").empty());
  CHECK(questions("## FAQ\n\n```sh\n# What does this script need?\nmake\n```\n").empty());
  CHECK(questions("---\nq: What is it?\n---\n").empty());
}

TEST_CASE("faq: CRLF keeps question lines and answers") {
  auto qs = questions(
      "## FAQ\r\n\r\n**Q: Does it float?**\r\nA: No.\r\n\r\n### Is it loud?\r\n\r\nNo.\r\n");
  REQUIRE(qs.size() == 2);
  CHECK(qs[0].text == "Does it float?");
  CHECK(qs[0].answered);
  CHECK(qs[1].line == 6);
}

// gap: after a bold question ending in a hard break ("**Q: …?**  " then "A: …" on the next
// line), the answer's span starts on the question's line (at the break), not on the A: line.
TEST_CASE("faq: the answer after a hard break starts on its own line" * doctest::may_fail()) {
  test::Read r = test::read_prfaq(
      "## FAQ\n\n**Q: Which phones does it run on?**  \nA: Any phone from the last five years.\n");
  REQUIRE(r.doc.questions.size() == 1);
  CHECK(r.line(r.doc.questions[0].answer.begin) == 4);
}

// In an unsplit FAQ, a question about our own cost ("What does the speech processing cost us per
// user?") is a stakeholder's.
TEST_CASE("faq: a cost-to-us question is internal") {
  auto qs = questions(
      "## FAQ\n\n**Q: Does it need a signal?**\n\nNo.\n\n**Q: What does the speech processing "
      "cost us per user?**\n\nAbout 9 cents a month.\n\n**Q: What stands between today and this "
      "release?**\n\nThe vendor's export.\n");
  REQUIRE(qs.size() == 3);
  CHECK(qs[1].part == "internal");
  CHECK(qs[2].part == "internal");
}

// "**Q1:** How much does it cost?" (the marker alone in bold) gives the plain text after it
// answered by the question itself; the A1 slot holds only an instruction.
TEST_CASE("faq: a bold marker before a plain question") {
  auto qs = questions(
      "## External FAQ\n\n**Q1:** How much does it cost?\n**A1:** (Price, plans, free trial.)\n");
  REQUIRE(qs.size() == 1);
  CHECK(qs[0].text == "How much does it cost?");
  CHECK_FALSE(qs[0].answered);
}

// gap: plain numbered items holding a question and its answer ("1. How do I borrow a tool?
// Search for it, …") under a bold "**FAQs:**" label are not read as FAQ entries.
TEST_CASE("faq: plain numbered question-and-answer items" * doctest::may_fail()) {
  auto qs = questions(
      "**FAQs:**\n\n1. How do I borrow a tool? Search for it and pick a time.\n2. What if a tool "
      "breaks? The deposit covers repairs.\n");
  REQUIRE(qs.size() == 2);
  CHECK(qs[0].text == "How do I borrow a tool?");
  CHECK(qs[0].answered);
}

// gap: "### Customer / External" and "### Internal / Stakeholder" under one FAQ heading are its
// two parts; the model files every question as external.
TEST_CASE("faq: parts named with a slash" * doctest::may_fail()) {
  auto qs = questions(
      "## Part 3 — FAQ\n\n### Customer / External\n\n**C1. Which databases?**\nPostgreSQL.\n\n"
      "### Internal / Stakeholder\n\n**I1. Why not buy a tool?**\nNone replays queries.\n");
  REQUIRE(qs.size() == 2);
  CHECK(qs[1].part == "internal");
}

// gap: the prompts of a pre-writing checklist ("## 1. Who is the customer?" with ☐ items) are
// not FAQ entries; the model reads them as internal questions.
TEST_CASE("faq: checklist prompts are not questions" * doctest::may_fail()) {
  auto qs = questions(
      "# Before You Write the PR/FAQ\n\n## 1. Who is the customer?\n\n☐ Name one segment.\n\n## "
      "2. What is the problem?\n\n☐ Rank the top three problems.\n");
  CHECK(qs.empty());
}
