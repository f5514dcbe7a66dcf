// The only code (with cmark_handles.hpp) that sees cmark-gfm. Bytes -> RawBlocks + Prose.
#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <mutex>
#include <string>

#include "cmark_handles.hpp"
#include "markdown.hpp"
#include "text/tokenize.hpp"

namespace prfaq::markdown {
namespace {

constexpr std::string_view k_object = "\xEF\xBF\xBC";  // U+FFFC stands for code and URLs

// The element names of HTML (the WHATWG list with the obsolete ones still met in documents),
// sorted. An inline tag with another name (`<Feature name>`, `<customer name>`) is a slot the
// author typed, not markup: CommonMark still parses it as raw HTML, so it is read as text.
constexpr auto k_html_elements = std::to_array<std::string_view>(
    {"a",          "abbr",    "acronym",  "address",  "area",       "article",   "aside",
     "audio",      "b",       "base",     "bdi",      "bdo",        "big",       "blink",
     "blockquote", "body",    "br",       "button",   "canvas",     "caption",   "center",
     "cite",       "code",    "col",      "colgroup", "data",       "datalist",  "dd",
     "del",        "details", "dfn",      "dialog",   "dir",        "div",       "dl",
     "dt",         "em",      "embed",    "fieldset", "figcaption", "figure",    "font",
     "footer",     "form",    "frame",    "frameset", "h1",         "h2",        "h3",
     "h4",         "h5",      "h6",       "head",     "header",     "hgroup",    "hr",
     "html",       "i",       "iframe",   "image",    "img",        "input",     "ins",
     "kbd",        "label",   "legend",   "li",       "link",       "main",      "map",
     "mark",       "marquee", "math",     "menu",     "meta",       "meter",     "nav",
     "nobr",       "noembed", "noframes", "noscript", "object",     "ol",        "optgroup",
     "option",     "output",  "p",        "param",    "picture",    "plaintext", "pre",
     "progress",   "q",       "rb",       "rp",       "rt",         "rtc",       "ruby",
     "s",          "samp",    "script",   "search",   "section",    "select",    "slot",
     "small",      "source",  "span",     "strike",   "strong",     "style",     "sub",
     "summary",    "sup",     "svg",      "table",    "tbody",      "td",        "template",
     "textarea",   "tfoot",   "th",       "thead",    "time",       "title",     "tr",
     "track",      "tt",      "u",        "ul",       "var",        "video",     "wbr",
     "xmp"});

/// Whether an inline HTML literal is markup: a comment, a declaration, a custom element
/// (a name with a dash) or an HTML element, opening or closing.
bool is_markup(std::string_view html) {
  if (html.size() < 2 || html[0] != '<') return true;
  std::size_t k = 1;
  if (html[k] == '/') ++k;
  std::size_t start = k;
  std::string name;
  while (k < html.size() && (std::isalnum(static_cast<unsigned char>(html[k])) || html[k] == '-'))
    name += static_cast<char>(std::tolower(static_cast<unsigned char>(html[k++])));
  if (k == start) return true;  // <!-- -->, <!DOCTYPE>, <?php ?>
  if (name.find('-') != std::string::npos) return true;
  return std::binary_search(k_html_elements.begin(), k_html_elements.end(), name);
}

void register_extensions() {
  static std::once_flag once;
  std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });
}

// cmark-gfm keeps one process-wide table of special inline characters. Every parser adds its
// extensions' characters to it ('~' for strikethrough, ':' and 'w' for autolinks) when its
// inline pass starts and removes them when the pass ends (cmark_parser_finish), so one
// thread's removal could leave another thread's `~~struck~~` text unparsed, and the findings
// would depend on --jobs. The inline passes take turns; block parsing (feed) stays parallel.
std::mutex& inline_pass_mutex() {
  static std::mutex m;
  return m;
}

bool html_element(std::string_view name) {
  // HTML's block and inline element names: a line "<details>" opens HTML, not a wrapper.
  static constexpr std::string_view k_html[] = {
      "address",  "article",  "aside",  "base",     "basefont", "blockquote", "body",
      "caption",  "center",   "col",    "colgroup", "dd",       "details",    "dialog",
      "dir",      "div",      "dl",     "dt",       "fieldset", "figcaption", "figure",
      "footer",   "form",     "frame",  "frameset", "h1",       "h2",         "h3",
      "h4",       "h5",       "h6",     "head",     "header",   "hr",         "html",
      "iframe",   "legend",   "li",     "link",     "main",     "menu",       "menuitem",
      "nav",      "noframes", "ol",     "optgroup", "option",   "p",          "param",
      "pre",      "script",   "search", "section",  "source",   "style",      "summary",
      "table",    "tbody",    "td",     "textarea", "tfoot",    "th",         "thead",
      "title",    "tr",       "track",  "ul",       "a",        "abbr",       "b",
      "bdi",      "bdo",      "br",     "cite",     "code",     "data",       "dfn",
      "em",       "i",        "img",    "input",    "kbd",      "label",      "mark",
      "picture",  "q",        "s",      "samp",     "small",    "span",       "strong",
      "sub",      "sup",      "svg",    "time",     "u",        "var",        "video",
      "audio",    "canvas",   "button", "select",   "object",   "embed",      "map",
      "area",     "ins",      "del",    "wbr",      "ruby",     "rt",         "rp",
      "template", "slot",     "math"};
  for (std::string_view h : k_html)
    if (name == h) return true;
  return false;
}

/// The tag name of a line that is only "<name>" (or "</name>" when closing), else "".
std::string wrapper_tag(std::string_view line, bool closing) {
  std::size_t i = 0;
  while (i < line.size() && i < 3 && line[i] == ' ') ++i;
  if (i >= line.size() || line[i] != '<') return {};
  ++i;
  if (closing) {
    if (i >= line.size() || line[i] != '/') return {};
    ++i;
  }
  std::size_t b = i;
  while (i < line.size() &&
         (std::isalnum(static_cast<unsigned char>(line[i])) || line[i] == '_' || line[i] == '-'))
    ++i;
  if (i == b || i >= line.size() || line[i] != '>' ||
      !std::isalpha(static_cast<unsigned char>(line[b])))
    return {};
  std::size_t end = i + 1;
  while (end < line.size() && (line[end] == ' ' || line[end] == '\t')) ++end;
  if (end != line.size()) return {};
  std::string name(line.substr(b, i - b));
  for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return html_element(name) ? std::string() : name;
}

/// A copy of the text that cmark may read without shifting any offset: front matter, the
/// BOM, NUL bytes and invalid UTF-8 bytes are replaced by bytes of the same length; so are
/// wrapper blocks left by generators ("<reasoning>" … "</reasoning>" on lines of their own) and
/// the fence lines of fences to read as Markdown.
std::string prepare(std::string_view text, Span& front_matter, const ParseOptions& options,
                    std::vector<Span>& ignored) {
  std::string cm(text);
  std::size_t start = 0;
  if (cm.compare(0, 3, "\xEF\xBB\xBF") == 0) {
    cm.replace(0, 3, "   ");
    start = 3;
  }
  // Front matter: "---" (YAML) or "+++" (TOML) on the first line, closed by the same
  // (or "..." for YAML) on a line of its own.
  auto line_end = [&](std::size_t i) {
    while (i < cm.size() && cm[i] != '\n' && cm[i] != '\r') ++i;
    return i;
  };
  auto next_line = [&](std::size_t i) {
    if (i < cm.size() && cm[i] == '\r') ++i;
    if (i < cm.size() && cm[i] == '\n') ++i;
    return i;
  };
  for (std::string_view fence : {"---", "+++"}) {
    std::size_t e = line_end(start);
    std::string_view first = std::string_view(cm).substr(start, e - start);
    while (!first.empty() && (first.back() == ' ' || first.back() == '\t')) first.remove_suffix(1);
    if (first != fence) continue;
    std::size_t i = next_line(e);
    while (i < cm.size()) {
      std::size_t le = line_end(i);
      std::string_view line = std::string_view(cm).substr(i, le - i);
      while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
      if (line == fence || (fence == "---" && line == "...")) {
        std::size_t end = next_line(le);
        front_matter = {static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(end)};
        for (std::size_t k = start; k < end; ++k)
          if (cm[k] != '\n' && cm[k] != '\r') cm[k] = ' ';
        break;
      }
      i = next_line(le);
    }
    break;
  }
  auto blank = [&](std::size_t b, std::size_t e) {
    for (std::size_t k = b; k < e && k < cm.size(); ++k)
      if (cm[k] != '\n' && cm[k] != '\r') cm[k] = ' ';
  };
  // Wrapper blocks: outside fenced code, a line "<name>" whose name is not HTML, closed by a
  // line "</name>".
  {
    std::size_t i = front_matter.end;
    char fence = 0;
    while (i < cm.size()) {
      std::size_t le = line_end(i);
      std::string_view line = std::string_view(cm).substr(i, le - i);
      std::string_view lead = line.substr(std::min(line.find_first_not_of(' '), line.size()));
      if (lead.starts_with("```") || lead.starts_with("~~~")) {
        if (!fence)
          fence = lead[0];
        else if (lead[0] == fence)
          fence = 0;
      } else if (!fence) {
        std::string tag = wrapper_tag(line, false);
        if (!tag.empty()) {
          for (std::size_t j = next_line(le); j < cm.size();) {
            std::size_t je = line_end(j);
            if (wrapper_tag(std::string_view(cm).substr(j, je - j), true) == tag) {
              std::size_t end = next_line(je);
              ignored.push_back({static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(je)});
              blank(i, je);
              le = je;
              (void)end;
              break;
            }
            j = next_line(je);
          }
        }
      }
      i = next_line(le);
    }
  }
  for (Span f : options.open_fences) {
    if (f.begin >= cm.size()) continue;
    std::size_t first_end = line_end(f.begin);
    blank(f.begin, first_end);
    // The closing fence: the last line of the block, when it is a fence line.
    std::size_t last = std::min<std::size_t>(f.end, cm.size());
    std::size_t ls = last;
    while (ls > f.begin && cm[ls - 1] != '\n' && cm[ls - 1] != '\r') --ls;
    std::string_view closing = std::string_view(cm).substr(ls, last - ls);
    std::string_view lead =
        closing.substr(std::min(closing.find_first_not_of(' '), closing.size()));
    if (ls > first_end && (lead.starts_with("```") || lead.starts_with("~~~"))) blank(ls, last);
  }
  for (Span bad : find_invalid_utf8(cm))
    for (std::uint32_t k = bad.begin; k < bad.end; ++k) cm[k] = '\x1a';  // SUB: no rule matches it
  for (char& c : cm)
    if (c == '\0') c = ' ';
  return cm;
}

class Walker {
 public:
  Walker(const SourceFile& source, std::string_view cm, Parsed& out)
      : m_lines(source.lines), m_cm(cm), m_out(out) {}

  Span span_of(cmark_node* node) const {
    int sl = cmark_node_get_start_line(node);
    int sc = cmark_node_get_start_column(node);
    int el = cmark_node_get_end_line(node);
    int ec = cmark_node_get_end_column(node);
    if (sl <= 0) return {};
    std::uint32_t b = m_lines.offset_of(static_cast<std::uint32_t>(sl),
                                        static_cast<std::uint32_t>(std::max(sc, 1)));
    std::uint32_t e;
    if (el <= 0) {
      e = b;
    } else if (ec <= 0) {
      // Some blocks (HTML) report no end column: take the whole last line.
      e = m_lines.line_start(static_cast<std::uint32_t>(el)) +
          static_cast<std::uint32_t>(m_lines.line_text(static_cast<std::uint32_t>(el)).size());
    } else {
      e = m_lines.offset_of(static_cast<std::uint32_t>(el), static_cast<std::uint32_t>(ec)) + 1;
      std::uint32_t line_end =
          m_lines.line_start(static_cast<std::uint32_t>(el)) +
          static_cast<std::uint32_t>(m_lines.line_text(static_cast<std::uint32_t>(el)).size());
      e = std::min(e, line_end);
    }
    if (e < b) e = b;
    return {b, e};
  }

  void run(cmark_node* root) {
    IterPtr iter(cmark_iter_new(root));
    cmark_event_type ev;
    std::vector<bool> ordered;
    std::vector<int> items;
    std::vector<bool> item_first;
    int quote_depth = 0;
    while ((ev = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE) {
      cmark_node* node = cmark_iter_get_node(iter.get());
      cmark_node_type type = cmark_node_get_type(node);
      const char* type_name = cmark_node_get_type_string(node);
      bool enter = ev == CMARK_EVENT_ENTER;
      switch (type) {
        case CMARK_NODE_BLOCK_QUOTE:
          quote_depth += enter ? 1 : -1;
          if (enter && quote_depth == 1) m_blockquote = m_out.blockquotes++;
          break;
        case CMARK_NODE_LIST:
          if (enter)
            ordered.push_back(cmark_node_get_list_type(node) == CMARK_ORDERED_LIST);
          else if (!ordered.empty())
            ordered.pop_back();
          break;
        case CMARK_NODE_ITEM:
          if (enter) {
            items.push_back(m_out.list_items++);
            item_first.push_back(true);
          } else if (!items.empty()) {
            items.pop_back();
            item_first.pop_back();
          }
          break;
        case CMARK_NODE_CODE_BLOCK:
          if (enter) {
            CodeBlock c;
            c.span = span_of(node);
            int fence_length = 0, fence_offset = 0;
            char fence_char = 0;
            c.fenced = cmark_node_get_fenced(node, &fence_length, &fence_offset, &fence_char) != 0;
            if (const char* info = cmark_node_get_fence_info(node)) {
              c.info = info;
              for (char& ch : c.info)
                ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
            }
            c.content = c.span;
            if (c.fenced) {
              std::uint32_t sl = m_lines.line_of(c.span.begin) + 1;
              std::uint32_t el =
                  c.span.end > c.span.begin ? m_lines.line_of(c.span.end - 1) + 1 : sl;
              if (el > sl + 1)
                c.content = {m_lines.line_start(sl + 1),
                             m_lines.line_start(el - 1) +
                                 static_cast<std::uint32_t>(m_lines.line_text(el - 1).size())};
              else
                c.content = {c.span.end, c.span.end};
            }
            m_out.code_blocks.push_back(c.span);
            m_out.code.push_back(std::move(c));
          }
          break;
        case CMARK_NODE_HTML_BLOCK:
          if (enter) {
            RawBlock b;
            b.kind = BlockKind::html;
            b.span = span_of(node);
            // cmark reports HTML blocks' end before their start; their literal gives the length.
            if (const char* lit = cmark_node_get_literal(node)) {
              std::size_t len = std::strlen(lit);
              while (len > 0 && (lit[len - 1] == '\n' || lit[len - 1] == '\r')) --len;
              b.span.end = static_cast<std::uint32_t>(
                  std::min<std::size_t>(m_cm.size(), b.span.begin + len));
            }
            b.in_blockquote = quote_depth > 0;
            b.blockquote = quote_depth > 0 ? m_blockquote : -1;
            m_out.blocks.push_back(b);
            collect_comments(b.span);
          }
          break;
        case CMARK_NODE_HEADING:
        case CMARK_NODE_PARAGRAPH:
          if (enter) {
            RawBlock b;
            b.kind = type == CMARK_NODE_HEADING ? BlockKind::heading : BlockKind::paragraph;
            b.span = span_of(node);
            b.in_blockquote = quote_depth > 0;
            b.blockquote = quote_depth > 0 ? m_blockquote : -1;
            b.list_depth = static_cast<int>(ordered.size());
            if (!items.empty()) {
              b.list_item = items.back();
              b.list_item_first = item_first.back();
              item_first.back() = false;
              b.ordered_list = !ordered.empty() && ordered.back();
            }
            if (type == CMARK_NODE_HEADING) {
              b.heading_level = cmark_node_get_heading_level(node);
              std::string_view line = m_lines.line_text(m_lines.line_of(b.span.begin) + 1);
              std::size_t k = line.find_first_not_of(" >");
              b.setext = k == std::string_view::npos || line[k] != '#';
            }
            b.prose = static_cast<int>(m_out.prose.size());
            Prose p = flatten(node, b.span, b);
            p.kind = b.kind == BlockKind::heading ? BlockKind::heading
                     : b.list_item >= 0           ? BlockKind::list_item
                     : quote_depth > 0            ? BlockKind::blockquote
                                                  : BlockKind::paragraph;
            p.in_blockquote = b.in_blockquote;
            p.in_list = b.list_item >= 0;
            p.list_item = b.list_item;
            text::tokenize(p);
            m_out.prose.push_back(std::move(p));
            m_out.blocks.push_back(b);
            cmark_iter_reset(iter.get(), node, CMARK_EVENT_EXIT);
          }
          break;
        default:
          if (enter && type_name && std::strcmp(type_name, "table_cell") == 0) {
            RawBlock b;
            b.kind = BlockKind::table_cell;
            b.span = span_of(node);
            b.in_blockquote = quote_depth > 0;
            b.blockquote = quote_depth > 0 ? m_blockquote : -1;
            b.prose = static_cast<int>(m_out.prose.size());
            if (b.span.begin < m_cell_cursor && m_cell_cursor < b.span.end)
              b.span.begin = m_cell_cursor;
            // The cell's text may run to the end of its row's line: cmark-gfm reports the end
            // column of a cell in an indented row short by the indentation.
            std::uint32_t row_end = b.span.begin;
            while (row_end < m_cm.size() && m_cm[row_end] != '\n' && m_cm[row_end] != '\r')
              ++row_end;
            Prose p = flatten(node, b.span, b, row_end);
            m_cell_cursor = p.offsets.empty() ? b.span.end : p.offsets.back();
            p.kind = BlockKind::table_cell;
            p.in_blockquote = b.in_blockquote;
            text::tokenize(p);
            m_out.prose.push_back(std::move(p));
            m_out.blocks.push_back(b);
            cmark_iter_reset(iter.get(), node, CMARK_EVENT_EXIT);
          } else if (enter && type_name && std::strcmp(type_name, "table_row") == 0) {
            m_cell_cursor = span_of(node).begin;
          }
          break;
      }
    }
  }

 private:
  void collect_comments(Span span) {
    std::string_view text = m_cm.substr(span.begin, span.size());
    std::size_t pos = 0;
    while ((pos = text.find("<!--", pos)) != std::string_view::npos) {
      std::size_t end = text.find("-->", pos + 4);
      if (end == std::string_view::npos) break;
      std::string_view inner = text.substr(pos + 4, end - pos - 4);
      while (!inner.empty() && std::isspace(static_cast<unsigned char>(inner.front())))
        inner.remove_prefix(1);
      while (!inner.empty() && std::isspace(static_cast<unsigned char>(inner.back())))
        inner.remove_suffix(1);
      m_out.comments.push_back({{static_cast<std::uint32_t>(span.begin + pos),
                                 static_cast<std::uint32_t>(span.begin + end + 3)},
                                std::string(inner)});
      pos = end + 3;
    }
  }

  // Maps literal bytes to the source from the cursor on.
  void map_text(Prose& p, std::string_view lit, std::uint32_t& cursor, std::uint32_t limit) {
    std::size_t pos = m_cm.find(lit, cursor);
    if (pos != std::string_view::npos && pos + lit.size() <= limit && pos - cursor <= 16) {
      for (std::size_t i = 0; i < lit.size(); ++i)
        p.offsets.push_back(static_cast<std::uint32_t>(pos + i));
      p.text.append(lit);
      cursor = static_cast<std::uint32_t>(pos + lit.size());
      return;
    }
    // Escapes and entities: match byte by byte, looking a few bytes ahead.
    for (char c : lit) {
      std::uint32_t found = cursor;
      bool hit = false;
      for (std::uint32_t k = cursor; k < limit && k < cursor + 12; ++k) {
        if (m_cm[k] == c) {
          found = k;
          hit = true;
          break;
        }
      }
      p.offsets.push_back(std::min(found, limit));
      p.text += c;
      if (hit) cursor = found + 1;
    }
  }

  void skip_to_newline(Prose& p, std::uint32_t& cursor, std::uint32_t limit) {
    std::uint32_t k = cursor;
    while (k < limit && m_cm[k] != '\n' && m_cm[k] != '\r') ++k;
    p.offsets.push_back(k);
    p.text += '\n';
    if (k < limit && m_cm[k] == '\r') ++k;
    if (k < limit && m_cm[k] == '\n') ++k;
    cursor = k;
  }

  void push_object(Prose& p, std::uint32_t at) {
    for (int i = 0; i < 3; ++i) p.offsets.push_back(at);
    p.text.append(k_object);
  }

  // "[[concepts/remote-work]]": a wiki link (Obsidian, Foam, MediaWiki) names another page, as a
  // link's destination does; like a code span it becomes one object, not words or a "[slot]".
  static void collapse_wiki_links(Prose& p, RawBlock& raw) {
    for (std::size_t a = p.text.find("[["); a != std::string::npos; a = p.text.find("[[", a)) {
      std::size_t b = p.text.find("]]", a + 2);
      std::size_t stop = p.text.find_first_of("[]\n", a + 2);
      if (b == std::string::npos || b == a + 2 || stop < b || b - a > 200) {
        a += 2;
        continue;
      }
      std::size_t end = b + 2, len = end - a;
      std::uint32_t at = p.offsets[a];
      p.text.replace(a, len, k_object);
      p.offsets.erase(p.offsets.begin() + static_cast<std::ptrdiff_t>(a),
                      p.offsets.begin() + static_cast<std::ptrdiff_t>(end));
      p.offsets.insert(p.offsets.begin() + static_cast<std::ptrdiff_t>(a), 3, at);
      if (raw.emphasis_end >= end)
        raw.emphasis_end -= static_cast<std::uint32_t>(len - 3);
      else if (raw.emphasis_end > a)
        raw.emphasis_end = static_cast<std::uint32_t>(a + 3);
      a += 3;
    }
  }

  // After a link's text: skip "](dest)", "][ref]" or "]".
  void skip_link_tail(std::uint32_t& cursor, std::uint32_t limit) {
    std::uint32_t k = cursor;
    while (k < limit && m_cm[k] != ']') {
      if (k - cursor > 4) return;
      ++k;
    }
    if (k >= limit) return;
    ++k;
    if (k < limit && m_cm[k] == '(') {
      int depth = 0;
      while (k < limit) {
        if (m_cm[k] == '\\') {
          k += 2;
          continue;
        }
        if (m_cm[k] == '(') ++depth;
        if (m_cm[k] == ')' && --depth == 0) {
          ++k;
          break;
        }
        ++k;
      }
    } else if (k < limit && m_cm[k] == '[') {
      while (k < limit && m_cm[k] != ']') ++k;
      if (k < limit) ++k;
    }
    cursor = std::min(k, limit);
  }

  /// `limit`: where the block's text may end (0: the end of its span).
  Prose flatten(cmark_node* block, Span span, RawBlock& raw, std::uint32_t text_limit = 0) {
    Prose p;
    p.span = span;
    std::uint32_t cursor = span.begin;
    std::uint32_t limit = std::max(span.end, text_limit);
    // ATX headings: skip the opening #'s and the blanks after them (NUL bytes read as blanks
    // too), so the text is found however far it starts from the #'s.
    if (cmark_node_get_type(block) == CMARK_NODE_HEADING && cursor < limit) {
      std::uint32_t k = cursor;
      while (k < limit && m_cm[k] == ' ') ++k;
      if (k < limit && m_cm[k] == '#') {
        while (k < limit && m_cm[k] == '#') ++k;
        while (k < limit && (m_cm[k] == ' ' || m_cm[k] == '\t')) ++k;
        cursor = k;
      }
    }
    IterPtr iter(cmark_iter_new(block));
    cmark_event_type ev;
    cmark_node* first_inline = cmark_node_first_child(block);
    bool emphasis_first = false;
    if (first_inline) {
      cmark_node_type t = cmark_node_get_type(first_inline);
      emphasis_first = t == CMARK_NODE_STRONG || t == CMARK_NODE_EMPH;
      raw.strong = t == CMARK_NODE_STRONG;
    }
    while ((ev = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE) {
      cmark_node* node = cmark_iter_get_node(iter.get());
      if (node == block) continue;
      cmark_node_type type = cmark_node_get_type(node);
      bool enter = ev == CMARK_EVENT_ENTER;
      const char* lit = cmark_node_get_literal(node);
      switch (type) {
        case CMARK_NODE_TEXT:
          if (lit) map_text(p, lit, cursor, limit);
          break;
        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
          skip_to_newline(p, cursor, limit);
          break;
        case CMARK_NODE_CODE: {
          std::string_view code = lit ? lit : "";
          std::size_t pos = code.empty() ? std::string_view::npos : m_cm.find(code, cursor);
          std::uint32_t at = cursor;
          if (pos != std::string_view::npos && pos < limit) {
            at = static_cast<std::uint32_t>(pos);
            while (at > cursor && m_cm[at - 1] == '`') --at;
            cursor = static_cast<std::uint32_t>(pos + code.size());
          }
          while (cursor < limit && (m_cm[cursor] == '`' || m_cm[cursor] == ' ')) {
            if (m_cm[cursor] == ' ' && (cursor + 1 >= limit || m_cm[cursor + 1] != '`')) break;
            ++cursor;
          }
          push_object(p, at);
          break;
        }
        case CMARK_NODE_HTML_INLINE: {
          std::string_view html = lit ? lit : "";
          std::size_t pos = m_cm.find(html, cursor);
          if (!html.empty() && pos != std::string_view::npos && pos < limit && !is_markup(html) &&
              html.find_first_of("\r\n") == std::string_view::npos) {
            map_text(p, html, cursor, limit);
            break;
          }
          if (!html.empty() && pos != std::string_view::npos && pos < limit) {
            if (html.starts_with("<!--"))
              collect_comments(
                  {static_cast<std::uint32_t>(pos), static_cast<std::uint32_t>(pos + html.size())});
            cursor = static_cast<std::uint32_t>(pos + html.size());
          }
          break;
        }
        case CMARK_NODE_IMAGE:
          if (enter) {
            raw.has_image = true;
            cmark_iter_reset(iter.get(), node, CMARK_EVENT_EXIT);
            std::size_t pos = m_cm.find("](", cursor);
            if (pos != std::string_view::npos && pos < limit) {
              cursor = static_cast<std::uint32_t>(pos);
              skip_link_tail(cursor, limit);
            }
          }
          break;
        case CMARK_NODE_LINK: {
          if (!enter) {
            skip_link_tail(cursor, limit);
            break;
          }
          std::string_view url = cmark_node_get_url(node) ? cmark_node_get_url(node) : "";
          cmark_node* child = cmark_node_first_child(node);
          const char* child_lit = child ? cmark_node_get_literal(child) : nullptr;
          bool autolink = child && !cmark_node_next(child) &&
                          cmark_node_get_type(child) == CMARK_NODE_TEXT && child_lit &&
                          (url == child_lit || url.ends_with(child_lit));
          if (autolink) {
            std::string_view text = child_lit;
            std::size_t pos = m_cm.find(text, cursor);
            std::uint32_t at = cursor;
            if (pos != std::string_view::npos && pos < limit) {
              at = static_cast<std::uint32_t>(pos);
              if (at > cursor && m_cm[at - 1] == '<') --at;
              cursor = static_cast<std::uint32_t>(pos + text.size());
              if (cursor < limit && m_cm[cursor] == '>') ++cursor;
            }
            push_object(p, at);
            // Continue after the link: the reset makes the next event the one after its exit.
            cmark_iter_reset(iter.get(), node, CMARK_EVENT_EXIT);
            if (node == first_inline) raw.emphasis_end = 0;
          }
          break;
        }
        default:
          // Struck-through text (~~resolved~~) is deleted text, not the document's words.
          if (enter && cmark_node_get_type_string(node) &&
              std::strcmp(cmark_node_get_type_string(node), "strikethrough") == 0) {
            Span struck = span_of(node);
            if (struck.end > cursor && struck.end <= limit) cursor = struck.end;
            cmark_iter_reset(iter.get(), node, CMARK_EVENT_EXIT);
          }
          break;
      }
      if (node == first_inline && !enter && emphasis_first) {
        raw.starts_with_emphasis = true;
        raw.emphasis_end = static_cast<std::uint32_t>(p.text.size());
      }
      if (node == first_inline && enter && emphasis_first && type == CMARK_NODE_TEXT) {
        // leaf first inline: nothing
      }
    }
    collapse_wiki_links(p, raw);
    p.offsets.push_back(std::min(cursor, limit));
    raw.image_only = raw.has_image && p.text.find_first_not_of(" \t\n") == std::string::npos;
    if (raw.starts_with_emphasis) {
      std::string_view rest = std::string_view(p.text).substr(raw.emphasis_end);
      raw.all_emphasis = rest.find_first_not_of(" \t:.") == std::string_view::npos;
    }
    return p;
  }

  const LineIndex& m_lines;
  std::string_view m_cm;
  Parsed& m_out;
  std::uint32_t m_cell_cursor = 0;
  int m_blockquote = -1;
};

}  // namespace

void prepare_library() {
  register_extensions();
  (void)inline_pass_mutex();
}

Parsed parse(const SourceFile& source, const ParseOptions& options) {
  register_extensions();
  Parsed out;
  std::string cm = prepare(source.text, out.front_matter, options, out.ignored);
  ParserPtr parser(cmark_parser_new(CMARK_OPT_SOURCEPOS | CMARK_OPT_FOOTNOTES));
  for (const char* name : {"table", "strikethrough", "autolink", "tasklist"}) {
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name))
      cmark_parser_attach_syntax_extension(parser.get(), ext);
  }
  cmark_parser_feed(parser.get(), cm.data(), cm.size());
  NodePtr root;
  {
    std::lock_guard<std::mutex> lock(inline_pass_mutex());
    root.reset(cmark_parser_finish(parser.get()));
  }
  if (!root) return out;
  Walker walker(source, cm, out);
  walker.run(root.get());
  return out;
}

}  // namespace prfaq::markdown
