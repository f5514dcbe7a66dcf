#include "spelling/vocabulary.hpp"

#include <re2/re2.h>

#include <algorithm>

#include <fmt/format.h>

#include "text/text.hpp"

namespace prfaq::spelling {

std::string straight_apostrophes(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s.compare(i, 3, "\xE2\x80\x99") == 0) {
      out += '\'';
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

bool has_regex_meta(std::string_view s) {
  return s.find_first_of("\\^$.|?*+()[]{}") != std::string_view::npos;
}

WordList::WordList() = default;
WordList::~WordList() = default;
WordList::WordList(WordList&&) noexcept = default;
WordList& WordList::operator=(WordList&&) noexcept = default;

void WordList::add(std::string_view entry, const OnError& on_error) {
  std::string e = text::trim(entry);
  if (e.empty()) return;
  if (has_regex_meta(e)) {
    RE2::Options opts;
    opts.set_log_errors(false);
    RE2 one(e, opts);
    if (!one.ok()) {
      on_error(fmt::format("invalid pattern '{}': {}", e, one.error()));
      return;
    }
    m_patterns += (m_patterns.empty() ? "(?:" : "|(?:") + e + ")";
    return;
  }
  // Literal entries: one or more words; each word is accepted as written.
  if (e.find_first_of(" \t") != std::string::npos) {
    std::string key;
    for (char c : e)
      if (c != ' ' && c != '\t') key += c;
    m_joined.emplace(text::to_lower(straight_apostrophes(key)), e);
  }
  std::size_t i = 0;
  while (i < e.size()) {
    std::size_t j = e.find_first_of(" \t", i);
    if (j == std::string::npos) j = e.size();
    if (j > i) add_word(straight_apostrophes(e.substr(i, j - i)));
    i = j + 1;
  }
}

void WordList::compile() {
  if (m_patterns.empty()) return;
  RE2::Options opts;
  opts.set_log_errors(false);
  m_re = std::make_unique<RE2>(m_patterns, opts);
  if (!m_re->ok()) m_re.reset();
}

WordList::Match WordList::find(const std::string& word, std::string* form) const {
  if (empty()) return Match::none;  // most projects reject nothing: no lower-casing per word
  std::string lower = text::to_lower(word);
  if (m_any_case.count(lower)) return Match::exact;
  auto it = m_cased.find(lower);
  if (it != m_cased.end()) {
    if (std::find(it->second.begin(), it->second.end(), word) != it->second.end())
      return Match::exact;
  }
  if (m_re && RE2::FullMatch(word, *m_re)) return Match::exact;
  if (it != m_cased.end()) {
    if (form) *form = it->second.front();
    return Match::wrong_case;
  }
  return Match::none;
}

const std::string* WordList::joined(const std::string& word) const {
  auto it = m_joined.find(text::to_lower(word));
  return it == m_joined.end() ? nullptr : &it->second;
}

bool WordList::empty() const {
  return m_any_case.empty() && m_cased.empty() && !m_re;
}

void WordList::add_word(const std::string& w) {
  std::string lower = text::to_lower(w);
  if (lower == w) {
    m_any_case.insert(lower);
  } else {
    auto& forms = m_cased[lower];
    if (std::find(forms.begin(), forms.end(), w) == forms.end()) forms.push_back(w);
  }
}

}  // namespace prfaq::spelling
