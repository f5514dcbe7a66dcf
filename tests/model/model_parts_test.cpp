// Pass 2 (src/model/parts.cpp): the document title, and where the press release and the FAQ
// begin and end.
#include <doctest/doctest.h>

#include "model_test_support.hpp"

namespace {

const char* k_full =
    "# Kettle PR/FAQ\n"                                          // 1
    "\n"                                                         // 2
    "## Press Release\n"                                         // 3
    "\n"                                                         // 4
    "### Kettle Boils Water in One Minute\n"                     // 5
    "\n"                                                         // 6
    "SEATTLE, WA — May 2, 2027 — Acme today launched Kettle.\n"  // 7
    "\n"                                                         // 8
    "## FAQ\n"                                                   // 9
    "\n"                                                         // 10
    "### External FAQ\n"                                         // 11
    "\n"                                                         // 12
    "**Q: Does it work on a boat?**\n"                           // 13
    "\n"                                                         // 14
    "Yes, on 12 volts.\n"                                        // 15
    "\n"                                                         // 16
    "### Internal FAQ\n"                                         // 17
    "\n"                                                         // 18
    "**Q: What does it cost us to build?**\n"                    // 19
    "\n"                                                         // 20
    "$4 a unit.\n";                                              // 21

}  // namespace

TEST_CASE("parts: title, press release and FAQ extents") {
  test::Read r = test::read_prfaq(k_full);
  REQUIRE(r.doc.sections.size() > 1);
  CHECK(r.doc.sections[1].is_title);
  CHECK_FALSE(r.doc.press_release.empty());
  CHECK_FALSE(r.doc.faq.empty());
  CHECK(r.doc.press_release.contains(r.at("Kettle Boils")));
  CHECK(r.doc.press_release.contains(r.at("SEATTLE")));
  CHECK_FALSE(r.doc.press_release.contains(r.at("Does it work")));
  CHECK(r.doc.press_release.end <= r.doc.faq.begin);
  CHECK(r.line(r.doc.faq.begin) == 9);
  CHECK(r.doc.faq.contains(r.at("Does it work")));
  CHECK(r.doc.faq.contains(r.at("$4 a unit")));
}

TEST_CASE("parts: only the first heading can be the title") {
  test::Read r = test::read_prfaq(
      "# Kettle Boils Water in One Minute\n\nAcme today launched Kettle.\n\n## Kettle PR/FAQ "
      "notes\n\nText.\n");
  for (const prfaq::Section& s : r.doc.sections) CHECK_FALSE(s.is_title);
}

TEST_CASE("parts: an internal FAQ before the external one") {
  test::Read r = test::read_prfaq(
      "## Press Release\n\nAcme today launched Kettle.\n\n## Internal FAQ\n\n### What does it "
      "cost?\n\n$4.\n\n## External FAQ\n\n### Does it float?\n\nNo.\n");
  CHECK(r.doc.faq.contains(r.at("What does it cost")));
  CHECK(r.doc.faq.contains(r.at("Does it float")));
  CHECK(r.line(r.doc.faq.begin) == 5);
  CHECK_FALSE(r.doc.press_release.contains(r.at("What does it cost")));
}

TEST_CASE("parts: an FAQ written before the press release") {
  test::Read r = test::read_prfaq(
      "## FAQ\n\n### Does it float?\n\nNo.\n\n## Press Release\n\n### Kettle Boils Water\n\nAcme "
      "today launched Kettle.\n");
  CHECK(r.doc.faq.contains(r.at("Does it float")));
  CHECK_FALSE(r.doc.faq.contains(r.at("Acme today")));
  CHECK(r.doc.press_release.contains(r.at("Acme today")));
  CHECK_FALSE(r.doc.press_release.contains(r.at("Does it float")));
}

TEST_CASE("parts: a press release alone, and an FAQ alone") {
  test::Read pr = test::read_prfaq(
      "Kettle Boils Water in One Minute\n\nSEATTLE, WA — May 2, 2027 — Acme today launched "
      "Kettle.\n");
  CHECK(pr.doc.press_release.contains(pr.at("SEATTLE")));
  CHECK(pr.doc.faq.empty());

  test::Read faq =
      test::read_prfaq("## FAQ\n\n### Does it float?\n\nNo.\n\n### Is it loud?\n\nNo.\n");
  CHECK(faq.doc.press_release.empty());
  CHECK(faq.doc.faq.contains(faq.at("Is it loud")));
}

TEST_CASE("parts: an empty document has no parts") {
  test::Read r = test::read_prfaq("");
  CHECK(r.doc.press_release.empty());
  CHECK(r.doc.faq.empty());
}

TEST_CASE("parts: the press release starts after front matter and generator wrappers") {
  test::Read fm = test::read_prfaq(
      "---\ntitle: x\n---\n\n# Kettle Boils Water\n\nAcme today launched Kettle.\n");
  REQUIRE_FALSE(fm.doc.front_matter.empty());
  CHECK(fm.doc.press_release.begin >= fm.doc.front_matter.end);
  CHECK(fm.doc.press_release.contains(fm.at("Acme today")));

  test::Read gen = test::read_prfaq(
      "<reasoning>\nThe user wants a release. Add a CEO quote.\n</reasoning>\n\n**Kettle Boils "
      "Water in One Minute**\n\nSEATTLE, WA — May 2, 2027 — Acme today launched Kettle.\n");
  REQUIRE(gen.doc.ignored.size() == 1);
  CHECK(gen.line(gen.doc.ignored[0].begin) == 1);
  CHECK(gen.doc.press_release.begin >= gen.doc.ignored[0].end);
  CHECK(gen.doc.headline_text == "Kettle Boils Water in One Minute");
}

TEST_CASE("parts: FAQ parts nested under one FAQ container count once") {
  test::Read r = test::read_prfaq(k_full);
  // The container "FAQ" holds both parts: the FAQ span runs to the end of the last answer.
  CHECK(r.line(r.doc.faq.end - 1) == 21);
}

TEST_CASE("parts: CRLF gives the same part lines") {
  std::string crlf;
  for (const char* c = k_full; *c; ++c) {
    if (*c == '\n') crlf += '\r';
    crlf += *c;
  }
  test::Read lf = test::read_prfaq(k_full);
  test::Read cr = test::read_prfaq(crlf);
  CHECK(cr.line(cr.doc.faq.begin) == lf.line(lf.doc.faq.begin));
  CHECK(cr.line(cr.doc.press_release.end) == lf.line(lf.doc.press_release.end));
  CHECK(cr.doc.sections[1].is_title);
}
