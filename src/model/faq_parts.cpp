// Pass 6, parts: each FAQ entry's part — its FAQ label, else what it asks about — and the
// roles an FAQ holds.
#include <algorithm>
#include <unordered_map>

#include "model/faq.hpp"
#include "model/patterns.hpp"
#include "text/text.hpp"

namespace prfaq::model {

namespace {

class FaqParts {
 public:
  FaqParts(Context& ctx, const std::vector<FaqEntry>& entries, bool content)
      : m_ctx(ctx), m_doc(ctx.doc), m_lex(ctx.lex), m_entries(entries), m_content(content) {}

  void run() {
    parts();
    faq_roles();
    template_roles();
  }

 private:
  const Section& sec(int i) const { return m_doc.sections[static_cast<std::size_t>(i)]; }

  // The part of a question: its FAQ label, else what it asks about.
  std::string labelled_part(int s) const {
    for (; s > 0; s = sec(s).parent) {
      if (sec(s).role == "internal_faq") return "internal";
      if (sec(s).role == "external_faq") return "external";
    }
    return {};
  }

  int lean(const std::string& q) const {
    int internal = m_lex.count("internal_question_cues", q);
    int external = m_lex.count("external_question_cues", q);
    return internal - external;
  }

  void parts() {
    // Questions with no label for their part lean one way by their words; the undecided
    // ones follow the FAQ's majority (external when none leans).
    int internal = 0, external = 0;
    std::vector<int> leans(m_entries.size(), 0);
    for (std::size_t k = 0; k < m_entries.size(); ++k) {
      if (!labelled_part(m_entries[k].section).empty()) continue;
      leans[k] = lean(m_entries[k].text);
      internal += leans[k] > 0;
      external += leans[k] < 0;
    }
    for (std::size_t k = 0; k < m_entries.size(); ++k) {
      const FaqEntry& e = m_entries[k];
      Question q;
      q.part = labelled_part(e.section);
      if (!q.part.empty()) {
        q.why = "under the '" + q.part + " FAQ' label";
      } else if (leans[k] > 0) {
        q.part = "internal";
        q.why = "a stakeholder's question (its words)";
      } else if (leans[k] < 0) {
        q.part = "external";
        q.why = "a customer's question (its words)";
      } else {
        // Customers ask an FAQ's questions unless every question that leans is a stakeholder's.
        q.part = internal > 0 && external == 0 ? "internal" : "external";
        q.why = q.part == "internal"
                    ? "like every other question of this FAQ that leans"
                    : "an FAQ's questions are the customers' unless they say otherwise";
      }
      q.text = e.text;
      while (!q.text.empty() && (q.text.back() == '*' || q.text.back() == ' ')) q.text.pop_back();
      q.span = {e.begin, e.q_end};
      q.answer = e.answer_span;
      q.answer_text = e.answer;
      q.is_question = ends_with_question(q.text);
      std::string a = q.answer_text;
      q.answered = !a.empty() && !patterns::placeholder_answer(a);
      q.layout = e.layout;
      m_doc.questions.push_back(std::move(q));
    }
  }

  // An FAQ without external/internal labels holds the roles its questions ask for.
  void faq_roles() {
    auto add_for = [&](std::string_view part, const std::string& role, Span region,
                       const std::string& label, int section) {
      if (m_ctx.has_role(role)) return;
      int n = 0;
      Span span{0, 0};
      for (std::size_t k = 0; k < m_doc.questions.size(); ++k) {
        const Question& q = m_doc.questions[k];
        if (q.part != part || !region.contains(q.span.begin)) continue;
        if (!labelled_part(m_entries[k].section).empty()) continue;
        if (n++ == 0) span.begin = q.span.begin;
        span.end = std::max(q.span.end, q.answer.end);
      }
      if (n == 0) return;
      Span label_span{span.begin, span.begin};
      if (section > 0) label_span = sec(section).label_span;
      if (section > 0) span.begin = std::min(span.begin, label_span.begin);
      m_ctx.add_role(role, label, span, label_span, section, false,
                     std::to_string(n) + (n == 1 ? " question " : " questions ") +
                         (part == "internal" ? "a stakeholder would ask" : "a customer would ask"));
    };
    if (m_content) {
      Span all{m_entries.front().begin, m_doc.questions.back().answer.end};
      all.end = std::max(all.end, m_doc.questions.back().span.end);
      m_doc.faq = all;
      if (m_doc.press_release.contains(all.begin))
        m_doc.press_release.end = m_ctx.trim_end(all.begin);
      add_for("external", "external_faq", all, "", -1);
      add_for("internal", "internal_faq", all, "", -1);
      return;
    }
    for (int f : m_ctx.faq_sections) {
      const Section& s = sec(f);
      if (!s.role.empty()) continue;
      add_for("external", "external_faq", s.span, s.label, f);
      add_for("internal", "internal_faq", s.span, s.label, f);
    }
  }

  // A problem, solution or experience told only as an FAQ answer ("What problem are we
  // solving?").
  // Whether the FAQ entry that starts at `begin` is answered with a list (the last entry there
  // decides); the entries are indexed on the first call, not searched once per question.
  bool answered_with_steps(std::uint32_t begin) {
    if (!m_steps_indexed) {
      for (const FaqEntry& e : m_entries) m_steps[e.begin] = e.answer_list;
      m_steps_indexed = true;
    }
    auto it = m_steps.find(begin);
    return it != m_steps.end() && it->second;
  }

  void template_roles() {
    for (const Question& q : m_doc.questions) {
      if (!q.answered) continue;
      std::string lower = text::to_lower(q.text);
      auto asks = [&](std::string_view list) { return m_lex.has(list, lower); };
      std::string how = "the answer to '" + q.text + "'";
      if (asks("problem_questions") && !m_ctx.has_role("problem"))
        m_ctx.add_role("problem", "", q.answer, q.span, -1, false, how);
      else if (asks("solution_questions") && !m_ctx.has_role("solution"))
        m_ctx.add_role("solution", "", q.answer, q.span, -1, false, how);
      else if (!m_ctx.has_role("customer_experience")) {
        bool experience = asks("experience_questions");
        // "How does X work?", "How do I get started?" answered with steps.
        bool how_works =
            (lower.starts_with("how does ") && lower.find(" work") != std::string::npos) ||
            lower.starts_with("how do i get started") || lower.starts_with("how do i use");
        if (experience || (how_works && answered_with_steps(q.span.begin)))
          m_ctx.add_role("customer_experience", "", q.answer, q.span, -1, false, how);
      }
    }
  }

  Context& m_ctx;
  Document& m_doc;
  const Lexicon& m_lex;
  const std::vector<FaqEntry>& m_entries;
  bool m_content = false;
  std::unordered_map<std::uint32_t, bool> m_steps;  // entry start -> answered with a list
  bool m_steps_indexed = false;
};

}  // namespace

void assign_faq_parts(Context& ctx, const std::vector<FaqEntry>& entries, bool content_faq) {
  FaqParts(ctx, entries, content_faq).run();
}

}  // namespace prfaq::model
