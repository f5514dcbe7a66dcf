// The "spelling" kind: Hunspell over prose (PF601 misspelling) and the project vocabulary's
// reject list (PF602 rejected-term).
//
// Only prose is read: code spans (U+FFFC), code blocks, link destinations and autolinks never
// reach it. Within prose, whole "chunks" (text between spaces) that look like URLs, e-mail
// addresses, @handles, #tags, file names and paths, command-line options or snake_case
// identifiers are skipped, and so are words with digits (10GB, v1.2.3, 0xFF), all-caps and
// CamelCase words, and single letters. Hyphenated words are accepted whole when Hunspell
// accepts them, else each part is checked (with a list of bound prefixes such as "pre-").
//
// Dictionaries are found by language in [spelling] dictionaries, then the system directories;
// each is loaded once per process, on first use, and guarded by a mutex (Hunspell is not
// thread-safe). Each distinct word is checked once per process: verdicts and suggestions are
// cached per dictionary set and shared by every rule, configuration and --jobs thread.
#include <iconv.h>
#include <re2/re2.h>
#include <hunspell/hunspell.hxx>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <shared_mutex>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "kinds/kinds.hpp"
#include "kinds/terms.hpp"
#include "text/text.hpp"

namespace prfaq::kinds {
namespace {

namespace fs = std::filesystem;

// ---- Dictionaries -----------------------------------------------------------------------

struct DictFiles {
  std::string language;
  std::string aff;
  std::string dic;
};

const std::vector<std::string>& system_dictionary_dirs() {
  static const std::vector<std::string> dirs = {"/usr/share/hunspell", "/usr/share/myspell/dicts",
                                                "/usr/share/myspell"};
  return dirs;
}

/// "de-DE" -> "de_DE".
std::string dictionary_name(std::string_view language) {
  std::string name(language);
  std::replace(name.begin(), name.end(), '-', '_');
  return name;
}

/// The Debian package that ships a language's dictionary: "en_US" -> "hunspell-en-us".
std::string debian_package(std::string_view language) {
  std::string pkg = "hunspell-" + text::to_lower(dictionary_name(language));
  std::replace(pkg.begin(), pkg.end(), '_', '-');
  return pkg;
}

/// Finds LANG.aff and LANG.dic in the search path. An entry may also name a .dic or .aff file.
std::optional<DictFiles> find_dictionary(const std::string& language,
                                         const std::vector<std::string>& dirs) {
  std::string name = dictionary_name(language);
  for (const std::string& dir : dirs) {
    std::error_code ec;
    fs::path d(dir);
    fs::path aff = d / (name + ".aff");
    fs::path dic = d / (name + ".dic");
    if (fs::is_regular_file(d, ec)) {
      if (d.stem() != name || (d.extension() != ".dic" && d.extension() != ".aff")) continue;
      aff = fs::path(d).replace_extension(".aff");
      dic = fs::path(d).replace_extension(".dic");
    }
    if (fs::is_regular_file(aff, ec) && fs::is_regular_file(dic, ec)) {
      fs::path ca = fs::canonical(aff, ec);
      fs::path cd = fs::canonical(dic, ec);
      return DictFiles{language, (ca.empty() ? aff : ca).string(),
                       (cd.empty() ? dic : cd).string()};
    }
  }
  return std::nullopt;
}

/// Converts between UTF-8 and a dictionary's 8-bit encoding (nullopt when not representable).
std::optional<std::string> convert(const std::string& in, const char* to, const char* from) {
  iconv_t cd = iconv_open(to, from);
  if (cd == reinterpret_cast<iconv_t>(-1)) return std::nullopt;
  std::string out(in.size() * 4 + 8, '\0');
  char* src = const_cast<char*>(in.data());
  std::size_t src_left = in.size();
  char* dst = out.data();
  std::size_t dst_left = out.size();
  std::size_t r = iconv(cd, &src, &src_left, &dst, &dst_left);
  iconv_close(cd);
  if (r == static_cast<std::size_t>(-1)) return std::nullopt;
  out.resize(out.size() - dst_left);
  return out;
}

/// The base letter of an accented Latin-1 letter ('é' -> 'e'), or 0.
char32_t base_letter(char32_t c) {
  static constexpr std::string_view k_upper = "AAAAAA?CEEEEIIII?NOOOOO?OUUUUY";    // U+00C0..
  static constexpr std::string_view k_lower = "aaaaaa?ceeeeiiii?nooooo?ouuuuy?y";  // U+00E0..
  if (c >= 0xC0 && c < 0xC0 + k_upper.size())
    return k_upper[c - 0xC0] == '?' ? 0 : k_upper[c - 0xC0];
  if (c >= 0xE0 && c < 0xE0 + k_lower.size())
    return k_lower[c - 0xE0] == '?' ? 0 : k_lower[c - 0xE0];
  return 0;
}

/// One Hunspell dictionary, loaded on first use. Callers hold `mutex` around every call.
class Dictionary {
 public:
  explicit Dictionary(DictFiles files) : m_files(std::move(files)) {}

  bool spell(const std::string& word) {
    load();
    if (m_utf8) return m_hunspell->spell(word);
    auto w = convert(word, m_encoding.c_str(), "UTF-8");
    return w && m_hunspell->spell(*w);
  }

  std::vector<std::string> suggest(const std::string& word) {
    load();
    if (m_utf8) return m_hunspell->suggest(word);
    auto w = convert(word, m_encoding.c_str(), "UTF-8");
    std::vector<std::string> out;
    if (!w) return out;
    for (const std::string& s : m_hunspell->suggest(*w))
      if (auto u = convert(s, "UTF-8", m_encoding.c_str())) out.push_back(*u);
    return out;
  }

  std::mutex mutex;

 private:
  void load() {
    if (m_hunspell) return;
    m_hunspell = std::make_unique<Hunspell>(m_files.aff.c_str(), m_files.dic.c_str());
    m_encoding = m_hunspell->get_dict_encoding();
    m_utf8 = text::iequals(m_encoding, "UTF-8") || text::iequals(m_encoding, "UTF8");
  }

  DictFiles m_files;
  std::unique_ptr<Hunspell> m_hunspell;
  std::string m_encoding;
  bool m_utf8 = true;
};

/// The process-wide dictionary cache, keyed by the dictionary's paths.
std::shared_ptr<Dictionary> dictionary(const DictFiles& files) {
  static std::mutex mutex;
  static std::map<std::string, std::shared_ptr<Dictionary>> cache;
  std::lock_guard lock(mutex);
  auto& slot = cache[files.aff + '\n' + files.dic];
  if (!slot) slot = std::make_shared<Dictionary>(files);
  return slot;
}

/// "Fenwick", "Zürich": a capital letter, then lower-case letters (not "NASA", not "iPhone").
bool capitalised_name(std::string_view word) {
  std::size_t i = 0;
  char32_t first = decode_utf8(word, i);
  bool upper = (first >= 'A' && first <= 'Z') || (first >= 0xC0 && first <= 0xDE && first != 0xD7);
  if (!upper || i >= word.size()) return false;
  std::string rest(word.substr(i));
  return text::to_lower(rest) == rest;
}

/// A set of dictionaries (a word is right when any accepts it) with a thread-safe cache of
/// verdicts and suggestions: each distinct word goes to Hunspell once per process.
class Speller {
 public:
  explicit Speller(std::vector<std::shared_ptr<Dictionary>> dicts) : m_dicts(std::move(dicts)) {}

  bool spelled(const std::string& word) {
    return cached(m_ok, word, [&] {
      for (const auto& d : m_dicts) {
        std::lock_guard lock(d->mutex);
        if (d->spell(word)) return true;
      }
      return false;
    });
  }

  /// Dictionary words one edit from an ASCII word, transpositions first, then replaced,
  /// inserted and deleted letters; the first letter's case follows the word.
  std::vector<std::string> one_edit(const std::string& word) {
    std::vector<std::string> out;
    if (word.size() < 3 || word.size() > 30) return out;
    for (char c : word)
      if (!std::isalpha(static_cast<unsigned char>(c)) && c != '\'') return out;
    bool upper = std::isupper(static_cast<unsigned char>(word[0])) != 0;
    auto accept = [&](std::string cand) {
      if (cand.empty() || cand == word) return;
      if (upper) cand[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(cand[0])));
      if (std::find(out.begin(), out.end(), cand) != out.end()) return;
      for (const auto& d : m_dicts) {
        std::lock_guard lock(d->mutex);
        if (d->spell(cand)) {
          out.push_back(std::move(cand));
          return;
        }
      }
    };
    std::string lower = word;
    for (std::size_t i = 1; i < lower.size(); ++i)
      lower[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(lower[i])));
    for (std::size_t i = 0; i + 1 < lower.size(); ++i) {
      std::string t = lower;
      std::swap(t[i], t[i + 1]);
      accept(t);
    }
    for (std::size_t i = 0; i < lower.size(); ++i)
      for (char c = 'a'; c <= 'z'; ++c) {
        if (std::tolower(static_cast<unsigned char>(lower[i])) == c) continue;
        std::string t = lower;
        t[i] = c;
        accept(t);
      }
    for (std::size_t i = 0; i <= lower.size(); ++i)
      for (char c = 'a'; c <= 'z'; ++c) {
        std::string t = lower;
        t.insert(t.begin() + static_cast<long>(i), c);
        accept(t);
      }
    for (std::size_t i = 0; i < lower.size(); ++i) {
      std::string t = lower;
      t.erase(i, 1);
      accept(t);
    }
    return out;
  }

  /// Every suggestion of every dictionary, interleaved, without duplicates.
  std::vector<std::string> suggest(const std::string& word) {
    return cached(m_suggestions, word, [&] {
      std::vector<std::vector<std::string>> lists;
      // Fast path: most typos are one edit away (a transposition, a wrong, missing or extra
      // letter). Trying those candidates with spell() costs about a millisecond; Hunspell's
      // full suggestion search costs 25-110 ms a word and runs only when this finds nothing,
      // and not for a capitalised word: that is nearly always a name ("Stallkeeper",
      // "Quillstack"), for which the search only splits or bends it into other words, and
      // whose remedy is the project vocabulary.
      std::vector<std::string> near = one_edit(word);
      if (!near.empty() || capitalised_name(word)) {
        lists.push_back(std::move(near));
      } else {
        for (const auto& d : m_dicts) {  // every dictionary's suggestions, interleaved below
          std::lock_guard lock(d->mutex);
          lists.push_back(d->suggest(word));
        }
      }
      std::vector<std::string> out;
      for (std::size_t i = 0;; ++i) {
        bool any = false;
        for (const auto& l : lists) {
          if (i >= l.size()) continue;
          any = true;
          if (l[i] != word && std::find(out.begin(), out.end(), l[i]) == out.end())
            out.push_back(l[i]);
        }
        if (!any) break;
      }
      return out;
    });
  }

 private:
  /// The cached value for a word, computed once per process: a shared lock for hits, and one
  /// computation at a time so that no word goes to Hunspell twice.
  template <class V, class F>
  V cached(std::unordered_map<std::string, V>& cache, const std::string& word, F&& compute) {
    {
      std::shared_lock lock(m_cache_mutex);
      auto it = cache.find(word);
      if (it != cache.end()) return it->second;
    }
    std::lock_guard serial(m_compute);
    {
      std::shared_lock lock(m_cache_mutex);
      auto it = cache.find(word);
      if (it != cache.end()) return it->second;
    }
    V value = compute();
    std::unique_lock lock(m_cache_mutex);
    return cache.emplace(word, std::move(value)).first->second;
  }

  std::vector<std::shared_ptr<Dictionary>> m_dicts;
  std::mutex m_compute;  // one Hunspell lookup at a time per word set: each word once
  std::shared_mutex m_cache_mutex;
  std::unordered_map<std::string, bool> m_ok;
  std::unordered_map<std::string, std::vector<std::string>> m_suggestions;
};

std::shared_ptr<Speller> speller(const std::vector<DictFiles>& files) {
  static std::mutex mutex;
  static std::map<std::string, std::shared_ptr<Speller>> cache;
  std::string key;
  for (const DictFiles& f : files) key += f.aff + '\n' + f.dic + '\n';
  std::lock_guard lock(mutex);
  auto& slot = cache[key];
  if (!slot) {
    std::vector<std::shared_ptr<Dictionary>> dicts;
    for (const DictFiles& f : files) dicts.push_back(dictionary(f));
    slot = std::make_shared<Speller>(std::move(dicts));
  }
  return slot;
}

// ---- Words --------------------------------------------------------------------------------

std::u32string code_points(std::string_view s) {
  std::u32string out;
  for (std::size_t i = 0; i < s.size();) out.push_back(decode_utf8(s, i));
  return out;
}

/// Damerau-Levenshtein distance (optimal string alignment) over code points: a transposition
/// of two neighbours counts as one edit.
std::size_t damerau(std::string_view a8, std::string_view b8) {
  std::u32string a = code_points(a8), b = code_points(b8);
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.size()][b.size()];
}

bool is_upper(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  if (c >= 0xC0 && c <= 0xDE) return c != 0xD7;
  if (c >= 0x100 && c <= 0x17F) return c % 2 == 0;  // Latin Extended-A pairs (approximately)
  if (c >= 0x391 && c <= 0x3A9) return true;        // Greek
  if (c >= 0x400 && c <= 0x42F) return true;        // Cyrillic
  return false;
}

bool is_digit(char32_t c) {
  return c >= '0' && c <= '9';
}

/// Scripts written without spaces between words: no Hunspell segmentation.
bool unsegmented(char32_t c) {
  return text::is_cjk(c) || (c >= 0x1100 && c <= 0x11FF) || (c >= 0x3130 && c <= 0x318F) ||
         (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0x0E00 && c <= 0x0EFF);
}

/// "it’s" -> "it's".
std::string straight_apostrophes(std::string_view s) {
  std::string out(s);
  for (std::size_t pos; (pos = out.find("\xE2\x80\x99")) != std::string::npos;)
    out.replace(pos, 3, "'");
  return out;
}

bool has_regex_meta(std::string_view s) {
  return s.find_first_of("\\^$.|?*+()[]{}") != std::string_view::npos;
}

/// Accepted or rejected words and patterns, compiled once per configuration.
class WordList {
 public:
  enum class Match { none, exact, wrong_case };
  using OnError = std::function<void(std::string)>;

  void add(std::string_view entry, const OnError& on_error) {
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
    std::size_t i = 0;
    while (i < e.size()) {
      std::size_t j = e.find_first_of(" \t", i);
      if (j == std::string::npos) j = e.size();
      if (j > i) add_word(straight_apostrophes(e.substr(i, j - i)));
      i = j + 1;
    }
  }

  void compile() {
    if (m_patterns.empty()) return;
    RE2::Options opts;
    opts.set_log_errors(false);
    m_re = std::make_unique<RE2>(m_patterns, opts);
    if (!m_re->ok()) m_re.reset();
  }

  /// Whether `word` is in the list. An all-lower-case entry matches any capitalisation; any
  /// other entry matches exactly, and its other capitalisations are `wrong_case` (`form` is
  /// then the entry).
  Match find(const std::string& word, std::string* form = nullptr) const {
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

  bool empty() const { return m_any_case.empty() && m_cased.empty() && !m_re; }

 private:
  void add_word(const std::string& w) {
    std::string lower = text::to_lower(w);
    if (lower == w) {
      m_any_case.insert(lower);
    } else {
      auto& forms = m_cased[lower];
      if (std::find(forms.begin(), forms.end(), w) == forms.end()) forms.push_back(w);
    }
  }

  std::unordered_set<std::string> m_any_case;
  std::unordered_map<std::string, std::vector<std::string>> m_cased;
  std::string m_patterns;
  std::unique_ptr<RE2> m_re;
};

/// The distinct unknown words of a document, and whether each got suggestions.
using Unknown = std::unordered_map<std::string, bool>;

/// A word of prose to check: [begin, end) of the block's text.
struct Candidate {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
};

bool chunk_breaker(const Prose& p, const Token& t) {
  if (t.kind == Token::Kind::space || t.kind == Token::Kind::newline || t.kind == Token::Kind::code)
    return true;
  if (t.kind != Token::Kind::punct) return false;
  std::string_view s = p.token_text(t);
  // Punctuation that may sit inside a URL, path, address, option or identifier.
  static constexpr std::string_view k_inner[] = {".", ":", "/", "\\", "@", "#",
                                                 "_", "-", "=", "~",  "+", "&",
                                                 "%", "*", "'", "?",  ",", "\xE2\x80\x90"};
  for (std::string_view k : k_inner)
    if (s == k) return false;
  return true;
}

/// The words of a prose block that spelling applies to, and what a chunk-level skip removed.
std::vector<Candidate> candidates(const Prose& p) {
  std::vector<Candidate> out;
  const auto& toks = p.tokens;
  std::size_t i = 0;
  while (i < toks.size()) {
    if (chunk_breaker(p, toks[i])) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < toks.size() && !chunk_breaker(p, toks[j])) ++j;
    // The chunk [i, j) without trailing punctuation (a sentence's period, a comma).
    std::size_t last = j;
    while (last > i && toks[last - 1].kind == Token::Kind::punct) --last;
    std::size_t first = i;
    i = j;
    if (last == first) continue;
    std::string_view chunk(p.text.data() + toks[first].begin,
                           toks[last - 1].end - toks[first].begin);
    auto punct_at = [&](std::size_t k, std::string_view what) {
      return toks[k].kind == Token::Kind::punct && p.token_text(toks[k]) == what;
    };
    auto inner = [&](std::string_view what) {  // punctuation between two word tokens
      for (std::size_t k = first + 1; k + 1 < last; ++k)
        if (punct_at(k, what) && toks[k - 1].kind != Token::Kind::punct &&
            toks[k + 1].kind != Token::Kind::punct)
          return true;
      return false;
    };
    bool skip = chunk.find("://") != std::string_view::npos ||
                text::to_lower(chunk.substr(0, 4)) == "www." ||
                text::to_lower(chunk.substr(0, 3)) == "go/" ||              // go/ links
                chunk.find_first_of("@_\\=~") != std::string_view::npos ||  // mail, handles, ids
                (chunk.size() > 1 && chunk[0] == '#') ||                    // #tags
                (chunk.size() > 1 && chunk[0] == '-' && toks[first].kind == Token::Kind::punct) ||
                inner(".") || inner(":") || inner("+");  // file.md, example.com, key:value, C++
    if (!skip && chunk.find('/') != std::string_view::npos) {
      // A path ("src/kinds", "/usr/share", "docs/a.md"), not "and/or".
      std::size_t slashes = static_cast<std::size_t>(std::count(chunk.begin(), chunk.end(), '/'));
      skip = slashes >= 2 || chunk[0] == '/' || chunk[0] == '.' ||
             chunk.find('.') != std::string_view::npos;
    }
    if (skip) continue;
    // Words; the tokenizer keeps "and/or" and "PR/FAQ" together: check each side.
    for (std::size_t k = first; k < last; ++k) {
      if (toks[k].kind != Token::Kind::word) continue;
      std::uint32_t b = toks[k].begin;
      for (std::uint32_t x = b; x <= toks[k].end; ++x) {
        if (x < toks[k].end && p.text[x] != '/') continue;
        if (x > b) out.push_back({b, x});
        b = x + 1;
      }
    }
  }
  return out;
}

const std::vector<std::string> k_default_prefixes = {
    "anti", "auto", "bi",    "co",    "de",    "inter", "intra", "macro", "meta",  "micro",
    "mid",  "mini", "multi", "neo",   "non",   "post",  "pre",   "pro",   "proto", "pseudo",
    "re",   "semi", "sub",   "super", "trans", "tri",   "ultra", "un"};

class Spelling final : public Rule {
 public:
  explicit Spelling(ParamReader& p) {
    m_scope = read_scope(p);
    // "misspelling": words no dictionary knows; "reject": words of the [spelling] reject list.
    m_reject_mode = read_choice(p, "mode", "what to report", {"misspelling", "reject"}) == 1;
    m_max_suggestions = static_cast<std::size_t>(
        std::max<std::int64_t>(0, p.get_int("suggestions", 3, "suggestions shown at most")));
    m_max_suggested = static_cast<std::size_t>(std::max<std::int64_t>(
        0, p.get_int("suggested_words", 10,
                     "distinct unknown words of a document that get suggestions (a document "
                     "with more is usually in another language)")));
    std::string accents = p.get_string(
        "loanword_accents",
        "\u00e0\u00e1\u00e2\u00e3\u00e5\u00e7\u00e8\u00e9\u00ea\u00eb\u00ec\u00ed\u00ee\u00ef\u00f1"
        "\u00f2\u00f3\u00f4\u00f5\u00f8\u00f9\u00fa\u00fb\u00fd\u00ff",
        "accented letters a word may carry when the dictionary knows it without them (its "
        "'cafe' accepts 'caf\u00e9'); umlauts are not among them");
    for (std::size_t i = 0; i < accents.size();) {
      char32_t c = decode_utf8(accents, i);
      if (base_letter(c)) m_fold.insert(c);
      if (c >= 0xE0 && c <= 0xFE && base_letter(c - 0x20)) m_fold.insert(c - 0x20);
    }
    for (const std::string& prefix :
         p.get_strings("prefixes", k_default_prefixes,
                       "bound prefixes accepted before a hyphen (\"pre-commit\", \"co-author\")"))
      m_prefixes.insert(text::to_lower(prefix));
    const SpellingConfig& sc = p.spelling();

    // Rejected terms: literal words and phrases (any case) and patterns (whole words).
    // PF602 reports bad reject patterns; the misspelling rule reads the list quietly.
    for (std::size_t i = 0; i < sc.reject.size(); ++i) {
      const std::string& r = sc.reject[i];
      auto on_error = [&](std::string message) {
        if (m_reject_mode)
          p.spelling_error("reject", i, "CF006", "invalid-pattern", std::move(message), "");
      };
      if (has_regex_meta(r)) {
        m_reject_patterns.add(r, on_error);
      } else {
        m_reject_terms.add(r, static_cast<int>(i));
        m_reject_words.add(r, on_error);
      }
    }
    m_reject_patterns.compile();
    m_reject_words.compile();
    if (m_reject_mode) return;

    // Accepted words: [spelling] accept, the words file, [product] names.
    for (std::size_t i = 0; i < sc.accept.size(); ++i)
      m_accept.add(sc.accept[i], [&](std::string message) {
        p.spelling_error("accept", i, "CF006", "invalid-pattern", std::move(message), "");
      });
    for (const std::string& name : p.product_names()) m_accept.add(name, [](std::string) {});
    // The rule's own vocabulary: words every software team writes that general dictionaries
    // lack ("config", "repo"). Lower-case entries accept any capitalisation.
    for (const std::string& word : p.get_strings(
             "vocabulary", {},
             "words accepted in every project (the default pack lists common software terms)"))
      m_accept.add(word, [](std::string) {});
    bool enabled = p.enabled();
    if (enabled && !sc.words_file.empty()) {
      std::ifstream in(sc.words_file, std::ios::binary);
      if (!in) {
        p.spelling_error("words_file", 0, "CF008", "missing-file",
                         fmt::format("Cannot read the words file '{}'", sc.words_file), "");
      }
      std::string line;
      for (std::size_t n = 1; std::getline(in, line); ++n) {
        std::string entry = text::trim(line);
        if (entry.empty() || entry[0] == '#') continue;
        if (std::size_t hash = entry.find(" #"); hash != std::string::npos)
          entry = text::trim(entry.substr(0, hash));
        m_accept.add(entry, [&](std::string message) {
          p.spelling_error("words_file", n, "CF006", "invalid-pattern", std::move(message), "");
        });
      }
    }
    m_accept.compile();
    if (!enabled) return;  // a disabled rule never needs its dictionaries

    // Dictionaries: found now (a missing one is a configuration error), loaded on first use.
    std::vector<std::string> dirs = sc.dictionaries;
    for (const std::string& d : system_dictionary_dirs()) dirs.push_back(d);
    std::vector<DictFiles> files;
    for (std::size_t i = 0; i < sc.languages.size(); ++i) {
      const std::string& lang = sc.languages[i];
      if (auto f = find_dictionary(lang, dirs)) {
        files.push_back(*f);
        continue;
      }
      std::string searched;
      for (const std::string& d : dirs) searched += (searched.empty() ? "" : ", ") + d;
      std::string name = dictionary_name(lang);
      p.spelling_error(
          "language", i, "CF010", "missing-dictionary",
          fmt::format("No Hunspell dictionary for '{}': {}.aff and {}.dic are not in {}", lang,
                      name, name, searched),
          fmt::format("install the Debian package {} (apt-get install {}), or add the directory "
                      "that holds {}.dic to [spelling] dictionaries",
                      debian_package(lang), debian_package(lang), name));
    }
    if (!files.empty()) m_speller = speller(files);
  }

  bool fixable() const override { return !m_reject_mode; }

  void check(const Document& doc, FindingSink& out) const override {
    Unknown unknown;
    for (std::size_t pi = 0; pi < doc.prose.size(); ++pi) {
      const Prose& prose = doc.prose[pi];
      if (prose.kind == BlockKind::code || prose.kind == BlockKind::html) continue;
      if (!m_scope.contains(doc, prose)) continue;
      if (m_reject_mode)
        check_rejected(doc, prose, out);
      else if (m_speller)
        check_spelling(doc, prose, attributions(doc, pi), unknown, out);
    }
  }

 private:
  void check_rejected(const Document& doc, const Prose& prose, FindingSink& out) const {
    std::vector<Candidate> words = candidates(prose);
    std::vector<std::pair<std::uint32_t, std::uint32_t>> seen;
    auto report = [&](std::uint32_t b, std::uint32_t e) {
      for (auto [sb, se] : seen)
        if (b < se && sb < e) return;
      Span span = prose.source_span(b, e);
      if (!m_scope.contains(doc, span.begin)) return;
      seen.emplace_back(b, e);
      out.report(
          {.span = span,
           .args = {{"match", text::squash(std::string_view(prose.text).substr(b, e - b))}}});
    };
    if (!m_reject_terms.empty()) {
      // Phrases and words, in any case; a match must start at a word spelling would check
      // (not inside a URL, a path or an identifier).
      m_reject_terms.find(words_of(prose), [&](int, std::uint32_t b, std::uint32_t e) {
        for (const Candidate& c : words)
          if (c.begin <= b && b < c.end) return report(b, e);
      });
    }
    if (!m_reject_patterns.empty()) {
      for (const Candidate& c : words) {
        std::string w =
            straight_apostrophes(std::string_view(prose.text).substr(c.begin, c.end - c.begin));
        if (m_reject_patterns.find(w) == WordList::Match::exact) report(c.begin, c.end);
      }
    }
  }

  /// Where quote attributions ("said Priya Raman, head of product at TeamSync") lie in a
  /// prose block: their capitalised words are names of people, organisations and places.
  static std::vector<std::pair<std::uint32_t, std::uint32_t>> attributions(const Document& doc,
                                                                           std::size_t pi) {
    std::vector<std::pair<std::uint32_t, std::uint32_t>> out;
    std::string flat;
    for (const Quote& q : doc.quotes) {
      if (q.speaker.empty() || q.prose < 0) continue;
      auto qp = static_cast<std::size_t>(q.prose);
      if (pi + 1 < qp || pi > qp + 1) continue;
      if (flat.empty()) {
        flat = doc.prose[pi].text;
        std::replace(flat.begin(), flat.end(), '\n', ' ');
      }
      std::string speaker = q.speaker;
      std::replace(speaker.begin(), speaker.end(), '\n', ' ');
      for (std::size_t at = flat.find(speaker); at != std::string::npos;
           at = flat.find(speaker, at + 1))
        out.emplace_back(static_cast<std::uint32_t>(at),
                         static_cast<std::uint32_t>(at + speaker.size()));
    }
    return out;
  }

  void check_spelling(const Document& doc, const Prose& prose,
                      const std::vector<std::pair<std::uint32_t, std::uint32_t>>& names,
                      Unknown& unknown, FindingSink& out) const {
    for (const Candidate& c : candidates(prose)) {
      std::string_view tok = std::string_view(prose.text).substr(c.begin, c.end - c.begin);
      bool capitalised = is_upper(code_points(tok.substr(0, 4)).front());
      if (capitalised && std::any_of(names.begin(), names.end(), [&](const auto& r) {
            return r.first <= c.begin && c.end <= r.second;
          }))
        continue;
      check_token(doc, prose, tok, c.begin, unknown, out);
    }
  }

  /// Hunspell's verdict; a loanword may also drop its accents ("café" for "cafe").
  bool spelled(const std::string& word) const {
    if (m_speller->spelled(word)) return true;
    if (m_fold.empty()) return false;
    std::string folded;
    bool changed = false;
    for (std::size_t i = 0; i < word.size();) {
      char32_t c = decode_utf8(word, i);
      if (m_fold.count(c)) {
        c = base_letter(c);
        changed = true;
      }
      append_utf8(folded, c);
    }
    return changed && m_speller->spelled(folded);
  }

  bool rejected(const std::string& w) const {
    return m_reject_words.find(w) == WordList::Match::exact ||
           m_reject_patterns.find(w) == WordList::Match::exact;
  }

  /// One token of the tokenizer: a word, possibly with hyphens and apostrophes.
  void check_token(const Document& doc, const Prose& prose, std::string_view tok, std::uint32_t at,
                   Unknown& unknown, FindingSink& out) const {
    std::string word = straight_apostrophes(tok);
    std::string form;
    switch (m_accept.find(word, &form)) {
      case WordList::Match::exact:
        return;
      case WordList::Match::wrong_case:
        if (!spelled(word))
          report(doc, prose, at, at + static_cast<std::uint32_t>(tok.size()), word, {form}, out);
        return;
      case WordList::Match::none:
        break;
    }
    bool hyphenated = tok.find('-') != std::string_view::npos ||
                      tok.find("\xE2\x80\x91") != std::string_view::npos;
    if (!hyphenated) return check_word(doc, prose, tok, at, unknown, out);
    if (spelled(word) || rejected(word)) return;
    // A hyphenation variant of a dictionary word: "Wi-Fi" for "WiFi", "e-mail" for "email".
    std::string joined;
    for (char32_t c : code_points(word))
      if (c != '-' && c != 0x2011) append_utf8(joined, c);
    if (spelled(joined)) return;
    // Each part on its own; a bound prefix ("pre-", "co-") is fine before a hyphen.
    std::size_t b = 0;
    for (std::size_t i = 0; i <= tok.size();) {
      std::size_t sep = 0;
      if (i < tok.size() && tok[i] == '-') sep = 1;
      if (i + 2 < tok.size() && tok.substr(i, 3) == "\xE2\x80\x91") sep = 3;
      if (i == tok.size() || sep) {
        std::string_view part = tok.substr(b, i - b);
        bool is_last = i == tok.size();
        if (!part.empty() && !(!is_last && m_prefixes.count(text::to_lower(part))))
          check_word(doc, prose, part, at + static_cast<std::uint32_t>(b), unknown, out);
        if (is_last) break;
        i += sep;
        b = i;
      } else {
        ++i;
      }
    }
  }

  /// One word without hyphens.
  void check_word(const Document& doc, const Prose& prose, std::string_view text8, std::uint32_t at,
                  Unknown& unknown, FindingSink& out) const {
    std::u32string cps = code_points(text8);
    if (cps.size() < 2) return;
    for (char32_t c : cps)
      if (is_digit(c) || unsegmented(c)) return;
    std::string word = straight_apostrophes(text8);
    std::string stem = word;
    if (stem.size() > 2 && (stem.ends_with("'s") || stem.ends_with("'S")))
      stem.resize(stem.size() - 2);
    auto end = at + static_cast<std::uint32_t>(text8.size());
    for (const std::string* w : {&word, &stem}) {
      std::string form;
      switch (m_accept.find(*w, &form)) {
        case WordList::Match::exact:
          return;
        case WordList::Match::wrong_case:
          if (!spelled(word))
            report(doc, prose, at, end, word, {w == &stem ? form + word.substr(stem.size()) : form},
                   out);
          return;
        case WordList::Match::none:
          break;
      }
    }
    // All-caps acronyms and CamelCase identifiers: a capital after the first letter.
    std::u32string stem_cps = code_points(stem);
    for (std::size_t k = 1; k < stem_cps.size(); ++k)
      if (is_upper(stem_cps[k])) return;
    if (rejected(word) || rejected(stem)) return;  // PF602's
    if (spelled(word) || (stem != word && spelled(stem))) return;
    // Suggestions cost milliseconds each: only the first distinct unknown words of a document
    // get them (in document order, so the output does not depend on the other files).
    auto [it, added] = unknown.emplace(word, unknown.size() < m_max_suggested);
    if (it->second)
      report(doc, prose, at, end, word, m_speller->suggest(word), out);
    else
      report(doc, prose, at, end, word, {}, out, true);
  }

  void report(const Document& doc, const Prose& prose, std::uint32_t b, std::uint32_t e,
              const std::string& word, const std::vector<std::string>& suggestions,
              FindingSink& out, bool over_budget = false) const {
    Span span = prose.source_span(b, e);
    if (!m_scope.contains(doc, span.begin)) return;
    Finding f;
    f.span = span;
    f.args["match"] = std::string(std::string_view(prose.text).substr(b, e - b));
    std::size_t shown = std::min(m_max_suggestions, suggestions.size());
    std::string list;
    for (std::size_t i = 0; i < shown; ++i) list += (i ? ", " : "") + suggestions[i];
    f.args["suggestions"] = list;
    f.args["advice"] =
        shown ? fmt::format("did you mean: {}?", list)
        : over_budget
            ? fmt::format(
                  "no suggestions past {} unknown words in a document: is [spelling] "
                  "language right?",
                  m_max_suggested)
            : std::string("no suggestions; if the word is right, add it to [spelling] accept");
    // A fix only when exactly one suggestion is a single edit away. It is safe (applied by
    // --fix) only when it changes nothing but letter case ("Teamsync" -> the vocabulary's
    // "TeamSync"): an unknown word is as often a name, a foreign word or another spelling
    // convention as a typo ("Priya" -> "Oriya", "labelled" -> "labeled", "dijo" -> "dido" on
    // the fixture corpus), so a person decides the others.
    const std::string* only = nullptr;
    int close = 0;
    for (const std::string& s : suggestions)
      if (damerau(word, s) == 1 && ++close == 1) only = &s;
    if (close == 1 && doc.slice(span) == f.args["match"]) {
      Fix fix;
      fix.title = fmt::format("Replace with '{}'", *only);
      fix.safe = text::to_lower(*only) == text::to_lower(word);
      fix.edits.push_back({span, *only});
      f.fix = std::move(fix);
    }
    // Every other shown suggestion is offered to editors too.
    for (std::size_t i = 0; i < shown; ++i)
      if (!(f.fix && &suggestions[i] == only) && doc.slice(span) == f.args["match"])
        f.alternatives.push_back(
            Fix{fmt::format("Replace with '{}'", suggestions[i]), {{span, suggestions[i]}}, false});
    out.report(std::move(f));
  }

  Scope m_scope;
  bool m_reject_mode = false;
  std::size_t m_max_suggestions = 3;
  std::size_t m_max_suggested = 10;
  std::unordered_set<std::string> m_prefixes;
  std::set<char32_t> m_fold;
  WordList m_accept;
  WordList m_reject_words;
  WordList m_reject_patterns;
  TermMatcher m_reject_terms{true};
  std::shared_ptr<Speller> m_speller;
};

}  // namespace

std::unique_ptr<Rule> make_spelling(ParamReader& p) {
  return std::make_unique<Spelling>(p);
}

}  // namespace prfaq::kinds
