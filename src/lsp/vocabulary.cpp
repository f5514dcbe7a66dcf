#include "lsp/vocabulary.hpp"

#include <fmt/format.h>

#include <fstream>
#include <sstream>

#include "config/toml_edit.hpp"
#include "io/io.hpp"
#include "text/text.hpp"

namespace fs = std::filesystem;

namespace prfaq::lsp {

namespace {

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
    if (fs::exists(file, ec) && !io::read_file(file, text, max_words_file_bytes)) {
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
  if (!io::read_file(config.path, text, max_config_bytes)) {
    error = fmt::format("cannot read {}", config.path);
    return std::nullopt;
  }
  std::optional<std::string> edited =
      add_spelling_accept(std::move(text), config.path, entry, error);
  if (!edited) return std::nullopt;
  return VocabularyChange{config.path, *edited};
}

}  // namespace prfaq::lsp
