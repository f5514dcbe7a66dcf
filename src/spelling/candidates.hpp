#pragma once
// The words of a prose block that spelling applies to.
//
// Whole "chunks" (text between spaces) that look like URLs, e-mail addresses, @handles, #tags,
// file names and paths, command-line options or snake_case identifiers are skipped; the
// tokenizer keeps "and/or" and "PR/FAQ" together, and each side is a word.
#include <cstdint>
#include <vector>

#include <prfaq/document.hpp>

namespace prfaq::spelling {

/// A word of prose to check: [begin, end) of the block's text, and whether it starts a
/// sentence (or a block, a list item, a quotation).
struct Candidate {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  bool sentence_start = false;
};

std::vector<Candidate> candidates(const Prose& p);

}  // namespace prfaq::spelling
