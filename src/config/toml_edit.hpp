#pragma once
// Editing a configuration's TOML text in place (comments and layout kept): the one other use of
// toml++ outside the loader, for the language server's "add word to the vocabulary".
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace prfaq {

class LineIndex;

/// `s` as a TOML basic string, quoted and escaped.
std::string toml_string(std::string_view s);

/// A key as TOML writes it: bare when it is letters, digits, '-' and '_', else quoted.
std::string toml_key(std::string_view key);

/// A list of strings as a one-line TOML array: ["a", "b"].
std::string toml_array(const std::vector<std::string>& items);

/// The byte offset of a toml++ source position (1-based line, 1-based code-point column; 0 for
/// none) in `text`, whose lines are `lines`. toml++ does not count a byte order mark, so it is
/// skipped on the first line.
std::uint32_t toml_offset(std::string_view text, const LineIndex& lines, std::uint32_t line,
                          std::uint32_t column);

/// `text` (the configuration `file`, named in messages) with `entry` added to the [spelling] accept
/// array (created, with the table, when missing). nullopt with `error` set when the text does not
/// parse, already accepts the entry, or has a layout this cannot edit safely (an inline table, a
/// non-array accept); the result is parsed again and must accept the entry.
std::optional<std::string> add_spelling_accept(std::string text, std::string_view file,
                                               std::string_view entry, std::string& error);

}  // namespace prfaq
