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

namespace prfaq::cli {

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

std::string glob_to_regex(std::string_view glob);

enum class ReadStatus { ok, too_large, error };
/// Reads a stream into `out`, up to max_source_bytes (too_large beyond that).
ReadStatus read_document(std::istream& in, std::string& out);
/// The message for a refused document.
std::string too_large_message();

/// Walks a directory for *.md / *.markdown, skipping hidden directories and symlinked
/// directories; sorted.
std::vector<std::filesystem::path> walk(const std::filesystem::path& dir);

}  // namespace prfaq::cli
