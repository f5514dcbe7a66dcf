// The quote kinds: "customer-quote" (PF301), "quote-attribution" (PF302), "placeholder-speaker"
// (PF303), "leader-quote" (PF304) and "quote-substance" (PF305).
#include <algorithm>

#include "kinds/kinds.hpp"
#include "model/patterns.hpp"
#include "text/text.hpp"

namespace prfaq::kinds {
namespace {

/// A slot's instruction or placeholder ("[Quote from a customer]", "(Specific enough …)") is no
/// quotation yet.
bool unwritten(const Quote& q) {
  if (!q.slot) return false;
  std::string t = text::trim(q.text);
  return t.empty() || t.starts_with("[") || t.starts_with("(") || t.starts_with("<") ||
         patterns::placeholder_answer(t);
}

// "No quotation attributed to a customer" (PF301) and "… to someone speaking for the company"
// (PF304): one kind, told apart by the class it looks for.
class MissingQuote final : public Rule {
 public:
  MissingQuote(ParamReader&, QuoteClass cls) : m_cls(cls) {}

  void check(const Document& doc, FindingSink& out) const override {
    if (!doc.is_prfaq) return;
    const char* role = m_cls == QuoteClass::customer ? "customer_quote" : "leader_quote";
    bool slot = false;
    for (const Quote& q : doc.quotes) {
      if (q.cls != m_cls) continue;
      if (!unwritten(q)) return;
      slot = true;
    }
    Finding f;
    // Point at a labelled quote section, else the press release's headline or start.
    if (const RoleInstance* r = doc.find_role(role)) {
      f.span = r->label_span;
    } else if (doc.headline_role) {
      f.span =
          doc.headline_span.empty() ? doc.roles[*doc.headline_role].label_span : doc.headline_span;
    } else {
      std::uint32_t at = doc.press_release.empty() ? doc.front_matter.end : doc.press_release.begin;
      std::string_view line = doc.source->lines.line_text(doc.source->lines.line_of(at) + 1);
      f.span = {at, static_cast<std::uint32_t>(at + line.size())};
    }
    std::size_t n = 0;
    for (const Quote& q : doc.quotes) n += !q.slot;
    std::string found = slot     ? "the slot still holds the template's text"
                        : n == 0 ? "no quotes found"
                        : n == 1 ? "1 quote found"
                                 : std::to_string(n) + " quotes found";
    f.args = {{"found", found}, {"quotes", std::to_string(n)}};
    f.absent = true;
    out.report(std::move(f));
  }

 private:
  QuoteClass m_cls;
};

class QuoteAttribution final : public Rule {
 public:
  explicit QuoteAttribution(ParamReader&) {}

  void check(const Document& doc, FindingSink& out) const override {
    if (!doc.is_prfaq) return;
    for (const Quote& q : doc.quotes)
      if (q.speaker.empty() && !q.slot)
        out.report({.span = q.span, .args = {{"text", text::preview(q.text)}}});
  }
};

class PlaceholderSpeaker final : public Rule {
 public:
  explicit PlaceholderSpeaker(ParamReader&) {}

  void check(const Document& doc, FindingSink& out) const override {
    if (!doc.is_prfaq) return;
    for (const Quote& q : doc.quotes) {
      if (!q.placeholder_speaker) continue;
      out.report(
          {.span = speaker_span(doc, q), .args = {{"speaker", q.speaker}, {"match", q.speaker}}});
    }
  }

 private:
  static Span speaker_span(const Document& doc, const Quote& q) {
    // The speaker's text in the source near the quote.
    std::string_view t = doc.text();
    Span prose = q.prose >= 0 ? doc.prose[static_cast<std::size_t>(q.prose)].span : q.span;
    std::uint32_t from = prose.begin;
    std::uint32_t to =
        std::min<std::uint32_t>(static_cast<std::uint32_t>(t.size()), prose.end + 400);
    std::size_t pos = t.substr(from, to - from).find(q.speaker);
    if (pos != std::string_view::npos)
      return {static_cast<std::uint32_t>(from + pos),
              static_cast<std::uint32_t>(from + pos + q.speaker.size())};
    return q.span;
  }
};

class QuoteSubstance final : public Rule {
 public:
  explicit QuoteSubstance(ParamReader& p) {
    m_terms = p.get_strings(
        "terms",
        {"excited", "thrilled", "delighted", "proud", "happy", "pleased", "love", "ecstatic",
         "honored", "honoured", "can't wait", "cannot wait", "look forward", "looking forward",
         "amazing", "great", "awesome", "fantastic", "incredible"},
        "enthusiasm words");
    for (std::string& t : m_terms) t = text::to_lower(t);
    m_specific = p.get_strings(
        "specific", {"because", "now",     "saves",   "saved",  "cut",   "cuts",    "reduced",
                     "reduces", "instead", "without", "before", "after", "used to", "no longer",
                     "every",   "hours",   "minutes", "days",   "weeks", "lets",    "helps",
                     "helped",  "means",   "so that", "when"},
        "words of a concrete outcome that give a quote substance");
    for (std::string& t : m_specific) t = text::to_lower(t);
    m_max_words = p.get_int("max_words", 25, "longest quote that can be all enthusiasm");
  }

  void check(const Document& doc, FindingSink& out) const override {
    if (!doc.is_prfaq) return;
    for (const Quote& q : doc.quotes)
      if (!q.slot && empty_enthusiasm(q.text))
        out.report(
            {.span = q.span, .args = {{"text", text::preview(q.text)}, {"speaker", q.speaker}}});
  }

 private:
  bool empty_enthusiasm(const std::string& quote) const {
    std::string lower = text::to_lower(quote);
    std::vector<std::string> words = text::words(lower);
    if (words.empty() || words.size() > static_cast<std::size_t>(m_max_words)) return false;
    for (char c : quote)
      if (std::isdigit(static_cast<unsigned char>(c))) return false;
    bool has = false;
    for (const std::string& t : m_terms) has |= lower.find(t) != std::string::npos;
    if (!has) return false;
    for (const std::string& s : m_specific) {
      for (const std::string& w : words)
        if (w == s) return false;
      if (s.find(' ') != std::string::npos && lower.find(s) != std::string::npos) return false;
    }
    return true;
  }

  std::vector<std::string> m_terms, m_specific;
  std::int64_t m_max_words = 25;
};

}  // namespace

std::unique_ptr<Rule> make_customer_quote(ParamReader& p) {
  return std::make_unique<MissingQuote>(p, QuoteClass::customer);
}
std::unique_ptr<Rule> make_leader_quote(ParamReader& p) {
  return std::make_unique<MissingQuote>(p, QuoteClass::leader);
}
std::unique_ptr<Rule> make_quote_attribution(ParamReader& p) {
  return std::make_unique<QuoteAttribution>(p);
}
std::unique_ptr<Rule> make_placeholder_speaker(ParamReader& p) {
  return std::make_unique<PlaceholderSpeaker>(p);
}
std::unique_ptr<Rule> make_quote_substance(ParamReader& p) {
  return std::make_unique<QuoteSubstance>(p);
}

}  // namespace prfaq::kinds
