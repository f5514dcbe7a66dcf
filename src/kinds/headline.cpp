// The headline kinds: "headline-length" (PF201), "headline-vague" (PF202), "headline-company"
// (PF203) and "headline-style" (PF204). Each reads the headline the model found.
#include <re2/re2.h>

#include <algorithm>

#include "kinds/kinds.hpp"
#include "kinds/terms.hpp"
#include "kinds/units.hpp"
#include "text/text.hpp"

namespace prfaq::kinds {
namespace {

/// The headline's text and where it is written, or nothing for a file without one.
struct Headline {
  std::string text;
  Span span;
};

std::optional<Headline> headline_of(const Document& doc) {
  if (!doc.is_prfaq || !doc.headline_role || doc.headline_text.empty()) return std::nullopt;
  Span s = doc.headline_span;
  if (s.empty()) s = first_line(doc, doc.roles[*doc.headline_role].label_span);
  return Headline{doc.headline_text, s};
}

/// A headline still to be written: a bracketed slot or an instruction in parentheses.
bool slot(std::string_view h) {
  std::string t = text::trim(h);
  return t.find('[') != std::string::npos || t.find('<') != std::string::npos ||
         (t.starts_with("(") && t.ends_with(")"));
}

std::vector<std::string> lower_list(ParamReader& p, std::string_view name, std::string_view doc) {
  std::vector<std::string> out;
  for (const std::string& s : p.get_strings(name, {}, doc)) out.push_back(text::to_lower(s));
  return out;
}

class HeadlineLength final : public Rule {
 public:
  explicit HeadlineLength(ParamReader& p) {
    m_max_words = p.get_int("max_words", 15, "most words");
    m_max_chars = p.get_int("max_chars", 110, "most characters");
  }

  void check(const Document& doc, FindingSink& out) const override {
    auto h = headline_of(doc);
    if (!h) return;
    // CJK characters weigh a share of a word (text::k_word_units), rounded up.
    const int cjk_units = text::cjk_char_units(doc.text());
    std::int64_t units = 0;
    for (const std::string& w : text::words(h->text)) {
      std::size_t i = 0;
      units += text::is_cjk(decode_utf8(w, i)) ? cjk_units : text::k_word_units;
    }
    std::int64_t words = (units + text::k_word_units - 1) / text::k_word_units;
    auto chars = static_cast<std::int64_t>(count_code_points(h->text));
    if (words > m_max_words || chars > m_max_chars)
      out.report({.span = h->span,
                  .args = {{"words", std::to_string(words)},
                           {"chars", std::to_string(chars)},
                           {"max_words", std::to_string(m_max_words)},
                           {"max_chars", std::to_string(m_max_chars)}}});
  }

 private:
  std::int64_t m_max_words = 15, m_max_chars = 110;
};

// A vague headline names no customer benefit: it only introduces a name, announces, hedges,
// or leans on generic words. A measure ("35%", "$29", "in minutes") or a customer with an
// action ("lets teams close", "turns the whole team into …") makes it concrete.
class HeadlineVague final : public Rule {
 public:
  explicit HeadlineVague(ParamReader& p) {
    m_openers = lower_list(p, "openers", "openers that only introduce a name (\"Introducing\")");
    m_hedges = lower_list(p, "hedges", "hedging words");
    m_generic = lower_list(p, "generic", "words that carry no concrete benefit");
    m_announce = lower_list(p, "announcements",
                            "words that announce rather than say what the customer gets");
    m_verbs = lower_list(p, "benefit_verbs", "verbs of a concrete benefit (\"lets\", \"cuts\")");
    m_customers =
        lower_list(p, "customers", "words that name the customer (\"teams\", \"owners\")");
    m_units = lower_list(p, "units", "units that make a number a measure (\"minutes\", \"%\")");
    m_max_name = p.get_int("max_name_words", 4,
                           "a headline this short with no benefit verb only names the product");
  }

  void check(const Document& doc, FindingSink& out) const override {
    auto h = headline_of(doc);
    if (!h || slot(h->text)) return;
    std::string reason = vague(h->text);
    if (!reason.empty())
      out.report({.span = h->span, .args = {{"reason", reason}, {"match", h->text}}});
  }

 private:
  static bool has(const std::vector<std::string>& words, const std::vector<std::string>& list,
                  std::string* which = nullptr) {
    for (const std::string& l : list) {
      std::vector<std::string> lw = text::words(l);
      if (lw.empty()) continue;
      for (std::size_t i = 0; i + lw.size() <= words.size(); ++i)
        if (std::equal(lw.begin(), lw.end(), words.begin() + static_cast<long>(i))) {
          if (which) *which = l;
          return true;
        }
    }
    return false;
  }

  bool measure(const std::string& h, const std::vector<std::string>& words) const {
    // "$29", "35%", "2x", "10 minutes", "in minutes"; not the digits of a DOI or a version.
    static const RE2 k_money(
        R"((?:[$€£¥]\s?\d|\d\s?%|\b\d+(?:\.\d+)?x\b|\b\d+[kKmM]?\b\s*(?:%|percent)))");
    if (RE2::PartialMatch(h, k_money)) return true;
    auto number = [&](std::size_t i) {
      return i < words.size() && !words[i].empty() &&
             std::isdigit(static_cast<unsigned char>(words[i][0])) &&
             std::all_of(words[i].begin(), words[i].end(), [](char c) {
               return std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == ',';
             });
    };
    auto unit = [&](std::size_t i) {
      return i < words.size() &&
             std::find(m_units.begin(), m_units.end(), words[i]) != m_units.end();
    };
    for (std::size_t i = 0; i < words.size(); ++i) {
      if (number(i) && unit(i + 1)) return true;
      if (unit(i) && number(i + 1)) return true;         // "on day 1", "by week 2"
      if (words[i] == "in" && unit(i + 1)) return true;  // "in minutes"
    }
    return false;
  }

  std::string vague(const std::string& h) const {
    std::string lower = text::to_lower(h);
    std::vector<std::string> words = text::words(lower);
    if (words.empty()) return {};
    std::string which;
    if (has(words, m_hedges, &which)) return "it hedges ('" + which + "')";
    bool concrete = measure(h, words) || (has(words, m_customers) && has(words, m_verbs));
    if (concrete) return {};
    for (const std::string& o : m_openers) {
      std::vector<std::string> ow = text::words(o);
      if (!ow.empty() && words.size() >= ow.size() &&
          std::equal(ow.begin(), ow.end(), words.begin()))
        return "it introduces a name, not what the customer gets";
    }
    if (has(words, m_announce, &which))
      return "it announces ('" + which + "') instead of naming a benefit";
    if (has(words, m_generic, &which))
      return "generic words ('" + which + "') and no customer or measurable benefit";
    if (static_cast<std::int64_t>(words.size()) <= m_max_name && !has(words, m_verbs))
      return "it only names the product";
    return {};
  }

  std::vector<std::string> m_openers, m_hedges, m_generic, m_announce, m_verbs, m_customers,
      m_units;
  std::int64_t m_max_name = 4;
};

class HeadlineCompany final : public Rule {
 public:
  explicit HeadlineCompany(ParamReader& p) {
    m_patterns.compile(p.get_strings("patterns", {}, "RE2 patterns of a company-centric headline"),
                       true, p, "patterns");
  }

  void check(const Document& doc, FindingSink& out) const override {
    auto h = headline_of(doc);
    if (!h || slot(h->text)) return;
    std::string found;
    m_patterns.find(h->text, [&](int, std::uint32_t b, std::uint32_t e) {
      if (found.empty()) found = h->text.substr(b, e - b);
    });
    if (!found.empty()) out.report({.span = h->span, .args = {{"match", found}}});
  }

 private:
  PatternSet m_patterns;
};

class HeadlineStyle final : public Rule {
 public:
  explicit HeadlineStyle(ParamReader&) {}

  void check(const Document& doc, FindingSink& out) const override {
    auto h = headline_of(doc);
    if (!h || slot(h->text)) return;
    std::string t = text::trim(h->text);
    std::string reason;
    if (t.ends_with(".") && !t.ends_with(".."))
      reason = "ends with a period";
    else if (t.find('!') != std::string::npos)
      reason = "has an exclamation mark";
    else if (shouting(t))
      reason = "is written in capitals";
    if (!reason.empty()) out.report({.span = h->span, .args = {{"reason", reason}, {"match", t}}});
  }

 private:
  static bool shouting(const std::string& t) {
    int upper_words = 0, words = 0;
    std::string cur;
    for (char c : t + " ") {
      if (std::isalpha(static_cast<unsigned char>(c))) {
        cur += c;
      } else if (!cur.empty()) {
        ++words;
        bool all = cur.size() > 1;
        for (char d : cur) all &= std::isupper(static_cast<unsigned char>(d)) != 0;
        upper_words += all;
        cur.clear();
      }
    }
    return words >= 3 && upper_words * 10 >= words * 8;
  }
};

}  // namespace

std::unique_ptr<Rule> make_headline_length(ParamReader& p) {
  return std::make_unique<HeadlineLength>(p);
}
std::unique_ptr<Rule> make_headline_vague(ParamReader& p) {
  return std::make_unique<HeadlineVague>(p);
}
std::unique_ptr<Rule> make_headline_company(ParamReader& p) {
  return std::make_unique<HeadlineCompany>(p);
}
std::unique_ptr<Rule> make_headline_style(ParamReader& p) {
  return std::make_unique<HeadlineStyle>(p);
}

}  // namespace prfaq::kinds
