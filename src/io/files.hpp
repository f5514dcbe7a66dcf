#pragma once
// Finding the files to lint: directory walk, include/exclude globs (compiled to RE2).
#include <filesystem>
#include <istream>
#include <memory>
#include <string>
#include <vector>

namespace re2 {
class RE2;
}

namespace prfaq::io {

/// A set of globs ("docs/**/*.md") compiled once into one RE2.
class GlobSet {
 public:
  explicit GlobSet(const std::vector<std::string>& globs);
  ~GlobSet();
  bool empty() const { return !m_re; }
  /// Matches a path relative to the config directory, with '/' separators.
  bool matches(const std::string& relative) const;

 private:
  std::unique_ptr<re2::RE2> m_re;
};

/// A shell glob ("docs/**/*.es.md", "*.md", "[ab]?.md", "[!x]*") as an RE2 pattern; a
/// directory glob matches everything below it.
std::string glob_to_regex(std::string_view glob);

/// The message for a refused document.
std::string too_large_message();

/// Reads a document: a regular file (never a FIFO or device) or, for "-", standard input, at
/// most max_source_bytes. False with `error` set ("no such file", "permission denied", ...).
bool read_document(const std::filesystem::path& path, bool from_stdin, std::string& out,
                   std::string& error);

}  // namespace prfaq::io
