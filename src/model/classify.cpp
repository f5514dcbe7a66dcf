// Pass 7: is this a PR/FAQ? Evidence for and against is weighed; the front matter or the
// configuration's `include` decide outright.
#include <re2/re2.h>

#include <algorithm>
#include <filesystem>

#include "model/context.hpp"
#include "model/patterns.hpp"
#include "text/text.hpp"

namespace prfaq::model {

namespace {

class Classifier {
 public:
  explicit Classifier(Context& ctx) : m_ctx(ctx), m_doc(ctx.doc) {}

  void run() {
    if (forced()) return;
    file_name();
    title();
    parts_and_labels();
    content();
    against();
    int score = 0;
    for (const Evidence& e : m_doc.prfaq_evidence) score += e.weight;
    m_doc.prfaq_score = score;
    m_doc.is_prfaq = score >= prfaq_threshold;
  }

 private:
  void add(int weight, std::string what, Span at = {}) {
    m_doc.prfaq_evidence.push_back({std::move(what), at, weight});
  }

  bool forced() {
    if (!m_doc.front_matter.empty()) {
      std::string fm(m_doc.slice(m_doc.front_matter));
      static const RE2 k_flag(R"((?m)^\s*prfaq\s*[:=]\s*["']?(true|false|yes|no)["']?\s*$)");
      std::string v;
      if (RE2::PartialMatch(fm, k_flag, &v)) {
        m_doc.is_prfaq = v == "true" || v == "yes";
        m_doc.prfaq_forced = "front matter 'prfaq: " + v + "'";
        add(0, m_doc.prfaq_forced, m_doc.front_matter);
        return true;
      }
    }
    if (m_ctx.opt.selected_by_include) {
      m_doc.is_prfaq = true;
      m_doc.prfaq_forced = "selected by the configuration's include";
      add(0, m_doc.prfaq_forced);
      return true;
    }
    return false;
  }

  void file_name() {
    std::string stem = text::to_lower(std::filesystem::path(m_doc.source->path).stem().string());
    for (char& c : stem)
      if (c == '_' || c == ' ' || c == '.') c = '-';
    auto named = [&](std::string_view m) {
      return stem == m || stem.starts_with(std::string(m) + "-") ||
             stem.ends_with("-" + std::string(m));
    };
    for (std::string_view m :
         {"prfaq", "pr-faq", "press-release", "pressrelease", "press-release-faq"}) {
      if (named(m)) {
        add(4, "the file is named '" +
                   std::filesystem::path(m_doc.source->path).filename().string() + "'");
        return;
      }
    }
    if (named("working-backwards") || named("workingbackwards"))
      add(2, "the file is named after the method ('" +
                 std::filesystem::path(m_doc.source->path).filename().string() + "')");
  }

  void title() {
    if (m_ctx.title_section >= 0) {
      const Section& t = m_doc.sections[static_cast<std::size_t>(m_ctx.title_section)];
      std::string lower = normalize_label(t.label);
      std::string guide;
      for (const std::string& g : m_ctx.tmpl.words("guide_titles"))
        if (guide.empty() && (lower.starts_with(g + " ") || lower == g)) guide = g;
      bool method_only = !has_pr_words(t.label);
      if (!guide.empty())
        add(-2, "the title '" + t.label + "' is about writing one ('" + guide + " …')",
            t.label_span);
      else
        add(method_only ? 2 : 3,
            "the title '" + t.label + "' names " + (method_only ? "the method" : "a PR/FAQ"),
            t.label_span);
    }
    if (!m_doc.front_matter.empty()) {
      std::string fm(m_doc.slice(m_doc.front_matter));
      static const RE2 k_title(R"((?m)^\s*title\s*[:=]\s*["']?([^"'\n]+))");
      std::string t;
      if (RE2::PartialMatch(fm, k_title, &t)) {
        auto m = m_ctx.tmpl.match(t);
        bool pr = (m && m->kind == Template::Match::Kind::part && m->score >= 60) ||
                  (has_title_marker(m_ctx.tmpl, t) && has_pr_words(t));
        if (pr) add(2, "the front matter's title '" + text::trim(t) + "' names a press release");
      }
      static const RE2 k_blog(R"((?m)^\s*(published|layout|permalink|categories|date)\s*:)");
      std::string key;
      if (RE2::PartialMatch(fm, k_blog, &key) && m_ctx.title_section < 0 && m_ctx.pr_label < 0 &&
          !m_ctx.has_release_marker)
        add(-2, "blog front matter ('" + key + ":')", m_doc.front_matter);
    }
  }

  static bool has_pr_words(std::string_view s) {
    std::string l = text::to_lower(s);
    return l.find("pr") != std::string::npos || l.find("faq") != std::string::npos ||
           l.find("press") != std::string::npos || l.find("presse") != std::string::npos;
  }

  // A part labelled inside a section of the author's own ("## Process" › "### Press Release"):
  // a document about the method more likely than one written with it.
  bool nested(const Section& s) const {
    for (int p = s.parent; p > 0; p = m_doc.sections[static_cast<std::size_t>(p)].parent) {
      const Section& up = m_doc.sections[static_cast<std::size_t>(p)];
      if (up.is_title || up.kind == LabelKind::title) return false;
      if (up.kind == LabelKind::generic &&
          (up.style == LabelStyle::atx || up.style == LabelStyle::setext) && up.level < s.level &&
          up.level > 1)
        return true;
    }
    return false;
  }
  std::string parent_label(const Section& s) const {
    return s.parent > 0 ? m_doc.sections[static_cast<std::size_t>(s.parent)].label : std::string();
  }

  // Label sections whose content is only code blocks: copy for pasting elsewhere (a press
  // kit), not the document's own text.
  bool code_only(const Section& s) const {
    auto it = std::lower_bound(
        m_ctx.code.begin(), m_ctx.code.end(), s.body.begin,
        [](const markdown::CodeBlock& c, std::uint32_t at) { return c.span.begin < at; });
    if (it == m_ctx.code.end() || it->span.begin >= s.body.end) return false;
    for (const Prose& p : m_doc.prose_in(s.body))
      if (p.kind != BlockKind::heading && !prose_text(p).empty()) return false;
    return true;
  }

  void parts_and_labels() {
    int kit = 0;
    if (m_ctx.pr_label >= 0) {
      const Section& pr = m_doc.sections[static_cast<std::size_t>(m_ctx.pr_label)];
      bool content = m_ctx.headline_block || m_ctx.summary_block;
      if (nested(pr))
        add(1,
            "a press release labelled '" + pr.label + "' inside the section '" + parent_label(pr) +
                "'",
            pr.label_span);
      else
        add(content ? 2 : 1, "a press release labelled '" + pr.label + "'", pr.label_span);
    }
    if (m_ctx.has_release_marker) add(3, "a 'FOR IMMEDIATE RELEASE' line");
    std::vector<std::string> roles;
    bool faq_label = false;
    for (std::size_t i = 1; i < m_doc.sections.size(); ++i) {
      const Section& s = m_doc.sections[i];
      if (!m_ctx.own_label[i]) continue;
      if ((s.kind == LabelKind::role || s.kind == LabelKind::part) && code_only(s)) {
        if (kit < 2)
          add(-3, "the part '" + s.label + "' holds only code blocks (copy for elsewhere)",
              s.label_span);
        ++kit;
        continue;
      }
      if (s.part == "faq") {
        if (!faq_label) {
          if (nested(s))
            add(1, "an FAQ labelled '" + s.label + "' inside the section '" + parent_label(s) + "'",
                s.label_span);
          else
            add(2, "an FAQ labelled '" + s.label + "'", s.label_span);
        }
        faq_label = true;
        continue;
      }
      if (s.kind != LabelKind::role || s.related) continue;
      if (std::find(roles.begin(), roles.end(), s.role) != roles.end()) continue;
      roles.push_back(s.role);
      if (roles.size() <= 4)
        add(1, "a '" + s.role + "' part labelled '" + s.label + "'", s.label_span);
    }
  }

  void content() {
    if (m_ctx.headline_block && m_ctx.headline_from_label < 0) {
      add(1, "a headline ('" + text::preview(m_ctx.headline_text, 60) + "')", m_ctx.headline_span);
      for (const RoleInstance& r : m_doc.roles)
        if (r.role == "subheadline" && !r.labelled) {
          add(1, "a subheadline under it", r.label_span);
          break;
        }
    }
    if (m_ctx.summary_block) {
      const Prose* p = m_ctx.prose_of(*m_ctx.summary_block);
      Span at = m_ctx.blocks[*m_ctx.summary_block].span;
      if (p && patterns::dateline_date(p->text))
        add(3, "a dateline opening the summary", at);
      else
        add(1, "an opening paragraph announcing the product", at);
    }
    bool customer = false, leader = false;
    for (const Quote& q : m_doc.quotes) {
      customer |= q.cls == QuoteClass::customer && !q.speaker.empty();
      leader |= q.cls == QuoteClass::leader && !q.speaker.empty();
    }
    if (customer || leader) add(customer && leader ? 3 : 2, "quotations with speakers");
    int answered = 0, asked = 0;
    for (const Question& q : m_doc.questions) {
      ++asked;
      answered += q.answered;
    }
    if (answered >= 3)
      add(2, std::to_string(answered) + " answered FAQ questions");
    else if (asked >= 3)
      add(1, std::to_string(asked) + " FAQ questions");
  }

  void against() {
    int readme = 0, essay = 0;
    std::string readme_names, essay_names;
    for (std::size_t i = 1; i < m_doc.sections.size(); ++i) {
      const Section& s = m_doc.sections[i];
      if (s.style != LabelStyle::atx && s.style != LabelStyle::setext) continue;
      std::string l = normalize_label(s.label);
      for (const std::string& r : m_ctx.tmpl.words("readme_sections"))
        if (l == r && readme < 3) {
          ++readme;
          readme_names += (readme_names.empty() ? "'" : ", '") + s.label + "'";
        }
      for (const std::string& e : m_ctx.tmpl.words("essay_sections"))
        if (l == e && essay < 4) {
          ++essay;
          essay_names += (essay_names.empty() ? "'" : ", '") + s.label + "'";
        }
    }
    if (readme) add(-2 * readme, "README sections (" + readme_names + ")");
    if (essay) add(-essay, "sections of an essay or a note (" + essay_names + ")");
    std::string_view t = m_doc.text();
    if (t.find("[[") != std::string_view::npos && t.find("]]") != std::string_view::npos)
      add(-2, "wiki links ('[[…]]')");
    static const RE2 k_version(R"((?m)^#{1,3}\s*\[?v?\d+\.\d+(?:\.\d+)?\]?(?:\s|$))");
    re2::StringPiece in(t.data(), t.size());
    int versions = 0;
    while (versions < 2 && RE2::FindAndConsume(&in, k_version)) ++versions;
    if (versions >= 2) add(-4, "version headings of a changelog");
  }

  Context& m_ctx;
  Document& m_doc;
};

}  // namespace

void classify_document(Context& ctx) {
  Classifier(ctx).run();
}

}  // namespace prfaq::model
