// The PR/FAQ kinds about the press release's form: "headline" (PF201-PF204), "dateline"
// (PF205) and "customer-focus" (PF207).
#include <re2/re2.h>

#include <fmt/format.h>

#include "kinds/kinds.hpp"
#include "kinds/terms.hpp"
#include "kinds/units.hpp"
#include "model/patterns.hpp"
#include "text/text.hpp"

namespace prfaq::kinds {
namespace {

enum class HeadlineCheck { length, vague, company, style };

class Headline final : public Rule {
 public:
  explicit Headline(ParamReader& p) {
    m_check = read_choice<HeadlineCheck>(p, "check", "which headline check",
                                         {"length", "vague", "company-centric", "style"});
    m_max_words = p.get_int("max_words", 15, "length: most words");
    m_max_chars = p.get_int("max_chars", 110, "length: most characters");
    m_generic = p.get_strings("generic", {}, "vague: words that carry no concrete benefit");
    m_hedges = p.get_strings("hedges", {}, "vague: hedging words");
    m_openers =
        p.get_strings("openers", {}, "vague: openers that only introduce a name (\"Introducing\")");
    m_company_patterns.compile(p.get_strings("patterns", {}, "company-centric: RE2 patterns"), true,
                               p, "patterns");
    for (std::string& s : m_generic) s = text::to_lower(s);
    for (std::string& s : m_hedges) s = text::to_lower(s);
    for (std::string& s : m_openers) s = text::to_lower(s);
    m_products = p.product_names();
  }

  void check(const Document& doc, FindingSink& out) const override {
    if (!doc.is_prfaq || !doc.headline_role) return;
    const RoleInstance& role = doc.roles[*doc.headline_role];
    const std::string& h = doc.headline_text;
    if (h.empty()) return;
    Span span = headline_span(doc, role);
    switch (m_check) {
      case HeadlineCheck::length: {
        // CJK characters weigh a share of a word (text::k_word_units), rounded up.
        const int cjk_units = text::cjk_char_units(doc.text());
        std::int64_t units = 0;
        for (const std::string& w : text::words(h)) {
          std::size_t i = 0;
          units += text::is_cjk(decode_utf8(w, i)) ? cjk_units : text::k_word_units;
        }
        std::int64_t words = (units + text::k_word_units - 1) / text::k_word_units;
        auto chars = static_cast<std::int64_t>(count_code_points(h));
        if (words > m_max_words || chars > m_max_chars)
          out.report({.span = span,
                      .args = {{"words", std::to_string(words)},
                               {"chars", std::to_string(chars)},
                               {"max_words", std::to_string(m_max_words)},
                               {"max_chars", std::to_string(m_max_chars)}}});
        break;
      }
      case HeadlineCheck::vague: {
        std::string reason = vague(h);
        if (!reason.empty()) out.report({.span = span, .args = {{"reason", reason}, {"match", h}}});
        break;
      }
      case HeadlineCheck::company: {
        std::string found;
        m_company_patterns.find(h, [&](int, std::uint32_t b, std::uint32_t e) {
          if (found.empty()) found = h.substr(b, e - b);
        });
        if (!found.empty()) out.report({.span = span, .args = {{"match", found}}});
        break;
      }
      case HeadlineCheck::style: {
        std::string t = text::trim(h);
        std::string reason;
        if (t.ends_with(".") && !t.ends_with(".."))
          reason = "ends with a period";
        else if (t.find('!') != std::string::npos)
          reason = "has an exclamation mark";
        else {
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
          if (words >= 3 && upper_words * 10 >= words * 8) reason = "is written in capitals";
        }
        if (!reason.empty()) out.report({.span = span, .args = {{"reason", reason}, {"match", t}}});
        break;
      }
    }
  }

 private:
  static Span headline_span(const Document& doc, const RoleInstance& role) {
    // The headline's own prose (without the '#' marker).
    // A labelled headline ("**Headline:** X", "## Headline" then X) starts after its label.
    for (const Prose& p : doc.prose) {
      if (!role.span.contains(p.span.begin) && !p.span.contains(role.label_span.begin)) continue;
      auto e = static_cast<std::uint32_t>(p.text.size());
      std::uint32_t b = 0;
      if (role.labelled)
        while (b < e && p.offsets[b] < role.label_span.end) ++b;
      while (b < e && std::isspace(static_cast<unsigned char>(p.text[b]))) ++b;
      while (e > b && std::isspace(static_cast<unsigned char>(p.text[e - 1]))) --e;
      if (b < e) return p.source_span(b, e);
    }
    return first_line(doc, role.label_span);
  }

  std::string vague(const std::string& h) const {
    std::string lower = text::to_lower(h);
    std::vector<std::string> words = text::words(lower);
    if (words.empty()) return {};
    // Hedges anywhere.
    for (const std::string& hedge : m_hedges) {
      std::vector<std::string> hw = text::words(hedge);
      for (std::size_t i = 0; i + hw.size() <= words.size(); ++i)
        if (std::equal(hw.begin(), hw.end(), words.begin() + static_cast<long>(i)))
          return "it hedges ('" + hedge + "')";
    }
    // "Introducing X" with nothing after the name.
    for (const std::string& o : m_openers) {
      std::vector<std::string> ow = text::words(o);
      if (words.size() >= ow.size() && std::equal(ow.begin(), ow.end(), words.begin())) {
        std::size_t rest = words.size() - ow.size();
        if (rest <= 4 && lower.find(" that ") == std::string::npos &&
            lower.find(" to ") == std::string::npos && lower.find(" for ") == std::string::npos &&
            lower.find(':') == std::string::npos)
          return "it only introduces a name";
      }
    }
    // Nothing but generic words, names and small words.
    static const std::vector<std::string> k_small = {
        "a",    "an",   "the", "and", "or",  "of",  "for", "to", "in", "on",
        "with", "your", "our", "its", "new", "all", "by",  "at", "is"};
    std::vector<std::string> name_words;
    for (const std::string& n : m_products)
      for (const std::string& w : text::words(n)) name_words.push_back(w);
    // Capitalised words in the original count as names.
    std::vector<std::string> orig;
    {
      std::string cur;
      for (char c : h + " ") {
        if (std::isalnum(static_cast<unsigned char>(c)) || c == '\'' ||
            static_cast<unsigned char>(c) >= 0x80)
          cur += c;
        else if (!cur.empty())
          orig.push_back(cur), cur.clear();
      }
    }
    std::size_t concrete = 0, generic = 0;
    for (const std::string& w : words) {
      if (std::find(k_small.begin(), k_small.end(), w) != k_small.end()) continue;
      if (std::find(name_words.begin(), name_words.end(), w) != name_words.end()) continue;
      if (std::find(m_generic.begin(), m_generic.end(), w) != m_generic.end()) {
        ++generic;
        continue;
      }
      if (std::any_of(w.begin(), w.end(),
                      [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
        ++concrete;
      ++concrete;
    }
    if (generic > 0 && concrete == 0) return "it has only generic words";
    return {};
  }

  HeadlineCheck m_check = HeadlineCheck::length;
  std::int64_t m_max_words = 15, m_max_chars = 110;
  std::vector<std::string> m_generic, m_hedges, m_openers, m_products;
  PatternSet m_company_patterns;
};

class Dateline final : public Rule {
 public:
  explicit Dateline(ParamReader&) {}
  void check(const Document& doc, FindingSink& out) const override {
    if (!doc.is_prfaq) return;
    const RoleInstance* summary = doc.find_role("summary");
    if (!summary) return;
    for (const Prose& p : doc.prose) {
      if (!summary->span.contains(p.span.begin) || p.kind == BlockKind::heading) continue;
      // After a run-in label ("**Summary.** SEATTLE — …"), the text that follows it.
      std::uint32_t from = 0;
      while (summary->labelled && from + 1 < p.offsets.size() &&
             p.offsets[from] < summary->label_span.end && summary->label_span.end <= p.span.end)
        ++from;
      std::string text = text::trim(std::string_view(p.text).substr(from));
      if (patterns::dateline_date(text)) return;
      // "[CITY] — [Date] — …": a dateline still to be filled in (PF504 reports the slots).
      if (text.starts_with("[")) {
        std::size_t close = text.find(']');
        std::string after = close == std::string::npos ? "" : text::trim(text.substr(close + 1));
        if (after.starts_with("\xE2\x80\x94") || after.starts_with("\xE2\x80\x93") ||
            after.starts_with("-") || after.starts_with(","))
          return;
      }
      out.report({.span = first_line(doc, p.span)});
      return;
    }
  }
};

class CustomerFocus final : public Rule {
 public:
  explicit CustomerFocus(ParamReader& p) {
    m_scope = read_scope(p, "press_release");
    m_ratio = p.get_double("ratio", 2.0,
                           "report when company words outnumber customer words by this factor");
    m_min = p.get_int("min_company_words", 6, "fewest company words before the ratio is checked");
    for (const std::string& w :
         p.get_strings("company_words", {"we", "our", "us", "ours", "we're", "we've", "we'll"},
                       "words that speak for the company"))
      m_company.add(w, 0);
    for (const std::string& w :
         p.get_strings("customer_words",
                       {"you", "your", "yours", "you're", "customer", "customers", "user", "users"},
                       "words that speak to or about the customer"))
      m_customer.add(w, 0);
    auto phrases =
        p.get_strings("phrases", {}, "company-centric phrases flagged wherever they appear");
    for (std::size_t i = 0; i < phrases.size(); ++i) m_phrases.add(phrases[i], static_cast<int>(i));
  }

  void check(const Document& doc, FindingSink& out) const override {
    if (!doc.is_prfaq) return;
    for (const Unit& u : units_of(doc, m_scope)) {
      std::int64_t company = 0, customer = 0;
      for (const Prose& prose : doc.prose_in(u.span)) {
        const std::vector<Word>& words = words_of(prose);
        auto outside = [&](std::uint32_t b) {
          return !doc.in_quote(prose.source_span(b, b + 1).begin);
        };
        m_company.find(words, [&](int, std::uint32_t b, std::uint32_t) { company += outside(b); });
        m_customer.find(words,
                        [&](int, std::uint32_t b, std::uint32_t) { customer += outside(b); });
        m_phrases.find(words, [&](int, std::uint32_t b, std::uint32_t e) {
          Span s = prose.source_span(b, e);
          if (doc.in_quote(s.begin)) return;
          out.report({.span = s,
                      .args = {{"match", display_match(prose, b, e)},
                               {"reason", "it celebrates the company"}}});
        });
      }
      if (company >= m_min &&
          static_cast<double>(company) > m_ratio * static_cast<double>(customer))
        out.report({.span = u.anchor,
                    .args = {{"match", u.name},
                             {"reason", fmt::format("'we/our' {} times, 'you/customers' {} times",
                                                    company, customer)}}});
    }
  }

 private:
  Scope m_scope;
  double m_ratio = 2.0;
  std::int64_t m_min = 6;
  TermMatcher m_company, m_customer, m_phrases;
};

}  // namespace

std::unique_ptr<Rule> make_headline(ParamReader& p) {
  return std::make_unique<Headline>(p);
}
std::unique_ptr<Rule> make_dateline(ParamReader& p) {
  return std::make_unique<Dateline>(p);
}
std::unique_ptr<Rule> make_customer_focus(ParamReader& p) {
  return std::make_unique<CustomerFocus>(p);
}

}  // namespace prfaq::kinds
