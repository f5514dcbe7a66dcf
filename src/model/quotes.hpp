#pragma once
// Internal: the pieces of pass 4 (quotations). quotes.cpp runs the pass; it asks
//   speech.cpp         which quoted passages of a paragraph are speech, and which are mentions
//   attribution.cpp    who speaks, from the text around the quotation
//   speaker_class.cpp  whether that speaker is a customer or speaks for the company
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/context.hpp"

namespace prfaq::model {

/// A quoted passage of a prose block (offsets into Prose::text).
struct Piece {
  std::uint32_t open, close_end;  ///< the opening mark .. just after the closing mark
  std::uint32_t inner_begin, inner_end;
  bool cjk_marks = false;   ///< 「」『』
  bool ends_punct = false;  ///< the quoted words end with sentence punctuation
};

/// The quoted passages of a prose block that read as speech: long enough, and a sentence or at
/// a sentence's start. The others go to `mentions` (source spans).
std::vector<Piece> find_pieces(const Lexicon& lex, const Prose& p, std::vector<Span>& mentions);

/// Letters of a CJK script in the text.
std::size_t cjk_chars(std::string_view s);

/// "— Jane Roe", "-- Jane", "~ Jane": the text after a leading dash in `rest`.
bool starts_dash(std::string_view s, std::string& rest);

/// The speaker named in `rest`, the paragraph with each quotation replaced by '\x01': after
/// the quote ("…," said X), after a dash, before it ("X said:"), "according to X", the CJK
/// forms, or a name and a colon. `how` says which; `sentence`: the quotation is a sentence.
std::optional<std::string> find_attribution(const Context& ctx, const std::string& rest,
                                            std::string& how, bool sentence = true);

/// An attribution cut to the speaker: the sentence's end, the speech verb, dashes, "by" and
/// markup dropped ("— by Ana P., CTO." -> "Ana P., CTO"). The verbs are the template's.
std::string clean_speaker(const Context& ctx, std::string s);

/// The class of an attributed quotation (`role`: the labelled role of its section), and `why`.
QuoteClass classify_quote(const Context& ctx, const Quote& q, const std::string& role,
                          std::string& why);

}  // namespace prfaq::model
