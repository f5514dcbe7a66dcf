#include <algorithm>
#include <mutex>
#include <prfaq/document.hpp>
#include <prfaq/template.hpp>
#include <unordered_map>

#include "model/lexicon.hpp"
#include "text/text.hpp"

namespace prfaq {

std::span<const std::string_view> vocabulary_lists() {
  static constexpr std::string_view k_lists[] = {
      "immediate_release",  "metadata_labels",        "answer_labels",
      "question_markers",   "faq_internal_words",     "faq_external_words",
      "leader_titles",      "customer_words",         "company_voice",
      "speech_verbs",       "speech_endings",         "announce_cues",
      "problem_cues",       "solution_cues",          "cta_cues",
      "experience_cues",    "internal_question_cues", "external_question_cues",
      "readme_sections",    "essay_sections",         "problem_questions",
      "solution_questions", "experience_questions",   "example_labels",
      "instruction_words",  "negation_cues",          "guide_titles",
      "faq_words",          "speaker_determiners",    "indefinite_articles",
      "relative_pronouns",  "organisation_markers",   "department_titles",
      "name_particles",     "risk_questions"};
  return k_lists;
}

const std::vector<std::string>& Template::words(std::string_view list) const {
  static const std::vector<std::string> k_empty;
  auto it = vocabulary.find(list);
  return it == vocabulary.end() ? k_empty : it->second;
}

std::string_view to_string(Requirement r) {
  switch (r) {
    case Requirement::required:
      return "required";
    case Requirement::recommended:
      return "recommended";
    case Requirement::optional:
      return "optional";
  }
  return "optional";
}

const RoleDef* Template::role(std::string_view name) const {
  for (const RoleDef& r : roles)
    if (r.name == name) return &r;
  return nullptr;
}

const PartDef* Template::part(std::string_view name) const {
  for (const PartDef& p : parts)
    if (p.name == name) return &p;
  return nullptr;
}

int Template::order_of(std::string_view name) const {
  for (std::size_t i = 0; i < roles.size(); ++i)
    if (roles[i].name == name) return static_cast<int>(i);
  return -1;
}

std::string normalize_label(std::string_view label) {
  // Lower case; drop markup, numbering ("1.", "A)", "§2"), emoji and punctuation other than
  // '&' and '/' inside words; collapse spaces.
  std::string lower = text::to_lower(label);
  std::string out;
  std::size_t i = 0;
  bool space = false;
  while (i < lower.size()) {
    std::size_t start = i;
    char32_t c = decode_utf8(lower, i);
    bool keep = text::is_word_char(c) || c == '&' || c == '/';
    if (keep) {
      if (space && !out.empty()) out += ' ';
      space = false;
      out.append(lower, start, i - start);
    } else {
      space = true;
    }
  }
  // Leading numbering: "1 problem", "2 3 solution", "a problem" (only single letters a-e + dot
  // were removed as punctuation already).
  while (!out.empty() && std::isdigit(static_cast<unsigned char>(out[0]))) {
    std::size_t k = out.find(' ');
    bool all_digits = true;
    for (std::size_t j = 0; j < (k == std::string::npos ? out.size() : k); ++j)
      all_digits &= std::isdigit(static_cast<unsigned char>(out[j])) != 0;
    if (!all_digits || k == std::string::npos) break;
    out.erase(0, k + 1);
  }
  for (std::string_view prefix : {"section ", "part "}) {
    if (out.starts_with(prefix) && out.size() > prefix.size() + 2 &&
        std::isdigit(static_cast<unsigned char>(out[prefix.size()]))) {
      std::size_t k = out.find(' ', prefix.size());
      if (k != std::string::npos) out.erase(0, k + 1);
    }
  }
  return out;
}

std::string without_article(std::string_view normalized) {
  for (std::string_view a : {"the ", "a ", "an ", "our ", "your ", "der ", "die ", "das ", "le ",
                             "la ", "les ", "el ", "los ", "las ", "o ", "os ", "as "})
    if (normalized.starts_with(a)) return std::string(normalized.substr(a.size()));
  return std::string(normalized);
}

namespace {

// Strips "the", "our", "a" and trailing words such as "section" for looser matching.
std::string loosen(std::string s) {
  s = without_article(s);
  for (std::string_view suffix : {" section", " paragraph", " statement"})
    if (s.ends_with(suffix) && s.size() > suffix.size()) s.erase(s.size() - suffix.size());
  return s;
}

// Words of a label, a CJK character counting half.
double cjk_words(std::string_view s) {
  double n = 0;
  for (const std::string& w : text::words(s)) {
    std::size_t i = 0;
    n += text::is_cjk(decode_utf8(w, i)) ? 0.5 : 1.0;
  }
  return n;
}

bool contains_words(std::string_view hay, std::string_view needle) {
  std::size_t pos = hay.find(needle);
  while (pos != std::string_view::npos) {
    bool left = pos == 0 || hay[pos - 1] == ' ';
    bool right = pos + needle.size() == hay.size() || hay[pos + needle.size()] == ' ';
    if (left && right) return true;
    pos = hay.find(needle, pos + 1);
  }
  return false;
}

}  // namespace

struct Template::Cache {
  std::mutex mutex;
  std::unordered_map<std::string, std::optional<Match>> results;
};

std::optional<Template::Match> Template::match(std::string_view label) const {
  if (!m_cache) return match_uncached(label);
  std::string key(label);
  {
    std::lock_guard<std::mutex> lock(m_cache->mutex);
    auto it = m_cache->results.find(key);
    if (it != m_cache->results.end()) return it->second;
  }
  std::optional<Match> result = match_uncached(label);
  std::lock_guard<std::mutex> lock(m_cache->mutex);
  // Bounded: a long run meets new labels in every file; the common ones come back at once.
  if (m_cache->results.size() >= 1024) m_cache->results.clear();
  m_cache->results.emplace(std::move(key), result);
  return result;
}

std::string Template::related_alias(std::string_view label, std::string_view role_name) const {
  const RoleDef* r = role(role_name);
  if (!r) return {};
  std::string norm = normalize_label(label);
  std::string loose = loosen(norm);
  for (const std::string& a : r->related)
    if (norm == a || loose == loosen(a)) return a;
  // "How Crumble Works" tells the solution as much as "How It Works" does.
  if (r->name == "solution") {
    std::vector<std::string> ws = text::words(norm);
    if (ws.size() >= 3 && ws.size() <= 5 && ws.front() == "how" &&
        (ws.back() == "works" || ws.back() == "work"))
      return "how … works";
  }
  return {};
}

void Template::prepare() {
  m_cache = std::make_shared<Cache>();
  m_prepared.clear();
  auto add = [&](Match::Kind kind, const std::string& name, const std::string& alias,
                 bool related) {
    Prepared p{kind, &name, alias, loosen(alias), {}, related, false};
    p.compact = p.loose;
    std::erase(p.compact, ' ');
    for (std::size_t i = 0; i < alias.size() && !p.cjk;) {
      char32_t c = decode_utf8(alias, i);
      p.cjk = text::is_cjk(c) || (c >= 0xAC00 && c <= 0xD7A3);
    }
    m_prepared.push_back(std::move(p));
  };
  for (const PartDef& p : parts)
    for (const std::string& a : p.aliases) add(Match::Kind::part, p.name, a, false);
  for (const RoleDef& r : roles) {
    for (const std::string& a : r.aliases) add(Match::Kind::role, r.name, a, false);
    for (const std::string& a : r.related) add(Match::Kind::role, r.name, a, true);
  }
  m_lexicon = model::compile_lexicon(*this);
}

std::optional<Template::Match> Template::match_uncached(std::string_view label) const {
  // Square brackets left in a label are a template slot ("# [Product] lets [customer]
  // [benefit]", link text has lost its brackets by now): their words are not the label's.
  std::string own;
  for (std::size_t i = 0; i < label.size(); ++i) {
    std::size_t close = label[i] == '[' ? label.find(']', i + 1) : std::string_view::npos;
    if (close != std::string_view::npos && label.find('[', i + 1) > close) {
      own += ' ';
      i = close;
    } else {
      own += label[i];
    }
  }
  std::string norm = normalize_label(own);
  if (norm.empty()) return std::nullopt;
  std::string loose = loosen(norm);
  std::string compact = loose;
  std::erase(compact, ' ');
  const double label_words = cjk_words(loose);
  std::optional<Match> best;
  for (const Prepared& p : m_prepared) {
    int score = 0;
    const char* how = "";
    if (norm == p.alias || loose == p.loose) {
      score = 100;
      how = "exact";
    } else if (label_words <= 6 && p.alias.size() >= 3 && loose.size() <= p.loose.size() + 24 &&
               // A one-word alias ("questions") names a label of a few words only: "Open
               // questions to resolve before build starts" is no FAQ.
               (p.alias.find(' ') != std::string::npos || p.cjk || label_words <= 4.0) &&
               (p.cjk ? loose.find(p.loose) != std::string::npos
                      : contains_words(loose, p.loose))) {
      // "Problem we are solving" contains "problem"; longer aliases win. Scripts without
      // spaces ("顧客の声（想定）") contain an alias as a substring.
      score = 60 + static_cast<int>(std::min<std::size_t>(p.loose.size(), 30));
      how = "contains";
    } else if (!p.cjk && p.loose.size() >= 6 && loose.size() >= 5) {
      // Fuzzy: only when the lengths allow a close match (edit distance >= length difference).
      std::size_t len = std::max(loose.size(), p.loose.size());
      std::size_t diff = len - std::min(loose.size(), p.loose.size());
      if (diff * 100 <= len * 20) {
        std::size_t d = text::edit_distance(loose, p.loose, len * 20 / 100);
        if (d * 100 <= len * 20) score = 50 - static_cast<int>(d);
      }
      // "Quotfrom You" vs "quote from you": compare without spaces too.
      std::size_t clen = std::max(compact.size(), p.compact.size());
      std::size_t cdiff = clen - std::min(compact.size(), p.compact.size());
      if (cdiff * 100 <= clen * 15) {
        std::size_t d2 = text::edit_distance(compact, p.compact, clen * 15 / 100);
        if (d2 * 100 <= clen * 15) score = std::max(score, 55 - static_cast<int>(d2));
      }
      if (score > 0) how = "fuzzy";
    }
    // A related alias ("Key Features") never outranks a real one.
    if (score > 0 && p.related) score -= 5;
    if (score > 0 && (!best || score > best->score))
      best = Match{p.kind, *p.name, score, p.alias, how, p.related};
  }
  // "What Ranchers Say", "What Our Users Are Saying", "What Teachers Think": testimonials.
  if ((!best || best->score < 80) && role("customer_quote")) {
    std::vector<std::string> ws = text::words(norm);
    if (ws.size() >= 3 && ws.size() <= 6 && ws.front() == "what") {
      std::string tail = ws.back();
      std::string tail2 = ws[ws.size() - 2] + " " + ws.back();
      if (tail == "say" || tail == "says" || tail == "think" || tail2 == "are saying" ||
          tail2 == "have said")
        best = Match{Match::Kind::role, "customer_quote", 80, "what … say", "pattern", false};
    }
  }
  // "How Crumble Works", "How It Works": the customer experience, told as steps.
  if ((!best || best->score < 80) && role("customer_experience")) {
    std::vector<std::string> ws = text::words(norm);
    if (ws.size() >= 3 && ws.size() <= 5 && ws.front() == "how" &&
        (ws.back() == "works" || ws.back() == "work"))
      best = Match{Match::Kind::role, "customer_experience", 80, "how … works", "pattern", false};
  }
  return best;
}

}  // namespace prfaq
