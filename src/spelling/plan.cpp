#include "spelling/plan.hpp"

#include <re2/re2.h>

#include <filesystem>
#include <functional>

#include "io/files.hpp"
#include "spelling/candidates.hpp"
#include "spelling/dictionaries.hpp"
#include "spelling/language.hpp"
#include "spelling/words.hpp"

namespace prfaq::spelling {
namespace {

namespace fs = std::filesystem;

constexpr double k_doc_min_hits = 4;
constexpr double k_doc_ratio = 1.5;
constexpr std::size_t k_block_min_words = 12;
constexpr double k_block_min_hits = 4;
constexpr double k_block_ratio = 2.5;

bool checkable(const Prose& p) {
  return p.kind != BlockKind::code && p.kind != BlockKind::html;
}

}  // namespace

LanguagePlanner::LanguagePlanner(LanguageSettings settings,
                                 const std::function<void(std::size_t, std::string)>& on_error)
    : m_settings(std::move(settings)) {
  for (std::size_t i = 0; i < m_settings.paths.size(); ++i) {
    std::string g = m_settings.paths[i].first;
    while (g.starts_with("./")) g.erase(0, 2);
    RE2::Options opts;
    opts.set_log_errors(false);
    auto re = std::make_unique<RE2>(io::glob_to_regex(g), opts);
    if (!re->ok()) {
      on_error(i, "invalid glob '" + m_settings.paths[i].first + "': " + re->error());
      continue;
    }
    m_globs.emplace_back(std::move(re), m_settings.paths[i].second);
  }
}

LanguagePlanner::~LanguagePlanner() = default;

std::string LanguagePlanner::path_language(const Document& doc) const {
  if (m_globs.empty() || !doc.source) return "";
  std::vector<std::string> forms;
  std::error_code ec;
  fs::path p(doc.source->path);
  if (!m_settings.base_dir.empty()) {
    fs::path abs = fs::absolute(p, ec).lexically_normal();
    fs::path rel = abs.lexically_relative(fs::path(m_settings.base_dir).lexically_normal());
    if (!rel.empty() && !rel.string().starts_with("..")) forms.push_back(rel.generic_string());
  }
  std::string shown = p.lexically_normal().generic_string();
  while (shown.starts_with("./")) shown.erase(0, 2);
  forms.push_back(shown);
  for (const auto& [re, lang] : m_globs)
    for (const std::string& f : forms)
      if (RE2::FullMatch(f, *re)) return lang;
  return "";
}

/// The tag for a detected language: the configured set when it holds that language.
std::string LanguagePlanner::for_base(const std::string& base) const {
  for (const std::string& b : m_settings.configured_bases)
    if (b == base) return k_configured;
  return base;
}

LanguagePlan LanguagePlanner::plan(const Document& doc) const {
  LanguagePlan plan;
  plan.blocks.assign(doc.prose.size(), "");
  std::vector<LanguageEvidence> evidence(doc.prose.size());
  LanguageEvidence all;
  for (std::size_t i = 0; i < doc.prose.size(); ++i) {
    if (!checkable(doc.prose[i])) continue;
    evidence[i].add(doc.prose[i].text);
    all.add(evidence[i]);
  }
  std::string pinned;
  if (!doc.front_matter.empty()) {
    pinned = front_matter_language(doc.slice(doc.front_matter));
    if (!pinned.empty()) plan.why = "front matter";
  }
  if (pinned.empty()) {
    pinned = path_language(doc);
    if (!pinned.empty()) plan.why = "[spelling] paths";
  }
  if (!pinned.empty()) {
    std::string base = base_language(pinned);
    bool is_variant = normalize_language(pinned) != base;
    plan.document = is_variant ? normalize_language(pinned) : for_base(base);
    if (base == "ja" || base == "zh" || base == "ko" || base == "th") plan.document = "cjk";
  } else if (m_settings.configured) {
    plan.document = k_configured;
    plan.why = "[spelling] language";
  }
  if (plan.document.empty()) {
    LanguageScore s = m_settings.detect ? all.decide(k_doc_min_hits, k_doc_ratio) : LanguageScore{};
    plan.document =
        s.language.empty() ? for_base("en") : (s.language == "cjk" ? "cjk" : for_base(s.language));
    plan.why = s.language.empty() ? "default" : "detected";
  }
  for (std::size_t i = 0; i < doc.prose.size(); ++i) {
    if (!checkable(doc.prose[i])) continue;
    std::string tag = plan.document;
    if (m_settings.detect) {
      LanguageScore s = evidence[i].decide(k_block_min_hits, k_block_ratio);
      if (s.language == "cjk")
        tag = "cjk";
      else if (!s.language.empty() && s.words >= k_block_min_words)
        tag = for_base(s.language);
      // A pinned variant ("en_GB") stays when the block is in its language.
      if (tag != plan.document && plan.document != "cjk" &&
          base_language(tag) == base_language(plan.document))
        tag = plan.document;
    }
    plan.blocks[i] = tag == "cjk" ? "" : tag;
  }
  return plan;
}

namespace {

/// A line in title case ("Key Features And Benefits"): most of its longer words capitalised.
bool title_case(const Prose& p, const std::vector<Candidate>& words) {
  if (p.kind == BlockKind::heading) return true;
  int longer = 0, capitalised = 0;
  for (const Candidate& c : words) {
    if (c.end - c.begin < 4) continue;
    ++longer;
    std::size_t k = c.begin;
    if (is_upper_letter(decode_utf8(p.text, k))) ++capitalised;
  }
  return longer > 0 && capitalised * 10 >= longer * 6;
}

}  // namespace

NameEvidence::NameEvidence(const Document& doc, const std::vector<std::string>& blocks,
                           const std::function<bool(const std::string&)>& capitalises_nouns) {
  for (std::size_t i = 0; i < doc.prose.size(); ++i) {
    if (i >= blocks.size() || blocks[i].empty()) continue;
    const Prose& p = doc.prose[i];
    std::vector<Candidate> words = candidates(p);
    bool names_only = !capitalises_nouns(blocks[i]) && !title_case(p, words);
    for (const Candidate& c : words) {
      std::string_view w = std::string_view(p.text).substr(c.begin, c.end - c.begin);
      std::size_t k = 0;
      if (!is_upper_letter(decode_utf8(w, k))) continue;
      Count& n = m_counts[std::string(w)];
      ++n.all;
      if (!c.sentence_start) {
        ++n.inside;
        if (names_only) ++n.inside_prose;
      }
    }
  }
  auto add_words = [&](std::string_view s) {
    std::string word;
    for (std::size_t i = 0; i < s.size();) {
      char32_t c = decode_utf8(s, i);
      if (is_upper_letter(c) || is_lower_letter(c) || c == '\'' || (c >= 0x100 && c < 0x250)) {
        append_utf8(word, c);
      } else {
        if (!word.empty()) m_headline.insert(word);
        word.clear();
      }
    }
    if (!word.empty()) m_headline.insert(word);
  };
  add_words(doc.headline_text);
  for (const Section& s : doc.sections)
    if (s.is_title || s.kind == LabelKind::title || (s.level == 1 && s.style == LabelStyle::atx))
      add_words(s.label);
}

bool NameEvidence::is_name(const std::string& word) const {
  auto it = m_counts.find(word);
  if (it == m_counts.end()) return false;
  const Count& n = it->second;
  if (n.inside_prose >= 1) return true;
  if (n.all >= 3) return true;  // a slip is seldom repeated three times, capitalised
  if (n.all >= 2 && n.inside >= 1) return true;
  return n.all >= 2 && m_headline.count(word) > 0;
}

}  // namespace prfaq::spelling
