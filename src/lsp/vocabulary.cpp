#include "lsp/vocabulary.hpp"

#include <fmt/format.h>

#include <toml++/toml.h>
#include <fstream>
#include <sstream>

#include "text/text.hpp"

namespace fs = std::filesystem;

namespace prfaq::lsp {

namespace {

bool read_text(const fs::path& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  out = ss.str();
  return !in.bad();
}

// A TOML basic string.
std::string toml_string(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\')
      out += '\\', out += c;
    else if (static_cast<unsigned char>(c) < 0x20)
      out += fmt::format("\\u{:04X}", static_cast<unsigned>(c));
    else
      out += c;
  }
  return out + "\"";
}

// The accept entry for a word: the word itself, or an anchored literal RE2 pattern when the
// word has characters that would make the entry read as a pattern.
std::string accept_entry(std::string_view word) {
  if (word.find_first_of("\\^$.|?*+()[]{}") == std::string_view::npos) return std::string(word);
  std::string p = "^";
  for (char c : word) {
    if (std::string_view("\\^$.|?*+()[]{}").find(c) != std::string_view::npos) p += '\\';
    p += c;
  }
  return p + "$";
}

std::string_view line_ending(std::string_view text) {
  return text.find("\r\n") != std::string_view::npos ? "\r\n" : "\n";
}

// Byte offset just after a toml++ source position (1-based line, 1-based code-point column).
std::size_t offset_of(std::string_view text, const toml::source_position& pos) {
  LineIndex lines(text);
  std::size_t i = lines.line_start(pos.line);
  std::size_t end = i + lines.line_text(pos.line).size();
  if (pos.line == 1 && text.starts_with("\xEF\xBB\xBF")) i = 3;  // toml++ does not count a BOM
  for (toml::source_index col = 1; col < pos.column && i < end; ++col) decode_utf8(text, i);
  return i;
}

std::optional<std::string> edit_toml(std::string text, std::string_view entry, std::string& error) {
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

std::optional<VocabularyChange> plan_vocabulary_add(const Config& config,
                                                    const fs::path& new_config_dir,
                                                    std::string_view word, std::string& error) {
  std::string w = text::trim(word);
  if (w.empty() || w.find_first_of("\r\n") != std::string::npos) {
    error = "not a word";
    return std::nullopt;
  }
  std::string entry = accept_entry(w);
  if (!config.spelling.words_file.empty()) {
    fs::path file = config.spelling.words_file;
    std::string text;
    std::error_code ec;
    // A missing words file is created; one that exists but cannot be read is left alone.
    if (fs::exists(file, ec) && !read_text(file, text)) {
      error = fmt::format("cannot read {}", file.string());
      return std::nullopt;
    }
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (text::trim(line) == entry) {
        error = fmt::format("'{}' is already in {}", entry, file.string());
        return std::nullopt;
      }
    }
    std::string_view nl = line_ending(text);
    if (!text.empty() && text.back() != '\n') text += nl;
    text += entry;
    text += nl;
    return VocabularyChange{file, text};
  }
  if (config.path.empty()) {
    std::error_code ec;
    if (fs::exists(new_config_dir / ".prfaq.toml", ec)) {
      error =
          fmt::format("{} exists but does not apply to this document; add the word there by hand",
                      (new_config_dir / ".prfaq.toml").string());
      return std::nullopt;
    }
    std::string text = fmt::format(
        "# prfaq configuration (see `prfaq config --schema`).\n\n[spelling]\naccept = [{}]\n",
        toml_string(entry));
    return VocabularyChange{new_config_dir / ".prfaq.toml", text};
  }
  std::string text;
  if (!read_text(config.path, text)) {
    error = fmt::format("cannot read {}", config.path);
    return std::nullopt;
  }
  std::optional<std::string> edited = edit_toml(text, entry, error);
  if (!edited) return std::nullopt;
  if (!accepts(*edited, entry)) {
    error = fmt::format("cannot add '{}' to {} safely; add it to [spelling] accept by hand", entry,
                        config.path);
    return std::nullopt;
  }
  return VocabularyChange{config.path, *edited};
}

}  // namespace prfaq::lsp
