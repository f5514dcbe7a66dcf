#include "kinds/terms.hpp"

#include <re2/re2.h>

#include "text/text.hpp"

namespace prfaq::kinds {

const std::vector<Word>& words_of(const Prose& p) {
  return p.words;
}

PatternSet::PatternSet() = default;
PatternSet::~PatternSet() = default;
PatternSet::PatternSet(PatternSet&&) noexcept = default;

namespace {

// The capturing groups of an RE2 pattern, counted from its text; -1 when the pattern does not
// stand on its own (parentheses that do not balance, an open class or \Q, a trailing escape),
// so that it must be compiled alone. RE2 checks the count when the patterns are compiled
// together, and any doubt sends every pattern through RE2 one by one.
int capturing_groups(std::string_view p) {
  int n = 0;
  int depth = 0;
  for (std::size_t i = 0; i < p.size(); ++i) {
    char c = p[i];
    if (c == '\\') {
      if (i + 1 >= p.size()) return -1;
      if (p[i + 1] == 'Q') {
        std::size_t e = p.find("\\E", i + 2);
        if (e == std::string_view::npos) return -1;
        i = e + 1;
      } else {
        ++i;
      }
      continue;
    }
    if (c == '[') {
      std::size_t k = i + 1;
      if (k < p.size() && p[k] == '^') ++k;
      if (k < p.size() && p[k] == ']') ++k;
      for (; k < p.size() && p[k] != ']'; ++k) {
        if (p[k] == '\\') {
          ++k;
        } else if (p[k] == '[' && k + 1 < p.size() && p[k + 1] == ':') {
          std::size_t e = p.find(":]", k + 2);
          if (e == std::string_view::npos) return -1;
          k = e + 1;
        }
      }
      if (k >= p.size()) return -1;
      i = k;
      continue;
    }
    if (c == '(') {
      ++depth;
      bool flags = i + 1 < p.size() && p[i + 1] == '?';
      bool named = flags && i + 2 < p.size() && (p[i + 2] == 'P' || p[i + 2] == '<');
      if (!flags || named) ++n;
    } else if (c == ')' && --depth < 0) {
      return -1;
    }
  }
  return depth == 0 ? n : -1;
}

}  // namespace

bool PatternSet::compile(const std::vector<std::string>& patterns, bool ignore_case, ParamReader& p,
                         std::string_view param) {
  RE2::Options opts;
  opts.set_log_errors(false);
  opts.set_case_sensitive(!ignore_case);
  opts.set_max_mem(8 << 20);
  m_count = static_cast<int>(patterns.size());
  // Fast path: the patterns counted from their text and compiled once, together.
  std::string all;
  std::vector<int> counts;
  for (const std::string& pat : patterns) {
    int n = capturing_groups(pat);
    if (n < 0) break;
    counts.push_back(n);
    all += (all.empty() ? "" : "|") + std::string("(") + pat + ")";
  }
  if (!patterns.empty() && counts.size() == patterns.size()) {
    auto re = std::make_unique<RE2>(all, opts);
    int groups = 0;
    for (int n : counts) groups += 1 + n;
    if (re->ok() && re->NumberOfCapturingGroups() == groups) {
      m_groups = 0;
      for (std::size_t pi = 0; pi < patterns.size(); ++pi) {
        m_top.push_back(m_groups + 1);
        m_pattern_index.push_back(static_cast<int>(pi));
        m_groups += 1 + counts[pi];
      }
      m_re = std::move(re);
      return true;
    }
  }
  // Each pattern on its own: names the bad ones, and keeps the good ones.
  all.clear();
  bool ok = true;
  for (std::size_t pi = 0; pi < patterns.size(); ++pi) {
    const std::string& pat = patterns[pi];
    RE2 one(pat, opts);
    if (!one.ok()) {
      p.error(param, "invalid pattern '" + pat + "': " + one.error());
      ok = false;
      continue;
    }
    m_top.push_back(m_groups + 1);
    m_pattern_index.push_back(static_cast<int>(pi));
    m_groups += 1 + one.NumberOfCapturingGroups();
    all += (all.empty() ? "" : "|") + std::string("(") + pat + ")";
  }
  if (!ok || all.empty()) return ok;
  m_re = std::make_unique<RE2>(all, opts);
  if (!m_re->ok()) {
    p.error(param, "invalid pattern: " + m_re->error());
    m_re.reset();
    return false;
  }
  return true;
}

void PatternSet::find(std::string_view text,
                      const std::function<void(int, std::uint32_t, std::uint32_t)>& f) const {
  if (!m_re) return;
  int groups = m_re->NumberOfCapturingGroups();
  std::vector<re2::StringPiece> sub;
  std::size_t pos = 0;
  re2::StringPiece input(text.data(), text.size());
  re2::StringPiece whole;
  // Where the next match is, by RE2's DFA alone (no groups asked: most blocks have none);
  // then, anchored at its start, which pattern it was. The anchored match at the same start
  // is the same match: leftmost-first picks the first alternative that matches there.
  while (pos <= text.size() && m_re->Match(input, pos, text.size(), RE2::UNANCHORED, &whole, 1)) {
    std::size_t b = static_cast<std::size_t>(whole.data() - text.data());
    std::size_t e = b + whole.size();
    if (e > b) {
      sub.assign(static_cast<std::size_t>(groups) + 1, re2::StringPiece());
      int which = 0;
      if (m_re->Match(input, b, text.size(), RE2::ANCHOR_START, sub.data(),
                      static_cast<int>(sub.size()))) {
        // The first non-empty top-level group: the top-level groups are the ones we added;
        // nested groups of a pattern follow its own group.
        for (std::size_t idx = 0; idx < m_top.size(); ++idx) {
          if (m_top[idx] <= groups && sub[static_cast<std::size_t>(m_top[idx])].data() != nullptr) {
            which = m_pattern_index[idx];
            break;
          }
        }
      }
      f(which, static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e));
    }
    pos = e > b ? e : b + 1;
  }
}

bool wording_applies(const Document& doc, const Prose& prose, const Scope& scope) {
  if (prose.answer_label) return false;
  return scope.contains(doc, prose);
}

bool offset_applies(const Document& doc, std::uint32_t offset, const Scope& scope, Inside inside) {
  if (!scope.contains(doc, offset)) return false;
  if (scope.explicit_scope) return true;
  if (!inside.quotes && doc.in_quote(offset)) return false;
  if (!inside.mentions && doc.in_mention(offset) && !doc.in_quote(offset)) return false;
  if (!inside.questions && doc.in_question(offset)) return false;
  return true;
}

std::string display_match(const Prose& prose, std::uint32_t b, std::uint32_t e) {
  std::string_view t = std::string_view(prose.text).substr(b, e - b);
  std::string out;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t[i] == '-' && i + 1 < t.size() && std::isspace(static_cast<unsigned char>(t[i + 1])) &&
        t.substr(i + 1).find('\n') != std::string_view::npos) {
      std::size_t j = i + 1;
      bool newline = false;
      while (j < t.size() && std::isspace(static_cast<unsigned char>(t[j])))
        newline |= t[j++] == '\n';
      if (newline) {
        out += '-';
        i = j - 1;
        continue;
      }
    }
    out += t[i];
  }
  return text::squash(out);
}

std::string match_case(std::string_view replacement, std::string_view like) {
  std::string r(replacement);
  if (r.empty() || like.empty()) return r;
  bool upper_first = std::isupper(static_cast<unsigned char>(like[0]));
  bool all_upper = like.size() > 1;
  for (char c : like)
    if (std::isalpha(static_cast<unsigned char>(c)) && !std::isupper(static_cast<unsigned char>(c)))
      all_upper = false;
  if (all_upper) {
    for (char& c : r) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  } else if (upper_first) {
    r[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(r[0])));
  }
  return r;
}

}  // namespace prfaq::kinds
