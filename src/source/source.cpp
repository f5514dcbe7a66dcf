#include <algorithm>
#include <prfaq/source.hpp>

namespace prfaq {

LineIndex::LineIndex(std::string_view text) : m_text(text) {
  m_starts.push_back(0);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') {
      m_starts.push_back(static_cast<std::uint32_t>(i + 1));
    } else if (text[i] == '\r') {
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
      m_starts.push_back(static_cast<std::uint32_t>(i + 1));
    }
  }
  m_cp.reserve(text.size() / k_block + 1);
  m_supp.reserve(text.size() / k_block + 1);
  std::uint32_t cp = 0, supp = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i % k_block == 0) m_cp.push_back(cp), m_supp.push_back(supp);
    if (i == text.size()) break;
    auto c = static_cast<unsigned char>(text[i]);
    cp += (c & 0xC0) != 0x80;
    supp += c >= 0xF0;
  }
}

std::uint32_t LineIndex::count_before(const std::vector<std::uint32_t>& marks, std::uint32_t offset,
                                      bool supplementary) const {
  offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(m_text.size()));
  std::uint32_t block = offset / k_block;
  std::uint32_t n = marks[block];
  for (std::uint32_t i = block * k_block; i < offset; ++i) {
    auto c = static_cast<unsigned char>(m_text[i]);
    n += supplementary ? c >= 0xF0 : (c & 0xC0) != 0x80;
  }
  return n;
}

std::uint32_t LineIndex::code_points(std::uint32_t begin, std::uint32_t end) const {
  if (end <= begin) return 0;
  return count_before(m_cp, end, false) - count_before(m_cp, begin, false);
}

std::uint32_t LineIndex::supplementary(std::uint32_t begin, std::uint32_t end) const {
  if (end <= begin) return 0;
  return count_before(m_supp, end, true) - count_before(m_supp, begin, true);
}

std::uint32_t LineIndex::line_of(std::uint32_t offset) const {
  auto it = std::upper_bound(m_starts.begin(), m_starts.end(), offset);
  return static_cast<std::uint32_t>(it - m_starts.begin() - 1);
}

Location LineIndex::location(std::uint32_t offset) const {
  offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(m_text.size()));
  std::uint32_t line = line_of(offset);
  std::uint32_t start = m_starts[line];
  if (line == 0 && m_text.substr(0, 3) == "\xEF\xBB\xBF")
    start = std::min<std::uint32_t>(3, offset);
  return {line + 1, 1 + code_points(start, offset)};
}

std::uint32_t LineIndex::line_start(std::uint32_t line) const {
  if (line == 0) return 0;
  if (line > m_starts.size()) return static_cast<std::uint32_t>(m_text.size());
  return m_starts[line - 1];
}

std::string_view LineIndex::line_text(std::uint32_t line) const {
  if (line == 0 || line > m_starts.size()) return {};
  std::size_t b = m_starts[line - 1];
  std::size_t e = line < m_starts.size() ? m_starts[line] : m_text.size();
  while (e > b && (m_text[e - 1] == '\n' || m_text[e - 1] == '\r')) --e;
  return m_text.substr(b, e - b);
}

std::uint32_t LineIndex::offset_of(std::uint32_t line, std::uint32_t byte_column) const {
  if (line == 0) return 0;
  std::uint32_t start = line_start(line);
  if (line > m_starts.size()) return static_cast<std::uint32_t>(m_text.size());
  std::uint32_t off = start + (byte_column > 0 ? byte_column - 1 : 0);
  // cmark reports the column just past the last byte for some block ends.
  std::uint32_t next =
      line < m_starts.size() ? m_starts[line] : static_cast<std::uint32_t>(m_text.size());
  return std::min(off, next);
}

SourceFile::SourceFile(std::string path_, std::string text_)
    : path(std::move(path_)), text(std::move(text_)), lines(text) {}

char32_t decode_utf8_multibyte(std::string_view s, std::size_t& i) {
  auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    ++i;
    return b0;
  }
  int len = 0;
  char32_t cp = 0;
  char32_t min = 0;
  if ((b0 & 0xE0) == 0xC0) {
    len = 2, cp = b0 & 0x1F, min = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3, cp = b0 & 0x0F, min = 0x800;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4, cp = b0 & 0x07, min = 0x10000;
  } else {
    ++i;
    return 0xFFFD;
  }
  if (i + len > s.size()) {
    ++i;
    return 0xFFFD;
  }
  for (int k = 1; k < len; ++k) {
    auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) {
      ++i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    ++i;
    return 0xFFFD;
  }
  i += len;
  return cp;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::size_t count_code_points(std::string_view text) {
  std::size_t n = 0;
  for (char c : text)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

std::vector<Span> find_invalid_utf8(std::string_view text) {
  std::vector<Span> out;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t start = i;
    auto b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      ++i;
      continue;
    }
    char32_t cp = decode_utf8(text, i);
    bool bad = cp == 0xFFFD && !(i - start == 3 && text.substr(start, 3) == "\xEF\xBF\xBD");
    if (bad) {
      if (!out.empty() && out.back().end == start)
        out.back().end = static_cast<std::uint32_t>(i);
      else
        out.push_back({static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(i)});
    }
  }
  return out;
}

}  // namespace prfaq
