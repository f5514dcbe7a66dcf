#include "text/terms.hpp"

#include <algorithm>

#include <prfaq/source.hpp>

#include "text/tokenize.hpp"

namespace prfaq::text {

namespace {

bool is_hangul(std::string_view w) {
  if (w.empty()) return false;
  std::size_t i = 0;
  char32_t c = decode_utf8(w, i);
  return c >= 0xAC00 && c <= 0xD7A3;
}

// A text word equals the term's word, or (Korean) starts with it.
bool word_matches(std::string_view text, std::string_view term, bool prefix_ok) {
  return text == term || (prefix_ok && text.size() > term.size() && text.starts_with(term));
}

}  // namespace

bool TermMatcher::add(std::string_view term, int id) {
  Prose probe;
  probe.text = std::string(term);
  probe.offsets.assign(probe.text.size() + 1, 0);
  tokenize(probe);
  std::vector<Word> ws = probe.words;
  if (ws.empty()) return false;
  Term t;
  for (Word& w : ws) t.words.push_back(m_ignore_case ? w.lower : w.text);
  t.id = id;
  t.hangul = is_hangul(t.words.back());
  auto& list = m_first[t.words[0]];
  list.push_back(std::move(t));
  // Longest terms first.
  std::stable_sort(list.begin(), list.end(),
                   [](const Term& a, const Term& b) { return a.words.size() > b.words.size(); });
  return true;
}

std::uint32_t TermMatcher::match_end(const std::vector<Word>& words, std::size_t i, std::size_t len,
                                     const Term& t) const {
  if (i + t.words.size() > words.size()) return 0;
  auto key = [&](std::size_t k) -> const std::string& {
    return m_ignore_case ? words[k].lower : words[k].text;
  };
  // A first word cut short (before a Korean particle) only matches a one-word Korean term.
  if (len < key(i).size() && !(t.hangul && t.words.size() == 1)) return 0;
  for (std::size_t k = 1; k < t.words.size(); ++k)
    if (!words[i + k - 1].joined_to_next ||
        !word_matches(key(i + k), t.words[k], t.hangul && k + 1 == t.words.size()))
      return 0;
  const Word& last = words[i + t.words.size() - 1];
  if (t.words.size() == 1) return words[i].begin + static_cast<std::uint32_t>(len);
  if (t.hangul) return last.begin + static_cast<std::uint32_t>(t.words.back().size());
  return last.end;
}

template <typename Visit>
void TermMatcher::candidates(const std::vector<Word>& words, std::size_t i, Visit visit) const {
  const std::string& first = m_ignore_case ? words[i].lower : words[i].text;
  // The first word as written, then (Korean) each shorter start of it, syllable by syllable.
  bool hangul = is_hangul(first);
  for (std::size_t len = first.size(); len > 0; len -= 3) {
    auto it = m_first.find(std::string_view(first).substr(0, len));
    if (it != m_first.end())
      for (const Term& t : it->second)
        if (!visit(t, len)) return;
    if (!hangul || len < 6) break;
  }
}

void TermMatcher::find(const std::vector<Word>& words,
                       const std::function<void(int, std::uint32_t, std::uint32_t)>& f) const {
  std::size_t i = 0;
  while (i < words.size()) {
    std::size_t advance = 1;
    // The longest term at the longest start wins; the words it covers are consumed.
    candidates(words, i, [&](const Term& t, std::size_t len) {
      std::uint32_t end = match_end(words, i, len, t);
      if (end == 0) return true;
      f(t.id, words[i].begin, end);
      advance = t.words.size();
      return false;
    });
    i += advance;
  }
}

void TermMatcher::find_each(const std::vector<Word>& words, int ids,
                            const std::function<void(int, std::uint32_t, std::uint32_t)>& f) const {
  // The word where each id may match next (its last match ends before it); the position at
  // which an id last matched, so that only its longest term counts there.
  std::vector<std::size_t> next(static_cast<std::size_t>(ids), 0);
  std::vector<std::size_t> matched_at(static_cast<std::size_t>(ids), SIZE_MAX);
  for (std::size_t i = 0; i < words.size(); ++i) {
    candidates(words, i, [&](const Term& t, std::size_t len) {
      auto id = static_cast<std::size_t>(t.id);
      if (id >= next.size() || next[id] > i || matched_at[id] == i) return true;
      std::uint32_t end = match_end(words, i, len, t);
      if (end == 0) return true;
      f(t.id, words[i].begin, end);
      next[id] = i + t.words.size();
      matched_at[id] = i;
      return true;
    });
  }
}

}  // namespace prfaq::text
