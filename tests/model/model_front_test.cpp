// Pass 3 (src/model/front.cpp): the headline, the subheadline and the summary at the top of the
// press release, whatever layout carries them.
#include <doctest/doctest.h>

#include "model_test_support.hpp"

namespace {

/// Headline text and line, and the first lines of the subheadline and summary roles.
struct Front {
  std::string headline;
  std::uint32_t line = 0, sub = 0, summary = 0;
};

Front front(const std::string& text) {
  test::Read r = test::read_prfaq(text);
  Front f;
  if (r.doc.headline_role) {
    f.headline = r.doc.headline_text;
    f.line = r.line(r.doc.headline_span.begin);
  }
  f.sub = r.role_line("subheadline");
  f.summary = r.role_line("summary");
  return f;
}

const char* k_body =
    "\n\nSEATTLE, WA — May 2, 2027 — Acme today launched Kettle, a travel kettle that boils "
    "water in one minute.\n";

}  // namespace

TEST_CASE("front: H1 headline, H2 subheadline, dateline summary") {
  test::Read r =
      test::read_prfaq(std::string("# Kettle Boils Water in One Minute\n\n## Campers get "
                                   "hot coffee before the tent is up") +
                       k_body);
  REQUIRE(r.doc.headline_role);
  CHECK(r.doc.headline_text == "Kettle Boils Water in One Minute");
  CHECK(r.line(r.doc.headline_span.begin) == 1);
  CHECK(r.doc.slice(r.doc.headline_span) == "Kettle Boils Water in One Minute");
  const prfaq::RoleInstance& h = r.doc.roles[*r.doc.headline_role];
  CHECK(h.role == "headline");
  CHECK(r.role_line("subheadline") == 3);
  CHECK(r.role_line("summary") == 5);
  CHECK_FALSE(r.roles("summary").front()->labelled);
}

TEST_CASE("front: a document title above the real headline") {
  Front f = front(std::string("# Kettle PR/FAQ\n\n## Press Release\n\n**FOR IMMEDIATE "
                              "RELEASE**\n\n### Kettle Boils Water in One Minute\n\n*Campers get "
                              "hot coffee first.*") +
                  k_body);
  CHECK(f.headline == "Kettle Boils Water in One Minute");
  CHECK(f.line == 7);
  CHECK(f.sub == 9);
  CHECK(f.summary == 11);
}

TEST_CASE("front: FOR IMMEDIATE RELEASE as the first H1") {
  Front f =
      front(std::string("# FOR IMMEDIATE RELEASE\n\nJune 3, 2027\n\n# Kettle Boils Water in One "
                        "Minute\n\n## Campers get hot coffee first") +
            k_body);
  CHECK(f.headline == "Kettle Boils Water in One Minute");
  CHECK(f.line == 5);
  CHECK(f.sub == 7);
}

TEST_CASE("front: a glued 'Press Release:' label is not part of the headline") {
  Front h1 = front(std::string("# Press Release: Kettle Boils Water in One Minute") + k_body);
  CHECK(h1.headline == "Kettle Boils Water in One Minute");
  CHECK(h1.line == 1);
  Front bold = front(
      std::string("**Press Release: Introducing Kettle - Boil Water in One Minute**") + k_body);
  CHECK(bold.headline == "Introducing Kettle - Boil Water in One Minute");
}

TEST_CASE("front: explicit template headings with the headline in the paragraph below") {
  test::Read r = test::read_prfaq(
      "### Headline\n\n**Kettle Boils Water in One Minute**\n\n### Subheadline\n\nCampers get "
      "hot coffee first.\n\n### Summary\n\nSEATTLE, WA — May 2, 2027 — Acme today launched "
      "Kettle.\n");
  REQUIRE(r.doc.headline_role);
  CHECK(r.doc.headline_text == "Kettle Boils Water in One Minute");
  CHECK(r.line(r.doc.headline_span.begin) == 3);
  const prfaq::RoleInstance& h = r.doc.roles[*r.doc.headline_role];
  CHECK(h.labelled);
  CHECK(h.label == "Headline");
  CHECK(r.line(h.label_span.begin) == 1);
  CHECK(r.role_line("subheadline") == 5);
  CHECK(r.role_line("summary") == 9);
}

TEST_CASE("front: run-in and line labels") {
  Front run_in = front(
      "**Headline:** Kettle Boils Water in One Minute\n\n**Subheadline:** Campers get hot "
      "coffee first.\n\n**Summary.** SEATTLE, WA — May 2, 2027 — Acme today launched Kettle.\n");
  CHECK(run_in.headline == "Kettle Boils Water in One Minute");
  CHECK(run_in.sub == 3);
  CHECK(run_in.summary == 5);

  Front spaces = front(
      "**Title:** Kettle Boils Water in One Minute  \n\n**Summary:**  \nKettle is a travel "
      "kettle for campers.\n");
  CHECK(spaces.headline == "Kettle Boils Water in One Minute");
  CHECK(spaces.summary == 3);
}

TEST_CASE("front: CJK and Korean label lines") {
  Front zh = front(
      "**标题：青禾菜园上线共享菜地预约**\n\n**副标题：按季度认领一小块菜地**\n\n**上海，2027 年 3 "
      "月 15 "
      "日 —** 青禾菜园今天在上海开放共享菜地预约。\n");
  CHECK(zh.headline == "青禾菜园上线共享菜地预约");
  CHECK(zh.line == 1);
  CHECK(zh.sub == 3);

  Front ja = front(
      "### 見出し\n\n**忘れ物をスマホひとつで自宅まで届けます**\n\n### サブ見出し\n\n"
      "宿に電話をかけなくても5分で終わります。\n");
  CHECK(ja.headline == "忘れ物をスマホひとつで自宅まで届けます");
  CHECK(ja.line == 3);
  CHECK(ja.sub == 5);

  Front ko = front(
      "**제목:** 동네책방 지도 출시\n\n**부제:** 가장 가까운 독립서점을 알려준다\n\n서울, 2027년 "
      "5월 20일 — "
      "책길컴퍼니는 서비스를 출시했다고 발표했다.\n");
  CHECK(ko.headline == "동네책방 지도 출시");
  CHECK(ko.sub == 3);
}

TEST_CASE("front: headline as the first line of a file without Markdown") {
  Front f = front(
      "Kettle Boils Water in One Minute\nCampers get hot coffee before the tent is up\n\nAcme "
      "today launched Kettle, a travel kettle.\n");
  CHECK(f.headline == "Kettle Boils Water in One Minute");
  CHECK(f.line == 1);
  CHECK(f.sub == 2);
}

TEST_CASE("front: an italic headline line") {
  Front f = front(std::string("*Kettle Boils Water in One Minute*") + k_body);
  CHECK(f.headline == "Kettle Boils Water in One Minute");
}

TEST_CASE("front: nothing to read") {
  for (std::string text : {"", "---\ntitle: Draft\n---\n", "<!-- a comment only -->\n"}) {
    INFO(text);
    test::Read r = test::read_prfaq(text);
    CHECK_FALSE(r.doc.headline_role);
    CHECK(r.doc.headline_text.empty());
    CHECK(r.doc.find_role("summary") == nullptr);
  }
}

TEST_CASE("front: BOM and CRLF stay out of the headline") {
  test::Read bom =
      test::read_prfaq(std::string("\xEF\xBB\xBF# Kettle Boils Water in One Minute") + k_body);
  CHECK(bom.doc.headline_text == "Kettle Boils Water in One Minute");
  CHECK(bom.line(bom.doc.headline_span.begin) == 1);
  test::Read crlf = test::read_prfaq(
      "# Kettle Boils Water in One Minute\r\n\r\n## Campers get hot coffee first\r\n\r\nSEATTLE, "
      "WA — May 2, 2027 — Acme today launched Kettle.\r\n");
  CHECK(crlf.doc.headline_text == "Kettle Boils Water in One Minute");
  CHECK(crlf.role_line("subheadline") == 3);
  CHECK(crlf.role_line("summary") == 5);
}

TEST_CASE("front: multibyte text in the headline keeps the span on its characters") {
  test::Read r =
      test::read_prfaq(std::string("# Café Kettle Brews Coffee for Everyone ☕") + k_body);
  CHECK(r.doc.headline_text == "Café Kettle Brews Coffee for Everyone ☕");
  CHECK(r.doc.slice(r.doc.headline_span) == "Café Kettle Brews Coffee for Everyone ☕");
}

TEST_CASE("front: a blockquoted disclaimer is not the subheadline") {
  Front f = front(
      "### Kettle Boils Water in One Minute\n\n> Kettle is in public beta.\n\n**[City, Date]** — "
      "Acme today launched Kettle, a travel kettle.\n");
  CHECK(f.headline == "Kettle Boils Water in One Minute");
  CHECK(f.sub == 0);
  CHECK(f.summary == 5);
}

// Under a title "# PRFAQ", an H2 and the plain line under it ABOVE "## Press Release" are the
// headline and subheadline, whether the line under the H2 has 8 words or 15.
TEST_CASE("front: headline and subheadline before the Press Release heading") {
  Front f = front(
      "# PRFAQ\n\n## Ship Small, Learn Fast\n\nA half-day workshop on cutting a product idea down "
      "to the first thing worth shipping.\n\n## Press Release\n\nPORTO – (Nov 2027) – Product "
      "leads who sign up for Ship Small, Learn Fast leave with one feature they can ship in two "
      "weeks.\n");
  CHECK(f.headline == "Ship Small, Learn Fast");
  CHECK(f.line == 3);
  CHECK(f.sub == 5);
}

// An H3 naming only the product followed by a bold announcement line: the H3 is the headline and
// the bold line the subheadline.
TEST_CASE("front: product-name headline with a bold announcement line under it") {
  Front f = front(
      "### Beacon\n\n**Operations Team Launches Beacon to Check Every Job from One Command**\n\n"
      "**Problem Statement**\n\nOperators check forty jobs by hand.\n");
  CHECK(f.headline == "Beacon");
  CHECK(f.sub == 3);
}

// A "**[REQUIRED]**" marker after a bold slot label is no headline text, and the slot's
// instruction under it no subheadline.
TEST_CASE("front: a [REQUIRED] marker beside the headline label") {
  Front f = front(
      "## Press Release\n\n**Headline** **[REQUIRED]**\n\n(One line a customer would "
      "understand.)\n\n\n**Sub-head** **[REQUIRED]**\n\n(One more sentence.)\n");
  CHECK(f.headline == "(One line a customer would understand.)");
  CHECK(f.sub == 8);
}

// A paragraph labelled as the subheadline is read once, not once more as an unlabelled
// subheadline on the same line.
TEST_CASE("front: a labelled subheadline line is one role") {
  test::Read r = test::read_prfaq(
      "**Title:** [Product] lets [customer] [do the thing]  \n**Subtitle:** [Who benefits]  "
      "\n**Date:** [Launch date]\n\n## Press Release\n\n[Company] today announced [product].\n");
  CHECK(r.roles("subheadline").size() == 1);
}

TEST_CASE("front: the headline role lists the candidates it turned down") {
  test::Read r = test::read_prfaq(
      "# Kettle PR/FAQ\n\n## Press Release\n\n### Kettle Boils Water in One Minute" +
      std::string(k_body));
  REQUIRE(r.doc.headline_role);
  const prfaq::RoleInstance& h = r.doc.roles[*r.doc.headline_role];
  CHECK(r.doc.headline_text == "Kettle Boils Water in One Minute");
  REQUIRE_FALSE(h.rejected.empty());
  CHECK(h.rejected.front() == "line 1: the document's title");
}

TEST_CASE("announcer (src/model/announcer.cpp): the company and the words that stand for it") {
  test::Read r = test::read_prfaq(
      "# Kettle Boils Water in One Minute\n\nPORTLAND — May 2, 2027 — Blue Ridge Outfitters Inc. "
      "today launched Kettle, a travel kettle for campers.\n");
  CHECK(r.doc.company == "Blue Ridge Outfitters Inc.");
  // A speaker at the announcing company then speaks for it.
  test::Read q = test::read_prfaq(
      "# Kettle Boils Water in One Minute\n\nPORTLAND — May 2, 2027 — Blue Ridge Outfitters today "
      "launched Kettle, a travel kettle for campers.\n\n\"We built Kettle for our own trips,\" "
      "said Ana Ruiz, head of product at Blue Ridge.\n");
  REQUIRE(q.doc.quotes.size() == 1);
  CHECK(q.doc.quotes[0].cls == prfaq::QuoteClass::leader);
}
