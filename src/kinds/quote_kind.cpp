// The "quote" kind: PF301 missing-customer-quote, PF302 unattributed-quote,
// PF303 placeholder-attribution, PF304 missing-leader-quote, PF305 empty-enthusiasm-quote.
#include <algorithm>

#include "kinds/kinds.hpp"
#include "text/text.hpp"

namespace prfaq::kinds {
namespace {

enum class Check { missing_customer, unattributed, placeholder, missing_leader, empty_enthusiasm };

class QuoteRule final : public Rule {
 public:
  explicit QuoteRule(ParamReader& p) {
    m_check = read_choice<Check>(
        p, "check", "which quote check",
        {"missing-customer", "unattributed", "placeholder", "missing-leader", "empty-enthusiasm"});
    m_terms = p.get_strings(
        "terms",
        {"excited", "thrilled", "delighted", "proud", "happy", "pleased", "love", "ecstatic",
         "honored", "honoured", "can't wait", "cannot wait", "look forward", "looking forward",
         "amazing", "great", "awesome", "fantastic", "incredible"},
        "enthusiasm words for empty-enthusiasm");
    for (std::string& t : m_terms) t = text::to_lower(t);
    m_max_words =
        p.get_int("max_words", 25, "empty-enthusiasm: longest quote that can be all enthusiasm");
  }

  void check(const Document& doc, FindingSink& out) const override {
    // Structure-dependent checks stay silent on files that are not PR/FAQs (PF105 says so once).
    if (!doc.is_prfaq) return;
    switch (m_check) {
      case Check::missing_customer:
        missing(doc, out, QuoteClass::customer, "customer_quote");
        break;
      case Check::missing_leader:
        missing(doc, out, QuoteClass::leader, "leader_quote");
        break;
      case Check::unattributed:
        for (const Quote& q : doc.quotes)
          if (q.speaker.empty()) out.report({.span = q.span, .args = {{"text", preview(q.text)}}});
        break;
      case Check::placeholder:
        for (const Quote& q : doc.quotes) {
          if (!q.placeholder_speaker) continue;
          Span s = speaker_span(doc, q);
          out.report({.span = s, .args = {{"speaker", q.speaker}, {"match", q.speaker}}});
        }
        break;
      case Check::empty_enthusiasm:
        for (const Quote& q : doc.quotes)
          if (empty_enthusiasm(q.text))
            out.report(
                {.span = q.span, .args = {{"text", preview(q.text)}, {"speaker", q.speaker}}});
        break;
    }
  }

 private:
  static std::string preview(const std::string& s) {
    if (count_code_points(s) <= 60) return s;
    std::size_t i = 0, n = 0;
    while (i < s.size() && n < 57) decode_utf8(s, i), ++n;
    return s.substr(0, i) + "...";
  }

  static Span speaker_span(const Document& doc, const Quote& q) {
    // Find the speaker's text in the source near the quote.
    std::string_view t = doc.text();
    Span prose = q.prose >= 0 ? doc.prose[q.prose].span : q.span;
    std::uint32_t from = prose.begin;
    std::uint32_t to =
        std::min<std::uint32_t>(static_cast<std::uint32_t>(t.size()), prose.end + 400);
    std::size_t pos = t.substr(from, to - from).find(q.speaker);
    if (pos != std::string_view::npos)
      return {static_cast<std::uint32_t>(from + pos),
              static_cast<std::uint32_t>(from + pos + q.speaker.size())};
    return q.span;
  }

  void missing(const Document& doc, FindingSink& out, QuoteClass cls, std::string_view role) const {
    for (const Quote& q : doc.quotes)
      if (q.cls == cls) return;
    Finding f;
    // Point at a labelled quote section, else the press release's headline or start.
    if (const RoleInstance* r = doc.find_role(role)) {
      f.span = r->label_span;
    } else if (doc.headline_role) {
      f.span = doc.roles[*doc.headline_role].label_span;
    } else {
      std::uint32_t at = doc.press_release.empty() ? doc.front_matter.end : doc.press_release.begin;
      std::string_view line = doc.source->lines.line_text(doc.source->lines.line_of(at) + 1);
      f.span = {at, static_cast<std::uint32_t>(at + line.size())};
    }
    std::size_t other = 0;
    for (const Quote& q : doc.quotes) other += q.cls != cls;
    f.args = {{"quotes", std::to_string(doc.quotes.size())}, {"other", std::to_string(other)}};
    out.report(std::move(f));
  }

  bool empty_enthusiasm(const std::string& quote) const {
    std::string lower = text::to_lower(quote);
    std::vector<std::string> words = text::words(lower);
    if (words.empty() || words.size() > static_cast<std::size_t>(m_max_words)) return false;
    for (char c : quote)
      if (std::isdigit(static_cast<unsigned char>(c))) return false;
    bool has = false;
    for (const std::string& t : m_terms) {
      std::size_t pos = lower.find(t);
      if (pos != std::string::npos) has = true;
    }
    if (!has) return false;
    // Enthusiasm without substance: no concrete outcome verbs or measures.
    static const std::vector<std::string> k_specific = {
        "because", "now",     "saves",   "saved",  "cut",   "cuts",    "reduced",
        "reduces", "instead", "without", "before", "after", "used to", "no longer",
        "every",   "hours",   "minutes", "days",   "weeks", "lets",    "helps",
        "helped",  "means",   "so that", "when"};
    for (const std::string& s : k_specific) {
      for (const std::string& w : words)
        if (w == s) return false;
      if (s.find(' ') != std::string::npos && lower.find(s) != std::string::npos) return false;
    }
    return true;
  }

  Check m_check = Check::missing_customer;
  std::vector<std::string> m_terms;
  std::int64_t m_max_words = 25;
};

}  // namespace

std::unique_ptr<Rule> make_quote(ParamReader& p) {
  return std::make_unique<QuoteRule>(p);
}

}  // namespace prfaq::kinds
