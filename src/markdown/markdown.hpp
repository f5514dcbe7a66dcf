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
  bool strong = false;      ///< the leading emphasis is strong (**bold**), not *italic*
  bool image_only = false;  ///< a paragraph holding only images (and spaces)
  bool has_image = false;
  int list_depth = 0;  ///< nesting of lists around it (0 outside lists)
};

/// A fenced or indented code block.
struct CodeBlock {
  Span span;         ///< the whole block, fences included
  Span content;      ///< the lines inside the fences
  std::string info;  ///< the info string of a fence ("bash", "Markdown"), lower-case
  bool fenced = false;
};

struct ParseOptions {
  /// Fenced blocks to read as Markdown (an outline inside a "```markdown" fence): their fence
  /// lines are blanked so the content parses as part of the document.
  std::vector<Span> open_fences;
};

struct Parsed {
  Span front_matter;
  std::vector<Span> ignored;  ///< wrapper blocks such as <reasoning>…</reasoning>
  std::vector<RawBlock> blocks;
  std::vector<Prose> prose;
  std::vector<Span> code_blocks;
  std::vector<CodeBlock> code;
  std::vector<HtmlComment> comments;
  int list_items = 0;
  int blockquotes = 0;
};

/// Makes cmark-gfm's process-wide state (its extension registry) ready: called once before
/// worker threads start (parse() calls it too).
void prepare_library();

/// Runs cmark-gfm (with the GFM extensions) over the source and flattens it.
Parsed parse(const SourceFile& source, const ParseOptions& options = {});

}  // namespace prfaq::markdown
