// The FAQ kinds: "faq-question" (PF401), "faq-answer" (PF402), "faq-count" (PF403),
// "faq-duplicate" (PF404) and "faq-topics" (PF406).
#include <algorithm>
#include <map>

#include "kinds/kinds.hpp"
#include "kinds/terms.hpp"
#include "kinds/units.hpp"
#include "text/text.hpp"

namespace prfaq::kinds {
namespace {

class FaqQuestion final : public Rule {
 public:
  explicit FaqQuestion(ParamReader&) {}
  void check(const Document& doc, FindingSink& out) const override {
    if (!doc.is_prfaq) return;
    for (const Question& q : doc.questions)
      if (!q.is_question && !q.text.empty())
        out.report({.span = q.span, .args = {{"match", q.text}}});
  }
};

class FaqAnswer final : public Rule {
 public:
  explicit FaqAnswer(ParamReader&) {}
  void check(const Document& doc, FindingSink& out) const override {
    if (!doc.is_prfaq) return;
    for (const Question& q : doc.questions) {
      if (q.answered) continue;
      std::string a = text::preview(text::squash(q.answer_text), 60);
      out.report(
          {.span = q.span,
           .args = {{"match", q.text}, {"answer", a.empty() ? "no answer" : "'" + a + "'"}}});
    }
  }
};

// Fewer questions than expected in an FAQ part the writer labelled, or in the whole FAQ when it
// is not split into parts.
class FaqCount final : public Rule {
 public:
  explicit FaqCount(ParamReader& p) {
    m_min = p.get_int("min", 3, "fewest questions per FAQ part");
  }

  void check(const Document& doc, FindingSink& out) const override {
    if (!doc.is_prfaq) return;
    bool labelled = false;
    for (const RoleInstance& r : doc.roles) {
      if ((r.role != "external_faq" && r.role != "internal_faq") || !r.labelled || r.in_example)
        continue;
      labelled = true;
      auto by = [](const Question& q, std::uint32_t at) { return q.span.begin < at; };
      auto b = std::lower_bound(doc.questions.begin(), doc.questions.end(), r.span.begin, by);
      auto e = std::lower_bound(b, doc.questions.end(), r.span.end, by);
      report(doc, out, r.label_span, r.label, static_cast<std::int64_t>(e - b));
    }
    if (labelled || doc.questions.empty()) return;
    // An unsplit FAQ: its questions together.
    Span faq = doc.faq.empty() ? doc.questions.front().span : doc.faq;
    report(doc, out, first_line(doc, faq), "The FAQ",
           static_cast<std::int64_t>(doc.questions.size()));
  }

 private:
  void report(const Document& doc, FindingSink& out, Span at, const std::string& part,
              std::int64_t n) const {
    if (n >= m_min) return;
    out.report({.span = first_line(doc, at),
                .args = {{"count", std::to_string(n)},
                         {"questions", n == 1 ? "1 question" : std::to_string(n) + " questions"},
                         {"limit", std::to_string(m_min)},
                         {"part", part}},
                .absent = true});
  }

  std::int64_t m_min = 3;
};

class FaqDuplicate final : public Rule {
 public:
  explicit FaqDuplicate(ParamReader&) {}
  void check(const Document& doc, FindingSink& out) const override {
    if (!doc.is_prfaq) return;
    std::map<std::string, const Question*> seen;
    for (const Question& q : doc.questions) {
      std::string key;
      for (const std::string& w : text::words(q.text)) key += w + " ";
      if (key.empty()) continue;
      auto [it, fresh] = seen.emplace(key, &q);
      if (fresh) continue;
      out.report({.span = q.span,
                  .args = {{"match", q.text}},
                  .labels = {{it->second->span, "first asked here"}}});
    }
  }
};

class FaqTopics final : public Rule {
 public:
  explicit FaqTopics(ParamReader& p) {
    auto topics = p.get_string_map("topics", "topic = \"term|term|...\" (whole words)");
    for (auto& [name, terms] : topics) {
      Topic t{name, TermMatcher(true), nullptr};
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
    // RE2 patterns per topic, for what whole words cannot catch: amounts of money, and scripts
    // whose particles attach to the noun (Korean "위험은").
    for (auto& [name, pattern] : p.get_string_map("topic_patterns", "topic = \"RE2 pattern\"")) {
      auto it = std::find_if(m_topics.begin(), m_topics.end(),
                             [&](const Topic& t) { return t.name == name; });
      if (it == m_topics.end()) {
        p.error("topic_patterns", "topic '" + name + "' is not among the topics");
        continue;
      }
      it->patterns = std::make_shared<PatternSet>();
      it->patterns->compile({pattern}, true, p, "topic_patterns");
    }
    if (m_topics.empty()) p.error("topics", "faq-topics needs topics");
  }

  void check(const Document& doc, FindingSink& out) const override {
    if (!doc.is_prfaq) return;
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
      out.report({.span = first_line(doc, internal->label_span),
                  .args = {{"topics", missing}},
                  .absent = true});
  }

 private:
  struct Topic {
    std::string name;
    TermMatcher terms;
    std::shared_ptr<PatternSet> patterns;
  };
  std::vector<Topic> m_topics;
};

}  // namespace

std::unique_ptr<Rule> make_faq_question(ParamReader& p) {
  return std::make_unique<FaqQuestion>(p);
}
std::unique_ptr<Rule> make_faq_answer(ParamReader& p) {
  return std::make_unique<FaqAnswer>(p);
}
std::unique_ptr<Rule> make_faq_count(ParamReader& p) {
  return std::make_unique<FaqCount>(p);
}
std::unique_ptr<Rule> make_faq_duplicate(ParamReader& p) {
  return std::make_unique<FaqDuplicate>(p);
}
std::unique_ptr<Rule> make_faq_topics(ParamReader& p) {
  return std::make_unique<FaqTopics>(p);
}

}  // namespace prfaq::kinds
