#include "spelling/hunspell.hpp"

#include <hunspell/hunspell.hxx>

#include <cstdio>
#include <cstdlib>
#include <map>

#include "spelling/encoding.hpp"

namespace prfaq::spelling {

HunspellDict::HunspellDict(std::string aff, std::string dic)
    : m_aff(std::move(aff)), m_dic(std::move(dic)) {}

HunspellDict::~HunspellDict() = default;

void HunspellDict::load() {
  if (m_hunspell) return;
  if (std::getenv("PRFAQ_DEBUG_SPELLING"))
    std::fprintf(stderr, "prfaq: loading Hunspell %s\n", m_dic.c_str());
  m_hunspell = std::make_unique<Hunspell>(m_aff.c_str(), m_dic.c_str());
  m_encoding = m_hunspell->get_dict_encoding();
  m_utf8 = is_utf8_name(m_encoding);
}

bool HunspellDict::loaded() const {
  std::lock_guard lock(m_mutex);
  return m_hunspell != nullptr;
}

bool HunspellDict::spell_locked(const std::string& word) {
  load();
  if (m_utf8) return m_hunspell->spell(word);
  auto w = convert(word, m_encoding.c_str(), "UTF-8");
  return w && m_hunspell->spell(*w);
}

bool HunspellDict::spell(const std::string& word) {
  std::lock_guard lock(m_mutex);
  if (std::getenv("PRFAQ_DEBUG_SPELLING"))
    std::fprintf(stderr, "prfaq: Hunspell %s: %s\n", m_dic.c_str(), word.c_str());
  return spell_locked(word);
}

void HunspellDict::spell_many(const std::vector<std::string>& words, std::vector<char>& ok) {
  std::lock_guard lock(m_mutex);
  ok.resize(words.size());
  for (std::size_t i = 0; i < words.size(); ++i) ok[i] = spell_locked(words[i]) ? 1 : 0;
}

std::vector<std::string> HunspellDict::suggest(const std::string& word) {
  std::lock_guard lock(m_mutex);
  load();
  if (m_utf8) return m_hunspell->suggest(word);
  auto w = convert(word, m_encoding.c_str(), "UTF-8");
  std::vector<std::string> out;
  if (!w) return out;
  for (const std::string& s : m_hunspell->suggest(*w))
    if (auto u = convert(s, "UTF-8", m_encoding.c_str())) out.push_back(*u);
  return out;
}

std::shared_ptr<HunspellDict> hunspell_dict(const std::string& aff, const std::string& dic) {
  static std::mutex mutex;
  // Never destroyed: freeing a loaded dictionary's millions of small allocations at exit costs
  // as much as loading it, and the process is ending anyway.
  static auto* cache = new std::map<std::string, std::shared_ptr<HunspellDict>>();
  std::lock_guard lock(mutex);
  auto& slot = (*cache)[aff + '\n' + dic];
  if (!slot) slot = std::make_shared<HunspellDict>(aff, dic);
  return slot;
}

}  // namespace prfaq::spelling
