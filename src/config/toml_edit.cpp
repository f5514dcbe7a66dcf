#include "config/toml_edit.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <toml++/toml.h>

#include <prfaq/source.hpp>

namespace prfaq {

std::string toml_string(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\')
      out += '\\', out += c;
    else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F)
      out += fmt::format("\\u{:04X}", static_cast<unsigned>(c));
    else
      out += c;
  }
  return out + "\"";
}

std::string toml_key(std::string_view key) {
  bool bare = !key.empty() && std::all_of(key.begin(), key.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_';
  });
  return bare ? std::string(key) : toml_string(key);
}

std::string toml_array(const std::vector<std::string>& items) {
  std::string out = "[";
  for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + toml_string(items[i]);
  return out + "]";
}

std::uint32_t toml_offset(std::string_view text, const LineIndex& lines, std::uint32_t line,
                          std::uint32_t column) {
  if (line == 0 || text.empty()) return 0;
  std::size_t i = lines.line_start(line);
  std::size_t end = i + lines.line_text(line).size();
  if (line == 1 && text.starts_with("\xEF\xBB\xBF")) i = 3;
  for (std::uint32_t col = 1; col < column && i < end; ++col) decode_utf8(text, i);
  return static_cast<std::uint32_t>(i);
}

namespace {

std::string_view line_ending(std::string_view text) {
  return text.find("\r\n") != std::string_view::npos ? "\r\n" : "\n";
}

std::size_t offset_of(std::string_view text, const toml::source_position& pos) {
  LineIndex lines(text);
  return toml_offset(text, lines, pos.line, pos.column);
}

std::optional<std::string> edit(std::string text, std::string_view entry, std::string& error) {
  toml::table root;
  try {
    root = toml::parse(text);
  } catch (const toml::parse_error& e) {
    error = fmt::format("the configuration does not parse: {}", e.description());
    return std::nullopt;
  }
  std::string_view nl = line_ending(text);
  const toml::node* spelling = root.get("spelling");
  if (!spelling) {
    if (!text.empty() && text.back() != '\n') text += nl;
    text += fmt::format("{}[spelling]{}accept = [{}]{}", nl, nl, toml_string(entry), nl);
    return text;
  }
  const toml::table* table = spelling->as_table();
  if (!table) {
    error = "'spelling' is not a table; add the word to [spelling] accept by hand";
    return std::nullopt;
  }
  const toml::node* accept = table->get("accept");
  if (accept) {
    const toml::array* arr = accept->as_array();
    if (!arr) {
      error = "[spelling] accept is not an array; add the word by hand";
      return std::nullopt;
    }
    for (const toml::node& n : *arr)
      if (auto s = n.value<std::string>(); s && *s == entry) {
        error = fmt::format("'{}' is already in [spelling] accept", entry);
        return std::nullopt;
      }
    if (arr->empty()) {
      // Just after the '['.
      std::size_t at = offset_of(text, arr->source().begin);
      std::size_t open = text.find('[', at);
      if (open == std::string::npos) {
        error = "cannot find the [spelling] accept array";
        return std::nullopt;
      }
      text.insert(open + 1, toml_string(entry));
    } else {
      std::size_t at = offset_of(text, arr->back().source().end);
      text.insert(at, ", " + toml_string(entry));
    }
    return text;
  }
  if (table->is_inline()) {
    error = "[spelling] is an inline table; add the word to its accept list by hand";
    return std::nullopt;
  }
  // The line after the [spelling] header.
  std::size_t at = offset_of(text, table->source().begin);
  std::size_t eol = text.find('\n', at);
  std::string line = fmt::format("accept = [{}]{}", toml_string(entry), nl);
  if (eol == std::string::npos) {
    text += nl;
    text += line;
  } else {
    text.insert(eol + 1, line);
  }
  return text;
}

// True when the new configuration text parses and accepts the entry.
bool accepts(const std::string& text, std::string_view entry) {
  toml::table root;
  try {
    root = toml::parse(text);
  } catch (const toml::parse_error&) {
    return false;
  }
  const toml::array* arr = root.at_path("spelling.accept").as_array();
  if (!arr) return false;
  for (const toml::node& n : *arr)
    if (auto s = n.value<std::string>(); s && *s == entry) return true;
  return false;
}

}  // namespace

std::optional<std::string> add_spelling_accept(std::string text, std::string_view file,
                                               std::string_view entry, std::string& error) {
  std::optional<std::string> edited = edit(std::move(text), entry, error);
  if (edited && !accepts(*edited, entry)) {
    error = fmt::format("cannot add '{}' to {} safely; add it to [spelling] accept by hand", entry,
                        file);
    return std::nullopt;
  }
  return edited;
}

}  // namespace prfaq
