#pragma once
// Internal: the template's word lists compiled once per configuration (one term matcher per
// list), and the attribution patterns built from its speech verbs.
#include <re2/re2.h>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <prfaq/document.hpp>
#include <prfaq/template.hpp>

#include "text/terms.hpp"

namespace prfaq::model {

/// A match of a word list in a text: [begin, end) of that text, and the entry that matched.
struct CueHit {
  std::uint32_t begin = 0, end = 0;
  int entry = 0;
};

struct Lexicon {
  struct List {
    text::TermMatcher words;              ///< entries of scripts written with spaces, and CJK
    std::vector<std::string> substrings;  ///< Hangul entries: particles attach to words
    const std::vector<std::string>* entries = nullptr;
    std::vector<std::string> single_words;  ///< the entries that are one word ("A:", "答")
  };
  std::map<std::string, List, std::less<>> lists;

  /// Matches of `list` in a prose block (its shared words) or in a short string.
  std::vector<CueHit> find(std::string_view list, const Prose& prose) const;
  std::vector<CueHit> find(std::string_view list, std::string_view text) const;
  int count(std::string_view list, const Prose& prose) const {
    return static_cast<int>(find(list, prose).size());
  }
  int count(std::string_view list, std::string_view text) const {
    return static_cast<int>(find(list, text).size());
  }
  bool has(std::string_view list, std::string_view text) const { return !find(list, text).empty(); }
  /// True when the text starts with an entry of the list (after spaces and markup).
  std::optional<CueHit> leading(std::string_view list, std::string_view text) const;

  // Attribution patterns; the quotation is replaced by '\x01' in the text they read.
  std::unique_ptr<RE2> after_verb;   ///< "\x01, said Jane Roe, CEO"
  std::unique_ptr<RE2> after_name;   ///< "\x01 Jane Roe says."
  std::unique_ptr<RE2> before_verb;  ///< "Jane Roe said: \x01"
  std::unique_ptr<RE2> said_after;   ///< "\x01, said Bo": a speech verb, then a capital
  std::unique_ptr<RE2> cjk_after;  ///< "\x01とコメント", "\x01Jerome 表示", "\x01라고 밝혔다"
};

/// Compiles the template's vocabulary.
std::shared_ptr<const Lexicon> compile_lexicon(const Template& tmpl);

}  // namespace prfaq::model
