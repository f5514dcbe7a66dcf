#pragma once
// `--diff-base REF`: what changed since the merge base of REF and HEAD, read from `git` run as a
// subprocess (its arguments are the user's REF and paths git itself printed; nothing from a
// document ever reaches it).
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace prfaq::cli {

/// One file changed between the merge base and the working tree.
struct ChangedFile {
  std::filesystem::path path;            ///< absolute
  std::optional<std::string> base_path;  ///< its path at the merge base (relative to the top),
                                         ///< none for a file added since
  std::vector<std::uint32_t> added;      ///< 1-based lines added or changed, sorted
  std::vector<std::pair<std::uint32_t, std::uint32_t>> hunks;  ///< [first, last] with context
  bool touches(std::uint32_t first, std::uint32_t last, bool with_context) const;
};

struct GitChanges {
  std::filesystem::path top;                 ///< the work tree's top directory
  std::string base;                          ///< the merge base commit
  std::map<std::string, ChangedFile> files;  ///< by absolute, normalised path
};

/// The changes since the merge base of `ref` and HEAD (three-dot, as `git diff REF...HEAD`,
/// plus what is not committed yet): nullopt with `error` set when git is missing, the directory
/// is not a repository or the ref is unknown.
std::optional<GitChanges> git_changes(const std::string& ref, std::string& error);

/// The file at the merge base (`git show BASE:PATH`); nullopt when git cannot show it.
std::optional<std::string> git_show(const GitChanges& changes, const std::string& base_path);

/// Parses `git diff -U3` output of one file into added lines and hunk ranges (exposed for tests).
void parse_unified_diff(const std::string& diff, ChangedFile& file);

}  // namespace prfaq::cli
