#pragma once
/// Source text and positions. Positions are stored as byte offsets (half-open spans);
/// 1-based line and column are computed on demand by LineIndex.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace prfaq {

/// The largest document prfaq reads: 16 MiB, thousands of times a real PR/FAQ, and small enough
/// that 32-bit offsets and the per-word structures stay bounded. Larger inputs are refused
/// with a clear message.
inline constexpr std::size_t max_source_bytes = std::size_t{16} << 20;

/// A half-open byte range [begin, end) in a source text.
struct Span {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  std::uint32_t size() const { return end - begin; }
  bool empty() const { return begin == end; }
  bool contains(std::uint32_t offset) const { return offset >= begin && offset < end; }
  bool contains(Span other) const { return other.begin >= begin && other.end <= end; }
  bool overlaps(Span other) const { return begin < other.end && other.begin < end; }
  friend bool operator==(Span, Span) = default;
};

/// A 1-based line and column. The column counts Unicode code points (a tab is one).
struct Location {
  std::uint32_t line = 1;
  std::uint32_t column = 1;
  friend bool operator==(Location, Location) = default;
};

/// Line starts of a text. Lines end at "\n", "\r\n" or a lone "\r". A UTF-8 byte order mark
/// at offset 0 takes no column.
class LineIndex {
 public:
  LineIndex() = default;
  explicit LineIndex(std::string_view text);

  /// Line and code-point column of a byte offset (clamped to the text).
  Location location(std::uint32_t offset) const;
  /// 0-based line number of an offset.
  std::uint32_t line_of(std::uint32_t offset) const;
  /// Byte offset where the 1-based line starts.
  std::uint32_t line_start(std::uint32_t line) const;
  /// The text of a 1-based line without its line terminator.
  std::string_view line_text(std::uint32_t line) const;
  /// Byte offset of a 1-based line and 1-based *byte* column (as cmark reports them).
  std::uint32_t offset_of(std::uint32_t line, std::uint32_t byte_column) const;
  /// Code points in [begin, end) (bytes that start a sequence), in time independent of the
  /// distance: counts are kept every 256 bytes, so columns on megabyte-long lines stay cheap.
  std::uint32_t code_points(std::uint32_t begin, std::uint32_t end) const;
  /// Code points in [begin, end) that need two UTF-16 code units (4-byte sequences).
  std::uint32_t supplementary(std::uint32_t begin, std::uint32_t end) const;
  std::uint32_t line_count() const { return static_cast<std::uint32_t>(m_starts.size()); }

 private:
  static constexpr std::uint32_t k_block = 256;
  std::uint32_t count_before(const std::vector<std::uint32_t>& marks, std::uint32_t offset,
                             bool supplementary) const;
  std::string_view m_text;
  std::vector<std::uint32_t> m_starts;
  std::vector<std::uint32_t> m_cp;    ///< code points before offset k * k_block
  std::vector<std::uint32_t> m_supp;  ///< 4-byte sequences before offset k * k_block
};

/// A file as read: its display path, its bytes, and their line index.
struct SourceFile {
  std::string path;
  std::string text;
  LineIndex lines;

  SourceFile() = default;
  SourceFile(std::string path_, std::string text_);
  SourceFile(const SourceFile&) = delete;
  SourceFile& operator=(const SourceFile&) = delete;
  std::string_view slice(Span span) const {
    return std::string_view(text).substr(span.begin, span.end - span.begin);
  }
};

/// Byte ranges of invalid UTF-8 sequences in a text.
std::vector<Span> find_invalid_utf8(std::string_view text);

/// decode_utf8 for a lead byte of 0x80 or more.
char32_t decode_utf8_multibyte(std::string_view text, std::size_t& i);
/// Decodes one code point at text[i] (advancing i); invalid bytes yield U+FFFD and advance by one.
inline char32_t decode_utf8(std::string_view text, std::size_t& i) {
  auto b0 = static_cast<unsigned char>(text[i]);
  if (b0 < 0x80) {
    ++i;
    return b0;
  }
  return decode_utf8_multibyte(text, i);
}
/// Appends the UTF-8 encoding of a code point.
void append_utf8(std::string& out, char32_t cp);
/// Number of code points in a (possibly invalid) UTF-8 text.
std::size_t count_code_points(std::string_view text);

}  // namespace prfaq
