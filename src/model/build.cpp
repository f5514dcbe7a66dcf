// Markdown blocks -> section tree -> template roles, quotes and FAQ questions.
#include <algorithm>
#include <map>
#include <prfaq/document.hpp>
#include <prfaq/template.hpp>

#include "markdown/markdown.hpp"
#include "model/patterns.hpp"
#include "model/text.hpp"

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

std::vector<const RoleInstance*> Document::find_roles(std::string_view role) const {
  std::vector<const RoleInstance*> out;
  for (const RoleInstance& r : roles)
    if (r.role == role) out.push_back(&r);
  return out;
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

bool Document::in_mention(std::uint32_t offset) const {
  for (Span s : mentions)
    if (s.contains(offset)) return true;
  return false;
}

bool Document::in_quote(std::uint32_t offset) const {
  for (const Quote& q : quotes)
    for (Span s : q.pieces)
      if (s.contains(offset)) return true;
  return false;
}

bool is_cjk_token(const Prose& p, const Token& t) {
  std::size_t i = t.begin;
  return t.end > t.begin && text::is_cjk(decode_utf8(p.text, i));
}

std::uint32_t count_words(const Document& doc, Span span) {
  // CJK characters are tokenised one by one and weigh a share of a word (text::k_word_units).
  const int cjk_units = text::cjk_char_units(doc.text());
  std::uint64_t units = 0;
  for (const Prose& p : doc.prose) {
    if (p.span.end <= span.begin || p.span.begin >= span.end) continue;
    for (const Token& t : p.tokens) {
      if (t.kind != Token::Kind::word && t.kind != Token::Kind::number) continue;
      if (!span.contains(p.offsets[t.begin])) continue;
      units += is_cjk_token(p, t) ? cjk_units : text::k_word_units;
    }
  }
  return static_cast<std::uint32_t>((units + text::k_word_units - 1) / text::k_word_units);
}

namespace {

using markdown::RawBlock;

std::string prose_text(const Prose& p, std::uint32_t from = 0) {
  std::string s =
      text::squash(std::string_view(p.text).substr(std::min<std::size_t>(from, p.text.size())));
  // Drop the object replacement character of code spans.
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    if (s.compare(i, 3, "\xEF\xBF\xBC") == 0) {
      i += 3;
      continue;
    }
    out += s[i++];
  }
  return text::squash(out);
}

std::size_t word_count(std::string_view s) {
  return text::words(s).size();
}

std::size_t question_marker(std::string_view s);

bool is_question_text(std::string_view s) {
  std::string t = text::trim(s);
  while (!t.empty() && (t.back() == '*' || t.back() == '_' || t.back() == ' ')) t.pop_back();
  if (t.ends_with("?") || t.ends_with("\xEF\xBC\x9F")) return true;
  std::string lower = text::to_lower(t);
  return lower.starts_with("q:") || lower.starts_with("q.") || lower.starts_with("q ") ||
         lower.starts_with("q\xEF\xBC\x9A") || question_marker(t) > 0 ||
         (lower.size() > 2 && lower[0] == 'q' &&
          std::isdigit(static_cast<unsigned char>(lower[1])));
}

// Length of a leading "Q:", "Q :", "Q.", "Q1:", "Question:", "问：", "질문:" marker, or 0.
std::size_t question_marker(std::string_view s) {
  std::string lower = text::to_lower(s.substr(0, std::min<std::size_t>(s.size(), 24)));
  std::size_t k = 0;
  if (lower.starts_with("question"))
    k = 8;
  else if (lower.starts_with("frage"))
    k = 5;
  else if (lower.starts_with("pregunta"))
    k = 8;
  else if (lower.starts_with("\xE9\x97\xAE") || lower.starts_with("\xE5\x95\x8F"))
    k = 3;  // 问 問
  else if (lower.starts_with("\xEC\xA7\x88\xEB\xAC\xB8"))
    k = 6;  // 질문
  else if (!lower.empty() && lower[0] == 'q' &&
           (lower.size() == 1 || !std::isalpha(static_cast<unsigned char>(lower[1]))))
    k = 1;
  if (k == 0) return 0;
  std::size_t j = k;
  while (j < lower.size() && std::isdigit(static_cast<unsigned char>(lower[j]))) ++j;
  while (j < lower.size() && (lower[j] == ' ' || lower[j] == '\t')) ++j;
  if (j < lower.size() && (lower[j] == ':' || lower[j] == '.' || lower[j] == ')')) return j + 1;
  if (lower.compare(j, 3, "\xEF\xBC\x9A") == 0 || lower.compare(j, 3, "\xEF\xBC\x8E") == 0)
    return j + 3;  // ： ．
  return 0;
}

// Length of a leading "A:", "A :", "A.", "Answer:", "答：", "답:" marker, or 0.
std::size_t answer_marker(std::string_view s) {
  std::string lower = text::to_lower(s.substr(0, std::min<std::size_t>(s.size(), 24)));
  std::size_t k = 0;
  if (lower.starts_with("answer"))
    k = 6;
  else if (lower.starts_with("antwort"))
    k = 7;
  else if (lower.starts_with("respuesta"))
    k = 9;
  else if (lower.starts_with("réponse"))
    k = 8;
  else if (lower.starts_with("\xE5\x9B\x9E\xE7\xAD\x94"))
    k = 6;  // 回答
  else if (lower.starts_with("\xE7\xAD\x94"))
    k = 3;  // 答
  else if (lower.starts_with("\xEB\x8B\xB5"))
    k = 3;  // 답
  else if (!lower.empty() && lower[0] == 'a' &&
           (lower.size() == 1 || !std::isalpha(static_cast<unsigned char>(lower[1]))))
    k = 1;
  else if (lower.starts_with("r") && lower.size() > 1 && (lower[1] == ':' || lower[1] == ' '))
    k = 1;
  if (k == 0) return 0;
  std::size_t j = k;
  while (j < lower.size() && (lower[j] == ' ' || lower[j] == '\t')) ++j;
  if (j < lower.size() && (lower[j] == ':' || lower[j] == '.' || lower[j] == ')')) {
    // "A. Smith said" is not a marker; a marker is followed by a space or the end.
    if (j + 1 >= lower.size() || std::isspace(static_cast<unsigned char>(lower[j + 1])) ||
        lower[j] == ':' || static_cast<unsigned char>(lower[j + 1]) >= 0x80)
      return j + 1;
    return 0;
  }
  if (lower.compare(j, 3, "\xEF\xBC\x9A") == 0 || lower.compare(j, 3, "\xEF\xBC\x8E") == 0)
    return j + 3;
  if (k == 1 && lower[0] == 'r') return 0;
  return j == lower.size() && k > 1 ? j : 0;
}

std::string strip_question_prefix(std::string s) {
  s = text::trim(s);
  if (std::size_t k = question_marker(s)) s = text::trim(s.substr(k));
  // Numbering "1." / "1)".
  std::size_t j = 0;
  while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) ++j;
  if (j > 0 && j < s.size() && (s[j] == '.' || s[j] == ')') && j + 1 < s.size() && s[j + 1] == ' ')
    s = text::trim(s.substr(j + 1));
  return s;
}

bool is_title_label(const Template& tmpl, std::string_view label) {
  // "PRFAQ: X", "PR/FAQ — X", "X PR/FAQ", "X: PRFAQ", or a short label naming the genre.
  std::string lower = text::trim(text::to_lower(label));
  std::size_t words = text::words(lower).size();
  for (const std::string& m : tmpl.title_markers) {
    if (m.empty()) continue;
    if (lower.starts_with(m)) {
      std::string rest = text::trim(lower.substr(m.size()));
      if (rest.empty() || rest.starts_with(":") || rest.starts_with("\xE2\x80\x94") ||
          rest.starts_with("-") || rest.starts_with("\xE2\x80\x93") || rest.starts_with("for "))
        return true;
    }
    if (lower.ends_with(m) || lower.ends_with(m + ")") || lower.ends_with(m + " draft"))
      return true;
    if (words <= 5 && lower.find(m) != std::string::npos) return true;
  }
  return false;
}

class Builder {
 public:
  Builder(Document& doc, const ParseOptions& opt, markdown::Parsed& parsed)
      : m_doc(doc), m_tmpl(*opt.tmpl), m_opt(opt), m_blocks(parsed.blocks) {}

  void run() {
    build_sections();
    assign_faq_parts();
    compute_parts();
    find_company();
    find_quotes();
    find_content_roles();
    find_questions();
    decide_prfaq();
    finish_roles();
  }

 private:
  // ---- sections -------------------------------------------------------------------------
  bool in_faq(int s) const {
    for (; s > 0; s = m_doc.sections[s].parent) {
      const Section& sec = m_doc.sections[s];
      if (sec.part == "faq" || sec.role == "external_faq" || sec.role == "internal_faq")
        return true;
    }
    return false;
  }

  int real_heading_level(const std::vector<int>& stack) const {
    for (auto it = stack.rbegin(); it != stack.rend(); ++it) {
      const Section& s = m_doc.sections[*it];
      if (s.style == LabelStyle::atx || s.style == LabelStyle::setext) return s.level;
    }
    return 0;
  }

  void classify_label(Section& sec, bool faq_context) {
    std::string trimmed = text::trim(sec.label);
    if (is_question_text(trimmed)) {
      sec.is_question = true;
      return;
    }
    auto m = m_tmpl.match(trimmed);
    std::size_t words = word_count(trimmed);
    if (m && m->score >= 60 && words <= 8) {
      if (m->kind == Template::Match::Kind::part) {
        sec.part = m->name;
      } else {
        sec.role = m->name;
        if (const RoleDef* def = m_tmpl.role(m->name)) sec.part = def->part;
      }
      return;
    }
    // Inside an FAQ, any other label is an FAQ entry (PF401 checks that it is a question).
    if (faq_context) sec.is_question = true;
  }

  void build_sections() {
    Section root;
    root.span = {0, static_cast<std::uint32_t>(m_doc.text().size())};
    root.body = root.span;
    m_doc.sections.push_back(root);
    std::vector<int> stack{0};
    m_block_section.assign(m_blocks.size(), 0);
    bool first_heading = true;
    for (std::size_t bi = 0; bi < m_blocks.size(); ++bi) {
      RawBlock& b = m_blocks[bi];
      Section sec;
      bool make = false;
      const Prose* p = b.prose >= 0 ? &m_doc.prose[b.prose] : nullptr;
      if (b.kind == BlockKind::heading && p) {
        sec.level = b.heading_level;
        sec.style = b.setext ? LabelStyle::setext : LabelStyle::atx;
        sec.label = prose_text(*p);
        sec.label_span = b.span;
        sec.body = {b.span.end, b.span.end};
        // "# FAQ" followed by "# Does it work offline?": a question heading at the level of an
        // open FAQ heading belongs inside it (documents where every section is an H1).
        if (is_question_text(sec.label)) {
          for (std::size_t k = stack.size(); k-- > 1;) {
            const Section& c = m_doc.sections[stack[k]];
            bool container =
                c.part == "faq" || c.role == "external_faq" || c.role == "internal_faq";
            if (container && c.level == sec.level) {
              sec.level = c.level + 1;
              break;
            }
          }
        }
        while (stack.size() > 1 && m_doc.sections[stack.back()].level >= sec.level)
          stack.pop_back();
        bool faq = in_faq(stack.back());
        classify_label(sec, faq);
        if (first_heading && sec.role.empty() && sec.part.empty() &&
            is_title_label(m_tmpl, sec.label))
          sec.is_title = true;
        first_heading = false;
        make = true;
      } else if (b.kind == BlockKind::paragraph && p && b.list_item < 0 && b.starts_with_emphasis) {
        std::string label = prose_text(*p, 0);
        if (!b.all_emphasis) label = prose_text(Prose{.text = p->text.substr(0, b.emphasis_end)});
        while (!label.empty() &&
               (label.back() == ':' || label.back() == '.' || label.back() == ' '))
          label.pop_back();
        int base = real_heading_level(stack);
        std::size_t words = word_count(label);
        Section probe;
        probe.label = label;
        probe.style = b.all_emphasis ? LabelStyle::bold_line : LabelStyle::run_in;
        // Close pseudo sections before classifying.
        std::vector<int> st = stack;
        while (st.size() > 1 && m_doc.sections[st.back()].level > base) st.pop_back();
        bool faq = in_faq(stack.back()) || in_faq(st.back());
        if (words > 0 && words <= 14) classify_label(probe, faq);
        bool is_label = !probe.role.empty() || !probe.part.empty();
        bool is_q = probe.is_question && faq && (b.all_emphasis || is_question_text(label));
        if (probe.style == LabelStyle::run_in && is_label) {
          // A run-in label must end with '.', ':' or a dash.
          std::string_view rest = std::string_view(p->text).substr(b.emphasis_end);
          std::string_view inside = std::string_view(p->text).substr(0, b.emphasis_end);
          std::string in_trim = text::trim(inside);
          bool punct = !in_trim.empty() && (in_trim.back() == '.' || in_trim.back() == ':');
          std::string r = text::trim(rest);
          punct |= r.starts_with(":") || r.starts_with(".") || r.starts_with("\xE2\x80\x94") ||
                   r.starts_with("-") || r.starts_with("\xE2\x80\x93");
          if (!punct) is_label = false;
        }
        if (is_label || is_q) {
          sec = probe;
          sec.level = base + (is_label && !is_q ? 1 : 2);
          if (!is_label && is_q) sec.level = base + 2;
          if (probe.style == LabelStyle::run_in) {
            sec.label_span = p->source_span(0, b.emphasis_end);
            sec.label_span.begin = b.span.begin;
            // Include closing markup.
            std::uint32_t e = sec.label_span.end;
            while (e < b.span.end && (m_doc.text()[e] == '*' || m_doc.text()[e] == '_')) ++e;
            sec.label_span.end = e;
            sec.body = {e, e};
          } else {
            sec.label_span = b.span;
            sec.body = {b.span.end, b.span.end};
          }
          while (stack.size() > 1 && m_doc.sections[stack.back()].level >= sec.level)
            stack.pop_back();
          make = true;
        }
      } else if (b.kind == BlockKind::paragraph && p && b.list_item < 0 && !b.in_blockquote) {
        // "Headline: Acme …" — a plain run-in label with a colon.
        std::size_t colon = p->text.find(':');
        if (colon != std::string::npos && colon > 0 && colon < 40) {
          std::string label = text::trim(std::string_view(p->text).substr(0, colon));
          if (word_count(label) <= 3 && label.find('\n') == std::string::npos) {
            auto m = m_tmpl.match(label);
            if (m && m->score >= 90) {
              int base = real_heading_level(stack);
              sec.level = base + 1;
              sec.style = LabelStyle::run_in;
              sec.label = label;
              sec.label_span = p->source_span(0, static_cast<std::uint32_t>(colon + 1));
              sec.body = {sec.label_span.end, sec.label_span.end};
              classify_label(sec, false);
              while (stack.size() > 1 && m_doc.sections[stack.back()].level >= sec.level)
                stack.pop_back();
              make = true;
            }
          }
        }
        // "Frequently Asked Questions" alone on a line of a document without Markdown: a plain
        // label line that names a part or role exactly.
        std::string whole = text::trim(p->text);
        if (!make && !whole.empty() && whole.find('\n') == std::string::npos &&
            word_count(whole) <= 5 && !whole.ends_with(".") && !whole.ends_with("?") &&
            !whole.ends_with(",")) {
          auto m = m_tmpl.match(whole);
          if (m && m->score >= 100) {
            int base = real_heading_level(stack);
            sec.level = base + 1;
            sec.style = LabelStyle::bold_line;
            sec.label = whole;
            sec.label_span = b.span;
            sec.body = {b.span.end, b.span.end};
            classify_label(sec, false);
            while (stack.size() > 1 && m_doc.sections[stack.back()].level >= sec.level)
              stack.pop_back();
            make = true;
          }
        }
      }
      if (make) {
        sec.parent = stack.back();
        sec.span = {sec.label_span.begin, sec.label_span.begin};
        int id = static_cast<int>(m_doc.sections.size());
        m_doc.sections[sec.parent].children.push_back(id);
        m_doc.sections.push_back(std::move(sec));
        stack.push_back(id);
        m_block_section[bi] = id;
        m_label_block[id] = static_cast<int>(bi);
        // "**Headline:** …" and "**Subtitle:** …" label one line, not the paragraphs after it.
        const Section& made = m_doc.sections[id];
        if (made.style == LabelStyle::run_in &&
            (made.role == "headline" || made.role == "subheadline")) {
          m_single_block[id] = b.span.end;
          stack.pop_back();
        }
      } else {
        m_block_section[bi] = stack.back();
      }
      if (p) m_doc.prose[b.prose].section = m_block_section[bi];
    }
    // Spans: up to the next section at the same level or above.
    const auto n = static_cast<int>(m_doc.sections.size());
    const auto doc_end = static_cast<std::uint32_t>(m_doc.text().size());
    for (int i = 1; i < n; ++i) {
      Section& s = m_doc.sections[i];
      std::uint32_t end = doc_end;
      for (int j = i + 1; j < n; ++j) {
        if (m_doc.sections[j].level <= s.level) {
          end = m_doc.sections[j].label_span.begin;
          break;
        }
      }
      if (auto one = m_single_block.find(i); one != m_single_block.end())
        end = std::min(end, one->second);
      s.span.end = std::max(end, s.label_span.end);
      s.body.end = std::max(s.body.begin, trim_end(end));
    }
  }

  std::uint32_t trim_end(std::uint32_t end) const {
    std::string_view t = m_doc.text();
    while (end > 0 && std::isspace(static_cast<unsigned char>(t[end - 1]))) --end;
    return end;
  }

  // A FAQ part heading with no external/internal child is itself the external FAQ.
  void assign_faq_parts() {
    for (std::size_t i = 1; i < m_doc.sections.size(); ++i) {
      Section& s = m_doc.sections[i];
      if (s.part != "faq" || !s.role.empty()) continue;
      bool has_sub = false;
      for (std::size_t j = i + 1; j < m_doc.sections.size(); ++j) {
        const Section& c = m_doc.sections[j];
        if (!s.span.contains(c.label_span.begin)) break;
        has_sub |= c.role == "external_faq" || c.role == "internal_faq";
      }
      if (!has_sub) s.role = "external_faq";
    }
    // Sections inside a part inherit it; remember which labels named a part themselves.
    m_own_label.assign(m_doc.sections.size(), false);
    for (std::size_t i = 1; i < m_doc.sections.size(); ++i)
      m_own_label[i] = !m_doc.sections[i].part.empty() || !m_doc.sections[i].role.empty();
    for (std::size_t i = 1; i < m_doc.sections.size(); ++i) {
      Section& s = m_doc.sections[i];
      if (s.part.empty() && s.parent > 0) s.part = m_doc.sections[s.parent].part;
    }
  }

  int section_of_offset(std::uint32_t off) const {
    int best = 0;
    for (std::size_t i = 1; i < m_doc.sections.size(); ++i)
      if (m_doc.sections[i].span.contains(off)) best = static_cast<int>(i);
    return best;
  }

  // Press release and FAQ extents.
  void compute_parts() {
    std::uint32_t doc_end = static_cast<std::uint32_t>(m_doc.text().size());
    std::uint32_t pr_begin = doc_end, pr_end = 0, faq_begin = doc_end, faq_end = 0;
    for (std::size_t i = 1; i < m_doc.sections.size(); ++i) {
      const Section& s = m_doc.sections[i];
      if (s.part == "press_release" && (m_doc.sections[s.parent].part != "press_release")) {
        pr_begin = std::min(pr_begin, s.span.begin);
        pr_end = std::max(pr_end, s.span.end);
      }
      if (s.part == "faq" && m_doc.sections[s.parent].part != "faq") {
        faq_begin = std::min(faq_begin, s.span.begin);
        faq_end = std::max(faq_end, s.span.end);
      }
    }
    // Without a press-release label, it runs from the start (after a title) to the FAQ.
    std::uint32_t start = m_doc.front_matter.end;
    if (pr_begin == doc_end) {
      pr_begin = start;
      pr_end = faq_begin < doc_end ? faq_begin : doc_end;
    } else if (pr_begin > start) {
      // Labelled sections of the press release before the "Press release" heading itself
      // (e.g. a headline H1 above it) belong to it.
      bool only_title_before = true;
      for (std::size_t i = 1; i < m_doc.sections.size(); ++i) {
        const Section& s = m_doc.sections[i];
        if (s.label_span.begin >= pr_begin) break;
        if (s.part == "faq") only_title_before = false;
      }
      if (only_title_before) pr_begin = start;
      if (faq_begin > pr_end && faq_begin < doc_end) pr_end = std::max(pr_end, faq_begin);
    }
    if (pr_end > faq_begin && faq_begin >= pr_begin) pr_end = faq_begin;
    if (pr_end > pr_begin) m_doc.press_release = {pr_begin, trim_end(pr_end)};
    if (faq_end > faq_begin) m_doc.faq = {faq_begin, faq_end};
  }

  bool in_pr(std::uint32_t off) const { return m_doc.press_release.contains(off); }

  // Role of the nearest labelled ancestor section.
  std::string labelled_role(int s) const {
    for (; s > 0; s = m_doc.sections[s].parent)
      if (!m_doc.sections[s].role.empty()) return m_doc.sections[s].role;
    return {};
  }

  void find_company() {
    for (const Prose& p : m_doc.prose) {
      if (p.kind == BlockKind::heading || !in_pr(p.span.begin)) continue;
      std::string t = prose_text(p);
      std::string a = patterns::announcer(t);
      if (!a.empty()) {
        m_doc.company = a;
        break;
      }
    }
    // The company's first distinctive word stands for it ("Blue Ridge Market Tech" -> "blue",
    // "the prfaq project" -> "prfaq").
    static const std::vector<std::string_view> k_filler = {
        "the",      "project",    "team",   "inc",   "corp",  "llc",     "ltd",     "company",
        "today",    "die",        "der",    "das",   "firma", "gmbh",    "ag",      "la",
        "le",       "les",        "el",     "los",   "las",   "société", "societe", "empresa",
        "compañía", "entreprise", "groupe", "grupo", "our",   "new"};
    for (const std::string& w : text::words(m_doc.company)) {
      if (w.size() < 2 || std::find(k_filler.begin(), k_filler.end(), w) != k_filler.end())
        continue;
      m_company_words.push_back(w);
      break;
    }
    for (const std::string& name : m_opt.product_names) {
      auto ws = text::words(name);
      if (!ws.empty()) m_company_words.push_back(ws[0]);
    }
  }

  // ---- quotes ---------------------------------------------------------------------------
  struct Piece {
    std::uint32_t open, close_end;  // text offsets: opening mark .. after closing mark
    std::uint32_t inner_begin, inner_end;
  };

  std::vector<Piece> find_pieces(const Prose& p) {
    std::vector<Piece> out;
    std::string_view s = p.text;
    std::size_t i = 0;
    while (i < s.size()) {
      std::size_t start = i;
      char32_t c = decode_utf8(s, i);
      std::vector<char32_t> closers;
      if (c == 0x201C)
        closers = {0x201D};
      else if (c == 0x201E)
        closers = {0x201C, 0x201D};
      else if (c == 0xAB)
        closers = {0xBB};
      else if (c == 0x300C)
        closers = {0x300D};
      else if (c == 0x300E)
        closers = {0x300F};
      else if (c == '"') {
        bool left_ok = start == 0 || !text::is_word_char(static_cast<unsigned char>(s[start - 1]));
        if (!left_ok || i >= s.size() || std::isspace(static_cast<unsigned char>(s[i]))) continue;
        closers = {'"'};
      } else {
        continue;
      }
      std::size_t j = i;
      std::size_t close_at = std::string_view::npos, close_end = 0;
      while (j < s.size()) {
        std::size_t k = j;
        char32_t d = decode_utf8(s, j);
        if (std::find(closers.begin(), closers.end(), d) != closers.end()) {
          close_at = k;
          close_end = j;
          break;
        }
      }
      if (close_at == std::string_view::npos) continue;
      std::string_view inner = s.substr(i, close_at - i);
      std::size_t words = text::words(inner).size();
      bool cjk = c == 0x300C || c == 0x300E;
      bool has_cjk = false;
      for (std::size_t x = 0; x < inner.size() && !has_cjk;)
        has_cjk = text::is_cjk(decode_utf8(inner, x));
      // Japanese and Chinese run words together: count characters, not words.
      bool long_enough = has_cjk ? count_code_points(inner) >= 6
                                 : words >= 4 || (words >= 3 && count_code_points(inner) >= 20);
      // A mention ("the headline reads "Introducing X", and …") is not a quotation: speech
      // starts the paragraph, follows a colon or comma, or ends with punctuation inside the marks.
      std::string inner_trim = text::trim(inner);
      bool ends_punct =
          !inner_trim.empty() &&
          std::string_view(".,!?;\xE2\x80\xA6").find(inner_trim.back()) != std::string_view::npos;
      ends_punct |= inner_trim.ends_with("\xE3\x80\x82") || inner_trim.ends_with("\xEF\xBC\x81") ||
                    inner_trim.ends_with("\xEF\xBC\x9F") || inner_trim.ends_with("\xEF\xBC\x8C") ||
                    inner_trim.ends_with("\xE2\x80\xA6");
      std::string before = text::trim(s.substr(0, start));
      bool speech_start = before.empty() || before.ends_with(":") || before.ends_with(",") ||
                          before.ends_with("\xEF\xBC\x9A") || before.ends_with("\xEF\xBC\x8C") ||
                          before.ends_with("\xE2\x80\x94") || !out.empty() ||
                          before.ends_with("\xE3\x80\x81");
      // Korean reported speech: "…"라고 말했다.
      std::string_view after_close = s.substr(close_end);
      speech_start |= after_close.starts_with("\xEB\x9D\xBC\xEA\xB3\xA0") ||            // 라고
                      after_close.starts_with("\xEC\x9D\xB4\xEB\x9D\xBC\xEA\xB3\xA0");  // 이라고
      if (!(ends_punct || speech_start || cjk))
        m_doc.mentions.push_back(p.source_span(static_cast<std::uint32_t>(start),
                                               static_cast<std::uint32_t>(close_end)));
      if (long_enough && (ends_punct || speech_start || cjk)) {
        out.push_back({static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(close_end),
                       static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(close_at)});
        i = close_end;
      }
    }
    return out;
  }

  static bool has_word(const std::string& lower, std::string_view w) {
    // Japanese, Chinese and Korean keywords (lead byte >= 0xE0): no word boundaries.
    if (static_cast<unsigned char>(w[0]) >= 0xE0) return lower.find(w) != std::string::npos;
    std::size_t pos = lower.find(w);
    while (pos != std::string::npos) {
      bool left = pos == 0 || !(std::isalnum(static_cast<unsigned char>(lower[pos - 1])) ||
                                static_cast<unsigned char>(lower[pos - 1]) >= 0x80);
      bool right = pos + w.size() >= lower.size() ||
                   !(std::isalnum(static_cast<unsigned char>(lower[pos + w.size()])) ||
                     static_cast<unsigned char>(lower[pos + w.size()]) >= 0x80);
      if (left && right) return true;
      pos = lower.find(w, pos + 1);
    }
    return false;
  }

  static bool has_any(const std::string& lower, const std::vector<std::string_view>& list) {
    for (auto w : list)
      if (has_word(lower, w)) return true;
    return false;
  }

  static const std::vector<std::string_view>& leader_titles() {
    static const std::vector<std::string_view> k = {"ceo",
                                                    "cto",
                                                    "cfo",
                                                    "coo",
                                                    "cmo",
                                                    "cpo",
                                                    "chief",
                                                    "founder",
                                                    "co-founder",
                                                    "cofounder",
                                                    "president",
                                                    "vice president",
                                                    "vp",
                                                    "svp",
                                                    "evp",
                                                    "general manager",
                                                    "gm",
                                                    "head of",
                                                    "director",
                                                    "spokesperson",
                                                    "maintainers",
                                                    "maintainer",
                                                    "product lead",
                                                    "engineering lead",
                                                    "team",
                                                    "mayor",
                                                    "commissioner",
                                                    "superintendent",
                                                    "chancellor",
                                                    "minister",
                                                    "governor",
                                                    "geschäftsführer",
                                                    "geschäftsführerin",
                                                    "vorstand",
                                                    "vorständin",
                                                    "gründer",
                                                    "gründerin",
                                                    "mitgründer",
                                                    "mitgründerin",
                                                    "leiter",
                                                    "leiterin",
                                                    "bürgermeister",
                                                    "bürgermeisterin",
                                                    "directeur",
                                                    "directrice",
                                                    "fondateur",
                                                    "fondatrice",
                                                    "cofondateur",
                                                    "cofondatrice",
                                                    "co-fondateur",
                                                    "co-fondatrice",
                                                    "pdg",
                                                    "maire",
                                                    "présidente",
                                                    "président",
                                                    "director",
                                                    "directora",
                                                    "fundador",
                                                    "fundadora",
                                                    "cofundador",
                                                    "cofundadora",
                                                    "gerente general",
                                                    "presidenta",
                                                    "alcalde",
                                                    "alcaldesa",
                                                    "consejero",
                                                    "consejera",
                                                    "社長",
                                                    "代表",
                                                    "責任者",
                                                    "部長",
                                                    "本部長",
                                                    "市長",
                                                    "知事",
                                                    "区長",
                                                    "町長",
                                                    "대표",
                                                    "부사장",
                                                    "총괄",
                                                    "본부장",
                                                    "구청장",
                                                    "创始人",
                                                    "总裁",
                                                    "负责人",
                                                    "总经理",
                                                    "首席",
                                                    "副总裁",
                                                    "市长",
                                                    "董事长"};
    return k;
  }

  static const std::vector<std::string_view>& customer_words() {
    static const std::vector<std::string_view> k = {"customer",
                                                    "customers",
                                                    "user",
                                                    "users",
                                                    "client",
                                                    "subscriber",
                                                    "member",
                                                    "patient",
                                                    "parent",
                                                    "teacher",
                                                    "student",
                                                    "nurse",
                                                    "driver",
                                                    "shopper",
                                                    "beta",
                                                    "pilot",
                                                    "early access",
                                                    "homeowner",
                                                    "freelancer",
                                                    "mother",
                                                    "father",
                                                    "mom",
                                                    "dad",
                                                    "resident",
                                                    "tester",
                                                    "rider",
                                                    "commuter",
                                                    "rancher",
                                                    "farmer",
                                                    "retiree",
                                                    "kunde",
                                                    "kundin",
                                                    "nutzer",
                                                    "nutzerin",
                                                    "anwender",
                                                    "anwenderin",
                                                    "pfleger",
                                                    "pflegerin",
                                                    "krankenpfleger",
                                                    "krankenpflegerin",
                                                    "krankenschwester",
                                                    "ärztin",
                                                    "arzt",
                                                    "lehrer",
                                                    "lehrerin",
                                                    "infirmier",
                                                    "infirmière",
                                                    "enseignant",
                                                    "enseignante",
                                                    "enfermero",
                                                    "enfermera",
                                                    "maestro",
                                                    "maestra",
                                                    "profesor",
                                                    "profesora",
                                                    "pendler",
                                                    "pendlerin",
                                                    "mieter",
                                                    "mieterin",
                                                    "cliente",
                                                    "usuario",
                                                    "usuaria",
                                                    "paciente",
                                                    "jubilado",
                                                    "jubilada",
                                                    "vecino",
                                                    "vecina",
                                                    "utilisateur",
                                                    "utilisatrice",
                                                    "cliente",
                                                    "habitant",
                                                    "habitante",
                                                    "お客様",
                                                    "利用者",
                                                    "ユーザー",
                                                    "顧客",
                                                    "在住",
                                                    "会社員",
                                                    "さん",
                                                    "住民",
                                                    "고객",
                                                    "사용자",
                                                    "이용자",
                                                    "사는",
                                                    "회사원",
                                                    "주민",
                                                    "씨",
                                                    "用户",
                                                    "客户",
                                                    "顾客",
                                                    "使用者",
                                                    "家住",
                                                    "住在",
                                                    "退休",
                                                    "居民",
                                                    "市民"};
    return k;
  }

  // The description of a speaker: "Jane Roe, a nurse at X" -> "a nurse at x"; relative clauses
  // ("who …", ", der …", ", qui …") are cut off and reported.
  static std::string speaker_title(const std::string& lower, bool& relative) {
    std::string title = lower;
    relative = false;
    for (std::string_view sep : {", who ", " who ", ", which ", ", der ", ", die ", ", qui ",
                                 ", que ", ", quien ", ", quienes "}) {
      std::size_t k = title.find(sep);
      if (k != std::string::npos) {
        title.erase(k);
        relative = true;
      }
    }
    return title;
  }

  bool mentions_company(std::string_view s) const {
    std::vector<std::string> ws = text::words(s);
    for (const std::string& w : m_company_words)
      if (std::find(ws.begin(), ws.end(), w) != ws.end()) return true;
    return false;
  }

  // A speaker with an executive title, whatever organisation follows it.
  bool leader_titled(const std::string& speaker) const {
    bool relative = false;
    std::string title = speaker_title(text::to_lower(speaker), relative);
    return has_any(title, leader_titles());
  }

  QuoteClass classify(const std::string& speaker, bool placeholder,
                      const std::string& context_role) const {
    if (placeholder) return QuoteClass::unknown;
    if (context_role == "customer_quote") return QuoteClass::customer;
    if (context_role == "leader_quote") return QuoteClass::leader;
    std::string lower = text::to_lower(speaker);
    bool relative = false;
    std::string title = speaker_title(lower, relative);
    // The description after the name: "a nurse at Mercy", "ein Pendler aus Winterthur".
    std::string desc;
    if (std::size_t c = title.find(", "); c != std::string::npos) desc = title.substr(c + 2);
    bool described = false;
    for (std::string_view art : {"a ", "an ", "ein ", "eine ", "un ", "une ", "una ", "uno "})
      described |= desc.starts_with(art);
    // The organisation after " at ", " of ", " from ", " bei ", " chez ", " de ", " von ".
    std::string org;
    for (std::string_view sep :
         {" at ", " of ", " from ", " bei ", " chez ", " en ", " de ", " von ", " der ", " del ",
          " du ", " am ", " im ", " beim ", " aus ", " à ", " au "}) {
      std::size_t k = title.rfind(sep);
      if (k != std::string::npos) {
        org = title.substr(k + sep.size());
        break;
      }
    }
    // "Sofia Marini, co-founder and CEO, TableTurn": the organisation after the last comma.
    if (org.empty() && std::count(title.begin(), title.end(), ',') >= 2)
      org = text::trim(title.substr(title.rfind(',') + 1));
    bool leader_kw = has_any(title, leader_titles());
    bool customer_kw = has_any(title, customer_words());
    if (!m_company_words.empty() && !org.empty() && mentions_company(org) && !described)
      return QuoteClass::leader;
    // A described person ("Jun Park, a backend engineer") or one introduced by what they do
    // ("Terrence Hall, who rents …") speaks as a customer.
    if (described || relative) {
      if (leader_kw && !org.empty() && mentions_company(org)) return QuoteClass::leader;
      return QuoteClass::customer;
    }
    if (leader_kw) {
      if (org.empty() || m_company_words.empty() || mentions_company(title))
        return QuoteClass::leader;
      return QuoteClass::customer;  // an executive of another organisation: a customer
    }
    if (mentions_company(title) && !customer_kw) return QuoteClass::leader;
    if (customer_kw) return QuoteClass::customer;
    if (!org.empty()) return QuoteClass::customer;
    return QuoteClass::unknown;
  }

  void find_quotes() {
    std::vector<bool> used(m_doc.prose.size(), false);
    for (std::size_t pi = 0; pi < m_doc.prose.size(); ++pi) {
      const Prose& p = m_doc.prose[pi];
      if (p.kind == BlockKind::heading || p.kind == BlockKind::table_cell) continue;
      std::vector<Piece> pieces = find_pieces(p);
      if (pieces.empty()) continue;
      Quote q;
      std::string rest;
      std::uint32_t last = 0;
      for (const Piece& pc : pieces) {
        rest.append(p.text, last, pc.open - last);
        rest += '\x01';
        last = pc.close_end;
        if (!q.text.empty()) q.text += ' ';
        q.text += text::squash(
            std::string_view(p.text).substr(pc.inner_begin, pc.inner_end - pc.inner_begin));
        q.pieces.push_back(p.source_span(pc.open, pc.close_end));
      }
      rest.append(p.text, last, std::string::npos);
      for (char& ch : rest)
        if (ch == '\n') ch = ' ';
      q.span = q.pieces.front();
      q.prose = static_cast<int>(pi);
      q.section = p.section;
      if (auto sp = patterns::speaker_from(rest)) q.speaker = *sp;
      // "— Name, role" on the next paragraph, or "Name said:" on the previous one.
      if (q.speaker.empty() && pi + 1 < m_doc.prose.size()) {
        std::string next = prose_text(m_doc.prose[pi + 1]);
        for (std::string_view dash : {"\xE2\x80\x94", "\xE2\x80\x93", "--", "- ", "\xE2\x80\x95"}) {
          if (next.starts_with(dash) && word_count(next) <= 20) {
            q.speaker = text::trim(next.substr(dash.size()));
            used[pi + 1] = true;
            break;
          }
        }
      }
      if (q.speaker.empty() && pi > 0 && m_doc.prose[pi - 1].kind != BlockKind::heading) {
        std::string prev = prose_text(m_doc.prose[pi - 1]);
        if (prev.ends_with(":")) {
          std::string probe = prev.substr(0, prev.size() - 1) + " \x01";
          if (auto sp = patterns::speaker_from(probe)) q.speaker = *sp;
        }
      }
      finish_quote(q);
    }
    // Blockquotes without quotation marks but with a dash attribution.
    std::vector<int> seen;
    for (std::size_t bi = 0; bi < m_blocks.size(); ++bi) {
      const RawBlock& b = m_blocks[bi];
      if (b.blockquote < 0 || std::find(seen.begin(), seen.end(), b.blockquote) != seen.end())
        continue;
      seen.push_back(b.blockquote);
      std::vector<int> members;
      bool heading = false;
      for (std::size_t k = bi; k < m_blocks.size() && m_blocks[k].blockquote == b.blockquote; ++k) {
        if (m_blocks[k].kind == BlockKind::heading) heading = true;
        if (m_blocks[k].prose >= 0) members.push_back(m_blocks[k].prose);
      }
      if (heading || members.empty() || members.size() > 4) continue;
      bool marked = false;
      for (int m : members)
        for (const Quote& q : m_doc.quotes) marked |= q.prose == m;
      if (marked) continue;
      // Attribution: a last line starting with a dash, inside or right after the blockquote.
      const Prose& lastp = m_doc.prose[members.back()];
      std::string speaker;
      std::uint32_t text_end = static_cast<std::uint32_t>(lastp.text.size());
      std::size_t nl = lastp.text.rfind('\n');
      std::string last_line =
          text::trim(nl == std::string::npos ? lastp.text : lastp.text.substr(nl + 1));
      for (std::string_view dash :
           {"\xE2\x80\x94", "\xE2\x80\x93", "--", "- ", "\xE2\x80\x95", "~"}) {
        if (last_line.starts_with(dash)) {
          speaker = text::trim(last_line.substr(dash.size()));
          text_end = nl == std::string::npos ? 0 : static_cast<std::uint32_t>(nl);
          break;
        }
      }
      int after = members.back() + 1;
      if (speaker.empty() && after < static_cast<int>(m_doc.prose.size()) &&
          !m_doc.prose[after].in_blockquote) {
        std::string next = prose_text(m_doc.prose[after]);
        for (std::string_view dash : {"\xE2\x80\x94", "\xE2\x80\x93", "--", "- ", "\xE2\x80\x95"})
          if (next.starts_with(dash) && word_count(next) <= 20)
            speaker = text::trim(next.substr(dash.size()));
      }
      std::string role = labelled_role(m_doc.prose[members.front()].section);
      if (speaker.empty() && role != "customer_quote" && role != "leader_quote") continue;
      Quote q;
      for (int m : members) {
        const Prose& mp = m_doc.prose[m];
        std::uint32_t e =
            m == members.back() ? text_end : static_cast<std::uint32_t>(mp.text.size());
        if (e == 0) continue;
        std::string t = prose_text(Prose{.text = mp.text.substr(0, e)});
        if (t.empty()) continue;
        if (!q.text.empty()) q.text += ' ';
        q.text += t;
        q.pieces.push_back(mp.source_span(0, e));
      }
      if (q.pieces.empty()) continue;
      q.span = q.pieces.front();
      q.prose = members.front();
      q.section = m_doc.prose[members.front()].section;
      q.speaker = speaker;
      finish_quote(q);
    }
    std::sort(m_doc.quotes.begin(), m_doc.quotes.end(),
              [](const Quote& a, const Quote& b) { return a.span.begin < b.span.begin; });
    // A press release speaks for someone: with no leader quote at all, the first speaker with
    // an executive title ("directora general de Atención Primaria") is the leader even when
    // the organisation is named differently from the announcer.
    // Only with at least two attributed quotes: a lone quote from a customer's manager stays a
    // customer quote.
    bool any_leader = false;
    int attributed = 0;
    for (const Quote& q : m_doc.quotes) {
      any_leader |= q.cls == QuoteClass::leader && in_pr(q.span.begin);
      attributed += q.cls != QuoteClass::unknown && in_pr(q.span.begin);
    }
    if (!any_leader && attributed >= 2) {
      for (Quote& q : m_doc.quotes) {
        if (!in_pr(q.span.begin) || q.cls != QuoteClass::customer || q.placeholder_speaker)
          continue;
        std::string role = labelled_role(q.section);
        if (role == "customer_quote") continue;
        if (leader_titled(q.speaker)) {
          q.cls = QuoteClass::leader;
          break;
        }
      }
    }
  }

  void finish_quote(Quote& q) {
    while (!q.speaker.empty() && (q.speaker.back() == '.' || q.speaker.back() == ','))
      q.speaker.pop_back();
    q.placeholder_speaker = !q.speaker.empty() && patterns::placeholder_speaker(q.speaker);
    std::string role = labelled_role(q.section);
    q.cls = q.speaker.empty() && role != "customer_quote" && role != "leader_quote"
                ? QuoteClass::unknown
                : classify(q.speaker, q.placeholder_speaker, role);
    m_doc.quotes.push_back(std::move(q));
  }

  // ---- roles found from content ---------------------------------------------------------
  void add_role(std::string role, std::string label, Span span, Span label_span, int section,
                bool labelled) {
    RoleInstance r;
    r.role = std::move(role);
    r.label = std::move(label);
    r.span = span;
    r.label_span = label_span;
    r.section = section;
    r.labelled = labelled;
    m_doc.roles.push_back(std::move(r));
  }

  bool has_labelled(std::string_view role) const {
    for (const Section& s : m_doc.sections)
      if (s.role == role) return true;
    return false;
  }

  bool block_in_labelled_role(std::size_t bi) const {
    return !labelled_role(m_block_section[bi]).empty();
  }

  bool quote_block(const Prose& p) const {
    for (const Quote& q : m_doc.quotes)
      if (p.span.contains(q.span.begin)) return true;
    return false;
  }

  void find_content_roles() {
    // Labelled roles.
    for (std::size_t i = 1; i < m_doc.sections.size(); ++i) {
      const Section& s = m_doc.sections[i];
      if (s.role.empty()) continue;
      add_role(s.role, s.label, s.span, s.label_span, static_cast<int>(i), true);
    }
    if (m_doc.press_release.empty()) return;
    // With a "Press Release" heading, the paragraphs above it (a title's metadata line such as
    // "Owner: … · Draft 3") are not part of the press release's content.
    std::uint32_t pr_label = 0;
    for (std::size_t i = 1; i < m_doc.sections.size(); ++i) {
      const Section& s = m_doc.sections[i];
      if (m_own_label[i] && s.part == "press_release" && s.role.empty()) {
        pr_label = s.label_span.begin;
        break;
      }
    }
    // Candidate blocks of the press release, in order.
    std::vector<std::size_t> cand;
    for (std::size_t bi = 0; bi < m_blocks.size(); ++bi) {
      const RawBlock& b = m_blocks[bi];
      if (b.kind != BlockKind::heading && b.span.begin < pr_label && !block_in_labelled_role(bi) &&
          (m_block_section[bi] == 0 || m_doc.sections[m_block_section[bi]].is_title))
        continue;
      if (!in_pr(b.span.begin) || b.prose < 0 || b.kind == BlockKind::html ||
          b.kind == BlockKind::table_cell)
        continue;
      int sec = m_block_section[bi];
      const Section& s = m_doc.sections[sec];
      if (m_label_block.count(sec) && m_label_block.at(sec) == static_cast<int>(bi)) {
        // A label block: a heading that is not a role/part/title may be the headline.
        if (b.kind != BlockKind::heading || s.is_title || !s.role.empty() || m_own_label[sec] ||
            s.is_question)
          continue;
      }
      cand.push_back(bi);
    }
    std::size_t next = 0;
    // Headline.
    std::optional<std::size_t> headline_block;
    if (const Section* hs = labelled_section("headline")) {
      for (std::size_t k = 0; k < cand.size(); ++k) {
        if (hs->span.contains(m_blocks[cand[k]].span.begin)) {
          headline_block = cand[k];
          next = k + 1;
          break;
        }
      }
      if (hs->style == LabelStyle::run_in) {
        for (std::size_t bi = 0; bi < m_blocks.size(); ++bi)
          if (m_blocks[bi].span.contains(hs->label_span.begin)) headline_block = bi;
        for (std::size_t k = 0; k < cand.size(); ++k)
          if (cand[k] == *headline_block) next = k + 1;
      }
      if (headline_block) m_headline_from_label = true;
    } else if (!cand.empty()) {
      const RawBlock& b = m_blocks[cand[0]];
      const Prose& p = m_doc.prose[b.prose];
      std::string t = prose_text(p);
      bool ok = false;
      if (b.kind == BlockKind::heading)
        ok = true;
      else if (b.kind == BlockKind::paragraph && word_count(t) <= 25 &&
               p.text.find('\n') == std::string::npos && !patterns::dateline_date(t) &&
               !quote_block(p) && b.list_item < 0)
        ok = true;
      // Plain text: a title line with the subheadline sentence on the very next line
      // ("Acme Lets X Do Y\nTeams who … get …") forms one paragraph of two lines.
      std::size_t nl = p.text.find('\n');
      if (!ok && b.kind == BlockKind::paragraph && b.list_item < 0 && !b.in_blockquote &&
          nl != std::string::npos && p.text.find('\n', nl + 1) == std::string::npos &&
          !quote_block(p) && !patterns::dateline_date(t) && !block_in_labelled_role(cand[0])) {
        std::string first = text::trim(std::string_view(p.text).substr(0, nl));
        std::string second = text::trim(std::string_view(p.text).substr(nl + 1));
        // A hard-wrapped sentence continues in lower case; a subheadline starts a new sentence.
        bool title_line = !first.empty() && word_count(first) <= 25 && !first.ends_with(".") &&
                          !first.ends_with(":") && !first.ends_with(",") && !second.empty() &&
                          !std::islower(static_cast<unsigned char>(second[0]));
        if (title_line && word_count(second) >= 3 && word_count(second) <= 40) {
          Span h = p.source_span(0, static_cast<std::uint32_t>(nl));
          Span sub = p.source_span(static_cast<std::uint32_t>(nl + 1),
                                   static_cast<std::uint32_t>(p.text.size()));
          while (sub.begin < sub.end &&
                 std::isspace(static_cast<unsigned char>(m_doc.text()[sub.begin])))
            ++sub.begin;
          add_role("headline", "", h, h, -1, false);
          if (!has_labelled("subheadline")) add_role("subheadline", "", sub, sub, -1, false);
          m_headline_text = text::squash(first);
          m_headline_span = h;
          next = 1;
        }
      }
      if (ok && !block_in_labelled_role(cand[0])) {
        headline_block = cand[0];
        next = 1;
        add_role("headline", "", b.span, b.span, -1, false);
      }
    }
    if (headline_block) {
      const RawBlock& hb = m_blocks[*headline_block];
      std::string t = prose_text(m_doc.prose[hb.prose]);
      if (m_headline_from_label) {
        const Section* hs = labelled_section("headline");
        if (hs && hs->style == LabelStyle::run_in) {
          const Prose& p = m_doc.prose[hb.prose];
          std::uint32_t from = 0;
          while (from < p.offsets.size() - 1 && p.offsets[from] < hs->label_span.end) ++from;
          t = prose_text(p, from);
        }
      }
      m_headline_text = t;
      m_headline_span = hb.span;
    }
    // Subheadline.
    if (!has_labelled("subheadline") && headline_block && next < cand.size()) {
      const RawBlock& b = m_blocks[cand[next]];
      const Prose& p = m_doc.prose[b.prose];
      std::string t = prose_text(p);
      bool sub = false;
      if (!block_in_labelled_role(cand[next]) && !quote_block(p) && b.list_item < 0) {
        if (b.kind == BlockKind::heading)
          sub = true;
        else if (b.kind == BlockKind::paragraph && !patterns::dateline_date(t) &&
                 word_count(t) <= 40 && (b.all_emphasis || p.sentences.size() <= 1) &&
                 next + 1 < cand.size())
          sub = true;
      }
      if (sub) {
        add_role("subheadline", "", b.span, b.span, -1, false);
        ++next;
      }
    }
    // Summary: the dateline paragraph, else the first substantial paragraph.
    std::optional<std::size_t> summary_k;
    if (!has_labelled("summary")) {
      for (std::size_t k = next; k < cand.size() && k < next + 4; ++k) {
        const RawBlock& b = m_blocks[cand[k]];
        if (b.kind != BlockKind::paragraph && b.kind != BlockKind::heading) continue;
        if (b.kind == BlockKind::heading) continue;
        if (block_in_labelled_role(cand[k])) {
          // A labelled subheadline ("**Subtitle:** …") sits between headline and summary.
          std::string r = labelled_role(m_block_section[cand[k]]);
          if (r == "headline" || r == "subheadline") continue;
          break;
        }
        std::string t = prose_text(m_doc.prose[b.prose]);
        if (patterns::dateline_date(t)) {
          summary_k = k;
          break;
        }
      }
      if (!summary_k) {
        for (std::size_t k = next; k < cand.size() && k < next + 2; ++k) {
          const RawBlock& b = m_blocks[cand[k]];
          const Prose& p = m_doc.prose[b.prose];
          if (b.kind != BlockKind::paragraph || block_in_labelled_role(cand[k]) || quote_block(p))
            continue;
          if (word_count(prose_text(p)) >= 20) {
            summary_k = k;
            break;
          }
        }
      }
      if (summary_k) {
        const RawBlock& b = m_blocks[cand[*summary_k]];
        add_role("summary", "", b.span, b.span, -1, false);
        next = *summary_k + 1;
      }
    }
    // Quote roles from quotes in the press release that no label covers.
    for (const Quote& q : m_doc.quotes) {
      if (!in_pr(q.span.begin) || q.cls == QuoteClass::unknown) continue;
      std::string role = labelled_role(q.section);
      if (role == "customer_quote" || role == "leader_quote") continue;
      const Prose& p = m_doc.prose[q.prose];
      Span span = p.span;
      if (q.pieces.size() > 1) span.end = std::max(span.end, q.pieces.back().end);
      add_role(q.cls == QuoteClass::customer ? "customer_quote" : "leader_quote", "", span, span,
               -1, false);
    }
    // Problem, solution and getting started from plain paragraphs.
    bool labelled_body = has_labelled("problem") || has_labelled("solution");
    std::vector<std::size_t> plain;
    for (std::size_t k = next; k < cand.size(); ++k) {
      const RawBlock& b = m_blocks[cand[k]];
      if (b.kind == BlockKind::heading || block_in_labelled_role(cand[k])) continue;
      if (quote_block(m_doc.prose[b.prose])) {
        plain.push_back(static_cast<std::size_t>(-1));  // a quote separates runs
        continue;
      }
      plain.push_back(cand[k]);
    }
    std::optional<std::size_t> gs;
    if (!has_labelled("getting_started")) {
      for (std::size_t k = plain.size(); k-- > 0;) {
        if (plain[k] == static_cast<std::size_t>(-1)) continue;
        const Prose& p = m_doc.prose[m_blocks[plain[k]].prose];
        // The source text too: it keeps link targets and bare URLs that the prose drops.
        if (patterns::call_to_action(prose_text(p)) ||
            patterns::call_to_action(m_doc.slice(m_blocks[plain[k]].span))) {
          gs = k;
          break;
        }
      }
      if (gs) {
        const RawBlock& b = m_blocks[plain[*gs]];
        Span span = b.span;
        // Following list items and paragraphs of the same call to action.
        for (std::size_t k = *gs + 1; k < plain.size() && plain[k] != static_cast<std::size_t>(-1);
             ++k)
          span.end = m_blocks[plain[k]].span.end;
        add_role("getting_started", "", span, b.span, -1, false);
      }
    }
    if (!labelled_body) {
      std::size_t limit = gs ? *gs : plain.size();
      std::size_t k = 0;
      while (k < limit && plain[k] == static_cast<std::size_t>(-1)) ++k;
      if (k < limit) {
        const RawBlock& b = m_blocks[plain[k]];
        add_role("problem", "", b.span, b.span, -1, false);
        ++k;
        while (k < limit && plain[k] == static_cast<std::size_t>(-1)) ++k;
        if (k < limit) {
          Span span = m_blocks[plain[k]].span;
          Span first = span;
          for (std::size_t j = k + 1; j < limit && plain[j] != static_cast<std::size_t>(-1); ++j)
            span.end = m_blocks[plain[j]].span.end;
          add_role("solution", "", span, first, -1, false);
        }
      }
    }
  }

  const Section* labelled_section(std::string_view role) const {
    for (const Section& s : m_doc.sections)
      if (s.role == role) return &s;
    return nullptr;
  }

  // ---- FAQ ------------------------------------------------------------------------------
  void add_question(std::string part, std::string q, Span span, Span answer,
                    std::string answer_text) {
    Question item;
    item.part = std::move(part);
    item.text = strip_question_prefix(text::squash(q));
    while (!item.text.empty() && (item.text.back() == '*' || item.text.back() == ' '))
      item.text.pop_back();
    item.span = span;
    item.answer = answer;
    item.answer_text = text::squash(answer_text);
    std::string t = text::trim(item.text);
    item.is_question = t.ends_with("?") || t.ends_with("\xEF\xBC\x9F");
    std::string a = item.answer_text;
    std::string lower = text::to_lower(a);
    if (std::size_t k = answer_marker(a)) a = text::trim(a.substr(k));
    item.answered = !a.empty() && !patterns::placeholder_answer(a);
    m_doc.questions.push_back(std::move(item));
  }

  std::string faq_part_of(int s) const {
    for (; s > 0; s = m_doc.sections[s].parent) {
      if (m_doc.sections[s].role == "internal_faq") return "internal";
      if (m_doc.sections[s].role == "external_faq") return "external";
    }
    return "external";
  }

  // Text of prose blocks in [begin, end), excluding headings.
  std::string text_between(std::uint32_t begin, std::uint32_t end, Span& span) const {
    std::string out;
    span = {begin, begin};
    bool first = true;
    for (const Prose& p : m_doc.prose) {
      if (p.span.begin < begin || p.span.begin >= end || p.kind == BlockKind::heading) continue;
      std::string t = prose_text(p);
      if (t.empty()) continue;
      if (first) span.begin = p.span.begin;
      first = false;
      span.end = p.span.end;
      if (!out.empty()) out += ' ';
      out += t;
    }
    for (Span c : m_doc.code_blocks) {
      if (c.begin >= begin && c.begin < end) {
        if (first) span.begin = c.begin;
        first = false;
        span.end = std::max(span.end, c.end);
        if (out.empty()) out = "code";
      }
    }
    return out;
  }

  void find_questions() {
    // FAQ containers: sections with an FAQ role; and, with none, the document after the
    // press release when it holds Q:/A: paragraphs.
    std::vector<int> containers;
    for (std::size_t i = 1; i < m_doc.sections.size(); ++i)
      if (m_doc.sections[i].role == "external_faq" || m_doc.sections[i].role == "internal_faq")
        containers.push_back(static_cast<int>(i));
    struct Entry {
      std::uint32_t begin;    // question start
      std::uint32_t q_end;    // question end
      std::uint32_t a_begin;  // answer start
      std::string text;
      std::string inline_answer;
      int section;
      bool bounded;  // a section: the answer ends where the section ends
      std::uint32_t a_end;
    };
    std::vector<Entry> entries;
    auto in_container = [&](std::uint32_t off) {
      for (int c : containers)
        if (m_doc.sections[c].span.contains(off)) return c;
      return 0;
    };
    bool content_faq = containers.empty();
    std::uint32_t faq_start = m_doc.press_release.empty() ? 0 : m_doc.press_release.end;
    for (std::size_t i = 1; i < m_doc.sections.size(); ++i) {
      const Section& s = m_doc.sections[i];
      if (!s.is_question) continue;
      int c = in_container(s.label_span.begin);
      if (!c && !(content_faq && s.label_span.begin >= faq_start &&
                  !m_doc.press_release.contains(s.label_span.begin)))
        continue;
      Entry e{s.label_span.begin,
              s.label_span.end,
              s.body.begin,
              s.label,
              "",
              static_cast<int>(i),
              true,
              s.span.end};
      // The answer stops at the first sub-question.
      for (int ch : s.children)
        if (m_doc.sections[ch].is_question)
          e.a_end = std::min(e.a_end, m_doc.sections[ch].label_span.begin);
      entries.push_back(e);
    }
    // Q:/A: paragraphs, list items and plain question lines.
    for (std::size_t bi = 0; bi < m_blocks.size(); ++bi) {
      const RawBlock& b = m_blocks[bi];
      if (b.prose < 0 || b.kind == BlockKind::heading || b.kind == BlockKind::table_cell) continue;
      if (m_label_block.count(m_block_section[bi]) &&
          m_label_block.at(m_block_section[bi]) == static_cast<int>(bi))
        continue;
      int c = in_container(b.span.begin);
      bool content =
          content_faq && b.span.begin >= faq_start && !m_doc.press_release.contains(b.span.begin);
      if (!c && !content) continue;
      if (m_doc.sections[m_block_section[bi]].is_question &&
          !m_doc.sections[m_block_section[bi]].children.empty()) {
      }
      const Prose& p = m_doc.prose[b.prose];
      std::string t = text::trim(p.text);
      std::string lower = text::to_lower(t);
      bool q_prefix = question_marker(t) > 0;
      std::string first_line = t.substr(0, t.find('\n'));
      // A question inside an answer section is not a new entry unless marked "Q:".
      int sec = m_block_section[bi];
      bool inside_question_section = false;
      for (int s = sec; s > 0; s = m_doc.sections[s].parent)
        if (m_doc.sections[s].is_question) inside_question_section = true;
      if (inside_question_section && !q_prefix) continue;
      if (q_prefix) {
        // The answer may follow on the next line of the same paragraph ("A: …").
        std::size_t apos = std::string::npos;
        for (std::size_t k = t.find('\n'); k != std::string::npos; k = t.find('\n', k + 1)) {
          std::string rest = text::trim(t.substr(k + 1));
          if (answer_marker(rest) > 0) {
            apos = k;
            break;
          }
        }
        std::string qtext = apos == std::string::npos ? t : t.substr(0, apos);
        std::string inline_answer = apos == std::string::npos ? "" : t.substr(apos + 1);
        // Question ends at '?' when the answer follows on the same line.
        if (apos == std::string::npos) {
          std::size_t qm = qtext.find('?');
          if (qm != std::string::npos && qm + 1 < qtext.size()) {
            inline_answer = qtext.substr(qm + 1);
            qtext = qtext.substr(0, qm + 1);
          }
        }
        Entry e{b.span.begin, b.span.end, b.span.end, qtext, inline_answer, sec, false, 0};
        if (!inline_answer.empty())
          e.q_end = p.source_span(0, static_cast<std::uint32_t>(qtext.size())).end;
        entries.push_back(e);
        continue;
      }
      if (answer_marker(t) > 0) continue;
      if (b.list_item >= 0 && b.list_item_first) {
        // "1. **Question?** Answer" or "1. Question?" with the answer below.
        std::uint32_t qend = 0;
        if (b.starts_with_emphasis && is_question_text(p.text.substr(0, b.emphasis_end)))
          qend = b.emphasis_end;
        else if (is_question_text(first_line))
          qend = static_cast<std::uint32_t>(
              p.text.find('\n') == std::string::npos ? p.text.size() : p.text.find('\n'));
        if (qend > 0) {
          std::string qtext = p.text.substr(0, qend);
          std::string inline_answer = p.text.substr(qend);
          Entry e{b.span.begin,  p.source_span(0, qend).end,
                  b.span.end,    qtext,
                  inline_answer, sec,
                  false,         0};
          e.bounded = true;
          // The answer runs to the end of the list item.
          std::uint32_t end = b.span.end;
          for (std::size_t k = bi + 1; k < m_blocks.size() && m_blocks[k].list_item == b.list_item;
               ++k)
            end = m_blocks[k].span.end;
          // Nested items belong to the answer as well.
          for (std::size_t k = bi + 1; k < m_blocks.size() && m_blocks[k].list_item > b.list_item &&
                                       m_blocks[k].span.begin < end + 2;
               ++k)
            end = std::max(end, m_blocks[k].span.end);
          e.a_end = end;
          entries.push_back(e);
          continue;
        }
      }
      if (b.list_item < 0 && is_question_text(t) && t.find('\n') == std::string::npos &&
          word_count(t) <= 40 && !b.in_blockquote) {
        entries.push_back({b.span.begin, b.span.end, b.span.end, t, "", sec, false, 0});
      }
    }
    std::sort(entries.begin(), entries.end(),
              [](const Entry& a, const Entry& b) { return a.begin < b.begin; });
    for (std::size_t k = 0; k < entries.size(); ++k) {
      Entry& e = entries[k];
      std::uint32_t next_q = k + 1 < entries.size()
                                 ? entries[k + 1].begin
                                 : static_cast<std::uint32_t>(m_doc.text().size());
      std::uint32_t end = e.bounded ? std::min(e.a_end, next_q) : next_q;
      if (!e.bounded) {
        // Unbounded answers stop at the end of the enclosing section.
        const Section& s = m_doc.sections[e.section];
        if (e.section > 0) end = std::min(end, s.span.end);
        for (std::size_t i = 1; i < m_doc.sections.size(); ++i) {
          const Section& h = m_doc.sections[i];
          if (h.label_span.begin > e.begin && h.label_span.begin < end) end = h.label_span.begin;
        }
      }
      Span answer;
      std::string answer_text = e.inline_answer;
      Span rest_span;
      std::string rest = text_between(e.a_begin, end, rest_span);
      if (!rest.empty()) {
        if (!answer_text.empty()) answer_text += ' ';
        answer_text += rest;
        answer = rest_span;
      }
      if (!e.inline_answer.empty())
        answer = {e.q_end, std::max(e.q_end, rest.empty() ? e.a_begin : rest_span.end)};
      // Trim the answer span to its text.
      int section_for_part = e.section;
      add_question(faq_part_of(section_for_part), e.text, {e.begin, e.q_end}, answer, answer_text);
    }
  }

  void decide_prfaq() {
    int pr_signals = 0, faq_signals = 0;
    for (const Section& s : m_doc.sections) {
      if (s.part == "press_release" && s.role.empty()) pr_signals += 2;
      if (!s.role.empty() && s.part == "press_release") pr_signals += 1;
      if (s.role == "external_faq" || s.role == "internal_faq" ||
          (s.part == "faq" && s.role.empty()))
        faq_signals += 1;
    }
    for (const RoleInstance& r : m_doc.roles) {
      if (!r.labelled && r.role == "summary" &&
          patterns::dateline_date(std::string(m_doc.slice(r.span))))
        pr_signals += 2;
      if (!r.labelled && (r.role == "customer_quote" || r.role == "leader_quote")) pr_signals += 1;
    }
    if (m_doc.questions.size() >= 2) faq_signals += 1;
    m_doc.is_prfaq = pr_signals >= 2 || (pr_signals >= 1 && faq_signals >= 1);
  }

  void finish_roles() {
    if (!m_doc.is_prfaq) {
      m_doc.roles.clear();
      // Quotes stay: wording rules skip them in any file. The outline shows none.
      m_doc.questions.clear();
      return;
    }
    std::stable_sort(
        m_doc.roles.begin(), m_doc.roles.end(),
        [](const RoleInstance& a, const RoleInstance& b) { return a.span.begin < b.span.begin; });
    for (std::size_t i = 0; i < m_doc.roles.size(); ++i) {
      RoleInstance& r = m_doc.roles[i];
      Span content = r.span;
      if (r.labelled && r.section > 0) content = m_doc.sections[r.section].body;
      if (r.labelled && r.role == "headline" && r.section > 0) {
        content = {m_doc.sections[r.section].body.begin, m_doc.sections[r.section].span.end};
      }
      r.words = count_words(m_doc, content);
      r.empty = r.labelled && r.words == 0 && !has_code(content);
      r.span.end = std::max(r.span.begin, trim_end(r.span.end));
      if (r.role == "headline" && !m_doc.headline_role) m_doc.headline_role = i;
    }
    if (!m_doc.headline_role && !m_headline_text.empty()) {
      for (std::size_t i = 0; i < m_doc.roles.size(); ++i)
        if (m_doc.roles[i].role == "headline") m_doc.headline_role = i;
    }
  }

  bool has_code(Span s) const {
    for (Span c : m_doc.code_blocks)
      if (s.contains(c.begin)) return true;
    return false;
  }

 public:
  std::string m_headline_text;
  Span m_headline_span;

 private:
  Document& m_doc;
  const Template& m_tmpl;
  const ParseOptions& m_opt;
  std::vector<RawBlock>& m_blocks;
  std::vector<int> m_block_section;
  std::map<int, int> m_label_block;
  std::vector<bool> m_own_label;
  std::map<int, std::uint32_t> m_single_block;  // one-paragraph label sections: end offset
  std::vector<std::string> m_company_words;
  bool m_headline_from_label = false;
};

}  // namespace

Document build_document(const SourceFile& source, const ParseOptions& options) {
  Document doc;
  doc.source = &source;
  doc.tmpl = options.tmpl;
  markdown::Parsed parsed = markdown::parse(source);
  doc.front_matter = parsed.front_matter;
  doc.prose = std::move(parsed.prose);
  doc.code_blocks = std::move(parsed.code_blocks);
  doc.comments = std::move(parsed.comments);
  doc.invalid_utf8 = find_invalid_utf8(source.text);
  Builder builder(doc, options, parsed);
  builder.run();
  doc.headline_text = builder.m_headline_text;
  return doc;
}

}  // namespace prfaq
