// The "faq" kind: PF401 faq-not-a-question, PF402 unanswered-question, PF403
// too-few-questions, PF404 duplicate-question, PF406 internal-faq-gap.
#include "kinds/kinds.hpp"
#include "kinds/terms.hpp"
#include "kinds/units.hpp"
#include "text/text.hpp"

namespace prfaq::kinds {
namespace {

enum class Check { not_question, unanswered, too_few, duplicate, internal_gap };

class Faq final : public Rule {
 public:
  explicit Faq(ParamReader& p) {
    m_check = read_choice<Check>(
        p, "check", "which FAQ check",
        {"not-a-question", "unanswered", "too-few", "duplicate", "internal-gap"});
    m_min = p.get_int("min", 3, "too-few: fewest questions per FAQ part");
    if (m_check == Check::internal_gap) {
      auto topics =
          p.get_string_map("topics", "internal-gap: topic = \"term|term|...\" (whole words)");
      for (auto& [name, terms] : topics) {
        Topic t{name, TermMatcher(true)};
        std::string cur;
        for (char ch : terms + "|") {
          if (ch == '|') {
            if (!text::trim(cur).empty()) t.terms.add(text::trim(cur), 0);
            cur.clear();
          } else {
            cur += ch;
          }
        }
        m_topics.push_back(std::move(t));
      }
      // RE2 patterns per topic, for what whole words cannot catch: amounts of money, and
      // scripts whose particles attach to the noun (Korean "위험은").
      for (auto& [name, pattern] :
           p.get_string_map("topic_patterns", "internal-gap: topic = \"RE2 pattern\"")) {
        auto it = std::find_if(m_topics.begin(), m_topics.end(),
                               [&](const Topic& t) { return t.name == name; });
        if (it == m_topics.end()) {
          p.error("topic_patterns", "topic '" + name + "' is not among the topics");
          continue;
        }
        it->patterns = std::make_shared<PatternSet>();
        it->patterns->compile({pattern}, true, p, "topic_patterns");
      }
      if (m_topics.empty()) p.error("topics", "internal-gap needs topics");
    }
  }

  void check(const Document& doc, FindingSink& out) const override {
    if (!doc.is_prfaq) return;
    switch (m_check) {
      case Check::not_question:
        for (const Question& q : doc.questions)
          if (!q.is_question) out.report({.span = q.span, .args = {{"match", q.text}}});
        break;
      case Check::unanswered:
        for (const Question& q : doc.questions)
          if (!q.answered) {
            std::string a = q.answer_text;
            std::string lower = text::to_lower(a);
            for (std::string_view marker : {"a:", "a.", "answer:"})
              if (lower.starts_with(marker)) a = text::trim(a.substr(marker.size()));
            out.report(
                {.span = q.span,
                 .args = {{"match", q.text}, {"answer", a.empty() ? "no answer" : "'" + a + "'"}}});
          }
        break;
      case Check::too_few:
        for (const RoleInstance& r : doc.roles) {
          if (r.role != "external_faq" && r.role != "internal_faq") continue;
          std::string part = r.role == "external_faq" ? "external" : "internal";
          std::int64_t n = 0;
          for (const Question& q : doc.questions)
            n += q.part == part && r.span.contains(q.span.begin);
          if (n < m_min)
            out.report({.span = first_line(doc, r.label_span),
                        .args = {{"count", std::to_string(n)},
                                 {"limit", std::to_string(m_min)},
                                 {"part", r.label.empty() ? part + " FAQ" : r.label}}});
        }
        break;
      case Check::duplicate: {
        std::vector<std::pair<std::string, const Question*>> seen;
        for (const Question& q : doc.questions) {
          std::string key;
          for (const std::string& w : text::words(q.text)) key += w + " ";
          if (key.empty()) continue;
          for (auto& [k, first] : seen) {
            if (k == key) {
              out.report({.span = q.span,
                          .args = {{"match", q.text}},
                          .labels = {{first->span, "first asked here"}}});
              break;
            }
          }
          seen.emplace_back(key, &q);
        }
        break;
      }
      case Check::internal_gap: {
        const RoleInstance* internal = doc.find_role("internal_faq");
        if (!internal) return;
        std::string missing;
        for (const Topic& t : m_topics) {
          bool found = false;
          for (const Prose& p : doc.prose_in(internal->span)) {
            t.terms.find(words_of(p), [&](int, std::uint32_t, std::uint32_t) { found = true; });
            if (!found && t.patterns)
              t.patterns->find(p.text, [&](int, std::uint32_t, std::uint32_t) { found = true; });
            if (found) break;
          }
          if (!found) missing += (missing.empty() ? "" : ", ") + t.name;
        }
        if (!missing.empty())
          out.report(
              {.span = first_line(doc, internal->label_span), .args = {{"topics", missing}}});
        break;
      }
    }
  }

 private:
  struct Topic {
    std::string name;
    TermMatcher terms;
    std::shared_ptr<PatternSet> patterns;
  };
  Check m_check = Check::unanswered;
  std::int64_t m_min = 3;
  std::vector<Topic> m_topics;
};

}  // namespace

std::unique_ptr<Rule> make_faq(ParamReader& p) {
  return std::make_unique<Faq>(p);
}

}  // namespace prfaq::kinds
