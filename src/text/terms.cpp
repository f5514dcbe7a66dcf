#include "text/terms.hpp"

#include <algorithm>

#include "text/tokenize.hpp"

namespace prfaq::text {

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
  while (i < words.size()) {
    auto it = m_first.find(m_ignore_case ? words[i].lower : words[i].text);
    std::size_t advance = 1;
    if (it != m_first.end()) {
      for (const Term& t : it->second) {
        if (i + t.words.size() > words.size()) continue;
        bool ok = true;
        for (std::size_t k = 1; k < t.words.size() && ok; ++k) {
          ok = words[i + k - 1].joined_to_next &&
               (m_ignore_case ? words[i + k].lower : words[i + k].text) == t.words[k];
        }
        if (!ok) continue;
        f(t.id, words[i].begin, words[i + t.words.size() - 1].end);
        advance = t.words.size();
        break;
      }
    }
    i += advance;
  }
}

}  // namespace prfaq::text
