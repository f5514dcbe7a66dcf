// Hunspell affix expansion: see affix.hpp.
#include "spelling/affix.hpp"

#include "io/io.hpp"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <unordered_map>
#include <vector>

#include <prfaq/source.hpp>

#include "spelling/encoding.hpp"

namespace prfaq::spelling {
namespace {

using Flag = std::uint32_t;
using Flags = std::vector<Flag>;  // sorted

enum class FlagMode { single, long_pair, number, utf8 };

/// One element of an affix condition: a set of code points (negated or not), or any.
struct CondElem {
  bool any = false;
  bool negated = false;
  std::u32string set;
  bool matches(char32_t c) const {
    if (any) return true;
    bool in = set.find(c) != std::u32string::npos;
    return negated ? !in : in;
  }
};

struct AffixEntry {
  bool prefix = false;
  bool cross = false;
  std::u32string strip;
  std::u32string add;
  Flags cont;
  std::vector<CondElem> cond;
};

std::u32string to_u32(std::string_view s) {
  std::u32string out;
  for (std::size_t i = 0; i < s.size();) out.push_back(decode_utf8(s, i));
  return out;
}

std::string to_u8(const std::u32string& s) {
  std::string out;
  for (char32_t c : s) append_utf8(out, c);
  return out;
}

std::vector<CondElem> parse_condition(const std::u32string& c) {
  std::vector<CondElem> out;
  if (c.size() == 1 && c[0] == '.') return out;  // any: no condition
  for (std::size_t i = 0; i < c.size(); ++i) {
    CondElem e;
    if (c[i] == '.') {
      e.any = true;
    } else if (c[i] == '[') {
      std::size_t j = i + 1;
      if (j < c.size() && c[j] == '^') {
        e.negated = true;
        ++j;
      }
      while (j < c.size() && c[j] != ']') e.set.push_back(c[j++]);
      i = j;
    } else {
      e.set.push_back(c[i]);
    }
    out.push_back(std::move(e));
  }
  return out;
}

bool has(const Flags& f, Flag x) {
  return x != 0 && std::binary_search(f.begin(), f.end(), x);
}

class Aff {
 public:
  bool load(const std::string& path, AffixInfo& info) {
    std::string text;
    if (!io::read_file(path, text, io::no_limit)) return false;
    if (text.starts_with("\xEF\xBB\xBF")) text.erase(0, 3);
    // First pass: SET and FLAG, which the other lines depend on.
    for_each_line(text, [&](const std::vector<std::string_view>& t) {
      if (t.size() >= 2 && t[0] == "SET") info.encoding = std::string(t[1]);
      if (t.size() >= 2 && t[0] == "FLAG") {
        if (t[1] == "long") m_mode = FlagMode::long_pair;
        if (t[1] == "num") m_mode = FlagMode::number;
        if (t[1] == "UTF-8") m_mode = FlagMode::utf8;
      }
    });
    m_utf8 = is_utf8_name(info.encoding);
    m_encoding = info.encoding;
    std::map<std::pair<bool, Flag>, std::size_t> remaining;  // affix lines still expected
    for_each_line(text, [&](const std::vector<std::string_view>& t) {
      std::string_view k = t[0];
      if (k == "AF" && t.size() >= 2) {
        // "AF 3" (the count) then "AF flags"; a count line is a number alone.
        if (!m_af_count_seen && std::all_of(t[1].begin(), t[1].end(), ::isdigit)) {
          m_af_count_seen = true;
          return;
        }
        m_aliases.push_back(parse_flags_raw(t[1]));
      } else if (k == "NEEDAFFIX" || k == "PSEUDOROOT") {
        if (t.size() >= 2) m_needaffix = one_flag(t[1]);
      } else if (k == "FORBIDDENWORD") {
        if (t.size() >= 2) m_forbidden = one_flag(t[1]);
      } else if (k == "ONLYINCOMPOUND") {
        if (t.size() >= 2) m_onlyincompound = one_flag(t[1]);
      } else if (k == "KEEPCASE") {
        if (t.size() >= 2) m_keepcase = one_flag(t[1]);
      } else if (k == "CIRCUMFIX") {
        if (t.size() >= 2) m_circumfix = one_flag(t[1]);
      } else if (k == "FULLSTRIP") {
        m_fullstrip = true;
      } else if (k == "IGNORE") {
        info.has_ignore = true;
      } else if (k == "COMPOUNDFLAG" || k == "COMPOUNDBEGIN" || k == "COMPOUNDMIDDLE" ||
                 k == "COMPOUNDEND" || k == "COMPOUNDLAST") {
        // COMPOUNDRULE alone (English ordinals: "21st") builds numbers, which are never
        // spell-checked.
        info.compounding = true;
      } else if ((k == "PFX" || k == "SFX") && t.size() >= 4) {
        bool prefix = k == "PFX";
        Flag flag = one_flag(t[1]);
        auto key = std::make_pair(prefix, flag);
        auto it = remaining.find(key);
        if (it == remaining.end() || it->second == 0) {
          // A header: "SFX D Y 4".
          std::size_t n = 0;
          std::from_chars(t[3].data(), t[3].data() + t[3].size(), n);
          remaining[key] = n;
          m_cross[key] = t[2] == "Y";
          return;
        }
        --it->second;
        AffixEntry e;
        e.prefix = prefix;
        e.cross = m_cross[key];
        std::string_view strip = t[2];
        std::string_view add = t[3];
        std::string_view cond = t.size() >= 5 ? t[4] : std::string_view(".");
        if (strip == "0") strip = {};
        if (std::size_t slash = add.find('/'); slash != std::string_view::npos) {
          e.cont = resolve_flags(add.substr(slash + 1));
          add = add.substr(0, slash);
        }
        if (add == "0") add = {};
        auto s = to_utf8(strip), a = to_utf8(add), c = to_utf8(cond);
        if (!s || !a || !c) return;
        e.strip = to_u32(*s);
        e.add = to_u32(*a);
        e.cond = parse_condition(to_u32(*c));
        (prefix ? m_prefixes : m_suffixes)[flag].push_back(std::move(e));
      }
    });
    return true;
  }

  /// Flags of a .dic entry or an affix's continuation: an alias number when AF is in use.
  Flags resolve_flags(std::string_view raw) const {
    if (!m_aliases.empty()) {
      std::size_t n = 0;
      auto r = std::from_chars(raw.data(), raw.data() + raw.size(), n);
      if (r.ec == std::errc() && n >= 1 && n <= m_aliases.size()) return m_aliases[n - 1];
      if (r.ec == std::errc()) return {};
    }
    return parse_flags_raw(raw);
  }

  std::optional<std::string> to_utf8(std::string_view raw) const {
    if (m_utf8) return std::string(raw);
    return convert(std::string(raw), "UTF-8", m_encoding.c_str());
  }

  /// Expands one stem.
  /// Expands one stem; false when `emit` asked to stop.
  bool expand(const std::u32string& stem, const Flags& flags, int depth,
              const std::function<bool(std::string_view, bool)>& emit) const {
    if (has(flags, m_forbidden)) return true;
    bool keep = has(flags, m_keepcase);
    bool go = true;
    auto out = [&](const std::u32string& w, const Flags& extra) {
      if (!go || w.empty() || has(extra, m_needaffix) || has(extra, m_onlyincompound) ||
          has(extra, m_forbidden) || has(extra, m_circumfix))
        return;
      go = emit(to_u8(w), keep || has(extra, m_keepcase));
    };
    if (!has(flags, m_needaffix) && !has(flags, m_onlyincompound)) out(stem, {});
    if (has(flags, m_onlyincompound) || depth < 1) return go;
    for (Flag f : flags) {
      auto sit = m_suffixes.find(f);
      if (sit == m_suffixes.end()) continue;
      for (const AffixEntry& s : sit->second) {
        std::u32string w1;
        if (!apply(s, stem, w1)) continue;
        out(w1, s.cont);
        if (depth < 2) continue;
        // Twofold suffixes: the suffix's continuation classes.
        for (Flag f2 : s.cont) {
          auto s2 = m_suffixes.find(f2);
          if (s2 == m_suffixes.end()) continue;
          for (const AffixEntry& e2 : s2->second) {
            std::u32string w2;
            if (apply(e2, w1, w2)) out(w2, e2.cont);
          }
        }
        if (!s.cross) continue;
        // Prefix + suffix: the stem's prefixes, and prefixes the suffix allows.
        auto prefix_with = [&](Flag pf) {
          auto pit = m_prefixes.find(pf);
          if (pit == m_prefixes.end()) return;
          for (const AffixEntry& p : pit->second) {
            if (!p.cross) continue;
            // The prefix's condition applies to the stem, as Hunspell checks it.
            std::u32string w;
            if (!apply(p, w1, w)) continue;
            Flags both = s.cont;
            both.insert(both.end(), p.cont.begin(), p.cont.end());
            std::sort(both.begin(), both.end());
            bool circum = has(s.cont, m_circumfix) && has(p.cont, m_circumfix);
            if (circum) both.erase(std::remove(both.begin(), both.end(), m_circumfix), both.end());
            // NEEDAFFIX on one part is satisfied by the other.
            Flags rest;
            for (Flag x : both)
              if (x != m_needaffix) rest.push_back(x);
            out(w, rest);
          }
        };
        for (Flag pf : flags) prefix_with(pf);
        for (Flag pf : s.cont)
          if (!has(flags, pf)) prefix_with(pf);
      }
    }
    for (Flag f : flags) {
      auto pit = m_prefixes.find(f);
      if (pit == m_prefixes.end()) continue;
      for (const AffixEntry& p : pit->second) {
        std::u32string w;
        if (apply(p, stem, w)) out(w, p.cont);
      }
    }
    return go;
  }

  FlagMode mode() const { return m_mode; }

 private:
  template <class F>
  static void for_each_line(std::string_view text, F&& f) {
    std::vector<std::string_view> toks;
    std::size_t i = 0;
    while (i < text.size()) {
      std::size_t e = text.find('\n', i);
      if (e == std::string_view::npos) e = text.size();
      std::string_view line = text.substr(i, e - i);
      i = e + 1;
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      toks.clear();
      std::size_t j = 0;
      while (j < line.size()) {
        while (j < line.size() && (line[j] == ' ' || line[j] == '\t')) ++j;
        std::size_t b = j;
        while (j < line.size() && line[j] != ' ' && line[j] != '\t') ++j;
        if (j > b) toks.push_back(line.substr(b, j - b));
      }
      if (toks.empty() || toks[0].starts_with("#")) continue;
      f(toks);
    }
  }

  Flags parse_flags_raw(std::string_view s) const {
    Flags out;
    switch (m_mode) {
      case FlagMode::single:
        for (unsigned char c : s) out.push_back(c);
        break;
      case FlagMode::long_pair:
        for (std::size_t i = 0; i + 1 < s.size(); i += 2)
          out.push_back((static_cast<unsigned char>(s[i]) << 8) |
                        static_cast<unsigned char>(s[i + 1]));
        if (s.size() % 2) out.push_back(static_cast<unsigned char>(s.back()) << 8);
        break;
      case FlagMode::number: {
        std::size_t i = 0;
        while (i < s.size()) {
          std::size_t j = s.find(',', i);
          if (j == std::string_view::npos) j = s.size();
          Flag n = 0;
          std::from_chars(s.data() + i, s.data() + j, n);
          if (n) out.push_back(n);
          i = j + 1;
        }
        break;
      }
      case FlagMode::utf8:
        for (std::size_t i = 0; i < s.size();) out.push_back(decode_utf8(s, i));
        break;
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }

  Flag one_flag(std::string_view s) const {
    Flags f = parse_flags_raw(s);
    if (m_mode == FlagMode::single || m_mode == FlagMode::utf8) {
      // The first character, not the smallest.
      std::size_t i = 0;
      if (m_mode == FlagMode::single) return s.empty() ? 0 : static_cast<unsigned char>(s[0]);
      return s.empty() ? 0 : decode_utf8(s, i);
    }
    if (m_mode == FlagMode::long_pair && s.size() >= 2)
      return (static_cast<unsigned char>(s[0]) << 8) | static_cast<unsigned char>(s[1]);
    return f.empty() ? 0 : f.front();
  }

  bool apply(const AffixEntry& e, const std::u32string& w, std::u32string& out) const {
    std::size_t n = w.size();
    if (e.strip.size() > n || (e.strip.size() == n && !m_fullstrip)) return false;
    if (e.cond.size() > n) return false;
    if (e.prefix) {
      if (w.compare(0, e.strip.size(), e.strip) != 0) return false;
      for (std::size_t k = 0; k < e.cond.size(); ++k)
        if (!e.cond[k].matches(w[k])) return false;
      out = e.add + w.substr(e.strip.size());
    } else {
      if (w.compare(n - e.strip.size(), e.strip.size(), e.strip) != 0) return false;
      std::size_t at = n - e.cond.size();
      for (std::size_t k = 0; k < e.cond.size(); ++k)
        if (!e.cond[k].matches(w[at + k])) return false;
      out = w.substr(0, n - e.strip.size()) + e.add;
    }
    return !out.empty();
  }

  FlagMode m_mode = FlagMode::single;
  bool m_utf8 = false;
  std::string m_encoding;
  bool m_af_count_seen = false;
  bool m_fullstrip = false;
  std::vector<Flags> m_aliases;
  Flag m_needaffix = 0, m_forbidden = 0, m_onlyincompound = 0, m_keepcase = 0, m_circumfix = 0;
  std::map<std::pair<bool, Flag>, bool> m_cross;
  std::unordered_map<Flag, std::vector<AffixEntry>> m_prefixes, m_suffixes;
};

}  // namespace

bool expand_dictionary(const std::string& aff_path, const std::string& dic_path, int depth,
                       AffixInfo& info, const std::function<bool(std::string_view, bool)>& emit) {
  Aff aff;
  if (!aff.load(aff_path, info)) return false;
  std::ifstream in(dic_path, std::ios::binary);
  if (!in) return false;
  std::string line;
  bool first = true;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (first) {  // the entry count (after a byte order mark)
      first = false;
      continue;
    }
    if (line.empty() || line[0] == '\t' || line[0] == '#') continue;
    // word[/flags][ morphology]; "\/" is a slash inside the word.
    std::string word;
    std::string_view flags;
    std::size_t i = 0;
    for (; i < line.size(); ++i) {
      char c = line[i];
      if (c == '\\' && i + 1 < line.size() && line[i + 1] == '/') {
        word += '/';
        ++i;
        continue;
      }
      if (c == '/') {
        std::size_t e = line.find_first_of(" \t", i + 1);
        flags = std::string_view(line).substr(i + 1,
                                              (e == std::string::npos ? line.size() : e) - i - 1);
        break;
      }
      if (c == '\t' || c == ' ') break;
      word += c;
    }
    if (word.empty()) continue;
    ++info.stems;
    auto w = aff.to_utf8(word);
    if (!w) continue;
    if (!aff.expand(to_u32(*w), aff.resolve_flags(flags), depth, emit)) break;
  }
  return true;
}

}  // namespace prfaq::spelling
