// The speller: see speller.hpp.
#include "spelling/speller.hpp"

#include <algorithm>
#include <filesystem>
#include <map>

#include "spelling/hash.hpp"
#include "spelling/hunspell.hpp"
#include "spelling/words.hpp"

namespace prfaq::spelling {

struct Speller::Dict {
  DictionaryFiles files;
  std::once_flag open_once;
  std::atomic<const CompiledDict*> current{nullptr};
  std::mutex keep_mutex;
  std::vector<std::shared_ptr<const CompiledDict>> keep;  // every version handed out
  std::shared_ptr<HunspellDict> hunspell;
};

Speller::Speller(std::vector<DictionaryFiles> files, std::string cache_dir)
    : m_files(std::move(files)), m_cache_dir(std::move(cache_dir)) {
  for (const DictionaryFiles& f : m_files) {
    auto d = std::make_unique<Dict>();
    d->files = f;
    d->hunspell = hunspell_dict(f.aff, f.dic);
    m_dicts.push_back(std::move(d));
  }
  for (auto& d : m_dicts) m_confirm_order.push_back(d.get());
  auto weight = [](const Dict* d) {
    std::error_code ec;
    return std::filesystem::file_size(d->files.aff, ec) +
           std::filesystem::file_size(d->files.dic, ec);
  };
  std::stable_sort(m_confirm_order.begin(), m_confirm_order.end(),
                   [&](const Dict* a, const Dict* b) { return weight(a) < weight(b); });
}

Speller::~Speller() = default;

const CompiledDict* Speller::compiled(Dict& d) {
  std::call_once(d.open_once, [&] {
    auto c = compiled_dictionary(d.files, m_cache_dir);
    std::lock_guard lock(d.keep_mutex);
    if (c) d.keep.push_back(c);
    d.current.store(c.get());
  });
  return d.current.load(std::memory_order_acquire);
}

/// A compiled dictionary that a checked answer found damaged is rebuilt (and the cache file
/// replaced); the threads that saw it retry with the new one.
const CompiledDict* Speller::rebuilt(Dict& d, const CompiledDict* damaged) {
  std::lock_guard lock(d.keep_mutex);
  const CompiledDict* now = d.current.load(std::memory_order_acquire);
  if (now != damaged) return now;
  auto fresh = CompiledDict::build(d.files);
  if (fresh && !m_cache_dir.empty()) fresh->write(cache_file(d.files, m_cache_dir));
  if (fresh) d.keep.push_back(fresh);
  d.current.store(fresh.get(), std::memory_order_release);
  return fresh.get();
}

template <class V, class F>
V Speller::memo(int table, const std::string& word, F&& compute) {
  Shard& s = m_shards[hash64(word) % k_shards];
  auto& map = [&]() -> auto& {
    if constexpr (std::is_same_v<V, bool>)
      return table == 0 ? s.known : s.unknown;
    else
      return s.near;
  }
  ();
  {
    std::shared_lock lock(s.mutex);
    auto it = map.find(word);
    if (it != map.end()) return it->second;
  }
  std::unique_lock lock(s.mutex);  // this shard only: each word computed once
  auto it = map.find(word);
  if (it != map.end()) return it->second;
  V v = compute();
  map.emplace(word, v);
  return v;
}

bool Speller::known(const std::string& word) {
  return memo<bool>(0, word, [&] {
    for (auto& d : m_dicts)
      if (const CompiledDict* c = compiled(*d); c && c->known(word)) return true;
    return false;
  });
}

std::uint32_t Speller::known_by(const std::string& word) {
  std::uint32_t mask = 0;
  for (std::size_t i = 0; i < m_dicts.size() && i < 32; ++i)
    if (const CompiledDict* c = compiled(*m_dicts[i]); c && c->known(word))
      mask |= std::uint32_t{1} << i;
  return mask;
}

bool Speller::confirmed_unknown(const std::string& word) {
  return memo<bool>(1, word, [&] {
    std::vector<Dict*> pending;  // the dictionaries that need Hunspell's verdict
    bool plain = true;           // letters and apostrophes only, lower case or capitalised
    std::u32string cps = code_points(word);
    for (std::size_t i = 0; i < cps.size(); ++i) {
      char32_t c = cps[i];
      if (c == '\'') continue;
      if (!is_upper_letter(c) && !is_lower_letter(c)) plain = false;
      if (i > 0 && is_upper_letter(c)) plain = false;
    }
    // Authoritative compiled forms first, then the dictionaries by size: Hunspell loads only
    // when no cheaper dictionary knows the word.
    for (Dict* d : m_confirm_order) {
      const CompiledDict* c = compiled(*d);
      bool known = c && c->known(word, true);
      if (c && c->corrupt()) {
        c = rebuilt(*d, c);
        known = c && c->known(word, true);
        if (c && c->corrupt()) c = nullptr;  // twice damaged: Hunspell alone
      }
      if (known) return false;
      if (c && c->authoritative() && plain) continue;
      pending.push_back(d);
    }
    for (Dict* d : pending)
      if (d->hunspell->spell(word)) return false;
    return true;
  });
}

namespace {

/// The sort key of a one-edit candidate: swapped, replaced, inserted, dropped letters; then the
/// position; then the letter.
std::tuple<int, std::size_t, char32_t> one_edit_rank(const std::u32string& q,
                                                     const std::u32string& w) {
  std::size_t i = 0;
  while (i < q.size() && i < w.size() && q[i] == w[i]) ++i;
  if (q.size() == w.size()) {
    if (i + 1 < q.size() && q[i] == w[i + 1] && q[i + 1] == w[i]) return {0, i, 0};
    return {1, i, i < w.size() ? w[i] : 0};
  }
  // A doubled or dropped letter counts at the first of its run ("con-n-ection").
  if (w.size() == q.size() + 1) {
    while (i > 0 && w[i - 1] == w[i]) --i;
    return {2, i, i < w.size() ? w[i] : 0};
  }
  while (i > 0 && q[i - 1] == q[i]) --i;
  return {3, i, 0};
}

}  // namespace

std::vector<Suggestion> Speller::near(const std::string& word, int max_distance) {
  return memo<std::vector<Suggestion>>(2, word + '\x01' + std::to_string(max_distance), [&] {
    std::string lower = lower_word(word);
    std::u32string q = code_points(lower);
    std::u32string wq = code_points(word);
    bool upper = !wq.empty() && is_upper_letter(wq[0]);
    struct Item {
      Suggestion s;
      int case_penalty;  // a name or an acronym offered for a lower-case word comes later
      int first_letter;  // a different first letter comes later (typos seldom start there)
      std::tuple<int, std::size_t, char32_t> rank;
      std::size_t dict;
    };
    std::vector<Item> items;
    std::vector<Near> found;
    for (std::size_t di = 0; di < m_dicts.size(); ++di) {
      const CompiledDict* c = compiled(*m_dicts[di]);
      if (!c) continue;
      found.clear();
      c->near(lower, max_distance, found);
      if (c->corrupt()) {
        c = rebuilt(*m_dicts[di], c);
        found.clear();
        if (c) c->near(lower, max_distance, found);
        if (!c || c->corrupt()) continue;
      }
      for (const Near& n : found) {
        std::string form(n.form);
        std::u32string fc = code_points(form);
        // Parts of compounds ("-kunde") and abbreviations ("etc.") are not words to offer.
        if (fc.empty() || fc.front() == '-' || fc.back() == '-' || fc.back() == '.') continue;
        int upper_inside = 0;
        for (std::size_t k = 1; k < fc.size(); ++k) upper_inside += is_upper_letter(fc[k]) ? 1 : 0;
        int penalty = upper_inside > 0 ? 2 : (!upper && is_upper_letter(fc[0]) ? 1 : 0);
        if (upper && !fc.empty() && is_lower_letter(fc[0])) {
          fc[0] = upper_letter(fc[0]);
          form = utf8(fc);
        }
        if (form == word) continue;
        auto rank = n.distance == 1 ? one_edit_rank(q, code_points(lower_word(n.form)))
                                    : std::tuple<int, std::size_t, char32_t>{0, 0, 0};
        std::u32string lf = code_points(lower_word(n.form));
        bool same_first = !lf.empty() && !q.empty() && lf[0] == q[0];
        bool swapped = lf.size() >= 2 && q.size() >= 2 && lf[0] == q[1] && lf[1] == q[0];
        items.push_back({{form, n.distance}, penalty, same_first || swapped ? 0 : 1, rank, di});
      }
    }
    std::sort(items.begin(), items.end(), [](const Item& a, const Item& b) {
      if (a.s.distance != b.s.distance) return a.s.distance < b.s.distance;
      if (a.case_penalty != b.case_penalty) return a.case_penalty < b.case_penalty;
      if (a.first_letter != b.first_letter) return a.first_letter < b.first_letter;
      if (a.rank != b.rank) return a.rank < b.rank;
      if (a.dict != b.dict) return a.dict < b.dict;
      return a.s.form < b.s.form;
    });
    std::vector<Suggestion> out;
    for (Item& it : items) {
      bool dup = std::any_of(out.begin(), out.end(),
                             [&](const Suggestion& s) { return s.form == it.s.form; });
      if (!dup) out.push_back(std::move(it.s));
    }
    return out;
  });
}

std::vector<std::string> Speller::hunspell_suggest(const std::string& word) {
  std::vector<std::string> out;
  for (auto& d : m_dicts)
    for (std::string& s : d->hunspell->suggest(word))
      if (std::find(out.begin(), out.end(), s) == out.end()) out.push_back(std::move(s));
  return out;
}

std::shared_ptr<Speller> speller_for(const std::vector<DictionaryFiles>& files) {
  static std::mutex mutex;
  static std::map<std::string, std::shared_ptr<Speller>> cache;
  std::string dir = cache_directory();
  std::string key = dir + '\n';
  for (const DictionaryFiles& f : files) key += f.aff + '\n' + f.dic + '\n';
  std::lock_guard lock(mutex);
  auto& slot = cache[key];
  if (!slot) slot = std::make_shared<Speller>(files, dir);
  return slot;
}

}  // namespace prfaq::spelling
