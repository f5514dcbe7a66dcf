// The "metric" kind: words, sentences or paragraphs per scope unit, or words per sentence,
// against limits (`max` at the rule's severity, `error_max` one level higher, `min`).
// The "readability" kind: Flesch-Kincaid grade and Flesch reading ease per unit.
#include <fmt/format.h>
#include <cmath>

#include "kinds/kinds.hpp"
#include "kinds/units.hpp"
#include "model/patterns.hpp"
#include "text/text.hpp"

namespace prfaq::kinds {
namespace {

enum class Metric { words, sentences, paragraphs, sentence_words };

// A colon ends a clause only after a label of at most this many words.
constexpr std::int64_t k_label_words = 4;

class MetricRule final : public Rule {
 public:
  explicit MetricRule(ParamReader& p) {
    m_scope = read_scope(p);
    m_metric = read_choice<Metric>(p, "metric", "what to count",
                                   {"words", "sentences", "paragraphs", "sentence_words"});
    m_max = p.get_int("max", 0, "report above this (0: no upper limit)");
    m_error_max =
        p.get_int("error_max", 0, "report one severity level higher above this (0: never)");
    m_min = p.get_int("min", 0, "report below this (0: no lower limit)");
    if (m_max < 0 || m_min < 0 || m_error_max < 0) p.error("max", "limits must not be negative");
  }

  void check(const Document& doc, FindingSink& out) const override {
    if (m_metric == Metric::sentence_words) {
      const int cjk_units = text::cjk_char_units(doc.text());
      for (const Prose& prose : doc.prose) {
        if (prose.kind == BlockKind::heading || !m_scope.contains(doc, prose)) continue;
        // The dateline of a summary paragraph is not part of its first sentence.
        std::uint32_t dateline_end = 0;
        if (auto at = patterns::dateline_date(prose.text)) {
          std::string_view rest = std::string_view(prose.text).substr(*at);
          for (std::string_view dash : {"\xE2\x80\x94", "\xE2\x80\x93", " - ", "--"}) {
            std::size_t d = rest.find(dash);
            if (d != std::string_view::npos && d < 40) {
              dateline_end = static_cast<std::uint32_t>(*at + d + dash.size());
              break;
            }
          }
        }
        for (const Sentence& s : prose.sentences) {
          // The longest clause: semicolons separate clauses (and list items), a colon after a
          // short label ("Price: ...", "What you get: ...") starts a new one, and a
          // parenthetical aside does not lengthen the sentence it sits in. A colon after a
          // longer lead-in ("..., and tells you what to do next: watch at home, ...") does not
          // split: the reader takes in lead-in and list as one sentence. Units are thirtieths
          // of a word (text::k_word_units).
          std::int64_t words = 0, clause = 0;
          int depth = 0;
          std::uint32_t first_counted = s.first;
          bool started = false;
          for (std::uint32_t k = s.first; k < s.last; ++k) {
            const Token& t = prose.tokens[k];
            if (t.begin < dateline_end) continue;  // "PORTLAND, OR — March 3, 2027 —" is not prose
            if (!started) first_counted = k, started = true;
            std::string_view tt = prose.token_text(t);
            if (t.kind == Token::Kind::punct) {
              if (tt == "(")
                ++depth;
              else if (tt == ")" && depth > 0)
                --depth;
              else if ((tt == ";" || tt == "\xEF\xBC\x9B") && depth == 0)
                clause = 0;
              else if ((tt == ":" || tt == "\xEF\xBC\x9A") && depth == 0 &&
                       clause <= k_label_words * text::k_word_units)
                clause = 0;
              continue;
            }
            if ((t.kind == Token::Kind::word || t.kind == Token::Kind::number) && depth == 0) {
              clause += is_cjk_token(prose, t) ? cjk_units : text::k_word_units;
              words = std::max(words, clause / text::k_word_units);
            }
          }
          if (m_max > 0 && words > m_max) {
            std::uint32_t b = prose.tokens[first_counted].begin;
            while (b < prose.text.size() && std::isspace(static_cast<unsigned char>(prose.text[b])))
              ++b;
            Span span = prose.source_span(b, prose.tokens[s.last - 1].end);
            if (!m_scope.explicit_scope && doc.in_quote(span.begin)) continue;
            Finding f{.span = span,
                      .args = {{"count", std::to_string(words)}, {"limit", std::to_string(m_max)}}};
            f.args["match"] = fmt::format("{} words", words);
            if (m_error_max > 0 && words > m_error_max) f.demote = -1;
            out.report(std::move(f));
          }
        }
      }
      return;
    }
    for (const Unit& u : units_of(doc, m_scope)) {
      std::int64_t n = measure(doc, u.span);
      std::map<std::string, std::string> args = {{"count", std::to_string(n)}, {"unit", u.name}};
      if (m_max > 0 && n > m_max) {
        args["limit"] = std::to_string(m_error_max > 0 && n > m_error_max ? m_error_max : m_max);
        Finding f{.span = u.anchor, .args = args, .absent = true};
        if (m_error_max > 0 && n > m_error_max) f.demote = -1;
        out.report(std::move(f));
      } else if (m_min > 0 && n < m_min) {
        args["limit"] = std::to_string(m_min);
        out.report({.span = u.anchor, .args = args, .absent = true});
      }
    }
  }

 private:
  std::int64_t measure(const Document& doc, Span span) const {
    std::int64_t n = 0;
    for (const Prose& p : doc.prose_in(span)) {
      if (m_metric == Metric::paragraphs)
        n += p.kind != BlockKind::heading && p.kind != BlockKind::table_cell;
      else if (m_metric == Metric::sentences)
        n += p.kind == BlockKind::heading ? 0 : static_cast<std::int64_t>(p.sentences.size());
    }
    if (m_metric == Metric::words) n = count_words(doc, span);
    return n;
  }

  Scope m_scope;
  Metric m_metric = Metric::words;
  std::int64_t m_max = 0, m_error_max = 0, m_min = 0;
};

// English syllables by vowel groups, with the usual silent-e and -le corrections.
int syllables(std::string_view word) {
  std::string w = text::to_lower(word);
  int count = 0;
  bool prev_vowel = false;
  for (char c : w) {
    bool vowel = std::string_view("aeiouy").find(c) != std::string_view::npos;
    if (vowel && !prev_vowel) ++count;
    prev_vowel = vowel;
  }
  if (w.size() > 2 && w.ends_with("e") && !w.ends_with("le") && !w.ends_with("ee") && count > 1)
    --count;
  if (w.size() > 3 && (w.ends_with("es") || w.ends_with("ed")) && !w.ends_with("ted") &&
      !w.ends_with("ded") && count > 1)
    --count;
  return std::max(1, count);
}

class Readability final : public Rule {
 public:
  explicit Readability(ParamReader& p) {
    m_scope = read_scope(p, "document");
    m_grade = p.get_double("grade", 12.0, "highest Flesch-Kincaid grade allowed (0: not checked)");
    m_ease =
        p.get_double("reading_ease", 0.0, "lowest Flesch reading ease allowed (0: not checked)");
    m_min_words = p.get_int("min_words", 100, "units with fewer words are not scored");
  }

  void check(const Document& doc, FindingSink& out) const override {
    std::vector<Unit> units;
    if (m_scope.kind == Scope::Kind::document) {
      // Each labelled section (or content role) of the document.
      for (const RoleInstance& r : doc.roles) {
        if (r.role == "headline" || r.role == "subheadline") continue;
        units.push_back(
            {r.span, first_line(doc, r.label_span), r.label.empty() ? r.role : r.label});
      }
      // Not a PR/FAQ (or no roles): each labelled section, else the whole document.
      if (doc.roles.empty()) {
        for (std::size_t i = 1; i < doc.sections.size(); ++i) {
          const Section& sec = doc.sections[i];
          Span own = sec.span;
          if (!sec.children.empty())
            own.end = doc.sections[static_cast<std::size_t>(sec.children.front())].label_span.begin;
          units.push_back({own, first_line(doc, sec.label_span), sec.label});
        }
        if (units.empty()) units = units_of(doc, m_scope);
      }
    } else {
      units = units_of(doc, m_scope);
    }
    for (const Unit& u : units) {
      double words = 0, sentences = 0, syl = 0;
      bool english = true;
      for (const Prose& p : doc.prose_in(u.span)) {
        if (p.kind == BlockKind::heading || p.kind == BlockKind::table_cell) continue;
        if (!m_scope.explicit_scope && doc.in_quote(p.span.begin)) continue;
        sentences += static_cast<double>(p.sentences.size());
        for (const Token& t : p.tokens) {
          if (t.kind != Token::Kind::word) continue;
          std::string_view w = p.token_text(t);
          for (unsigned char c : w) english &= c < 0x80;
          words += 1;
          syl += syllables(w);
        }
      }
      if (!english || words < static_cast<double>(m_min_words) || sentences < 1) continue;
      double grade = 0.39 * (words / sentences) + 11.8 * (syl / words) - 15.59;
      double ease = 206.835 - 1.015 * (words / sentences) - 84.6 * (syl / words);
      bool bad = (m_grade > 0 && grade > m_grade) || (m_ease > 0 && ease < m_ease);
      if (!bad) continue;
      out.report({.span = u.anchor,
                  .args = {{"grade", fmt::format("{:.1f}", grade)},
                           {"ease", fmt::format("{:.0f}", ease)},
                           {"limit", fmt::format("{:g}", m_grade)},
                           {"unit", u.name}}});
    }
  }

 private:
  Scope m_scope;
  double m_grade = 12, m_ease = 0;
  std::int64_t m_min_words = 100;
};

}  // namespace

std::unique_ptr<Rule> make_metric(ParamReader& p) {
  return std::make_unique<MetricRule>(p);
}
std::unique_ptr<Rule> make_readability(ParamReader& p) {
  return std::make_unique<Readability>(p);
}

}  // namespace prfaq::kinds
