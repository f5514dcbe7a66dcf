#pragma once
// Internal: the result of the cmark-gfm pass, before sections and roles are built.
#include <string>
#include <vector>

#include <prfaq/document.hpp>

namespace prfaq::markdown {

/// A block in document order, as the section builder needs it.
struct RawBlock {
  BlockKind kind = BlockKind::paragraph;
  Span span;
  int heading_level = 0;  ///< 1..6 for headings
  bool setext = false;
  int prose = -1;  ///< index into prose, for leaf text blocks
  bool in_blockquote = false;
  int blockquote = -1;           ///< outermost enclosing blockquote id
  int list_item = -1;            ///< enclosing list item id
  bool list_item_first = false;  ///< first paragraph of its list item
  bool ordered_list = false;
  /// Emphasis at the start of a paragraph: [0, emphasis_end) of the prose text is inside
  /// one strong/emph node; all_emphasis means nothing but punctuation follows it.
  std::uint32_t emphasis_end = 0;
  bool all_emphasis = false;
  bool starts_with_emphasis = false;
};

struct Parsed {
  Span front_matter;
  std::vector<RawBlock> blocks;
  std::vector<Prose> prose;
  std::vector<Span> code_blocks;
  std::vector<HtmlComment> comments;
  int list_items = 0;
  int blockquotes = 0;
};

/// Runs cmark-gfm (with the GFM extensions) over the source and flattens it.
Parsed parse(const SourceFile& source);

/// Splits a prose block's text into tokens and sentences (fills prose.tokens/sentences).
void tokenize(Prose& prose);

}  // namespace prfaq::markdown
