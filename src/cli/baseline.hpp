#pragma once
// Baselines (SPEC §8): record today's findings, then hide them in later runs so that only new
// findings are reported. Entries are keyed by content fingerprints (code, path, role path,
// normalised flagged text), never by line, so they survive inserted and deleted lines.
#include <filesystem>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include <prfaq/diagnostic.hpp>
#include <prfaq/source.hpp>

namespace prfaq::cli {

struct BaselineEntry {
  std::string code;
  std::string path;     ///< relative to the baseline file's directory, '/'-separated
  std::string section;  ///< role path
  std::string fingerprint;
  std::size_t count = 1;  ///< occurrences: the first `count` with this fingerprint are hidden
  std::string message;    ///< for people reading the file; not used for matching
};

class Baseline {
 public:
  /// Reads a baseline file; nullopt and `error` set when missing or malformed.
  static std::optional<Baseline> read(const std::filesystem::path& file, std::string& error);

  /// Starts an empty baseline that will be written to `file` (paths are relative to it).
  explicit Baseline(std::filesystem::path file) : m_file(std::move(file)) {}

  /// The key a file is recorded under: its path relative to the baseline's directory.
  std::string path_key(const std::string& display_path) const;

  /// Records the diagnostics of one file (for --write-baseline).
  void add(const SourceFile& src, std::span<const Diagnostic> diags);
  /// The baseline as JSON text.
  std::string to_json() const;
  std::size_t findings() const;
  std::size_t size() const { return m_entries.size(); }

  /// Removes from `diags` the findings the baseline covers; returns how many were removed.
  std::size_t filter(const SourceFile& src, std::vector<Diagnostic>& diags);
  /// Recorded occurrences, in the files `filter` saw, that no longer occur.
  std::size_t stale() const;

 private:
  std::filesystem::path m_file;
  std::map<std::string, BaselineEntry> m_entries;  // by fingerprint
  std::map<std::string, std::size_t> m_matched;    // fingerprint -> occurrences found
  std::map<std::string, bool> m_seen_paths;
};

}  // namespace prfaq::cli
