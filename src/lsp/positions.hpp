#pragma once
// LSP positions (0-based line, character in the negotiated encoding) <-> byte offsets.
#include <cstdint>
#include <string_view>

#include <prfaq/source.hpp>

namespace prfaq::lsp {

enum class Encoding { utf8, utf16, utf32 };

struct Position {
  std::uint32_t line = 0;
  std::uint32_t character = 0;
  friend bool operator==(Position, Position) = default;
};

/// Converts positions of one text. Lines end at "\n", "\r\n" or "\r" as in the LSP; every
/// character the client sent counts, a byte order mark included.
class PositionMap {
 public:
  PositionMap(std::string_view text, Encoding encoding);
  Position position(std::uint32_t offset) const;
  /// The byte offset of a position; a line past the end gives the end of the text and a
  /// character past the end of its line gives the end of the line (as the LSP specifies).
  std::uint32_t offset(Position pos) const;

 private:
  std::string_view m_text;
  Encoding m_encoding;
  LineIndex m_lines;
};

}  // namespace prfaq::lsp
