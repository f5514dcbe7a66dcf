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

void TermMatcher::find(const std::vector<Word>& words,
                       const std::function<void(int, std::uint32_t, std::uint32_t)>& f) const {
  std::size_t i = 0;
  auto key = [&](std::size_t k) -> const std::string& {
    return m_ignore_case ? words[k].lower : words[k].text;
  };
  while (i < words.size()) {
    std::size_t advance = 1;
    const std::string& first = key(i);
    // The first word as written, then (Korean) each shorter start of it, syllable by syllable.
    std::size_t len = first.size();
    bool hangul = is_hangul(first);
    bool found = false;
    while (!found && len > 0) {
      auto it = m_first.find(std::string_view(first).substr(0, len));
      bool cut = len < first.size();
      if (it != m_first.end()) {
        for (const Term& t : it->second) {
          if (i + t.words.size() > words.size()) continue;
          if (cut && !(t.hangul && t.words.size() == 1)) continue;
          bool ok = true;
          for (std::size_t k = 1; k < t.words.size() && ok; ++k)
            ok = words[i + k - 1].joined_to_next &&
                 word_matches(key(i + k), t.words[k], t.hangul && k + 1 == t.words.size());
          if (!ok) continue;
          const Word& last = words[i + t.words.size() - 1];
          std::uint32_t end = last.end;
          if (t.words.size() == 1)
            end = words[i].begin + static_cast<std::uint32_t>(len);
          else if (t.hangul)
            end = last.begin + static_cast<std::uint32_t>(t.words.back().size());
          f(t.id, words[i].begin, end);
          advance = t.words.size();
          found = true;
          break;
        }
      }
      if (!hangul || len < 6) break;
      len -= 3;  // one Hangul syllable
    }
    i += advance;
  }
}

}  // namespace prfaq::text
