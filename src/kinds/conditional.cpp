// The "conditional" kind: an acronym (a word of 2-6 capitals) must be defined before its
// first use, as "Service Level Agreement (SLA)" or "SLA (service level agreement)".
// A word in capitals is not an acronym when it is mentioned as a word (in quote marks, after
// "the word" or "code", or as the keyword of "text START to 55123") or when it ends a proper
// name begun mid-sentence in a sentence that is not in Title Case ("the queue at Zürich HB").
#include <algorithm>
#include <array>
#include <set>

#include "kinds/kinds.hpp"
#include "kinds/terms.hpp"
#include "model/patterns.hpp"
#include "text/text.hpp"

namespace prfaq::kinds {
namespace {

class Conditional final : public Rule {
 public:
  explicit Conditional(ParamReader& p) {
    m_scope = read_scope(p);
    for (const std::string& e : p.get_strings("exceptions", {}, "acronyms that need no definition"))
      m_exceptions.insert(e);
    for (const std::string& n : p.product_names())
      for (const std::string& w : text::words(n)) m_exceptions.insert(text::to_lower(w));
    m_min = p.get_int("min_length", 2, "shortest acronym");
    m_max = p.get_int("max_length", 6, "longest acronym");
    auto lower_set = [&](std::string_view name, std::vector<std::string> def,
                         std::string_view doc) {
      std::set<std::string, std::less<>> out;
      for (const std::string& w : p.get_strings(name, std::move(def), doc))
        out.insert(text::to_lower(w));
      return out;
    };
    m_mention_words = lower_set(
        "mention_words",
        {"word", "keyword", "code", "palabra", "clave", "código", "wort", "codewort", "stichwort",
         "kennwort", "mot", "clé", "parola", "palavra"},
        "words after which a word in capitals is mentioned, not used (\"the keyword START\")");
    m_send_verbs = lower_set(
        "send_verbs",
        {"text",     "txt",     "send",    "reply",    "sms",      "envía",   "envíe",
         "envia",    "envie",   "manda",   "mande",    "escribe",  "escriba", "responde",
         "responda", "schicke", "schick",  "schicken", "sende",    "senden",  "simse",
         "envoyez",  "envoie",  "envoyer", "tapez",    "répondez", "invia"},
        "verbs of a text-message instruction whose keyword is not an acronym (\"text START to "
        "55123\")");
    m_send_to = lower_set("send_to", {"to", "al", "a", "an", "au", "à"},
                          "the word between a text-message keyword and its number");
    m_name_function_words = lower_set(
        "function_words",
        {"the",  "a",     "an",    "our",  "your", "their", "its",   "my",   "his", "her", "this",
         "that", "these", "those", "with", "for",  "and",   "or",    "of",   "to",  "in",  "on",
         "at",   "by",    "from",  "via",  "per",  "new",   "every", "each", "all", "no"},
        "capitalised words that do not start a proper name (\"Your GL\" is not a name)");
  }

  static bool acronym(std::string_view w, std::int64_t min, std::int64_t max) {
    std::int64_t letters = 0;
    for (char c : w) {
      if (std::isupper(static_cast<unsigned char>(c)))
        ++letters;
      else if (std::isdigit(static_cast<unsigned char>(c)) || c == '&')
        continue;
      else if (c == 's' && &c == &w.back() && letters >= 2)
        continue;  // plural "APIs"
      else
        return false;
    }
    return letters >= min && static_cast<std::int64_t>(w.size()) <= max + 1 && letters <= max;
  }

  // The acronym next to another word in capitals ("FOR IMMEDIATE RELEASE").
  static bool capitals_run(const std::vector<Word>& words, std::size_t i, std::string_view t) {
    auto caps = [](const std::string& w) {
      int letters = 0;
      for (char c : w) {
        if (std::islower(static_cast<unsigned char>(c))) return false;
        letters += std::isupper(static_cast<unsigned char>(c)) != 0;
      }
      return letters >= 2;
    };
    auto spaced = [&](std::size_t a, std::size_t b) {
      for (std::uint32_t k = words[a].end; k < words[b].begin; ++k)
        if (t[k] != ' ') return false;
      return true;
    };
    return (i > 0 && spaced(i - 1, i) && caps(words[i - 1].text)) ||
           (i + 1 < words.size() && spaced(i, i + 1) && caps(words[i + 1].text));
  }

  // Words of the same block whose initials spell the acronym ("Service Level Agreement").
  static bool spelled_out(const std::vector<Word>& words, const std::string& acronym) {
    if (acronym.size() < 2 || acronym.size() > 6) return false;
    for (std::size_t i = 0; i + acronym.size() <= words.size(); ++i) {
      bool ok = true;
      for (std::size_t k = 0; k < acronym.size() && ok; ++k) {
        const std::string& w = words[i + k].text;
        ok = !w.empty() &&
             std::toupper(static_cast<unsigned char>(w[0])) ==
                 static_cast<unsigned char>(acronym[k]) &&
             w.size() > 1 && std::islower(static_cast<unsigned char>(w[1]));
      }
      if (ok) return true;
    }
    return false;
  }

  // "Zürich", "Crème": a capital, then at least one lower-case letter (not "HB", not "3D").
  static bool capitalised(std::string_view w) {
    if (w.empty()) return false;
    std::size_t i = 0;
    decode_utf8(w, i);
    std::string head(w.substr(0, i)), rest(w.substr(i));
    if (text::to_lower(head) == head) return false;
    bool lower = false;
    for (unsigned char c : rest) lower |= std::islower(c) != 0 || c >= 0x80;
    return lower && text::to_lower(rest) == rest;
  }

  // "queue", "über": a word of four letters or more that starts in lower case.
  static bool lower_case_word(std::string_view w) {
    if (count_code_points(w) < 4) return false;
    std::size_t i = 0;
    char32_t c = decode_utf8(w, i);
    return (c >= 'a' && c <= 'z') || (c >= 0xDF && c <= 0xFF && c != 0xF7);
  }

  // The word is mentioned rather than used: "the word START", "code SAVE20", "la palabra CITA",
  // or the keyword of a text-message instruction, "text START to 55123", "envía CITA al 600…".
  bool mentioned(const std::vector<Word>& words, std::size_t i, std::string_view t) const {
    // Only spaces between two words: "the word START", not "the word. START".
    auto adjacent = [&](std::size_t a, std::size_t b) {
      for (std::uint32_t k = words[a].end; k < words[b].begin; ++k)
        if (t[k] != ' ' && t[k] != '\t' && t[k] != '\n') return false;
      return true;
    };
    if (i == 0 || !adjacent(i - 1, i)) return false;
    if (m_mention_words.count(words[i - 1].lower)) return true;
    return m_send_verbs.count(words[i - 1].lower) && i + 2 < words.size() && adjacent(i, i + 1) &&
           adjacent(i + 1, i + 2) && m_send_to.count(words[i + 1].lower) &&
           std::isdigit(static_cast<unsigned char>(words[i + 2].text[0]));
  }

  // Quote marks directly around the word: 'text "START"', « CITA ».
  static bool quoted(std::string_view t, std::size_t b, std::size_t e) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 7> k_marks = {{
        {"\"", "\""},
        {"'", "'"},
        {"\xE2\x80\x9C", "\xE2\x80\x9D"},  // “ ”
        {"\xE2\x80\x98", "\xE2\x80\x99"},  // ‘ ’
        {"\xE2\x80\x9E", "\xE2\x80\x9C"},  // „ “
        {"\xC2\xAB", "\xC2\xBB"},          // « »
        {"\xE3\x80\x8C", "\xE3\x80\x8D"},  // 「 」
    }};
    std::string_view before = t.substr(0, b), after = t.substr(e);
    auto trim_space = [](std::string_view& s, bool front) {
      while (!s.empty() && (front ? s.front() : s.back()) == ' ')
        front ? s.remove_prefix(1) : s.remove_suffix(1);
    };
    for (auto [open, close] : k_marks) {
      std::string_view bf = before, af = after;
      if (open == "\xC2\xAB") trim_space(bf, false), trim_space(af, true);  // « CITA »
      if (bf.ends_with(open) && af.starts_with(close)) return true;
    }
    return false;
  }

  void check(const Document& doc, FindingSink& out) const override {
    std::set<std::string> defined, reported;
    for (const Prose& prose : doc.prose) {
      const std::vector<Word>& words = words_of(prose);
      std::string_view t = prose.text;
      const BlockShape shape = shape_of(prose, words);
      // City names in capitals before a dateline date are not acronyms.
      std::size_t dateline_end = 0;
      if (auto at = patterns::dateline_date(t)) dateline_end = *at;
      for (std::size_t i = 0; i < words.size(); ++i) {
        const Word& w = words[i];
        std::string base = w.text;
        if (base.size() > 2 && base.back() == 's') base.pop_back();
        if (!acronym(w.text, m_min, m_max) || w.begin < dateline_end) continue;
        if (not_an_acronym(words, i, t, shape) || m_exceptions.count(base) ||
            m_exceptions.count(w.text) || m_exceptions.count(text::to_lower(base)))
          continue;
        if (defined.count(base) || reported.count(base)) continue;
        if (defines(words, i, t, base)) {
          defined.insert(base);
          continue;
        }
        // Mentioned as a word, not used as an acronym.
        if (quoted(t, w.begin, w.end) || mentioned(words, i, t)) continue;
        if (ends_a_name(words, i, t, shape)) continue;
        Span span = prose.source_span(w.begin, w.end);
        if (!m_scope.contains(doc, span.begin)) continue;
        reported.insert(base);
        out.report({.span = span, .args = {{"match", w.text}}});
      }
    }
  }

 private:
  // Where capitals can mark a name in a block: not at the start of a sentence, and only in a
  // sentence that writes some word of four letters or more in lower case (in a Title Case
  // heading every word is capitalised, names or not); and whether the block shouts.
  struct BlockShape {
    std::set<std::uint32_t> sentence_starts;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> title_case;  // [begin, end)
    bool shouting = false;  ///< mostly in capitals: shouting or a heading in capitals
    bool in_title_case(std::uint32_t at) const {
      for (auto [b, e] : title_case)
        if (at >= b && at < e) return true;
      return false;
    }
  };

  static BlockShape shape_of(const Prose& prose, const std::vector<Word>& words) {
    BlockShape shape;
    for (const Sentence& s : prose.sentences) {
      bool first = true, lower = false;
      for (std::uint32_t k = s.first; k < s.last; ++k) {
        const Token& tok = prose.tokens[k];
        if (tok.kind != Token::Kind::word && tok.kind != Token::Kind::number) continue;
        if (first) shape.sentence_starts.insert(tok.begin), first = false;
        lower |= lower_case_word(prose.token_text(tok));
      }
      if (!lower && s.last > s.first)
        shape.title_case.emplace_back(prose.tokens[s.first].begin, prose.tokens[s.last - 1].end);
    }
    std::size_t caps = 0, letters_words = 0;
    for (const Word& w : words) {
      bool any_alpha = false, all_upper = true;
      for (char c : w.text)
        if (std::isalpha(static_cast<unsigned char>(c))) {
          any_alpha = true;
          all_upper &= std::isupper(static_cast<unsigned char>(c)) != 0;
        }
      if (!any_alpha) continue;
      ++letters_words;
      caps += all_upper;
    }
    shape.shouting = letters_words >= 2 && caps * 10 >= letters_words * 6;
    return shape;
  }

  // Capitals that are something else: a size, version or code, emphasis, a file name, half of
  // a compound, a template slot.
  static bool not_an_acronym(const std::vector<Word>& words, std::size_t i, std::string_view t,
                             const BlockShape& shape) {
    const Word& w = words[i];
    // Sizes, versions, model and part codes ("5MB", "SHA256", "Q235B"): not acronyms.
    if (std::any_of(w.text.begin(), w.text.end(),
                    [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
      return true;
    // Capitals for emphasis or a heading in capitals ("FOR IMMEDIATE RELEASE", "OUT OF
    // SCOPE"): a run of words in capitals.
    if (capitals_run(words, i, t) || shape.shouting) return true;
    // A file name ("AGENTS.md") or one half of a compound ("CAN-SPAM").
    if (w.end + 1 < t.size() && t[w.end] == '.' &&
        std::islower(static_cast<unsigned char>(t[w.end + 1])))
      return true;
    if ((w.begin > 0 && t[w.begin - 1] == '-') ||
        (w.end < t.size() && t[w.end] == '-' && w.end + 1 < t.size() &&
         std::isupper(static_cast<unsigned char>(t[w.end + 1]))))
      return true;
    // Inside a bracketed template slot ("[NAME, TITLE]": PF504's business), not an acronym.
    std::size_t open = t.rfind('[', w.begin), close = t.rfind(']', w.begin);
    return open != std::string_view::npos && (close == std::string_view::npos || close < open) &&
           t.find(']', w.end) != std::string_view::npos;
  }

  // "(SLA)" after words, or "SLA (…)", "CVR（購買率）", "CAC(고객획득비용)", "JOSH: Just Our Skills
  // Hub", or the words whose initials spell it in the same block.
  static bool defines(const std::vector<Word>& words, std::size_t i, std::string_view t,
                      const std::string& base) {
    const Word& w = words[i];
    bool in_parens =
        (w.begin > 0 && t[w.begin - 1] == '(' && w.end < t.size() && t[w.end] == ')') ||
        (w.begin >= 3 && t.substr(w.begin - 3, 3) == "\xEF\xBC\x88");
    std::string_view after = t.substr(w.end);
    std::size_t closing = after.find_first_of(")");
    bool followed = (after.starts_with(" (") || after.starts_with("(") ||
                     after.starts_with("\xEF\xBC\x88") || after.starts_with(" \xEF\xBC\x88")) &&
                    (closing != std::string_view::npos ||
                     after.find("\xEF\xBC\x89") != std::string_view::npos) &&
                    std::min(closing, after.find("\xEF\xBC\x89")) < 120;
    return in_parens || followed || spelled_out(words, base);
  }

  // The last word of a proper name: "Café Crème Zürich HB reaches 18 people". The name starts
  // mid-sentence (a capitalised sentence opener may be any word) and only spaces separate it
  // from the capitals.
  bool ends_a_name(const std::vector<Word>& words, std::size_t i, std::string_view t,
                   const BlockShape& shape) const {
    if (i == 0) return false;
    const Word& w = words[i];
    const Word& prev = words[i - 1];
    bool spaces_only = true;
    for (std::uint32_t k = prev.end; k < w.begin; ++k) spaces_only &= t[k] == ' ';
    return spaces_only && prev.end < w.begin && capitalised(prev.text) &&
           !m_name_function_words.count(prev.lower) && !shape.sentence_starts.count(prev.begin) &&
           !shape.in_title_case(prev.begin);
  }

  Scope m_scope;
  std::set<std::string> m_exceptions;
  std::set<std::string, std::less<>> m_mention_words, m_send_verbs, m_send_to,
      m_name_function_words;
  std::int64_t m_min = 2, m_max = 6;
};

}  // namespace

std::unique_ptr<Rule> make_conditional(ParamReader& p) {
  return std::make_unique<Conditional>(p);
}

}  // namespace prfaq::kinds
