// The model builder (src/model/build.cpp) on its own: the Document's lookups (prose_at,
// prose_in, role_at, role_path, in_quote, in_question), word counts, source spans of prose
// text, and what finish() does to a document that is no PR/FAQ.
#include <doctest/doctest.h>

#include "model_test_support.hpp"

namespace {

const std::string k_doc =
    "# Kettle Boils Water in One Minute\n\n"
    "**Berlin, 1 May 2026** \xE2\x80\x94 Kettle today launched a kettle that boils water in "
    "one minute for people who want tea now.\n\n"
    "People wait too long for tea every morning and give up.\n\n"
    "\"I finally drink my tea hot,\" said Ana Silva, a nurse in Porto.\n\n"
    "## FAQ\n\n### How much does it cost?\n\nIt costs 30 euros.\n";

}  // namespace

TEST_CASE("build: prose_at and prose_in find the leaf blocks by byte offset") {
  auto r = test::read_doc(k_doc);
  std::uint32_t at = r.at("People wait");
  const prfaq::Prose* p = r.doc.prose_at(at);
  REQUIRE(p);
  CHECK(p->text.starts_with("People wait"));
  CHECK(p->span.begin == at);
  // Between two blocks there is none.
  CHECK(r.doc.prose_at(at - 1) == nullptr);
  auto in = r.doc.prose_in({at, r.at("## FAQ")});
  REQUIRE(in.size() == 2);
  CHECK(in[0].span.begin == at);
  CHECK(in[1].span.begin == r.at("\"I finally"));
}

TEST_CASE("build: role_at picks the narrowest role and role_path names its part") {
  auto r = test::read_doc(k_doc);
  REQUIRE(r.doc.is_prfaq);
  std::uint32_t q = r.at("How much");
  const prfaq::RoleInstance* role = r.doc.role_at(q);
  REQUIRE(role);
  CHECK(role->role == "external_faq");
  CHECK(r.doc.role_path(q).starts_with("FAQ"));
  CHECK(r.doc.role_path(r.at("People wait")).starts_with("Press release"));
  CHECK(r.doc.in_question(q));
  CHECK_FALSE(r.doc.in_question(r.at("It costs")));
  CHECK(r.doc.in_quote(r.at("finally drink")));
  CHECK_FALSE(r.doc.in_quote(r.at("said Ana")));
}

TEST_CASE("build: count_words counts words and numbers, CJK characters as a share of a word") {
  auto r = test::read_doc("It costs 30 euros.\n");
  CHECK(prfaq::count_words(r.doc, {0, static_cast<std::uint32_t>(r.src->text.size())}) == 4);
  // Only the words whose start lies in the span.
  CHECK(prfaq::count_words(r.doc, {r.at("30"), r.at(".")}) == 2);
  auto cjk = test::read_doc("\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E\xE3\x81\xA7\xE3\x81\x99\n");
  std::uint32_t n =
      prfaq::count_words(cjk.doc, {0, static_cast<std::uint32_t>(cjk.src->text.size())});
  CHECK(n >= 1);
  CHECK(n < 5);  // five characters weigh less than five words
}

TEST_CASE("build: a prose text range maps back to whole source characters") {
  auto r = test::read_doc("Caf\xC3\xA9 **cr\xC3\xA8me** here.\n");
  const prfaq::Prose* p = r.doc.prose_at(0);
  REQUIRE(p);
  // "crème" in the text without markup; its source span skips the "**".
  std::size_t b = p->text.find("cr");
  REQUIRE(b != std::string::npos);
  prfaq::Span s = p->source_span(static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(b + 6));
  CHECK(r.src->slice(s) == "cr\xC3\xA8me");
  // An end inside the "è" is extended over its second byte.
  prfaq::Span part =
      p->source_span(static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(b + 3));
  CHECK(r.src->slice(part) == "cr\xC3\xA8");
}

TEST_CASE("build: a document that is no PR/FAQ keeps only its FAQ roles and no headline") {
  auto r = test::read_doc(
      "# Installing the CLI\n\nRun `make install` and then `tool init` in your repository.\n\n"
      "## Usage\n\nCall `tool run` with a file name.\n\n## FAQ\n\n### Does it work on "
      "Windows?\n\nNot yet.\n");
  CHECK_FALSE(r.doc.is_prfaq);
  CHECK(r.doc.headline_text.empty());
  CHECK_FALSE(r.doc.headline_role.has_value());
  REQUIRE(r.doc.roles.size() == 1);
  for (const prfaq::RoleInstance& role : r.doc.roles) {
    CAPTURE(role.role);
    CHECK((role.role == "external_faq" || role.role == "internal_faq"));
  }
  // Roles come sorted by where they start.
  auto pr = test::read_doc(k_doc);
  for (std::size_t i = 1; i < pr.doc.roles.size(); ++i)
    CHECK(pr.doc.roles[i - 1].span.begin <= pr.doc.roles[i].span.begin);
}
