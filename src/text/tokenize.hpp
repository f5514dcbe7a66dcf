#pragma once
// The one tokenisation of a prose block (tokens, words for term matching, sentences), shared by
// the model and every rule.
#include <prfaq/document.hpp>

namespace prfaq::text {

/// Splits a prose block's text into tokens, words and sentences (fills prose.tokens, words and
/// sentences).
void tokenize(Prose& prose);

}  // namespace prfaq::text
