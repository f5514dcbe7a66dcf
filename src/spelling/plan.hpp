#pragma once
// Which language each prose block of a document is spell-checked in, and which capitalised
// words the document uses as names.
//
// The document's language comes from, in this order: front matter (`lang:`), the first
// [spelling] paths glob that matches the file, an explicit [spelling] language, and the prose
// (stop words over the whole document); else English. A block of at least a dozen words
// whose stop words clearly say another language is checked in that one; a shorter block
// follows the document. CJK text is never checked.
#include <functional>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include <prfaq/document.hpp>

namespace re2 {
class RE2;
}

namespace prfaq::spelling {

/// The configured language set, as a tag.
inline constexpr const char* k_configured = "=configured";

struct LanguageSettings {
  bool configured = false;                                 ///< [spelling] language was set
  std::vector<std::string> configured_bases;               ///< its languages without regions ("en")
  std::vector<std::pair<std::string, std::string>> paths;  ///< glob -> language
  std::string base_dir;                                    ///< where the globs are relative to
  bool detect = true;                                      ///< detect from the prose
};

struct LanguagePlan {
  std::string document;             ///< tag of the document ("en", "pt_BR", k_configured, "cjk")
  std::string why;                  ///< "front matter", "[spelling] paths", ...
  std::vector<std::string> blocks;  ///< tag per prose block ("" for code, HTML and CJK)
};

class LanguagePlanner {
 public:
  /// `on_error(index, message)` for a glob RE2 cannot compile.
  LanguagePlanner(LanguageSettings settings,
                  const std::function<void(std::size_t, std::string)>& on_error);
  ~LanguagePlanner();
  LanguagePlan plan(const Document& doc) const;

 private:
  std::string path_language(const Document& doc) const;
  std::string for_base(const std::string& base) const;

  LanguageSettings m_settings;
  std::vector<std::pair<std::unique_ptr<re2::RE2>, std::string>> m_globs;
};

/// Capitalised words that a document uses as names (of products, companies, people, places):
///   - written capitalised inside a sentence of running prose (not a heading, not a line in
///     title case) in a language that capitalises only names (not German);
///   - written capitalised more than once, at least once inside a sentence, or three times;
///   - named in the headline or title and used again.
class NameEvidence {
 public:
  /// `blocks`: the plan's language tag of each prose block ("" for blocks not checked);
  /// `capitalises_nouns(tag)`: whether the language writes every noun capitalised (German).
  NameEvidence(const Document& doc, const std::vector<std::string>& blocks,
               const std::function<bool(const std::string&)>& capitalises_nouns);
  bool is_name(const std::string& word) const;

 private:
  struct Count {
    int all = 0;
    int inside = 0;        // inside a sentence
    int inside_prose = 0;  // inside a sentence of running prose where only names are capitalised
  };
  std::unordered_map<std::string, Count> m_counts;
  std::unordered_set<std::string> m_headline;
};

}  // namespace prfaq::spelling
