#pragma once
// Internal: what the readers of the top of the press release share (pass 3):
//   headline.cpp   the headline, and the candidates turned down
//   front.cpp      the subheadline and the summary, then the announcer
//   announcer.cpp  who announces, and the words that stand for the company
#include <algorithm>
#include <vector>

#include "model/context.hpp"

namespace prfaq::model {

/// A non-blank line of a prose block: text offsets.
struct Line {
  std::uint32_t begin, end;
};
/// The non-blank lines of a prose block.
std::vector<Line> lines_of(const Prose& p);

/// The blocks before the end of the press release, and how they count for its top.
class FrontReader {
 public:
  explicit FrontReader(Context& ctx) : m_ctx(ctx), m_doc(ctx.doc) {
    m_end = m_doc.press_release.empty() ? static_cast<std::uint32_t>(m_doc.text().size())
                                        : m_doc.press_release.end;
    m_any_heading = std::any_of(m_ctx.blocks.begin(), m_ctx.blocks.end(),
                                [](const auto& b) { return b.kind == BlockKind::heading; });
  }

 protected:
  bool skip_block(std::size_t bi) const {
    BlockRole r = m_ctx.block_role[bi];
    if (r == BlockRole::release || r == BlockRole::date || r == BlockRole::metadata ||
        r == BlockRole::image || r == BlockRole::ignored)
      return true;
    for (Span s : m_doc.ignored)
      if (s.contains(m_ctx.blocks[bi].span.begin)) return true;
    return false;
  }

  int section_of(std::size_t bi) const { return m_ctx.block_section[bi]; }
  /// In a blockquote other than the one that holds the whole release.
  bool quoted(const markdown::RawBlock& b) const {
    return b.in_blockquote && b.blockquote != m_ctx.body_blockquote;
  }
  const Section& sec(int i) const { return m_doc.sections[static_cast<std::size_t>(i)]; }
  bool is_label_block(std::size_t bi) const {
    int s = section_of(bi);
    return s > 0 && m_ctx.label_block[static_cast<std::size_t>(s)] == static_cast<int>(bi);
  }

  /// A heading that heads a section of its own (same-level siblings follow, and it holds a
  /// paragraph of its own): not a headline.
  bool section_heading(int s) const;

  Context& m_ctx;
  Document& m_doc;
  std::uint32_t m_end = 0;     ///< the end of the press release (or of the document)
  bool m_any_heading = false;  ///< the document has Markdown headings at all
};

/// The headline (labelled, a heading, a bold line, or the first line) and, in the headline
/// role's `rejected`, the candidates turned down.
void find_headline(Context& ctx);
/// The announcer (Document::company) and Context::company_words.
void find_announcer(Context& ctx);

}  // namespace prfaq::model
