#include "lsp/positions.hpp"

#include <algorithm>

namespace prfaq::lsp {

namespace {

std::uint32_t units(char32_t cp, std::size_t bytes, Encoding encoding) {
  switch (encoding) {
    case Encoding::utf8:
      return static_cast<std::uint32_t>(bytes);
    case Encoding::utf16:
      return cp >= 0x10000 ? 2 : 1;
    case Encoding::utf32:
      return 1;
  }
  return 1;
}

}  // namespace

PositionMap::PositionMap(std::string_view text, Encoding encoding)
    : m_text(text), m_encoding(encoding), m_lines(text) {}

Position PositionMap::position(std::uint32_t offset) const {
  offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(m_text.size()));
  // An offset inside a UTF-8 sequence counts the sequence once (its lead byte is before it).
  std::uint32_t line = m_lines.line_of(offset);
  std::uint32_t start = m_lines.line_start(line + 1);
  switch (m_encoding) {
    case Encoding::utf8:
      return {line, offset - start};
    case Encoding::utf16:
      return {line, m_lines.code_points(start, offset) + m_lines.supplementary(start, offset)};
    case Encoding::utf32:
      return {line, m_lines.code_points(start, offset)};
  }
  return {line, 0};
}

std::uint32_t PositionMap::offset(Position pos) const {
  if (pos.line >= m_lines.line_count()) return static_cast<std::uint32_t>(m_text.size());
  std::string_view line = m_lines.line_text(pos.line + 1);
  std::size_t begin = m_lines.line_start(pos.line + 1);
  std::size_t i = 0;
  std::uint32_t character = 0;
  while (i < line.size() && character < pos.character) {
    std::size_t before = i;
    char32_t cp = decode_utf8(line, i);
    std::uint32_t n = units(cp, i - before, m_encoding);
    if (character + n > pos.character) {  // inside a character: round down to its start
      i = before;
      break;
    }
    character += n;
  }
  return static_cast<std::uint32_t>(begin + i);
}

}  // namespace prfaq::lsp
