// Term matching of the generic kinds: whole words, case-insensitive, across line breaks and
// inline markup, exact spans; never inside code, URLs, e-mail addresses, HTML or front matter.
#include <doctest/doctest.h>

#include "support.hpp"
#include "text/terms.hpp"
#include "text/text.hpp"
#include "text/tokenize.hpp"

namespace {

std::string lint(const std::string& text, const std::string& rule) {
  prfaq::RuleFilter f;
  f.select = {rule};
  return test::lint_concise("t.md", text, test::default_config(), f);
}

}  // namespace

TEST_CASE("terms match across inline markup and line breaks, with exact spans") {
  CHECK(lint("A **world-class** tool.\n", "PF503") ==
        "t.md:1:5: warning: Hype 'world-class': show the benefit with a fact or a number "
        "[PF503/hype]\n");
  CHECK(lint("A world-\nclass tool.\n", "PF503") ==
        "t.md:1:3: warning: Hype 'world-class': show the benefit with a fact or a number "
        "[PF503/hype]\n");
  CHECK(lint("It is *cutting*-edge.\n", "PF503").find("t.md:1:8:") != std::string::npos);
  CHECK(lint("We LEVERAGE it.\n", "PF501").find("t.md:1:4: warning: Jargon 'LEVERAGE'") !=
        std::string::npos);
}

TEST_CASE("terms match whole words only") {
  CHECK(lint("Seamlessness is not a word we flag as 'seamless'.\n", "PF503").find("1:1:") ==
        std::string::npos);
  CHECK(lint("The veryfast option.\n", "PF502").empty());
}

TEST_CASE("code, URLs, e-mail addresses, HTML and front matter are not prose") {
  CHECK(lint("Use `leverage` in code.\n", "PF501").empty());
  CHECK(lint("```\nwe leverage it\n```\n", "PF501").empty());
  CHECK(
      lint("See https://example.com/leverage and www.leverage.example today.\n", "PF501").empty());
  CHECK(lint("Write to leverage@example.com.\n", "PF501").empty());
  CHECK(lint("A [link](https://example.com/leverage) here.\n", "PF501").empty());
  CHECK(lint("<!-- leverage --> text <span title=\"leverage\">ok</span>\n", "PF501").empty());
  CHECK(lint("---\ntitle: leverage\n---\n\nPlain text.\n", "PF501").empty());
  // ... but the link text is prose.
  CHECK(lint("A [leverage](https://example.com) link.\n", "PF501").find("t.md:1:4:") !=
        std::string::npos);
}

TEST_CASE("wording rules skip quotations unless a scope says otherwise") {
  std::string doc =
      "# Acme Ledger closes the books in one day\n\nSEATTLE, WA — March 3, 2027 — Acme today "
      "launched Ledger.\n\n"
      "\"We leverage it to synergize our books,\" said Ana Ruiz, controller at Tidewater "
      "Books.\n";
  // Jargon is the speaker's own wording; hype (PF503) sets quotes = true and is still reported.
  CHECK(lint(doc, "PF501").empty());
  CHECK(lint(doc, "PF503").empty());
  CHECK_FALSE(lint(doc + "\"It is seamless,\" said Bo Lee, a bookkeeper.\n", "PF503").empty());
}

TEST_CASE("repeated words are found and fixed; legitimate doubles are not") {
  CHECK(lint("We matched the the lines.\n", "PF507") ==
        "t.md:1:12: warning: Repeated word 'the the' [PF507/repeated-word]\n");
  CHECK(lint("What she had had was enough.\n", "PF507").empty());
  CHECK(lint("The the\nline break counts.\n", "PF507").find("t.md:1:1:") != std::string::npos);
}

TEST_CASE("text after an autolink is still prose") {
  std::string out = lint(
      "Visit https://acme.example/x and leverage <https://b.example> then utilize www.c.example "
      "it.\n",
      "PF501");
  CHECK(out.find("t.md:1:34: warning: Jargon 'leverage'") != std::string::npos);
  CHECK(out.find("t.md:1:68: warning: Jargon 'utilize'") != std::string::npos);
}

TEST_CASE("Korean terms match the start of a word, before its particle or ending") {
  prfaq::text::TermMatcher m;
  m.add("혁신적", 1);
  m.add("새로운 패러다임", 2);
  m.add("seamless", 3);
  auto hits = [&](const std::string& text) {
    prfaq::Prose p;
    p.text = text;
    p.offsets.assign(text.size() + 1, 0);
    prfaq::text::tokenize(p);
    std::string out;
    m.find(p.words, [&](int id, std::uint32_t b, std::uint32_t e) {
      out += std::to_string(id) + ":" + text.substr(b, e - b) + ";";
    });
    return out;
  };
  CHECK(hits("구조는 혁신적이다.") == "1:혁신적;");
  CHECK(hits("혁신적") == "1:혁신적;");
  CHECK(hits("새로운 패러다임을 제시한다") == "2:새로운 패러다임;");
  // A shorter word, and a Latin word with a suffix, are not matches.
  CHECK(hits("혁신 센터").empty());
  CHECK(hits("seamlessly").empty());
}

TEST_CASE("find_each matches every id on its own, as one matcher per id would") {
  auto words_of = [](const std::string& text) {
    prfaq::Prose p;
    p.text = text;
    p.offsets.assign(text.size() + 1, 0);
    prfaq::text::tokenize(p);
    return p.words;
  };
  const std::vector<std::string> terms = {"set up", "set", "up front", "front", "혁신적", "혁신"};
  prfaq::text::TermMatcher all;
  for (std::size_t k = 0; k < terms.size(); ++k) all.add(terms[k], static_cast<int>(k));
  for (const std::string text :
       {"We set up the team up front, then set it up.", "Set up: front of the set.",
        "구조는 혁신적이다 혁신", "setup up front front"}) {
    std::vector<prfaq::Word> ws = words_of(text);
    std::vector<std::string> together(terms.size()), alone(terms.size());
    all.find_each(ws, static_cast<int>(terms.size()),
                  [&](int id, std::uint32_t b, std::uint32_t e) {
                    together[static_cast<std::size_t>(id)] += text.substr(b, e - b) + ";";
                  });
    for (std::size_t k = 0; k < terms.size(); ++k) {
      prfaq::text::TermMatcher one;
      one.add(terms[k], static_cast<int>(k));
      one.find(ws, [&](int, std::uint32_t b, std::uint32_t e) {
        alone[k] += text.substr(b, e - b) + ";";
      });
    }
    CHECK(together == alone);
  }
  // Spelled out for one text: "set" is found inside "set up", which a shared find() would hide.
  std::vector<prfaq::Word> ws = words_of("We set up the team up front.");
  std::string out;
  all.find_each(ws, static_cast<int>(terms.size()), [&](int id, std::uint32_t b, std::uint32_t e) {
    out += std::to_string(id) + ":" + std::string("We set up the team up front.").substr(b, e - b) +
           ";";
  });
  CHECK(out == "0:set up;1:set;2:up front;3:front;");
}

TEST_CASE("word_count counts the words words() makes, without making them") {
  for (const std::string s :
       {"", "one", "two words", "  spaced   out  ", "日本語のテキスト", "mixed 中文 text",
        "e-mail isn't 3.5", "\xFF\xFE bad bytes", "a\tb\nc", "ünïcödé wörds"})
    CHECK(prfaq::text::word_count(s) == prfaq::text::words(s).size());
  CHECK(prfaq::text::word_count("one two three") == 3);
  CHECK(prfaq::text::word_count("日本") == 2);
}

TEST_CASE("the bounded edit distance is exact up to its bound, and above it past the bound") {
  const std::vector<std::string> words = {
      "",    "a",          "ab",         "problem",  "probelm", "problems", "solution", "soluton",
      "faq", "frequently", "quote from", "quotfrom", "kitten",  "sitting",  "日本語",   "日本"};
  for (const std::string& a : words) {
    for (const std::string& b : words) {
      std::size_t exact = prfaq::text::edit_distance(a, b);
      for (std::size_t max = 0; max <= 6; ++max) {
        std::size_t bounded = prfaq::text::edit_distance(a, b, max);
        if (exact <= max)
          CHECK(bounded == exact);
        else
          CHECK(bounded > max);
      }
    }
  }
  CHECK(prfaq::text::edit_distance("kitten", "sitting", 3) == 3);
  CHECK(prfaq::text::edit_distance("kitten", "sitting", 2) == 3);
}
