// Pass 5: the body of the press release — problem, solution, getting started, customer
// experience — from labels, and from content where nothing labels them.
#include <re2/re2.h>

#include <algorithm>

#include "model/context.hpp"
#include "model/patterns.hpp"
#include "text/text.hpp"

namespace prfaq::model {

namespace {

// A run of blocks under one heading or bold line: one candidate for a role.
struct Unit {
  std::size_t first = 0, last = 0;  // block indexes
  Span span;
  std::string heading;  // the author's heading or bold line over it
  std::string text;
  int problem = 0, solution = 0, experience = 0;
  bool cta = false;
  bool cta_words = false;  // says how to start in words, not only with a link
  int list_items = 0;
  bool ordered = false, image = false, code = false;
  bool names_product = false;
  int negation = 0;
};

class Body {
 public:
  explicit Body(Context& ctx) : m_ctx(ctx), m_doc(ctx.doc) {}

  void run() {
    labelled();
    units();
    getting_started();
    problem_and_solution();
    experience();
  }

 private:
  void labelled() {
    std::vector<std::size_t> related;
    for (std::size_t i = 1; i < m_doc.sections.size(); ++i) {
      const Section& s = m_doc.sections[i];
      if (s.role.empty()) continue;
      if (s.related) {
        related.push_back(i);
        continue;
      }
      m_ctx.add_role(s.role, s.label, s.span, s.label_span, static_cast<int>(i), true,
                     "label '" + s.label + "': " + s.how);
    }
    for (std::size_t i : related) {
      const Section& s = m_doc.sections[i];
      if (m_ctx.has_role(s.role)) continue;
      m_ctx.add_role(s.role, s.label, s.span, s.label_span, static_cast<int>(i), true,
                     "label '" + s.label + "': " + s.how + ", standing in for the role");
    }
    // A part labelled for one role that also tells another ("How It Works": the experience,
    // and the solution when nothing else is labelled so).
    for (const RoleDef& def : m_ctx.tmpl.roles) {
      if (def.related.empty() || m_ctx.has_role(def.name)) continue;
      for (std::size_t i = 1; i < m_doc.sections.size(); ++i) {
        const Section& s = m_doc.sections[i];
        if (s.role.empty() || s.role == def.name) continue;
        std::string alias = m_ctx.tmpl.related_alias(s.label, def.name);
        if (alias.empty()) continue;
        m_ctx.add_role(
            def.name, s.label, s.span, s.label_span, static_cast<int>(i), false,
            "label '" + s.label + "' (related alias '" + alias + "') also tells the " + def.title);
        break;
      }
    }
  }

  bool in_labelled_body(std::size_t bi) const {
    std::string r = m_ctx.labelled_role(m_ctx.block_section[bi]);
    return !r.empty() && r != "headline" && r != "subheadline";
  }

  void units() {
    std::uint32_t end = m_doc.press_release.end;
    if (m_doc.press_release.empty()) return;
    Unit cur;
    bool open = false;
    auto close = [&]() {
      if (open && !cur.text.empty()) m_units.push_back(std::move(cur));
      cur = Unit{};
      open = false;
    };
    std::string pending_heading;
    for (std::size_t bi = m_ctx.front_end; bi < m_ctx.blocks.size(); ++bi) {
      const markdown::RawBlock& b = m_ctx.blocks[bi];
      if (b.span.begin >= end) break;
      if (m_doc.faq.contains(b.span.begin)) break;
      BlockRole role = m_ctx.block_role[bi];
      if (role == BlockRole::release || role == BlockRole::date || role == BlockRole::metadata)
        continue;
      if (in_labelled_body(bi) || (m_ctx.summary_block && bi == *m_ctx.summary_block)) {
        close();
        continue;
      }
      const Prose* p = m_ctx.prose_of(bi);
      if (b.kind == BlockKind::heading) {
        close();
        const Section& s = m_doc.sections[static_cast<std::size_t>(m_ctx.block_section[bi])];
        pending_heading = s.kind == LabelKind::generic ? s.label : std::string();
        continue;
      }
      if (role == BlockRole::pseudo && p) {
        close();
        pending_heading = prose_text(*p);
        continue;
      }
      if (role == BlockRole::ignored && b.kind != BlockKind::table_cell) continue;
      if (p && m_ctx.quote_block(*p)) {
        close();
        continue;
      }
      // A new paragraph after a list, or two paragraphs in a row, start new units; a list
      // continues the paragraph that introduces it.
      bool starts = !open || (b.list_item < 0 && b.kind == BlockKind::paragraph &&
                              (cur.list_items > 0 || !cur.text.empty()));
      if (starts && open && b.list_item < 0 && !cur.heading.empty() && cur.list_items == 0 &&
          cur.text.size() < 400)
        starts = false;  // paragraphs under one bold heading stay together
      if (starts) {
        close();
        open = true;
        cur.first = bi;
        cur.span = b.span;
        cur.heading = pending_heading;
        pending_heading.clear();
      }
      add_block(cur, bi, b, p, role);
    }
    close();
    weigh_headings();
    weigh_product_mentions();
  }

  // A block joins the unit being read: its span, its list items, its text and cue counts.
  void add_block(Unit& cur, std::size_t bi, const markdown::RawBlock& b, const Prose* p,
                 BlockRole role) {
    cur.last = bi;
    cur.span.end = std::max(cur.span.end, b.span.end);
    if (role == BlockRole::image) cur.image = true;
    if (!p) return;
    if (b.list_item >= 0 && b.list_item_first) {
      ++cur.list_items;
      cur.ordered |= b.ordered_list;
    }
    std::string t = prose_text(*p);
    if (!t.empty()) cur.text += (cur.text.empty() ? "" : " ") + t;
    cur.problem += m_ctx.lex.count("problem_cues", *p);
    cur.negation += m_ctx.lex.count("negation_cues", *p);
    cur.solution += m_ctx.lex.count("solution_cues", *p);
    cur.experience += m_ctx.lex.count("experience_cues", *p);
    // A line that is only an address ("tandem.example.edu") is a link, not a sentence.
    bool words = (patterns::call_to_action(t) && text::words(t).size() > 3) ||
                 m_ctx.lex.count("cta_cues", *p) > 0;
    cur.cta_words |= words;
    cur.cta |= words || patterns::call_to_action(m_doc.slice(b.span));
  }

  // A unit's own heading counts twice for its cues.
  void weigh_headings() {
    for (Unit& u : m_units) {
      if (u.heading.empty()) continue;
      u.problem += 2 * m_ctx.lex.count("problem_cues", u.heading);
      u.solution += 2 * m_ctx.lex.count("solution_cues", u.heading);
      u.experience += 2 * m_ctx.lex.count("experience_cues", u.heading);
      if (m_ctx.lex.count("cta_cues", u.heading) > 0) u.cta = u.cta_words = true;
    }
  }

  // "JOSH solves this …", "With Pantrio, you …": the product does something.
  void weigh_product_mentions() {
    for (Unit& u : m_units) {
      // "JOSH solves this …", "With Pantrio, you …": the product does something.
      std::vector<std::string> ws = text::words(u.text);
      if (ws.empty()) continue;
      // A name is written as a name: "Horta Viva" names the product, "uma horta" is a garden.
      std::vector<std::string> names;
      {
        std::string word;
        for (char c : u.text + " ") {
          if (std::isalnum(static_cast<unsigned char>(c)) ||
              static_cast<unsigned char>(c) >= 0x80 || c == '$') {
            word += c;
          } else if (!word.empty()) {
            if (!std::islower(static_cast<unsigned char>(word[0])))
              names.push_back(text::to_lower(word));
            word.clear();
          }
        }
      }
      for (const std::string& c : m_ctx.company_words) {
        if (ws[0] == c) ++u.solution;
        if (std::find(names.begin(), names.end(), c) != names.end()) u.names_product = true;
      }
      if (ws[0] == "with" || ws[0] == "mit" || ws[0] == "con" || ws[0] == "avec" || ws[0] == "com")
        u.solution += 2;
    }
  }

  void add(std::string role, const Unit& u, std::string how) {
    Span first = m_ctx.blocks[u.first].span;
    m_ctx.add_role(std::move(role), "", u.span, first, -1, false, std::move(how));
  }

  void getting_started() {
    if (m_ctx.has_role("getting_started")) return;
    // The last paragraph that says how to start in words; a bare link only when none does.
    std::optional<std::size_t> pick;
    for (std::size_t k = m_units.size(); k-- > 0 && !pick;)
      if (m_units[k].cta_words) pick = k;
    for (std::size_t k = m_units.size(); k-- > 0 && !pick;)
      if (m_units[k].cta) pick = k;
    if (pick) {
      std::size_t k = *pick;
      m_gs = k;
      add("getting_started", m_units[k],
          "the last paragraph of the press release that says how to start");
      return;
    }
  }

  void problem_and_solution() {
    std::size_t limit = m_gs.value_or(m_units.size());
    std::optional<std::size_t> problem;
    if (!m_ctx.has_role("problem")) {
      // The first paragraph of the body that names a difficulty (the template's order: summary,
      // problem, solution); a later one only with two or more problem words.
      for (std::size_t k = 0; k < limit && !problem; ++k)
        if (m_units[k].problem >= 2 || (k == 0 && m_units[k].problem >= 1)) problem = k;
      // The first paragraph after the summary that does not bring in the product yet, before
      // one that does: the status quo.
      if (!problem && limit >= 2 && !m_units[0].names_product &&
          m_units[0].solution <= m_units[0].problem &&
          (m_units[1].names_product || m_units[1].solution > 0))
        problem = 0;
      // Or one that says what customers cannot do, before the product is named.
      if (!problem && limit >= 2 && !m_units[0].names_product && !m_units[0].cta &&
          m_units[0].negation > 0 && m_units[0].solution == 0)
        problem = 0;
      if (problem)
        add("problem", m_units[*problem],
            "a paragraph about what is hard today (" + std::to_string(m_units[*problem].problem) +
                " problem words)");
      else if (m_ctx.summary_block) {
        const Prose* p = m_ctx.prose_of(*m_ctx.summary_block);
        if (p && m_ctx.lex.count("problem_cues", *p) >= 2) {
          Span s = m_ctx.blocks[*m_ctx.summary_block].span;
          m_ctx.add_role("problem", "", s, s, -1, false, "the summary states the problem");
        }
      }
    }
    if (!m_ctx.has_role("solution")) {
      std::optional<std::size_t> solution;
      std::size_t from = problem ? *problem + 1 : 0;
      for (std::size_t k = from; k < limit && !solution; ++k)
        if (m_units[k].solution >= 1 && m_units[k].solution >= m_units[k].problem) solution = k;
      if (!solution && problem && *problem + 1 < limit) solution = *problem + 1;
      // One paragraph that states the problem and then the product's answer.
      if (!solution && problem && m_units[*problem].solution >= 2) solution = problem;
      if (solution) {
        add("solution", m_units[*solution], "a paragraph about what the product does");
      } else if (m_ctx.summary_block) {
        const Prose* p = m_ctx.prose_of(*m_ctx.summary_block);
        if (p && m_ctx.lex.count("solution_cues", *p) >= 1) {
          Span s = m_ctx.blocks[*m_ctx.summary_block].span;
          m_ctx.add_role("solution", "", s, s, -1, false, "the summary says what the product does");
        }
      }
    }
  }

  void experience() {
    if (m_ctx.has_role("customer_experience")) return;
    for (const Unit& u : m_units) {
      bool steps = u.ordered && u.list_items >= 3 && u.experience >= 1;
      // "For an engineer, using Runbook Library feels like asking a colleague: …"
      static const RE2 k_opener(
          R"((?i)^(?:for|para|für|pour)\s+(?:a|an|the|um|uma|un|una|einen|eine|le|la)\s+\S+(?:\s+\S+)?,\s+(?:using|with|usar|con|com|mit|avec))");
      bool opener = RE2::PartialMatch(u.text, k_opener);
      bool walk = (u.experience >= 2 || opener) && u.list_items == 0;
      if (u.image || steps || walk) {
        add("customer_experience", u,
            u.image ? "images in the press release"
            : steps ? "numbered steps of using the product"
                    : "a paragraph walking through the experience");
        return;
      }
    }
    // Transcripts and sample output: fenced code after the headline, outside getting started.
    std::uint32_t after = m_ctx.headline_span.end;
    for (const markdown::CodeBlock& c : m_ctx.code) {
      if (!c.fenced || c.span.begin < after) continue;
      int sec = 0;
      for (std::size_t bi = 0; bi < m_ctx.blocks.size(); ++bi)
        if (m_ctx.blocks[bi].span.begin <= c.span.begin) sec = m_ctx.block_section[bi];
      if (m_ctx.labelled_role(sec) == "getting_started") continue;
      m_ctx.add_role("customer_experience", "", c.span, c.span, -1, false,
                     "a transcript or sample output in a code block");
      return;
    }
  }

  Context& m_ctx;
  Document& m_doc;
  std::vector<Unit> m_units;
  std::optional<std::size_t> m_gs;
};

}  // namespace

void find_body_roles(Context& ctx) {
  Body(ctx).run();
}

}  // namespace prfaq::model
