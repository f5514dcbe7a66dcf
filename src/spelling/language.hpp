#pragma once
// The language of prose: a stop-word profile per language (the short function words that make
// up a third of any text), scored per block and over the whole document.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace prfaq::spelling {

/// What a piece of text looks like.
struct LanguageScore {
  std::string language;         ///< "en", "de", ...; "" when undecided
  double hits = 0;              ///< weighted stop words of the best language
  double runner_up = 0;         ///< of the second best
  std::size_t words = 0;        ///< words written with letters of a spaced script
  std::size_t unsegmented = 0;  ///< CJK, kana, hangul and Thai characters
};

/// The languages with a stop-word profile ("de", "en", "es", "fr", "it", "nl", "pt", "sv").
const std::vector<std::string>& profiled_languages();

/// Accumulates stop-word evidence; add() text, then decide().
class LanguageEvidence {
 public:
  void add(std::string_view text);
  void add(const LanguageEvidence& other);
  /// The best language when the evidence is clear: at least `min_hits` weighted stop words and
  /// `ratio` times the runner-up. "cjk" when unsegmented characters outnumber the words.
  LanguageScore decide(double min_hits, double ratio) const;
  std::size_t words() const { return m_words; }

 private:
  std::vector<double> m_hits = std::vector<double>(8, 0.0);
  std::size_t m_words = 0;
  std::size_t m_unsegmented = 0;
};

/// The English name of a language code ("pt" -> "Portuguese"); the code itself when unknown.
std::string language_name(std::string_view base);

/// The `lang:` (or `language:`) of YAML front matter, "" when none.
std::string front_matter_language(std::string_view front_matter);

}  // namespace prfaq::spelling
