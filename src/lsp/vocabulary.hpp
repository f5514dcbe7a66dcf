#pragma once
// "Add word to the project vocabulary": the words file when the configuration names one, else
// the [spelling] accept list of the .prfaq.toml (edited in place, comments and layout kept),
// else a new .prfaq.toml.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include <prfaq/config.hpp>

namespace prfaq::lsp {

struct VocabularyChange {
  std::filesystem::path file;  ///< the file to write
  std::string text;            ///< its new content
};

/// Plans adding `word`. `config` is the configuration in force (path "" when none);
/// `new_config_dir` is where a new .prfaq.toml goes when there is none. Returns nullopt and
/// sets `error` when the word cannot be added (already there, a TOML layout it cannot edit).
std::optional<VocabularyChange> plan_vocabulary_add(const Config& config,
                                                    const std::filesystem::path& new_config_dir,
                                                    std::string_view word, std::string& error);

}  // namespace prfaq::lsp
