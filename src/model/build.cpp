// The document model: Document's lookups, and build_document, which runs the reader's passes
// (see model/context.hpp) over the cmark-gfm blocks.
#include <re2/re2.h>

#include <algorithm>
#include <prfaq/config.hpp>
#include <prfaq/document.hpp>
#include <prfaq/template.hpp>

#include "markdown/markdown.hpp"
#include "model/context.hpp"
#include "text/text.hpp"

namespace prfaq {

std::string_view to_string(BlockKind kind) {
  switch (kind) {
    case BlockKind::paragraph:
      return "paragraph";
    case BlockKind::heading:
      return "heading";
    case BlockKind::list_item:
      return "list_item";
    case BlockKind::blockquote:
      return "blockquote";
    case BlockKind::table_cell:
      return "table_cell";
    case BlockKind::html:
      return "html";
    case BlockKind::code:
      return "code";
  }
  return "paragraph";
}

std::string_view to_string(QuoteClass cls) {
  switch (cls) {
    case QuoteClass::customer:
      return "customer";
    case QuoteClass::leader:
      return "leader";
    case QuoteClass::unknown:
      return "unknown";
  }
  return "unknown";
}

std::string_view to_string(LabelKind kind) {
  switch (kind) {
    case LabelKind::generic:
      return "generic";
    case LabelKind::title:
      return "title";
    case LabelKind::part:
      return "part";
    case LabelKind::role:
      return "role";
    case LabelKind::question:
      return "question";
    case LabelKind::answer:
      return "answer";
    case LabelKind::topic:
      return "topic";
  }
  return "generic";
}

Span Prose::source_span(std::uint32_t b, std::uint32_t e) const {
  if (offsets.empty()) return span;
  b = std::min<std::uint32_t>(b, static_cast<std::uint32_t>(offsets.size() - 1));
  e = std::min<std::uint32_t>(e, static_cast<std::uint32_t>(offsets.size() - 1));
  if (e <= b) return {offsets[b], offsets[b]};
  // The end is one past the last byte of the last character.
  std::uint32_t end = offsets[e - 1] + 1;
  // Extend over the rest of a multibyte character.
  std::uint32_t k = e;
  while (k < offsets.size() - 1 && (static_cast<unsigned char>(text[k]) & 0xC0) == 0x80) {
    end = offsets[k] + 1;
    ++k;
  }
  return {offsets[b], std::max(end, offsets[b])};
}

std::string_view Document::text() const {
  return source->text;
}

const RoleInstance* Document::find_role(std::string_view role) const {
  for (const RoleInstance& r : roles)
    if (r.role == role) return &r;
  return nullptr;
}

const RoleInstance* Document::role_at(std::uint32_t offset) const {
  const RoleInstance* best = nullptr;
  for (const RoleInstance& r : roles) {
    if (r.span.contains(offset) || (r.span.empty() && r.span.begin == offset)) {
      if (!best || r.span.size() <= best->span.size()) best = &r;
    }
  }
  return best;
}

std::string Document::role_path(std::uint32_t offset) const {
  std::string out;
  if (press_release.contains(offset))
    out = "Press release";
  else if (faq.contains(offset))
    out = "FAQ";
  const RoleInstance* r = role_at(offset);
  if (r && tmpl) {
    const RoleDef* def = tmpl->role(r->role);
    std::string title = def ? def->title : r->role;
    if (out.empty())
      out = title;
    else if (title != out)
      out += " \xE2\x80\xBA " + title;
  }
  return out;
}

std::span<const Prose> Document::prose_in(Span span) const {
  auto by_begin = [](const Prose& p, std::uint32_t at) { return p.span.begin < at; };
  auto first = std::lower_bound(prose.begin(), prose.end(), span.begin, by_begin);
  auto last = std::lower_bound(first, prose.end(), span.end, by_begin);
  return {first, last};
}

const Prose* Document::prose_at(std::uint32_t offset) const {
  // Leaf blocks do not overlap: the last block starting at or before offset is the candidate.
  auto it = std::upper_bound(prose.begin(), prose.end(), offset,
                             [](std::uint32_t at, const Prose& p) { return at < p.span.begin; });
  if (it == prose.begin()) return nullptr;
  --it;
  return it->span.contains(offset) ? &*it : nullptr;
}

namespace {

// Spans sorted by begin; true when one of them contains offset. Spans may nest or overlap, so
// the search looks back over the ones that start before offset while they can still reach it.
bool sorted_contains(const std::vector<Span>& spans, std::uint32_t offset, std::uint32_t reach) {
  auto it = std::upper_bound(spans.begin(), spans.end(), offset,
                             [](std::uint32_t at, const Span& s) { return at < s.begin; });
  while (it != spans.begin()) {
    --it;
    if (it->contains(offset)) return true;
    if (offset - it->begin > reach) break;
  }
  return false;
}

std::uint32_t longest(const std::vector<Span>& spans) {
  std::uint32_t n = 0;
  for (Span s : spans) n = std::max(n, s.size());
  return n;
}

}  // namespace

bool Document::in_mention(std::uint32_t offset) const {
  return sorted_contains(mentions, offset, m_mention_reach);
}

bool Document::in_question(std::uint32_t offset) const {
  auto it = std::upper_bound(questions.begin(), questions.end(), offset,
                             [](std::uint32_t at, const Question& q) { return at < q.span.begin; });
  return it != questions.begin() && std::prev(it)->span.contains(offset);
}

bool Document::in_quote(std::uint32_t offset) const {
  return sorted_contains(m_quote_pieces, offset, m_quote_reach);
}

bool is_cjk_token(const Prose& p, const Token& t) {
  std::size_t i = t.begin;
  return t.end > t.begin && text::is_cjk(decode_utf8(p.text, i));
}

std::uint32_t count_words(const Document& doc, Span span) {
  // CJK characters are tokenised one by one and weigh a share of a word (text::k_word_units).
  const int cjk_units = doc.cjk_units ? doc.cjk_units : text::cjk_char_units(doc.text());
  std::uint64_t units = 0;
  // Blocks that start before the span may reach into it: start one block earlier.
  std::span<const Prose> in = doc.prose_in(span);
  const Prose* first = in.empty() ? nullptr : in.data();
  if (first && first != doc.prose.data() && (first - 1)->span.end > span.begin) --first;
  if (!first && !doc.prose.empty()) {
    const Prose* at = doc.prose_at(span.begin);
    first = at;
  }
  if (!first) return 0;
  const Prose* end = doc.prose.data() + doc.prose.size();
  for (const Prose* p = first; p != end && p->span.begin < span.end; ++p) {
    if (p->span.end <= span.begin) continue;
    for (const Token& t : p->tokens) {
      if (t.kind != Token::Kind::word && t.kind != Token::Kind::number) continue;
      if (!span.contains(p->offsets[t.begin])) continue;
      units += is_cjk_token(*p, t) ? cjk_units : text::k_word_units;
    }
  }
  return static_cast<std::uint32_t>((units + text::k_word_units - 1) / text::k_word_units);
}

namespace model {

std::string Context::labelled_role(int s) const {
  for (; s > 0; s = doc.sections[static_cast<std::size_t>(s)].parent) {
    const Section& sec = doc.sections[static_cast<std::size_t>(s)];
    if (!sec.role.empty()) return sec.role;
  }
  return {};
}

bool Context::in_faq_section(int s) const {
  for (; s > 0; s = doc.sections[static_cast<std::size_t>(s)].parent) {
    const Section& sec = doc.sections[static_cast<std::size_t>(s)];
    if (sec.part == "faq" || sec.role == "external_faq" || sec.role == "internal_faq") return true;
  }
  return false;
}

bool Context::has_role(std::string_view role) const {
  for (const RoleInstance& r : doc.roles)
    if (r.role == role) return true;
  return false;
}

const Section* Context::labelled_section(std::string_view role) const {
  for (const Section& s : doc.sections)
    if (s.role == role && !s.related) return &s;
  return nullptr;
}

void Context::add_role(std::string role, std::string label, Span span, Span label_span, int section,
                       bool labelled, std::string how) {
  RoleInstance r;
  r.role = std::move(role);
  r.label = std::move(label);
  r.span = span;
  r.label_span = label_span;
  r.section = section;
  r.labelled = labelled;
  r.how = std::move(how);
  doc.roles.push_back(std::move(r));
}

std::uint32_t Context::trim_end(std::uint32_t end) const {
  std::string_view t = doc.text();
  end = std::min<std::uint32_t>(end, static_cast<std::uint32_t>(t.size()));
  while (end > 0 && std::isspace(static_cast<unsigned char>(t[end - 1]))) --end;
  return end;
}

bool Context::quote_block(const Prose& p) const {
  auto it = std::lower_bound(doc.quotes.begin(), doc.quotes.end(), p.span.begin,
                             [](const Quote& q, std::uint32_t at) { return q.span.begin < at; });
  return it != doc.quotes.end() && p.span.contains(it->span.begin);
}

namespace {

// Fences whose info string says Markdown and whose lines are the template's labels (an outline
// kept in a code block): read as part of the document.
std::vector<Span> markdown_fences(const markdown::Parsed& parsed, const SourceFile& source,
                                  const Template& tmpl) {
  std::vector<Span> out;
  for (const markdown::CodeBlock& c : parsed.code) {
    if (!c.fenced || (c.info != "markdown" && c.info != "md")) continue;
    int labels = 0;
    std::string_view body = std::string_view(source.text).substr(c.content.begin, c.content.size());
    std::size_t pos = 0;
    while (pos < body.size() && labels < 3) {
      std::size_t nl = body.find('\n', pos);
      std::string line = text::trim(
          body.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos));
      pos = nl == std::string_view::npos ? body.size() : nl + 1;
      if (line.empty() || line.size() > 60) continue;
      auto m = tmpl.match(line);
      if (m && m->score >= 90) ++labels;
    }
    if (labels >= 3) out.push_back(c.span);
  }
  return out;
}

void finish(Context& ctx) {
  Document& doc = ctx.doc;
  for (Question& q : doc.questions)
    q.names_risk = q.part == "internal" && ctx.lex.has("risk_questions", text::to_lower(q.text));
  // A look-alike has no press release: what its first lines or paragraphs resembled (a title,
  // a tagline, an essay's steps) were only candidates. Its FAQ sections are really there. A
  // document its author marked as no PR/FAQ keeps its reading: the author knows it has one.
  if (!doc.is_prfaq && doc.prfaq_forced.empty()) {
    std::erase_if(doc.roles, [](const RoleInstance& r) {
      return r.role != "external_faq" && r.role != "internal_faq";
    });
    ctx.headline_block.reset();
    ctx.headline_text.clear();
    ctx.headline_span = {};
  }
  std::stable_sort(
      doc.roles.begin(), doc.roles.end(),
      [](const RoleInstance& a, const RoleInstance& b) { return a.span.begin < b.span.begin; });
  std::vector<Span> examples;
  for (const Section& s : doc.sections)
    if (s.example) examples.push_back(s.span);
  for (std::size_t i = 0; i < doc.roles.size(); ++i) {
    RoleInstance& r = doc.roles[i];
    Span content = r.span;
    if (r.labelled && r.section > 0)
      content = doc.sections[static_cast<std::size_t>(r.section)].body;
    if (r.labelled && r.role == "headline" && r.section > 0)
      content = {doc.sections[static_cast<std::size_t>(r.section)].body.begin,
                 doc.sections[static_cast<std::size_t>(r.section)].span.end};
    r.words = count_words(doc, content);
    auto it = std::lower_bound(
        ctx.code.begin(), ctx.code.end(), content.begin,
        [](const markdown::CodeBlock& c, std::uint32_t at) { return c.span.begin < at; });
    bool code = it != ctx.code.end() && it->span.begin < content.end;
    r.empty = r.labelled && r.words == 0 && !code;
    r.span.end = std::max(r.span.begin, ctx.trim_end(r.span.end));
    for (Span e : examples) r.in_example |= e.contains(r.label_span.begin);
    if (r.role == "headline" && !doc.headline_role && !r.in_example) doc.headline_role = i;
  }
  doc.headline_text = ctx.headline_text;
  doc.headline_span = ctx.headline_span;
  if (!ctx.headline_block) doc.headline_role.reset();
  std::sort(doc.mentions.begin(), doc.mentions.end(),
            [](Span a, Span b) { return a.begin < b.begin; });
}

}  // namespace
}  // namespace model

void Document::index_quotes() {
  m_quote_pieces.clear();
  for (const Quote& q : quotes)
    for (Span s : q.pieces) m_quote_pieces.push_back(s);
  std::sort(m_quote_pieces.begin(), m_quote_pieces.end(),
            [](Span a, Span b) { return a.begin < b.begin; });
  m_quote_reach = longest(m_quote_pieces);
  std::sort(mentions.begin(), mentions.end(), [](Span a, Span b) { return a.begin < b.begin; });
  m_mention_reach = longest(mentions);
}

// Front matter `profile: devtool` and `stage: draft` (known values only).
static void read_profile_and_stage(Document& doc) {
  if (doc.front_matter.empty()) return;
  static const RE2 k_key(R"((?m)^\s*(profile|stage)\s*[:=]\s*["']?([A-Za-z]+)["']?\s*$)");
  re2::StringPiece input(doc.source->text.data() + doc.front_matter.begin,
                         doc.front_matter.end - doc.front_matter.begin);
  std::string key, value;
  while (RE2::FindAndConsume(&input, k_key, &key, &value)) {
    value = text::to_lower(value);
    auto known = [&](auto& names) {
      return std::find(std::begin(names), std::end(names), value) != std::end(names);
    };
    if (key == "profile" && known(k_profiles)) doc.profile = value;
    if (key == "stage" && known(k_stages)) doc.stage = value;
  }
}

Document build_document(const SourceFile& source, const ParseOptions& options) {
  Document doc;
  doc.source = &source;
  doc.tmpl = options.tmpl;
  doc.cjk_units = text::cjk_char_units(source.text);
  markdown::Parsed parsed = markdown::parse(source);
  if (std::vector<Span> open = model::markdown_fences(parsed, source, *options.tmpl); !open.empty())
    parsed = markdown::parse(source, {.open_fences = std::move(open)});
  doc.front_matter = parsed.front_matter;
  read_profile_and_stage(doc);
  doc.ignored = parsed.ignored;
  doc.prose = std::move(parsed.prose);
  doc.code_blocks = std::move(parsed.code_blocks);
  doc.comments = std::move(parsed.comments);
  doc.invalid_utf8 = find_invalid_utf8(source.text);
  model::Context ctx(doc, options, parsed);
  model::build_sections(ctx);
  model::find_parts(ctx);
  model::find_front(ctx);
  model::find_quotes(ctx);
  doc.index_quotes();
  model::find_body_roles(ctx);
  model::find_questions(ctx);
  model::classify_document(ctx);
  model::finish(ctx);
  doc.index_quotes();
  return doc;
}

}  // namespace prfaq
