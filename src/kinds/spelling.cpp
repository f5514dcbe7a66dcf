// The "spelling" kind: PF601 misspelling, PF602 rejected-term and PF603 missing-dictionary.
// The machinery (dictionaries, compiled word lists, suggestions, language detection, names)
// is in src/spelling/; this file decides what is reported.
//
// A word is reported as misspelled only when every one of these holds:
//   - it is prose (not code, a URL, a path, an identifier, an acronym, CamelCase or a number);
//   - no dictionary of its block's language knows it, nor the project vocabulary;
//   - the document does not use it as a name (spelling/plan.hpp), unless that is turned off;
//   - a dictionary word is close enough to make it a typo (one edit; two for long words).
#include <algorithm>
#include <fstream>
#include <map>
#include <mutex>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "kinds/kinds.hpp"
#include "kinds/terms.hpp"
#include "spelling/candidates.hpp"
#include "spelling/dictionaries.hpp"
#include "spelling/language.hpp"
#include "spelling/plan.hpp"
#include "spelling/speller.hpp"
#include "spelling/vocabulary.hpp"
#include "spelling/words.hpp"
#include "text/text.hpp"

namespace prfaq::kinds {
namespace {

using spelling::Candidate;
using spelling::Speller;
using spelling::Suggestion;
using spelling::WordList;

/// The base letter of an accented Latin-1 letter ('é' -> 'e'), or 0.
char32_t base_letter(char32_t c) {
  static constexpr std::string_view k_upper = "AAAAAA?CEEEEIIII?NOOOOO?OUUUUY";    // U+00C0..
  static constexpr std::string_view k_lower = "aaaaaa?ceeeeiiii?nooooo?ouuuuy?y";  // U+00E0..
  if (c >= 0xC0 && c < 0xC0 + k_upper.size())
    return k_upper[c - 0xC0] == '?' ? 0 : k_upper[c - 0xC0];
  if (c >= 0xE0 && c < 0xE0 + k_lower.size())
    return k_lower[c - 0xE0] == '?' ? 0 : k_lower[c - 0xE0];
  return 0;
}

bool is_digit(char32_t c) {
  return c >= '0' && c <= '9';
}

/// The distinct unknown words of a document, and whether each got suggestions.
using Unknown = std::unordered_map<std::string, bool>;

const std::vector<std::string> k_default_prefixes = {
    "anti", "auto", "bi",    "co",    "de",    "inter", "intra", "macro", "meta",  "micro",
    "mid",  "mini", "multi", "neo",   "non",   "post",  "pre",   "pro",   "proto", "pseudo",
    "re",   "semi", "sub",   "super", "trans", "tri",   "ultra", "un"};

enum class Mode { misspelling, reject, language };

class Spelling final : public Rule {
 public:
  explicit Spelling(ParamReader& p) {
    m_scope = read_scope(p);
    // "misspelling": words no dictionary knows; "reject": words of the [spelling] reject list;
    // "language": prose in a language whose dictionary is not installed.
    m_mode = read_choice<Mode>(p, "mode", "what to report", {"misspelling", "reject", "language"});
    const SpellingConfig& sc = p.spelling();
    if (m_mode != Mode::reject) {
      m_detect = p.get_bool("detect_language", true,
                            "detect each document's language (and each long block's) from its "
                            "stop words when front matter and [spelling] do not set it");
      setup_languages(p, sc);
    }
    if (m_mode == Mode::language) return;
    if (m_mode == Mode::misspelling) read_misspelling_params(p);
    read_reject_list(p, sc);
    if (m_mode == Mode::reject) return;

    read_accept_list(p, sc);
    if (!p.enabled() || !sc.languages_set) return;  // a disabled rule never needs its dictionaries

    check_dictionaries(p, sc);
  }

  bool fixable() const override { return m_mode == Mode::misspelling; }

  void check(const Document& doc, FindingSink& out) const override {
    if (m_mode == Mode::reject) {
      for (const Prose& prose : doc.prose) {
        if (prose.kind == BlockKind::code || prose.kind == BlockKind::html) continue;
        if (m_scope.contains(doc, prose)) check_rejected(doc, prose, out);
      }
      return;
    }
    spelling::LanguagePlan plan = m_planner->plan(doc);
    std::vector<std::shared_ptr<Speller>> spellers(doc.prose.size());
    std::vector<char> checked(doc.prose.size(), 0);
    std::vector<std::size_t> missing;  // blocks whose language has no dictionary
    for (std::size_t i = 0; i < doc.prose.size(); ++i) {
      if (plan.blocks[i].empty() || !m_scope.contains(doc, doc.prose[i])) continue;
      // Filler text of a template ("Lorem ipsum dolor sit amet"): PF504's, not a language.
      if (text::to_lower(doc.prose[i].text).find("lorem ipsum") != std::string::npos) continue;
      spellers[i] = speller(plan.blocks[i]);
      if (spellers[i])
        checked[i] = 1;
      else if (doc.prose[i].words.size() >= 3)
        missing.push_back(i);
    }
    if (m_mode == Mode::language) return report_missing(doc, plan, missing, out);
    std::optional<spelling::NameEvidence> names;
    if (m_infer_names) {
      std::vector<std::string> tags(doc.prose.size());
      for (std::size_t i = 0; i < doc.prose.size(); ++i)
        if (checked[i]) tags[i] = plan.blocks[i];
      names.emplace(doc, tags, [&](const std::string& tag) { return capitalises_nouns(tag); });
    }
    // A word is right in its block's language, the document's, or English: product prose in
    // every language borrows English terms ("compliance", "templates").
    std::shared_ptr<Speller> document_speller =
        plan.document == "cjk" ? nullptr : speller(plan.document);
    std::shared_ptr<Speller> english = speller("en");
    // The document's own words: a suggestion it uses elsewhere ("What" for "Wha") comes first.
    std::unordered_set<std::string> used;
    for (std::size_t pi = 0; pi < doc.prose.size(); ++pi)
      if (checked[pi])
        for (const Word& w : doc.prose[pi].words) used.insert(w.lower);
    Unknown unknown;
    // The quotes whose prose block is each block or a neighbour, in document order: indexed
    // once, not searched once per block.
    std::vector<std::vector<const Quote*>> near_quotes(doc.prose.size());
    for (const Quote& q : doc.quotes) {
      if (q.speaker.empty() || q.prose < 0) continue;
      auto qp = static_cast<std::size_t>(q.prose);
      for (std::size_t pi = qp > 0 ? qp - 1 : 0; pi <= qp + 1 && pi < doc.prose.size(); ++pi)
        near_quotes[pi].push_back(&q);
    }
    for (std::size_t pi = 0; pi < doc.prose.size(); ++pi) {
      if (!checked[pi]) continue;
      // Not another variant of the block's own language: "en_US" configured rejects
      // "organise".
      std::vector<std::string> own = bases(plan.blocks[pi]);
      std::vector<Speller*> also;
      auto add = [&](Speller* s, const std::string& tag) {
        if (!s || s == spellers[pi].get() || std::find(also.begin(), also.end(), s) != also.end())
          return;
        for (const std::string& b : bases(tag))
          if (std::find(own.begin(), own.end(), b) != own.end()) return;
        also.push_back(s);
      };
      add(document_speller.get(), plan.document);
      add(english.get(), "en");
      check_spelling(doc, doc.prose[pi], attributions(doc, pi, near_quotes[pi]),
                     names ? &*names : nullptr, *spellers[pi], &used, also, unknown, out);
    }
  }

 private:
  // mode = "misspelling": suggestions, names, typo evidence, loanword accents, prefixes.
  void read_misspelling_params(ParamReader& p) {
    m_max_suggestions = static_cast<std::size_t>(
        std::max<std::int64_t>(0, p.get_int("suggestions", 3, "suggestions shown at most")));
    m_max_suggested = static_cast<std::size_t>(std::max<std::int64_t>(
        0, p.get_int("suggested_words", 10,
                     "distinct unknown words of a document that get suggestions")));
    m_infer_names =
        p.get_bool("infer_names", true,
                   "treat capitalised words the document uses as names (written capitalised "
                   "more than once, inside a sentence or in the headline) as names, not typos");
    m_min_two_edit = static_cast<std::size_t>(std::max<std::int64_t>(
        1, p.get_int("two_edit_length", 13,
                     "letters a word needs before a dictionary word two edits away counts as "
                     "evidence of a typo (shorter words need one within one edit)")));
    std::string accents = p.get_string(
        "loanword_accents",
        "\u00e0\u00e1\u00e2\u00e3\u00e5\u00e7\u00e8\u00e9\u00ea\u00eb\u00ec\u00ed\u00ee\u00ef"
        "\u00f1\u00f2\u00f3\u00f4\u00f5\u00f8\u00f9\u00fa\u00fb\u00fd\u00ff",
        "accented letters a word may carry when the dictionary knows it without them (its "
        "'cafe' accepts 'caf\u00e9'); umlauts are not among them");
    for (std::size_t i = 0; i < accents.size();) {
      char32_t c = decode_utf8(accents, i);
      if (base_letter(c)) m_fold.insert(c);
      if (c >= 0xE0 && c <= 0xFE && base_letter(c - 0x20)) m_fold.insert(c - 0x20);
    }
    for (const std::string& prefix :
         p.get_strings("prefixes", k_default_prefixes,
                       "bound prefixes accepted before a hyphen (\"pre-commit\", \"co-author\")"))
      m_prefixes.insert(text::to_lower(prefix));
  }

  // Rejected terms: literal words and phrases (any case) and patterns (whole words).
  // PF602 reports bad reject patterns; the misspelling rule reads the list quietly.
  void read_reject_list(ParamReader& p, const SpellingConfig& sc) {
    bool reject_mode = m_mode == Mode::reject;
    for (std::size_t i = 0; i < sc.reject.size(); ++i) {
      const std::string& r = sc.reject[i];
      auto on_error = [&](std::string message) {
        if (reject_mode)
          p.spelling_error("reject", i, ConfigProblem::invalid_pattern, std::move(message), "");
      };
      if (spelling::has_regex_meta(r)) {
        m_reject_patterns.add(r, on_error);
      } else {
        m_reject_terms.add(r, static_cast<int>(i));
        m_reject_words.add(r, on_error);
      }
    }
    m_reject_patterns.compile();
    m_reject_words.compile();
  }

  // Accepted words: [spelling] accept, the words file, [product] names, the rule's vocabulary.
  void read_accept_list(ParamReader& p, const SpellingConfig& sc) {
    for (std::size_t i = 0; i < sc.accept.size(); ++i)
      m_accept.add(sc.accept[i], [&](std::string message) {
        p.spelling_error("accept", i, ConfigProblem::invalid_pattern, std::move(message), "");
      });
    for (const std::string& name : p.product_names()) m_accept.add(name, [](std::string) {});
    // The rule's own vocabulary: words every software, business and product team writes that
    // general dictionaries lack ("config", "roadmap"). Lower-case entries accept any
    // capitalisation.
    for (const std::string& word : p.get_strings(
             "vocabulary", {},
             "words accepted in every project (the default pack lists common software, business "
             "and product-management terms)"))
      m_accept.add(word, [](std::string) {});
    bool enabled = p.enabled();
    if (enabled && !sc.words_file.empty()) {
      std::ifstream in(sc.words_file, std::ios::binary);
      if (!in) {
        p.spelling_error("words_file", 0, ConfigProblem::missing_file,
                         fmt::format("Cannot read the words file '{}'", sc.words_file), "");
      }
      std::string line;
      for (std::size_t n = 1; std::getline(in, line); ++n) {
        std::string entry = text::trim(line);
        if (entry.empty() || entry[0] == '#') continue;
        if (std::size_t hash = entry.find(" #"); hash != std::string::npos)
          entry = text::trim(entry.substr(0, hash));
        m_accept.add(entry, [&](std::string message) {
          p.spelling_error("words_file", n, ConfigProblem::invalid_pattern, std::move(message), "");
        });
      }
    }
    m_accept.compile();
  }

  // The configured dictionaries: found now (a missing one is a configuration error).
  void check_dictionaries(ParamReader& p, const SpellingConfig& sc) {
    for (std::size_t i = 0; i < sc.languages.size(); ++i) {
      const std::string& lang = sc.languages[i];
      if (!spelling::dictionaries_for(lang, m_dirs).empty()) continue;
      std::string searched;
      for (const std::string& d : m_dirs) searched += (searched.empty() ? "" : ", ") + d;
      std::string name = spelling::normalize_language(lang);
      p.spelling_error(
          "language", i, ConfigProblem::missing_dictionary,
          fmt::format("No Hunspell dictionary for '{}': {}.aff and {}.dic are not in {}", lang,
                      name, name, searched),
          fmt::format("install the Debian package {} (apt-get install {}), or add the directory "
                      "that holds {}.dic to [spelling] dictionaries",
                      spelling::debian_package(lang), spelling::debian_package(lang), name));
    }
  }

  void setup_languages(ParamReader& p, const SpellingConfig& sc) {
    m_dirs = sc.dictionaries;
    for (const std::string& d : spelling::system_dictionary_dirs()) m_dirs.push_back(d);
    spelling::LanguageSettings ls;
    ls.configured = sc.languages_set;
    if (sc.languages_set) {
      m_configured = sc.languages;
      for (const std::string& l : sc.languages)
        ls.configured_bases.push_back(spelling::base_language(l));
    }
    ls.paths = sc.paths;
    ls.base_dir = sc.base_dir;
    ls.detect = m_detect;
    m_planner = std::make_unique<spelling::LanguagePlanner>(
        std::move(ls), [&](std::size_t i, std::string message) {
          if (m_mode == Mode::misspelling)
            p.spelling_error("paths", i, ConfigProblem::invalid_pattern, std::move(message), "");
        });
  }

  /// The languages of a tag, without regions.
  std::vector<std::string> bases(const std::string& tag) const {
    std::vector<std::string> out;
    if (tag == spelling::k_configured) {
      for (const std::string& l : m_configured) out.push_back(spelling::base_language(l));
    } else {
      out.push_back(spelling::base_language(tag));
    }
    return out;
  }

  bool capitalises_nouns(const std::string& tag) const {
    if (tag == spelling::k_configured)
      return std::any_of(m_configured.begin(), m_configured.end(),
                         [](const std::string& l) { return spelling::base_language(l) == "de"; });
    return spelling::base_language(tag) == "de";
  }

  /// The speller of a language tag, or nullptr when no dictionary of it is installed.
  std::shared_ptr<Speller> speller(const std::string& tag) const {
    std::lock_guard lock(m_spellers_mutex);
    auto it = m_spellers.find(tag);
    if (it != m_spellers.end()) return it->second;
    std::vector<spelling::DictionaryFiles> files;
    if (tag == spelling::k_configured) {
      for (const std::string& l : m_configured)
        for (auto& f : spelling::dictionaries_for(l, m_dirs))
          if (std::none_of(files.begin(), files.end(),
                           [&](const auto& o) { return o.aff == f.aff; }))
            files.push_back(f);
    } else {
      files = spelling::dictionaries_for(tag, m_dirs);
    }
    auto s = files.empty() ? nullptr : spelling::speller_for(files);
    m_spellers.emplace(tag, s);
    return s;
  }

  void report_missing(const Document& doc, const spelling::LanguagePlan& plan,
                      const std::vector<std::size_t>& missing, FindingSink& out) const {
    if (missing.empty()) return;
    std::vector<std::string> tags;
    for (std::size_t i : missing)
      if (std::find(tags.begin(), tags.end(), plan.blocks[i]) == tags.end())
        tags.push_back(plan.blocks[i]);
    std::string languages, packages;
    for (const std::string& t : tags) {
      std::string tag = t == spelling::k_configured ? m_configured.front() : t;
      std::string base = spelling::base_language(tag);
      languages += (languages.empty() ? "" : ", ") +
                   fmt::format("{} ({})", spelling::language_name(base), tag);
      packages += (packages.empty() ? "" : " ") + spelling::debian_package(tag);
    }
    const Prose& first = doc.prose[missing.front()];
    std::uint32_t end = 0;
    while (end < first.text.size() && first.text[end] != '\n') ++end;
    Finding f;
    f.span = first.source_span(0, end);
    f.args["match"] =
        text::squash(std::string_view(first.text).substr(0, std::min<std::uint32_t>(end, 60)));
    f.args["language"] = languages;
    f.args["package"] = packages;
    f.args["blocks"] = std::to_string(missing.size());
    f.args["why"] = plan.why;
    out.report(std::move(f));
  }

  void check_rejected(const Document& doc, const Prose& prose, FindingSink& out) const {
    std::vector<Candidate> words = spelling::candidates(prose);
    std::vector<std::pair<std::uint32_t, std::uint32_t>> seen;
    auto report = [&](std::uint32_t b, std::uint32_t e) {
      for (auto [sb, se] : seen)
        if (b < se && sb < e) return;
      Span span = prose.source_span(b, e);
      if (!m_scope.contains(doc, span.begin)) return;
      seen.emplace_back(b, e);
      out.report(
          {.span = span,
           .args = {{"match", text::squash(std::string_view(prose.text).substr(b, e - b))}}});
    };
    if (!m_reject_terms.empty()) {
      // Phrases and words, in any case; a match must start at a word spelling would check
      // (not inside a URL, a path or an identifier).
      m_reject_terms.find(words_of(prose), [&](int, std::uint32_t b, std::uint32_t e) {
        for (const Candidate& c : words)
          if (c.begin <= b && b < c.end) return report(b, e);
      });
    }
    if (!m_reject_patterns.empty()) {
      for (const Candidate& c : words) {
        std::string w = spelling::straight_apostrophes(
            std::string_view(prose.text).substr(c.begin, c.end - c.begin));
        if (m_reject_patterns.find(w) == WordList::Match::exact) report(c.begin, c.end);
      }
    }
  }

  /// Where quote attributions ("said Priya Raman, head of product at TeamSync") lie in a
  /// prose block: their capitalised words are names of people, organisations and places.
  /// `quotes`: those of the block and its neighbours.
  static std::vector<std::pair<std::uint32_t, std::uint32_t>> attributions(
      const Document& doc, std::size_t pi, const std::vector<const Quote*>& quotes) {
    std::vector<std::pair<std::uint32_t, std::uint32_t>> out;
    std::string flat;
    for (const Quote* qq : quotes) {
      const Quote& q = *qq;
      if (flat.empty()) {
        flat = doc.prose[pi].text;
        std::replace(flat.begin(), flat.end(), '\n', ' ');
      }
      std::string speaker = q.speaker;
      std::replace(speaker.begin(), speaker.end(), '\n', ' ');
      for (std::size_t at = flat.find(speaker); at != std::string::npos;
           at = flat.find(speaker, at + 1))
        out.emplace_back(static_cast<std::uint32_t>(at),
                         static_cast<std::uint32_t>(at + speaker.size()));
    }
    return out;
  }

  struct Context {
    const Document& doc;
    const Prose& prose;
    const spelling::NameEvidence* names;
    Speller& speller;                             // the block's language: verdicts and suggestions
    const std::unordered_set<std::string>* used;  // the document's words, lower-cased
    const std::vector<Speller*>& also;            // other languages that may know a word
    Unknown& unknown;
    FindingSink& out;
  };

  void check_spelling(const Document& doc, const Prose& prose,
                      const std::vector<std::pair<std::uint32_t, std::uint32_t>>& attributed,
                      const spelling::NameEvidence* names, Speller& sp,
                      const std::unordered_set<std::string>* used,
                      const std::vector<Speller*>& also, Unknown& unknown, FindingSink& out) const {
    Context cx{doc, prose, names, sp, used, also, unknown, out};
    for (const Candidate& c : spelling::candidates(prose)) {
      std::string_view tok = std::string_view(prose.text).substr(c.begin, c.end - c.begin);
      bool capitalised = spelling::is_upper_letter(spelling::code_points(tok.substr(0, 4)).front());
      if (capitalised && std::any_of(attributed.begin(), attributed.end(), [&](const auto& r) {
            return r.first <= c.begin && c.end <= r.second;
          }))
        continue;
      check_token(cx, tok, c.begin);
    }
  }

  /// A dictionary's verdict; a loanword may also drop its accents ("café" for "cafe").
  bool spelled(const Context& cx, const std::string& word) const {
    if (spelled_in(cx.speller, word)) return true;
    for (Speller* s : cx.also)
      if (spelled_in(*s, word)) return true;
    return false;
  }

  // `word` with its loanword accents folded ("café" -> "cafe"); true when any was.
  bool fold_accents(const std::string& word, std::string& folded) const {
    bool changed = false;
    for (std::size_t i = 0; i < word.size();) {
      char32_t c = decode_utf8(word, i);
      if (m_fold.count(c)) {
        c = base_letter(c);
        changed = true;
      }
      append_utf8(folded, c);
    }
    return changed;
  }

  bool spelled_in(Speller& sp, const std::string& word) const {
    if (sp.known(word)) return true;
    if (m_fold.empty()) return false;
    std::string folded;
    return fold_accents(word, folded) && sp.known(folded);
  }

  /// The same once the compiled dictionaries may lack the word: Hunspell decides.
  bool truly_unknown(const Context& cx, const std::string& word) const {
    for (Speller* s : cx.also)  // English first: its compiled forms usually decide
      if (!unknown_in(*s, word)) return false;
    return unknown_in(cx.speller, word);
  }

  bool unknown_in(Speller& sp, const std::string& word) const {
    if (!sp.confirmed_unknown(word)) return false;
    if (m_fold.empty()) return true;
    std::string folded;
    bool changed = fold_accents(word, folded);
    return !changed || sp.confirmed_unknown(folded);
  }

  bool rejected(const std::string& w) const {
    return m_reject_words.find(w) == WordList::Match::exact ||
           m_reject_patterns.find(w) == WordList::Match::exact;
  }

  /// One token of the tokenizer: a word, possibly with hyphens and apostrophes.
  void check_token(Context& cx, std::string_view tok, std::uint32_t at) const {
    std::string word = spelling::straight_apostrophes(tok);
    std::string form;
    switch (m_accept.find(word, &form)) {
      case WordList::Match::exact:
        return;
      case WordList::Match::wrong_case:
        if (!spelled(cx, word) && truly_unknown(cx, word))
          report(cx, at, at + static_cast<std::uint32_t>(tok.size()), word, {{form, 1}});
        return;
      case WordList::Match::none:
        break;
    }
    bool hyphenated = tok.find('-') != std::string_view::npos ||
                      tok.find("\xE2\x80\x91") != std::string_view::npos;
    if (!hyphenated) return check_word(cx, tok, at);
    if (spelled(cx, word) || rejected(word)) return;
    // A hyphenation variant of a dictionary word: "Wi-Fi" for "WiFi", "e-mail" for "email".
    std::string joined;
    for (char32_t c : spelling::code_points(word))
      if (c != '-' && c != 0x2011) append_utf8(joined, c);
    if (spelled(cx, joined)) return;
    // Each part on its own; a bound prefix ("pre-", "co-") is fine before a hyphen.
    std::size_t b = 0;
    for (std::size_t i = 0; i <= tok.size();) {
      std::size_t sep = 0;
      if (i < tok.size() && tok[i] == '-') sep = 1;
      if (i + 2 < tok.size() && tok.substr(i, 3) == "\xE2\x80\x91") sep = 3;
      if (i == tok.size() || sep) {
        std::string_view part = tok.substr(b, i - b);
        bool is_last = i == tok.size();
        if (!part.empty() && !(!is_last && m_prefixes.count(text::to_lower(part))))
          check_word(cx, part, at + static_cast<std::uint32_t>(b));
        if (is_last) break;
        i += sep;
        b = i;
      } else {
        ++i;
      }
    }
  }

  /// Whether the nearest dictionary words make an unknown word a typo rather than a name, a
  /// coinage or a word of another language: a word one edit away that a typist's slip explains
  /// (not a different first letter: names and coinages differ from words there, typos seldom
  /// do), written in the same case; two edits count only for long words.
  bool typo_evidence(const std::u32string& cps, const std::vector<Suggestion>& near) const {
    if (cps.size() < 3) return false;
    bool lower = !spelling::is_upper_letter(cps[0]);
    std::u32string q;
    for (char32_t c : cps) q.push_back(spelling::lower_letter(c));
    for (const Suggestion& s : near) {
      std::u32string f = spelling::code_points(s.form);
      if (f.empty() || (lower && spelling::is_upper_letter(f[0]))) continue;
      for (std::size_t k = 1; k < f.size(); ++k)
        if (spelling::is_upper_letter(f[k])) f.clear();  // an acronym or a CamelCase name
      if (f.empty()) continue;
      for (char32_t& c : f) c = spelling::lower_letter(c);
      bool swapped_first = f.size() == q.size() && q.size() >= 2 && f[0] == q[1] && f[1] == q[0];
      if (f[0] != q[0] && !swapped_first) continue;
      if (s.distance == 1) return true;
      if (s.distance == 2 && cps.size() >= m_min_two_edit) return true;
    }
    return false;
  }

  /// A closed compound of two words the dictionaries know ("minimap", "keyset"): a coinage,
  /// not a slip. A plural the dictionary does not have ("informations") is not one.
  bool compound(const Context& cx, const std::string& word) const {
    std::u32string cps = spelling::code_points(word);
    if (cps.size() < 6) return false;
    if (cps.back() == 's' && spelled(cx, spelling::utf8(cps.substr(0, cps.size() - 1))))
      return false;
    std::vector<Speller*> all{&cx.speller};
    all.insert(all.end(), cx.also.begin(), cx.also.end());
    for (std::size_t i = 3; i + 3 <= cps.size(); ++i) {
      std::string a = spelling::utf8(cps.substr(0, i));
      std::string b = spelling::lower_word(spelling::utf8(cps.substr(i)));
      for (Speller* sp : all)  // both parts in one dictionary
        if ((sp->known_by(a) & sp->known_by(b)) != 0) return true;
    }
    return false;
  }

  /// One word without hyphens.
  void check_word(Context& cx, std::string_view text8, std::uint32_t at) const {
    std::u32string cps = spelling::code_points(text8);
    if (cps.size() < 2) return;
    for (char32_t c : cps)
      if (is_digit(c) || spelling::unsegmented(c)) return;
    std::string word = spelling::straight_apostrophes(text8);
    std::string stem = word;
    if (stem.size() > 2 && (stem.ends_with("'s") || stem.ends_with("'S")))
      stem.resize(stem.size() - 2);
    auto end = at + static_cast<std::uint32_t>(text8.size());
    for (const std::string* w : {&word, &stem}) {
      std::string form;
      switch (m_accept.find(*w, &form)) {
        case WordList::Match::exact:
          return;
        case WordList::Match::wrong_case:
          if (!spelled(cx, word) && truly_unknown(cx, word))
            report(cx, at, end, word, {{w == &stem ? form + word.substr(stem.size()) : form, 1}});
          return;
        case WordList::Match::none:
          break;
      }
    }
    // All-caps acronyms and CamelCase identifiers: a capital after the first letter.
    std::u32string stem_cps = spelling::code_points(stem);
    for (std::size_t k = 1; k < stem_cps.size(); ++k)
      if (spelling::is_upper_letter(stem_cps[k])) return;
    if (rejected(word) || rejected(stem)) return;  // PF602's
    if (spelled(cx, word) || (stem != word && spelled(cx, stem))) return;
    // A name of the vocabulary run together ("Acmecloud" for "Acme Cloud").
    if (const std::string* entry = m_accept.joined(stem)) {
      report(cx, at, end, word, {{*entry + word.substr(stem.size()), 2}});
      return;
    }
    // A name the document uses, not a typo.
    if (cx.names && spelling::is_upper_letter(cps[0]) &&
        (cx.names->is_name(word) || cx.names->is_name(stem)))
      return;
    std::vector<Suggestion> near = cx.speller.near(stem, 2);
    // Known in another case ("america", "faq"): capitalisation is the author's call.
    for (const Suggestion& s : near)
      if (s.distance == 0) return;
    if (!typo_evidence(stem_cps, near) || compound(cx, stem)) return;
    if (!truly_unknown(cx, word) || (stem != word && !truly_unknown(cx, stem))) return;
    // Shown: the nearest (two edits only when nothing is one edit away).
    bool one =
        std::any_of(near.begin(), near.end(), [](const Suggestion& s) { return s.distance <= 1; });
    if (one)
      near.erase(std::remove_if(near.begin(), near.end(),
                                [](const Suggestion& s) { return s.distance > 1; }),
                 near.end());
    std::stable_partition(near.begin(), near.end(), [&](const Suggestion& s) {
      std::u32string f = spelling::code_points(s.form);
      for (std::size_t k = 1; k < f.size(); ++k)
        if (spelling::is_upper_letter(f[k])) return false;  // an acronym: not boosted
      return cx.used && cx.used->count(text::to_lower(s.form)) > 0;
    });
    if (stem != word)
      for (Suggestion& s : near) s.form += word.substr(stem.size());
    // Only the first distinct unknown words of a document get suggestions (in document order,
    // so the output does not depend on the other files).
    auto [it, added] = cx.unknown.emplace(word, cx.unknown.size() < m_max_suggested);
    if (it->second)
      report(cx, at, end, word, near);
    else
      report(cx, at, end, word, {}, true);
  }

  void report(Context& cx, std::uint32_t b, std::uint32_t e, const std::string& word,
              const std::vector<Suggestion>& suggestions, bool over_budget = false) const {
    const Document& doc = cx.doc;
    const Prose& prose = cx.prose;
    Span span = prose.source_span(b, e);
    if (!m_scope.contains(doc, span.begin)) return;
    Finding f;
    f.span = span;
    f.args["match"] = std::string(std::string_view(prose.text).substr(b, e - b));
    std::size_t shown = std::min(m_max_suggestions, suggestions.size());
    std::string list;
    for (std::size_t i = 0; i < shown; ++i) list += (i ? ", " : "") + suggestions[i].form;
    f.args["suggestions"] = list;
    f.args["advice"] =
        shown ? fmt::format("did you mean: {}?", list)
        : over_budget
            ? fmt::format("no suggestions past {} unknown words in a document", m_max_suggested)
            : std::string("no suggestions; if the word is right, add it to [spelling] accept");
    // A fix only when exactly one suggestion is a single edit away. It is safe (applied by
    // --fix) only when it changes nothing but letter case ("Teamsync" -> the vocabulary's
    // "TeamSync"): an unknown word is as often a name, a foreign word or another spelling
    // convention as a typo, so a person decides the others.
    const Suggestion* only = nullptr;
    int close = 0;
    for (const Suggestion& s : suggestions)
      if (spelling::osa_distance(word, s.form) == 1 && ++close == 1) only = &s;
    if (close == 1 && doc.slice(span) == f.args["match"]) {
      Fix fix;
      fix.title = fmt::format("Replace with '{}'", only->form);
      fix.safe = text::to_lower(only->form) == text::to_lower(word);
      fix.edits.push_back({span, only->form});
      f.fix = std::move(fix);
    }
    // Every other shown suggestion is offered to editors too.
    for (std::size_t i = 0; i < shown; ++i)
      if (!(f.fix && &suggestions[i] == only) && doc.slice(span) == f.args["match"])
        f.alternatives.push_back(Fix{fmt::format("Replace with '{}'", suggestions[i].form),
                                     {{span, suggestions[i].form}},
                                     false});
    cx.out.report(std::move(f));
  }

  Scope m_scope;
  Mode m_mode = Mode::misspelling;
  bool m_detect = true;
  bool m_infer_names = true;
  std::size_t m_max_suggestions = 3;
  std::size_t m_max_suggested = 10;
  std::size_t m_min_two_edit = 13;
  std::unordered_set<std::string> m_prefixes;
  std::set<char32_t> m_fold;
  WordList m_accept;
  WordList m_reject_words;
  WordList m_reject_patterns;
  TermMatcher m_reject_terms{true};
  std::vector<std::string> m_dirs;
  std::vector<std::string> m_configured;
  std::unique_ptr<spelling::LanguagePlanner> m_planner;
  mutable std::mutex m_spellers_mutex;
  mutable std::map<std::string, std::shared_ptr<Speller>> m_spellers;
};

}  // namespace

std::unique_ptr<Rule> make_spelling(ParamReader& p) {
  return std::make_unique<Spelling>(p);
}

}  // namespace prfaq::kinds
