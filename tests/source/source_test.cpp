#include <doctest/doctest.h>

#include <prfaq/source.hpp>

using prfaq::LineIndex;
using prfaq::Location;

TEST_CASE("line index: LF, CRLF and lone CR all end lines") {
  std::string text = "a\nbc\r\nd\re";
  LineIndex idx(text);
  CHECK(idx.line_count() == 4);
  CHECK(idx.location(0) == Location{1, 1});
  CHECK(idx.location(2) == Location{2, 1});
  CHECK(idx.location(3) == Location{2, 2});
  CHECK(idx.location(6) == Location{3, 1});
  CHECK(idx.location(8) == Location{4, 1});
  CHECK(idx.line_text(2) == "bc");
  CHECK(idx.line_text(3) == "d");
}

TEST_CASE("line index: columns count code points; a tab is one column; the BOM takes none") {
  std::string text = "\xEF\xBB\xBFh\xC3\xA9\tX";  // BOM, h, é, tab, X
  LineIndex idx(text);
  CHECK(idx.location(3) == Location{1, 1});  // h
  CHECK(idx.location(4) == Location{1, 2});  // é
  CHECK(idx.location(6) == Location{1, 3});  // tab
  CHECK(idx.location(7) == Location{1, 4});  // X
  // UTF-16: an astral character counts two units.
  std::string emoji = "\xF0\x9F\x98\x80X";
  LineIndex e(emoji);
  CHECK(e.location(4).column == 2);
  CHECK(1 + e.code_points(0, 4) + e.supplementary(0, 4) == 3);
}

TEST_CASE("columns on long lines: block counts agree with a plain count at every offset") {
  // Mixed widths so sequences straddle the 256-byte blocks; a line break in the middle.
  std::string text;
  const char* pieces[] = {"a", "\xC3\xA9", "\xE6\x97\xA5", "\xF0\x9F\x98\x80", "\t", " "};
  for (int i = 0; i < 1500; ++i) text += pieces[(i * 7) % 6];
  text += "\n";
  for (int i = 0; i < 700; ++i) text += pieces[(i * 5) % 6];
  LineIndex idx(text);
  std::uint32_t second = static_cast<std::uint32_t>(text.find('\n')) + 1;
  std::uint32_t cp = 0, supp = 0;
  bool all = true;
  for (std::uint32_t off = 0; off <= text.size(); ++off) {
    if (off == second) cp = 0, supp = 0;
    Location l = idx.location(off);
    std::uint32_t start = off < second ? 0 : second;
    all &= l.line == (off < second ? 1u : 2u) && l.column == 1 + cp &&
           idx.supplementary(start, off) == supp && idx.code_points(start, off) == cp;
    if (off < text.size()) {
      auto c = static_cast<unsigned char>(text[off]);
      cp += (c & 0xC0) != 0x80;
      supp += c >= 0xF0;
    }
  }
  CHECK(all);
  CHECK(idx.location(static_cast<std::uint32_t>(text.size())).line == 2);
}

TEST_CASE("invalid UTF-8 is found with its position") {
  std::string text = "ok \xFF\xFE then \xC3\xA9 fine \xE2\x82";
  auto bad = prfaq::find_invalid_utf8(text);
  REQUIRE(bad.size() == 2);
  CHECK(bad[0].begin == 3);
  CHECK(bad[0].end == 5);
  CHECK(bad[1].begin == text.size() - 2);
}
