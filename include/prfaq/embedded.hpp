#pragma once
/// The default rule pack, embedded at build time by cmake/embed_files.cmake.
#include <span>
#include <string_view>

namespace prfaq {

/// One embedded file: its base name (e.g. "PF101-missing-section.toml") and contents.
struct EmbeddedFile {
  std::string_view name;
  std::string_view contents;
};

/// Every rules/*.toml file of the source tree, sorted by name. template.toml is among them.
std::span<const EmbeddedFile> embedded_rule_files();

}  // namespace prfaq
