// Inline suppression comments (src/engine/suppressions.cpp) on their own: which findings each
// directive covers, names and codes, reasons, and which directives are reported unused.
#include <doctest/doctest.h>

#include "engine/suppressions.hpp"
#include "model_test_support.hpp"

namespace {

// A finding of `code`/`name` at the first occurrence of `needle`.
prfaq::Diagnostic at(const test::Read& r, std::string_view needle, std::string code = "PF501",
                     std::string name = "jargon") {
  prfaq::Diagnostic d;
  d.code = std::move(code);
  d.name = std::move(name);
  std::uint32_t b = r.at(needle);
  REQUIRE(b != static_cast<std::uint32_t>(std::string::npos));
  d.span = {b, b + static_cast<std::uint32_t>(needle.size())};
  return d;
}

}  // namespace

TEST_CASE("suppressions: disable-line covers its own line only") {
  auto r =
      test::read_doc("We leverage data. <!-- prfaq-disable-line PF501 -->\nWe leverage more.\n");
  prfaq::Suppressions s(r.doc);
  CHECK(s.suppresses(at(r, "leverage data")));
  CHECK_FALSE(s.suppresses(at(r, "leverage more")));
  CHECK(s.unused(test::default_config()).empty());
}

TEST_CASE("suppressions: disable-next-line skips blank lines to the next line with content") {
  auto r = test::read_doc(
      "<!-- prfaq-disable-next-line PF501 -->\n\n\nWe leverage data.\n\nWe "
      "leverage more.\n");
  prfaq::Suppressions s(r.doc);
  CHECK(s.suppresses(at(r, "leverage data")));
  CHECK_FALSE(s.suppresses(at(r, "leverage more")));
}

TEST_CASE("suppressions: disable and enable bound a region; the last directive before wins") {
  auto r = test::read_doc(
      "One leverage.\n\n<!-- prfaq-disable PF501 -->\n\nTwo leverage.\n\n"
      "<!-- prfaq-enable PF501 -->\n\nThree leverage.\n");
  prfaq::Suppressions s(r.doc);
  CHECK_FALSE(s.suppresses(at(r, "One leverage")));
  CHECK(s.suppresses(at(r, "Two leverage")));
  CHECK_FALSE(s.suppresses(at(r, "Three leverage")));
}

TEST_CASE("suppressions: disable-file covers the whole document, before it too") {
  auto r = test::read_doc("We leverage data.\n\n<!-- prfaq-disable-file jargon -->\n");
  prfaq::Suppressions s(r.doc);
  CHECK(s.suppresses(at(r, "leverage data")));
}

TEST_CASE("suppressions: rules are named by code (any case) or name; none names every rule") {
  auto r = test::read_doc(
      "A leverage. <!-- prfaq-disable-line pf501 -->\n"
      "B leverage. <!-- prfaq-disable-line jargon, hype -->\n"
      "C leverage. <!-- prfaq-disable-line -->\n"
      "D leverage. <!-- prfaq-disable-line PF503 -->\n");
  prfaq::Suppressions s(r.doc);
  CHECK(s.suppresses(at(r, "A leverage")));
  CHECK(s.suppresses(at(r, "B leverage")));
  CHECK(s.suppresses(at(r, "C leverage", "PF999", "anything")));
  CHECK_FALSE(s.suppresses(at(r, "D leverage")));
  // Only D's directive suppressed nothing; "all rules" names a directive without rules.
  auto unused = s.unused(test::default_config());
  REQUIRE(unused.size() == 1);
  CHECK(unused[0].rules == "PF503");
  CHECK(unused[0].span.begin == r.at("<!-- prfaq-disable-line PF503"));
}

TEST_CASE("suppressions: the reason after '--' is not a rule name") {
  auto r = test::read_doc(
      "<!-- prfaq-disable-next-line PF501 -- the team's term -->\nWe leverage "
      "data.\n");
  prfaq::Suppressions s(r.doc);
  CHECK(s.suppresses(at(r, "leverage data")));
  // Inside a line of text CommonMark takes "<!-- ... -- ... -->" for text, not a comment.
  auto inline_reason =
      test::read_doc("We leverage data. <!-- prfaq-disable-line PF501 -- the team's term -->\n");
  prfaq::Suppressions none_there(inline_reason.doc);
  CHECK_FALSE(none_there.suppresses(at(inline_reason, "leverage data")));
  auto none = test::read_doc("<!-- prfaq-disable-file -- PF501 is fine here -->\nText.\n");
  prfaq::Suppressions all(none.doc);
  auto unused = all.unused(test::default_config());
  REQUIRE(unused.size() == 1);
  CHECK(unused[0].rules == "all rules");
}

TEST_CASE("suppressions: other comments are no directives; enable is never reported unused") {
  auto r = test::read_doc(
      "<!-- a note -->\n<!-- prfaq-enable PF501 -->\n<!-- prfaq-disabled "
      "PF501 -->\nWe leverage data.\n");
  prfaq::Suppressions s(r.doc);
  CHECK_FALSE(s.suppresses(at(r, "leverage data")));
  CHECK(s.unused(test::default_config()).empty());
}
