#pragma once
/// The document model that every rule sees. cmark-gfm types never leak out of src/markdown/.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <prfaq/source.hpp>

namespace prfaq {

class Template;

/// Markdown element kinds of prose blocks (the element scopes of SPEC §5).
enum class BlockKind { paragraph, heading, list_item, blockquote, table_cell, html, code };
std::string_view to_string(BlockKind kind);

/// One token of a prose block. `begin`/`end` index the block's flattened text.
struct Token {
  enum class Kind : std::uint8_t { word, number, punct, space, newline, code };
  Kind kind = Kind::word;
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
};

/// A word of a prose block for term matching: word tokens split at hyphens, lower-cased
/// (curly apostrophes as straight ones). `begin`/`end` index the block's flattened text.
struct Word {
  std::string lower;
  std::string text;
  std::uint32_t begin = 0, end = 0;
  bool joined_to_next = false;  ///< only spaces, one line break or a hyphen before the next word
};

/// A sentence: a token range [first, last) of one prose block.
struct Sentence {
  std::uint32_t first = 0;
  std::uint32_t last = 0;
};

/// The flattened text of one leaf block (a paragraph, a heading, a table cell).
/// Markup is removed; code spans become U+FFFC; soft breaks become '\n'; link text is
/// kept, link destinations, autolinks, raw HTML and images are dropped.
/// `offsets[i]` is the source byte offset of text[i]; offsets has text.size() + 1 entries.
struct Prose {
  BlockKind kind = BlockKind::paragraph;
  Span span;  ///< the whole block in the source
  std::string text;
  std::vector<std::uint32_t> offsets;
  std::vector<Token> tokens;
  std::vector<Word> words;  ///< computed once with the tokens, shared by every rule
  std::vector<Sentence> sentences;
  int section = 0;            ///< index into Document::sections
  bool answer_label = false;  ///< an answer's label inside an FAQ entry ("**Simple Answer**")
  bool in_blockquote = false;
  bool in_list = false;
  int list_item = -1;  ///< index of the enclosing list item (document-unique), or -1

  /// Source span of text[b, e).
  Span source_span(std::uint32_t b, std::uint32_t e) const;
  std::string_view token_text(const Token& t) const {
    return std::string_view(text).substr(t.begin, t.end - t.begin);
  }
};

/// How a section was labelled.
enum class LabelStyle { none, atx, setext, bold_line, run_in };

/// What a label says it is (see Section::kind).
enum class LabelKind {
  generic,   ///< a heading or label of the author's own ("Key Features")
  title,     ///< the document's title ("PRFAQ: X", "X PR/FAQ")
  part,      ///< a part of the template ("Press Release", "FAQ")
  role,      ///< a template role ("The problem.", "見出し")
  question,  ///< an FAQ entry written as a heading or label
  answer,    ///< an answer label inside an FAQ entry ("A:", "Simple Answer")
  topic,     ///< a heading that groups FAQ entries ("General", "Pricing")
};
std::string_view to_string(LabelKind kind);

/// One piece of evidence behind a reading, for `prfaq outline --explain`.
struct Evidence {
  std::string what;  ///< "label 'The problem.' matches alias 'problem' (exact)"
  Span at;           ///< where the evidence is (may be empty)
  int weight = 0;    ///< for the PR/FAQ decision: positive for, negative against
};

/// A node of the section tree. Index 0 is the root (the whole document).
struct Section {
  int parent = -1;
  int level = 0;  ///< heading level; pseudo-headings get the level below their parent
  LabelStyle style = LabelStyle::none;
  std::string label;  ///< heading or label text without markup
  Span label_span;    ///< where the label is written
  Span span;          ///< label plus content, up to the next section at this level or above
  Span body;          ///< content after the label
  std::vector<int> children;
  std::string role;          ///< template role, "" when none
  std::string part;          ///< "press_release", "faq", "customer_experience" or ""
  bool is_title = false;     ///< a document title such as "PRFAQ: X"
  bool is_question = false;  ///< a FAQ question written as a heading or label
  LabelKind kind = LabelKind::generic;
  std::string how;       ///< how the label was matched ("alias 'problem' (exact)")
  bool related = false;  ///< matched a related alias ("Key Features" for the solution)
  int score = 0;         ///< how closely it matched: 100 an alias exactly, 60-99 containing one
  bool example = false;  ///< a worked example the document shows ("## Worked example")
};

enum class QuoteClass { customer, leader, unknown };
std::string_view to_string(QuoteClass cls);

/// A quotation with its attribution.
struct Quote {
  std::string text;  ///< the quoted words (pieces joined by a space)
  Span span;         ///< the first piece, marks included
  std::vector<Span> pieces;
  std::string speaker;  ///< "" when unattributed
  Span speaker_span;
  QuoteClass cls = QuoteClass::unknown;
  bool placeholder_speaker = false;  ///< "[NAME, TITLE]", "a customer said"
  int prose = -1;                    ///< prose block of the first piece
  int section = 0;
  std::string how;    ///< how it was read as speech and attributed
  std::string why;    ///< why it has its class
  bool slot = false;  ///< the content of a labelled quote slot, not a quotation in marks
};

/// A FAQ entry (question) with its answer.
struct Question {
  std::string part;         ///< "external" or "internal"
  std::string text;         ///< without "Q:", numbering and markup
  Span span;                ///< the question as written
  Span answer;              ///< the answer's source span (empty when none)
  std::string answer_text;  ///< the answer's prose
  bool is_question = true;  ///< phrased as a question
  bool answered = false;
  bool names_risk = false;  ///< an internal question about a risk (template list risk_questions)
  std::string layout;       ///< how it was written ("bold line, answer on the next line")
  std::string why;          ///< why it belongs to its part
};

/// A template role found in the document.
struct RoleInstance {
  std::string role;
  std::string label;  ///< "" when found from content
  Span span;          ///< the label and its content
  Span label_span;    ///< the label, or the first line of the content
  int section = -1;   ///< the section that carries it, or -1 for content-found roles
  std::uint32_t words = 0;
  bool labelled = false;
  bool empty = false;                 ///< labelled but without content
  std::string how;                    ///< the evidence that decided it
  std::vector<std::string> rejected;  ///< candidates it turned down, and why
  bool in_example = false;  ///< inside a worked example of the document ("## Worked example")
};

struct HtmlComment {
  Span span;
  std::string text;  ///< inside <!-- and -->, trimmed
};

/// Weighed evidence from which a document is read as a PR/FAQ (see `prfaq outline --explain`).
inline constexpr int prfaq_threshold = 4;

/// The whole document as read. Built once per file by build_document(); shared by all rules.
struct Document {
  const SourceFile* source = nullptr;
  const Template* tmpl = nullptr;
  Span front_matter;              ///< empty when none
  std::string profile;            ///< front matter `profile:` (amazon, devtool, internal), or ""
  std::string stage;              ///< front matter `stage:` (draft, review, final), or ""
  std::vector<Section> sections;  ///< [0] is the root
  std::vector<Prose> prose;       ///< every prose block, in document order
  std::vector<Span> code_blocks;  ///< fenced and indented code
  std::vector<HtmlComment> comments;
  std::vector<Span> invalid_utf8;
  std::vector<RoleInstance> roles;  ///< document order
  std::vector<Quote> quotes;        ///< document order
  std::vector<Span> mentions;  ///< quoted phrases that are not speech ("the headline reads \"X\"")
  std::vector<Question> questions;           ///< document order
  std::optional<std::size_t> headline_role;  ///< index into roles
  std::string headline_text;                 ///< plain text of the headline
  Span headline_span;                        ///< where the headline's text is written
  std::string company;  ///< the launching organisation, when the summary names it
  bool is_prfaq = false;
  /// What the PR/FAQ decision weighed; the sum of the weights decided it unless `forced`.
  std::vector<Evidence> prfaq_evidence;
  int prfaq_score = 0;        ///< weighed evidence; a PR/FAQ from prfaq_threshold up
  std::string prfaq_forced;   ///< "front matter 'prfaq: true'", "configuration include", or ""
  Span press_release;         ///< the press release part (empty when not found)
  Span faq;                   ///< the FAQ part(s), first to last
  std::vector<Span> ignored;  ///< wrapper blocks left by generators (<reasoning>…</reasoning>)

  std::string_view text() const;
  std::string_view slice(Span span) const { return source->slice(span); }
  const RoleInstance* find_role(std::string_view role) const;
  /// "Press release › Headline" for an offset.
  std::string role_path(std::uint32_t offset) const;
  /// The role whose span contains offset (innermost), or nullptr.
  const RoleInstance* role_at(std::uint32_t offset) const;
  /// The prose blocks that start inside `span`, in document order (binary search: a rule
  /// that measures many units costs what the units hold, not units x blocks).
  std::span<const Prose> prose_in(Span span) const;
  /// The prose block that contains `offset`, or nullptr.
  const Prose* prose_at(std::uint32_t offset) const;
  /// True when offset is inside a quotation.
  bool in_quote(std::uint32_t offset) const;
  /// True when offset is inside a quoted mention (not speech).
  bool in_mention(std::uint32_t offset) const;
  /// True when offset is inside the text of an FAQ question.
  bool in_question(std::uint32_t offset) const;

  /// The weight of one CJK character in word counts (see count_words).
  int cjk_units = 0;
  /// Sorts the quotations' pieces and the mentions for in_quote() and in_mention().
  void index_quotes();

 private:
  std::vector<Span> m_quote_pieces;
  std::uint32_t m_quote_reach = 0, m_mention_reach = 0;
};

struct ParseOptions {
  const Template* tmpl = nullptr;  ///< the role template (required)
  std::vector<std::string> product_names;
  /// The configuration's `include` selected this file: it is a PR/FAQ whatever it reads like.
  bool selected_by_include = false;
};

/// Parses bytes into a Document: cmark-gfm parse, section tree, roles, quotes, questions.
/// Never throws on bad input.
Document build_document(const SourceFile& source, const ParseOptions& options);

/// True for a token of one CJK character (a share of a word in word counts).
bool is_cjk_token(const Prose& prose, const Token& token);

/// Counts prose words in a span of a document (code, URLs and markup excluded), rounded up.
/// A CJK character weighs 0.4 of a word in a document with kana (Japanese: 2.5 characters a
/// word) and 2/3 of a word otherwise (Chinese: 1.5 characters a word).
std::uint32_t count_words(const Document& doc, Span span);

/// Normalises a heading or label for matching: lower case, markup, numbering and
/// punctuation removed, whitespace collapsed.
std::string normalize_label(std::string_view text);
/// A normalised label without its leading article or possessive ("the problem" -> "problem",
/// "la solución" -> "solución").
std::string without_article(std::string_view normalized);

}  // namespace prfaq
