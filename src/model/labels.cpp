// Text helpers of the reader: labels, question and answer markers, date and release lines.
#include <re2/re2.h>

#include <algorithm>

#include "model/context.hpp"
#include "text/text.hpp"

namespace prfaq::model {

std::string prose_text(const Prose& p, std::uint32_t from, std::uint32_t to) {
  std::string_view all = p.text;
  from = std::min<std::uint32_t>(from, static_cast<std::uint32_t>(all.size()));
  to = std::min<std::uint32_t>(to, static_cast<std::uint32_t>(all.size()));
  std::string_view s = all.substr(from, to > from ? to - from : 0);
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    if (s[i] == '\xEF' && s.compare(i, 3, "\xEF\xBF\xBC") == 0) {  // code spans and URLs
      i += 3;
      continue;
    }
    out += s[i++];
  }
  return text::squash(out);
}

std::size_t word_count(std::string_view s) {
  return text::word_count(s);
}

bool has_cjk(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0xE3) {
      ++i;
      continue;
    }
    char32_t c = decode_utf8(s, i);
    if (text::is_cjk(c) || (c >= 0xAC00 && c <= 0xD7A3)) return true;
  }
  return false;
}

double label_words(std::string_view s) {
  // As text::words(s) splits: a run of word characters is a word, each CJK character one
  // more (weighing half).
  double n = 0;
  bool in_word = false;
  for (std::size_t i = 0; i < s.size();) {
    char32_t c = decode_utf8(s, i);
    bool cjk = text::is_cjk(c);
    if (in_word && (cjk || !text::is_word_char(c))) n += 1.0;
    in_word = !cjk && text::is_word_char(c);
    if (cjk) n += 0.5;
  }
  return n + (in_word ? 1.0 : 0.0);
}

std::string trim_markup(std::string_view s) {
  std::string t = text::trim(s);
  auto strip = [](char c) { return c == '*' || c == '_' || c == '#' || c == ' ' || c == '`'; };
  while (!t.empty() && strip(t.back())) t.pop_back();
  std::size_t b = 0;
  while (b < t.size() && strip(t[b])) ++b;
  return t.substr(b);
}

// Drops trailing parenthetical tags: "What happens? (zero-states, LOCKED)" -> "What happens?".
std::string drop_trailing_tags(std::string s) {
  for (int guard = 0; guard < 4; ++guard) {
    s = trim_markup(s);
    if (s.empty()) break;
    char close = s.back();
    std::string_view open;
    if (close == ')')
      open = "(";
    else if (close == ']')
      open = "[";
    else if (s.ends_with("\xEF\xBC\x89"))  // ）
      open = "\xEF\xBC\x88";
    else
      break;
    std::size_t at = s.rfind(open);
    if (at == std::string::npos || at == 0) break;
    s.erase(at);
  }
  return trim_markup(s);
}

namespace {

std::size_t marker_length(const std::vector<std::string>& words, std::string_view s,
                          bool letters_and_digits) {
  std::string lower = text::to_lower(s.substr(0, std::min<std::size_t>(s.size(), 32)));
  std::size_t best = 0;
  for (const std::string& w : words) {
    if (!lower.starts_with(w)) continue;
    std::size_t j = w.size();
    // "Question" must not be the start of "Questionnaire"; "Q" not of "Quality".
    if (j < lower.size() && static_cast<unsigned char>(w[0]) < 0x80 &&
        std::isalpha(static_cast<unsigned char>(lower[j])))
      continue;
    while (j < lower.size() && lower[j] == ' ') ++j;
    while (j < lower.size() && std::isdigit(static_cast<unsigned char>(lower[j]))) ++j;
    // "Q9b.", "Q14c."
    if (letters_and_digits && j > w.size() && j < lower.size() &&
        std::isalpha(static_cast<unsigned char>(lower[j])) &&
        (j + 1 >= lower.size() || !std::isalpha(static_cast<unsigned char>(lower[j + 1]))))
      ++j;
    while (j < lower.size() && (lower[j] == ' ' || lower[j] == '\t')) ++j;
    std::size_t end = 0;
    if (j < lower.size() && (lower[j] == ':' || lower[j] == '.' || lower[j] == ')'))
      end = j + 1;
    else if (lower.compare(j, 3, "\xEF\xBC\x9A") == 0 || lower.compare(j, 3, "\xEF\xBC\x8E") == 0)
      end = j + 3;  // ： ．
    else if (j > w.size() && j < lower.size() && lower[j - 1] == ' ')
      end = j;  // "Q1 What is it?"
    else if (j == lower.size() && j > w.size())
      end = j;  // "Q1" alone (a template slot)
    if (end == 0) continue;
    // "A. Smith said" is no marker: a marker is followed by a space, the end, or CJK.
    if (end < lower.size() && lower[end - 1] == '.' && lower[end] != ' ' &&
        static_cast<unsigned char>(lower[end]) < 0x80)
      continue;
    best = std::max(best, end);
  }
  return best;
}

}  // namespace

bool ends_with_question(std::string_view s) {
  std::string t = drop_trailing_tags(std::string(s));
  return t.ends_with("?") || t.ends_with("\xEF\xBC\x9F");
}

std::size_t question_marker(const Lexicon& lex, std::string_view s) {
  auto it = lex.lists.find("question_markers");
  if (it == lex.lists.end() || !it->second.entries) return 0;
  if (std::size_t k = marker_length(*it->second.entries, s, true)) return k;
  // Numbered with a part letter: "C1." (customer), "I3." (internal), when a question follows.
  if (s.size() >= 3 && std::isupper(static_cast<unsigned char>(s[0])) &&
      std::isdigit(static_cast<unsigned char>(s[1]))) {
    std::size_t j = 1;
    while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) ++j;
    if (j < s.size() && (s[j] == '.' || s[j] == ':') && ends_with_question(s)) return j + 1;
  }
  return 0;
}

std::size_t answer_marker(const Lexicon& lex, std::string_view s) {
  auto it = lex.lists.find("answer_labels");
  if (it == lex.lists.end() || !it->second.entries) return 0;
  // Only short markers ("A:", "A1.", "Answer:", "答：") open an answer inside a paragraph.
  return marker_length(it->second.single_words, s, false);
}

std::string strip_question_prefix(const Lexicon& lex, std::string s) {
  s = trim_markup(s);
  if (std::size_t k = question_marker(lex, s)) s = trim_markup(s.substr(k));
  // Numbering "1." / "1)".
  std::size_t j = 0;
  while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) ++j;
  if (j > 0 && j < s.size() && (s[j] == '.' || s[j] == ')') && j + 1 < s.size() && s[j + 1] == ' ')
    s = text::trim(s.substr(j + 1));
  return trim_markup(s);
}

bool is_question_text(const Lexicon& lex, std::string_view s) {
  std::string t = trim_markup(s);
  return ends_with_question(t) || question_marker(lex, t) > 0;
}

bool is_date_line(std::string_view s) {
  static const RE2 k_date(
      R"((?i)^\s*(?:\*\*|__)?\s*(?:(?:date|datum|fecha|data|date de publication|日付|日期|날짜|作成日|公開日|発表日|配信日)\s*(?:\*\*)?\s*[:：]\s*(?:\*\*)?\s*)?)"
      R"((?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?)"
      R"((?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-zäéû]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4})"
      R"(|\d{1,2}\.?\s+(?:de\s+)?[a-zäéûç]{3,10}\.?\s+(?:de\s+)?\d{4})"
      R"(|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|januar|februar|märz|juni|juli|oktober|dezember|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre)[a-z]*\.?,?\s+\d{4})"
      R"(|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4}|\d{1,2}\.\d{1,2}\.\d{4})"
      R"(|\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?|\d{4}\s*년\s*\d{1,2}\s*월(?:\s*\d{1,2}\s*일)?)"
      R"(|\[[^\]]{0,30}\])\s*(?:\*\*|__)?\.?\s*$)");
  if (s.size() > 80) return false;
  std::string t = text::squash(s);
  if (t.starts_with("[") && !t.ends_with("]")) return false;
  // A bracketed slot counts only as "Date: [launch date]", not as a bare "[Product]".
  bool bare_slot = t.starts_with("[");
  if (bare_slot) {
    std::string lower = text::to_lower(t);
    if (lower.find("date") == std::string::npos && lower.find("datum") == std::string::npos &&
        lower.find("fecha") == std::string::npos && lower.find("data") == std::string::npos)
      return false;
  }
  return RE2::FullMatch(t, k_date);
}

bool is_release_marker(const Lexicon& lex, std::string_view s) {
  std::string t = trim_markup(s);
  if (t.empty() || text::word_count(t, 10) > 10) return false;
  return lex.leading("immediate_release", t).has_value();
}

bool has_title_marker(const Template& tmpl, std::string_view label) {
  // Compare in a loose form: "PR/FAQ", "PR-FAQ", "PR_FAQ" and "PR FAQ" are one marker; the
  // separators that set a title apart (":", dashes, "|") are kept as " | ".
  auto loose = [](std::string_view s) {
    std::string out = " ";
    for (std::size_t i = 0; i < s.size(); ++i) {
      unsigned char c = static_cast<unsigned char>(s[i]);
      if (s.compare(i, 3, "\xE2\x80\x94") == 0 || s.compare(i, 3, "\xE2\x80\x93") == 0 ||
          s.compare(i, 3, "\xEF\xBC\x9A") == 0) {
        out += " | ";
        i += 2;
        continue;
      }
      if (c == ':' || c == '|' || (c == '-' && i > 0 && s[i - 1] == ' ') || c == '(') {
        out += " | ";
        continue;
      }
      if (c == '&') {
        out += " and ";
        continue;
      }
      bool word = std::isalnum(c) || c >= 0x80;
      out += word ? static_cast<char>(std::tolower(c)) : ' ';
    }
    out += " | ";
    std::string squashed;
    for (char c : out)
      if (!(c == ' ' && !squashed.empty() && squashed.back() == ' ')) squashed += c;
    return squashed;
  };
  std::string l = loose(label);
  for (const std::string& m : tmpl.title_markers) {
    std::string lm = loose(m);
    if (lm.size() > 2 && lm.ends_with(" | ")) lm.resize(lm.size() - 2);
    if (lm.size() <= 2) continue;
    for (std::size_t at = l.find(lm); at != std::string::npos; at = l.find(lm, at + 1)) {
      // The marker opens the title, closes it, or is set off by a separator ("X — PR/FAQ",
      // "PR/FAQ: X", "X PRFAQ v0.8", "PR FAQ for X"); inside a sentence it is a mention
      // ("prfaq Holds Every PR/FAQ to the Bar").
      std::string after = l.substr(at + lm.size());
      static const std::vector<std::string_view> k_tails = {"| ", "for ", "document ", "draft ",
                                                            "template "};
      bool set_off = false;
      for (std::string_view t : k_tails) set_off |= after.starts_with(t);
      // A version after the marker ("PRFAQ v0.8").
      set_off |=
          after.size() > 2 && after[0] == 'v' && std::isdigit(static_cast<unsigned char>(after[1]));
      if (set_off) return true;
    }
  }
  return false;
}

std::optional<LineLabel> read_line_label(std::string_view text, std::uint32_t begin,
                                         std::uint32_t end) {
  std::string_view line = text.substr(begin, end - begin);
  std::size_t i = 0;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '>')) ++i;
  if (i >= line.size()) return std::nullopt;
  LineLabel out;
  out.line_end = end;
  out.begin = static_cast<std::uint32_t>(begin + i);
  auto is_colon = [&](std::size_t k) {
    return k < line.size() &&
           (line[k] == ':' || line.compare(k, 3, "\xEF\xBC\x9A") == 0);  // ':' or '：'
  };
  auto colon_len = [&](std::size_t k) { return line[k] == ':' ? 1u : 3u; };
  auto skip_spaces = [&](std::size_t k) {
    while (k < line.size() && (line[k] == ' ' || line[k] == '\t')) ++k;
    return k;
  };
  std::string_view open;
  for (std::string_view m : {"**", "__", "*", "_"}) {
    if (line.substr(i).starts_with(m)) {
      open = m;
      break;
    }
  }
  if (!open.empty()) {
    std::size_t close = line.find(open, i + open.size());
    // "*text*" must not close at the "*" of a "**".
    while (close != std::string_view::npos && open.size() == 1 && close + 1 < line.size() &&
           line[close + 1] == open[0])
      close = line.find(open, close + 2);
    if (close == std::string_view::npos || close == i + open.size()) return std::nullopt;
    std::string inner = text::trim(line.substr(i + open.size(), close - i - open.size()));
    std::size_t after = close + open.size();
    out.bold = true;
    out.end = static_cast<std::uint32_t>(begin + after);
    std::size_t k = skip_spaces(after);
    if (is_colon(k)) {
      out.punct = true;
      k = skip_spaces(k + colon_len(k));
      out.end = static_cast<std::uint32_t>(begin + k);
    } else if (line.compare(k, 3, "\xE2\x80\x94") == 0 || line.compare(k, 3, "\xE2\x80\x93") == 0) {
      out.punct = true;
    }
    while (!inner.empty() && (inner.back() == ':' || inner.back() == '.')) {
      out.punct = true;
      inner.pop_back();
    }
    if (inner.ends_with("\xEF\xBC\x9A")) {
      out.punct = true;
      inner.resize(inner.size() - 3);
    }
    out.label = text::trim(inner);
    out.rest = static_cast<std::uint32_t>(begin + skip_spaces(k));
    std::string tail = trim_markup(line.substr(std::min(k, line.size())));
    out.whole_line = tail.empty();
    // "**Headline** **[REQUIRED]**", "**Summary** (optional)": a tag after the label.
    if (!out.punct && tail.size() >= 3 && word_count(tail) <= 3 &&
        ((tail.front() == '[' && tail.back() == ']') ||
         (tail.front() == '(' && tail.back() == ')'))) {
      out.whole_line = true;
      out.end = end;
      out.rest = end;
    }
    return out;
  }
  // Plain "Label: rest" with a short label.
  std::size_t colon = std::string_view::npos;
  for (std::size_t k = i; k < line.size() && k < i + 48; ++k) {
    if (is_colon(k)) {
      colon = k;
      break;
    }
  }
  if (colon == std::string_view::npos || colon == i) {
    // A line that is only a label ("Frequently Asked Questions", "Headline").
    std::string whole = text::trim(line.substr(i));
    if (whole.empty()) return std::nullopt;
    out.label = whole;
    out.end = end;
    out.rest = end;
    out.whole_line = true;
    return out;
  }
  std::string label = text::trim(line.substr(i, colon - i));
  if (label.empty() || label.find("://") != std::string::npos || label_words(label) > 4)
    return std::nullopt;
  out.label = label;
  out.punct = true;
  std::size_t k = skip_spaces(colon + colon_len(colon));
  out.end = static_cast<std::uint32_t>(begin + k);
  out.rest = out.end;
  out.whole_line = k >= line.size();
  return out;
}

}  // namespace prfaq::model
