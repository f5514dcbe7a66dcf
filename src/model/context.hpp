#pragma once
// Internal: what the passes of the document reader share. build.cpp runs them in order:
//   sections.cpp     headings and label lines -> the section tree (label_class.cpp classifies
//                    each label)
//   parts.cpp        the document title, the press release and FAQ extents
//   front.cpp        headline (headline.cpp), subheadline, summary, announcer (announcer.cpp)
//   quotes.cpp       quotations (speech.cpp), speakers (attribution.cpp), classes
//                    (speaker_class.cpp)
//   body.cpp         problem, solution, getting started, customer experience
//   faq.cpp          FAQ entries and answers; faq_parts.cpp their parts and the FAQ's roles
//   classify.cpp     is this a PR/FAQ at all (weighed evidence)
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <prfaq/document.hpp>
#include <prfaq/template.hpp>

#include "markdown/markdown.hpp"
#include "model/lexicon.hpp"

namespace prfaq::model {

/// What a block is for the reader, beyond its Markdown kind.
enum class BlockRole : std::uint8_t {
  content,   ///< ordinary prose
  label,     ///< the label of a section (a heading, a bold label line)
  release,   ///< "FOR IMMEDIATE RELEASE"
  date,      ///< a line holding only a date
  metadata,  ///< "Status: Draft", "**Owner**: Ana"
  pseudo,    ///< a bold line that heads the blocks after it ("**Key Features**")
  image,     ///< only images
  ignored,   ///< html, code, tables
};

/// How a label reads (sections.cpp).
struct LabelClass {
  LabelKind kind = LabelKind::generic;
  std::string role, part;
  std::string how;
  bool related = false;
  int score = 0;
};

struct Context;
/// The label names an FAQ by one of the template's `faq_words` (label_class.cpp).
bool names_faq(const Template& tmpl, std::string_view normalized_label);
/// Classifies a heading or label: part, role, question, answer, or the author's own.
LabelClass classify_label(const Context& ctx, std::string_view label, bool faq_context);

struct Context {
  Context(Document& d, const ParseOptions& o, markdown::Parsed& p)
      : doc(d), opt(o), tmpl(*o.tmpl), lex(o.tmpl->lexicon()), blocks(p.blocks), code(p.code) {}

  Document& doc;
  const ParseOptions& opt;
  const Template& tmpl;
  const Lexicon& lex;
  std::vector<markdown::RawBlock>& blocks;
  std::vector<markdown::CodeBlock>& code;

  std::vector<int> block_section;  ///< innermost section of each block
  std::vector<BlockRole> block_role;
  std::vector<int> label_block;  ///< per section: the block that carries its label, or -1
  std::vector<bool> own_label;   ///< per section: it names a part or role itself
  /// Sections whose label is glued to the headline ("Press Release: X"): the headline's span.
  std::map<int, Span> glued_headline;

  // parts.cpp
  int title_section = -1;            ///< the document title ("PRFAQ: X"), or -1
  int pr_label = -1;                 ///< the "Press Release" section, or -1
  std::uint32_t release_marker = 0;  ///< end of a "FOR IMMEDIATE RELEASE" line, or 0
  bool has_release_marker = false;
  std::vector<int> faq_sections;  ///< sections with an FAQ part or role label, outermost
  int body_blockquote = -1;       ///< a blockquote that holds the whole release, or -1

  // front.cpp
  std::optional<std::size_t> headline_block;
  std::string headline_text;
  Span headline_span;
  std::string headline_how;
  int headline_from_label = -1;  ///< the headline label's section, or -1
  std::size_t front_end = 0;     ///< first block after headline, subheadline and summary
  std::optional<std::size_t> summary_block;
  std::vector<std::string> company_words;  ///< first distinctive word of the announcer, products
  std::string product;                     ///< the product the title or headline names

  // --- helpers ------------------------------------------------------------------------
  const Prose* prose_of(std::size_t bi) const {
    return blocks[bi].prose >= 0 ? &doc.prose[static_cast<std::size_t>(blocks[bi].prose)] : nullptr;
  }
  std::string_view text() const { return doc.text(); }
  /// The template role of the nearest labelled ancestor section, or "".
  std::string labelled_role(int section) const;
  bool in_faq_section(int section) const;
  bool in_pr(std::uint32_t offset) const { return doc.press_release.contains(offset); }
  bool has_role(std::string_view role) const;
  const Section* labelled_section(std::string_view role) const;
  void add_role(std::string role, std::string label, Span span, Span label_span, int section,
                bool labelled, std::string how);
  std::uint32_t trim_end(std::uint32_t end) const;
  bool quote_block(const Prose& p) const;
};

// Text helpers shared by the passes (labels.cpp).
/// The prose text of a block from `from` on, whitespace collapsed, code spans dropped.
std::string prose_text(const Prose& p, std::uint32_t from = 0,
                       std::uint32_t to = static_cast<std::uint32_t>(-1));
std::size_t word_count(std::string_view s);
/// The text without surrounding markup characters (*, _, #, `) and spaces.
std::string trim_markup(std::string_view s);
/// Drops trailing parenthetical tags and markup: "What happens? (LOCKED)" -> "What happens?".
std::string drop_trailing_tags(std::string s);
/// Ends with a question mark once trailing tags ("(LOCKED)") and markup are dropped.
bool ends_with_question(std::string_view s);
/// Length of a leading question marker ("Q:", "Q1.", "Question 3:", "C2.", "問："), or 0.
std::size_t question_marker(const Lexicon& lex, std::string_view s);
/// Length of a leading answer marker ("A:", "A1:", "Answer:", "答："), or 0.
std::size_t answer_marker(const Lexicon& lex, std::string_view s);
/// "Q: How …?" -> "How …?": markers, numbering and markup removed.
std::string strip_question_prefix(const Lexicon& lex, std::string s);
/// A question as an FAQ entry: ends with '?' or starts with a question marker.
bool is_question_text(const Lexicon& lex, std::string_view s);
/// Only a date ("December 20, 2024", "2026年6月26日", "Date: March 3").
bool is_date_line(std::string_view s);
/// The line says when the release may be published ("FOR IMMEDIATE RELEASE").
bool is_release_marker(const Lexicon& lex, std::string_view s);
/// A document title such as "PRFAQ: X", "X — PR/FAQ", "Press Release & FAQ".
bool has_title_marker(const Template& tmpl, std::string_view label);
/// Letters of a CJK script (no spaces between words) in the text.
bool has_cjk(std::string_view s);
/// Words of a label, CJK characters weighing a share of a word.
double label_words(std::string_view s);

/// A label at the start of one line of a paragraph: "**Headline:**", "**The problem.**",
/// "Headline:", "标题：", "**标题：Acme …**" (label inside the bold).
struct LineLabel {
  std::string label;        ///< the label's text, without markup and the colon
  std::uint32_t begin = 0;  ///< source offsets of the label (markup included)
  std::uint32_t end = 0;
  std::uint32_t rest = 0;  ///< where the text after the label starts (source offset)
  std::uint32_t line_end = 0;
  bool bold = false;        ///< written in bold or italics
  bool whole_line = false;  ///< nothing but the label on the line
  bool punct = false;       ///< closed by ':', '.', '：' or a dash
};
/// Reads a label at the start of source line [begin, end).
std::optional<LineLabel> read_line_label(std::string_view text, std::uint32_t begin,
                                         std::uint32_t end);

// The passes.
void build_sections(Context& ctx);
void find_parts(Context& ctx);
void find_front(Context& ctx);
void find_quotes(Context& ctx);
void find_body_roles(Context& ctx);
void find_questions(Context& ctx);
void classify_document(Context& ctx);

}  // namespace prfaq::model
