// Pass 5 (src/model/body.cpp): problem, solution, getting started and customer experience, from
// their labels and, where nothing labels them, from what the paragraphs say.
#include <doctest/doctest.h>

#include "model_test_support.hpp"

namespace {

const char* k_top =
    "# Kettle Boils Water in One Minute\n\nCampers get hot coffee before the tent is up.\n\n"
    "SEATTLE, WA — May 2, 2027 — Acme today launched Kettle, a travel kettle for campers.\n\n";

test::Read with_top(const std::string& body) {
  return test::read_prfaq(std::string(k_top) + body);
}

}  // namespace

TEST_CASE("body: labelled sections") {
  test::Read r = with_top(
      "## The Problem\n\nCampers wait ten minutes for water to boil on a gas stove.\n\n"
      "## The Solution\n\nKettle heats half a litre in one minute from a USB-C battery.\n\n"
      "## Getting Started\n\nKettle costs $49 at kettle.example.com.\n");
  const prfaq::RoleInstance* p = r.doc.find_role("problem");
  REQUIRE(p);
  CHECK(p->labelled);
  CHECK(p->label == "The Problem");
  CHECK(r.line(p->label_span.begin) == 7);
  CHECK(p->span.contains(r.at("Campers wait")));
  CHECK_FALSE(p->empty);
  CHECK(p->words > 5);
  CHECK(r.role_line("solution") == 11);
  const prfaq::RoleInstance* g = r.doc.find_role("getting_started");
  REQUIRE(g);
  CHECK(g->label == "Getting Started");
  CHECK_FALSE(g->how.empty());
}

TEST_CASE("body: an empty labelled section") {
  test::Read r = with_top("## The Problem\n\n## The Solution\n\nKettle heats water fast.\n");
  const prfaq::RoleInstance* p = r.doc.find_role("problem");
  REQUIRE(p);
  CHECK(p->empty);
  CHECK(p->words == 0);
  const prfaq::RoleInstance* s = r.doc.find_role("solution");
  REQUIRE(s);
  CHECK_FALSE(s->empty);
}

TEST_CASE("body: run-in labels, Getting started without punctuation") {
  test::Read r = with_top(
      "**The problem.** Campers wait ten minutes for water to boil.\n\n**The solution.** Kettle "
      "heats it in one.\n\n**Getting started** takes one click at kettle.example.com.\n");
  CHECK(r.role_line("problem") == 7);
  CHECK(r.role_line("solution") == 9);
  const prfaq::RoleInstance* g = r.doc.find_role("getting_started");
  REQUIRE(g);
  CHECK(g->label == "Getting started");
  CHECK(r.line(g->label_span.begin) == 11);
}

TEST_CASE("body: How It Works stands in for the solution when nothing else is labelled") {
  test::Read r = with_top(
      "## The Problem\n\nCampers wait ten minutes for water.\n\n## How It Works\n\n1. Fill it.\n"
      "2. Press the button.\n3. Pour.\n");
  auto exp = r.roles("customer_experience");
  auto sol = r.roles("solution");
  REQUIRE(exp.size() == 1);
  REQUIRE(sol.size() == 1);
  CHECK(exp[0]->label == "How It Works");
  CHECK(sol[0]->label == "How It Works");
  CHECK(exp[0]->label_span.begin == sol[0]->label_span.begin);

  test::Read both = with_top(
      "## The Solution\n\nKettle heats water in a minute.\n\n## How It Works\n\n1. Fill it.\n");
  REQUIRE(both.roles("solution").size() == 1);
  CHECK(both.roles("solution")[0]->label == "The Solution");
}

TEST_CASE("body: a related label stands in for the solution") {
  test::Read r = with_top("**Key Features:**\n- Boils in a minute.\n- Charges over USB-C.\n");
  const prfaq::RoleInstance* s = r.doc.find_role("solution");
  REQUIRE(s);
  CHECK(s->label == "Key Features");
  CHECK(s->labelled);
}

TEST_CASE("body: roles from content in a release without headings") {
  test::Read r = with_top(
      "Campers today wait ten minutes for water to boil on a gas stove, and most give up on "
      "coffee in the morning.\n\nWith Kettle, you fill the kettle, press one button and pour a "
      "cup a minute later. Kettle runs on a USB-C battery.\n\nKettle is available today for $49 "
      "at kettle.example.com.\n");
  CHECK(r.role_line("problem") == 7);
  CHECK(r.role_line("solution") == 9);
  CHECK(r.role_line("getting_started") == 11);
  const prfaq::RoleInstance* p = r.doc.find_role("problem");
  REQUIRE(p);
  CHECK_FALSE(p->labelled);
  CHECK(p->label.empty());
}

TEST_CASE("body: a problem told only in an FAQ answer") {
  test::Read r = test::read_prfaq(
      "## FAQ\n\n### What problem are we solving?\n\nCampers wait ten minutes for water to boil "
      "and skip breakfast.\n\n### Who is the customer?\n\nWeekend campers.\n");
  const prfaq::RoleInstance* p = r.doc.find_role("problem");
  REQUIRE(p);
  CHECK(p->span.contains(r.at("Campers wait")));
}

TEST_CASE("body: nothing in an empty document or one of code only") {
  CHECK(test::read_prfaq("").doc.roles.empty());
  test::Read r = test::read_prfaq("```\nThe problem: water boils slowly.\n```\n");
  CHECK(r.doc.find_role("problem") == nullptr);
  CHECK(r.doc.find_role("solution") == nullptr);
}

TEST_CASE("body: CRLF and a BOM leave the role lines alone") {
  test::Read r = test::read_prfaq(
      "\xEF\xBB\xBF# Kettle Boils Water\r\n\r\n## The Problem\r\n\r\nCampers wait.\r\n\r\n## "
      "Getting Started\r\n\r\nBuy it at kettle.example.com.\r\n");
  CHECK(r.role_line("problem") == 3);
  CHECK(r.role_line("getting_started") == 7);
  CHECK(r.doc.find_role("problem")->label == "The Problem");
}

// An availability line ("X is free on the App Store today.") after the quotes is the getting
// started.
TEST_CASE("body: an availability line is getting started") {
  test::Read r = with_top(
      "Most owners keep maintenance notes on paper and lose half of them.\n\n\"I used to find "
      "my notes in a jacket pocket,\" said Tom Okafor, a sailor.\n\nKettle is free on the App "
      "Store today. A $4 a month plan adds shared logs.\n");
  CHECK(r.role_line("getting_started") == 11);
}

// gap: one paragraph that states the problem and then the solution gives only the problem.
TEST_CASE("body: problem and solution in one paragraph" * doctest::may_fail()) {
  test::Read r = with_top(
      "Parcels left in lobbies go missing: one resident in five lost a delivery last year. "
      "Carrier lockers only take one carrier's parcels. Parcelpost lockers accept deliveries "
      "from any courier, text the resident a code, and tell the manager when a locker is "
      "full.\n");
  CHECK(r.role_line("problem") == 7);
  CHECK(r.role_line("solution") == 7);
}

// A "How X Works" heading naming the product is the how-it-works section.
TEST_CASE("body: How <product> Works is the customer experience") {
  test::Read r = with_top(
      "## HOW KETTLE WORKS\n\nFill the kettle, press the button, and pour a cup a minute "
      "later.\n");
  CHECK(r.role_line("customer_experience") == 7);
  CHECK(r.role_line("solution") == 7);
}

// An essay about the method (not a PR/FAQ) has no problem or solution: its paragraphs about
// writing a press release and its numbered process steps are neither.
TEST_CASE("body: an essay about the method has no problem or solution") {
  test::Read r = test::read_doc(
      "---\nlayout: post\ntitle: \"What I Learned Writing Press Releases First\"\n---\n\nLast "
      "year our team started every project by writing the press release first.\n\n## Why write "
      "the announcement first\n\nWriting the announcement forces you to say who the customer is "
      "and what problem you solve before anyone writes code. If the headline is boring, the "
      "product probably is too.\n\n## How we ran it\n\n1. A product manager wrote a one-page "
      "press release.\n2. The team wrote the FAQ together in one meeting.\n3. We reviewed both "
      "with a director.\n");
  CHECK_FALSE(r.doc.is_prfaq);
  CHECK(r.doc.find_role("problem") == nullptr);
  CHECK(r.doc.find_role("solution") == nullptr);
}
