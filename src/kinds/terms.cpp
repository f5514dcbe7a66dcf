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

bool PatternSet::compile(const std::vector<std::string>& patterns, bool ignore_case, ParamReader& p,
                         std::string_view param) {
  std::string all;
  bool ok = true;
  RE2::Options opts;
  opts.set_log_errors(false);
  opts.set_case_sensitive(!ignore_case);
  opts.set_max_mem(64 << 20);
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
  m_count = static_cast<int>(patterns.size());
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
  std::vector<re2::StringPiece> sub(static_cast<std::size_t>(groups) + 1);
  std::size_t pos = 0;
  re2::StringPiece input(text.data(), text.size());
  while (pos <= text.size() && m_re->Match(input, pos, text.size(), RE2::UNANCHORED, sub.data(),
                                           static_cast<int>(sub.size()))) {
    std::size_t b = static_cast<std::size_t>(sub[0].data() - text.data());
    std::size_t e = b + sub[0].size();
    // Which top-level alternative matched: the first non-empty top-level group. Top-level groups
    // are the ones we added; nested groups of a pattern follow its own group.
    int which = 0;
    for (std::size_t idx = 0; idx < m_top.size(); ++idx) {
      if (m_top[idx] <= groups && sub[static_cast<std::size_t>(m_top[idx])].data() != nullptr) {
        which = m_pattern_index[idx];
        break;
      }
    }
    if (e > b) f(which, static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e));
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
