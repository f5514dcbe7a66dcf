// The "consistency" kind: one spelling of a term per document. Product names from
// [product] names (and CamelCase names the document uses) must keep their spelling
// ("TeamSync", not "Teamsync" or "Team Sync"); `either` pairs ("e-mail" = "email") must not
// both appear.
#include <algorithm>
#include <map>
#include <set>

#include "kinds/kinds.hpp"
#include "kinds/terms.hpp"
#include "text/text.hpp"

namespace prfaq::kinds {
namespace {

std::string squashed(std::string_view s) {
  std::string out;
  for (char c : text::to_lower(s))
    if (c != ' ' && c != '-' && c != '\n' && c != '\t') out += c;
  return out;
}

bool camel(std::string_view w) {
  if (w.size() < 4 || !std::isupper(static_cast<unsigned char>(w[0]))) return false;
  bool lower_seen = false;
  for (std::size_t i = 1; i < w.size(); ++i) {
    auto c = static_cast<unsigned char>(w[i]);
    if (c >= 0x80 || !std::isalpha(c)) return false;
    if (std::islower(c))
      lower_seen = true;
    else if (lower_seen)
      return true;  // an upper case letter after lower case ones
  }
  return false;
}

class Consistency final : public Rule {
 public:
  explicit Consistency(ParamReader& p) {
    m_scope = read_scope(p);
    m_products = p.get_bool("product_names", true, "check the spelling of [product] names");
    m_camel =
        p.get_bool("camel_case_names", true, "treat CamelCase words the document uses as names");
    for (const std::string& n : p.product_names()) m_names.push_back(n);
    for (auto& [a, b] : p.get_string_map("either", "pairs of spellings that must not both appear"))
      m_either.emplace_back(a, b);
    // Both spellings of every pair in one matcher, each matched on its own (find_each):
    // pair k's first spelling is id 2k, its second 2k + 1.
    int id = 0;
    for (const auto& [a, b] : m_either) {
      m_pairs.add(a, id++);
      m_pairs.add(b, id++);
    }
  }
  bool fixable() const override { return true; }

  using Blocks = std::vector<std::pair<const Prose*, const std::vector<Word>*>>;

  void check(const Document& doc, FindingSink& out) const override {
    Blocks blocks;
    for (const Prose& prose : doc.prose)
      if (m_scope.contains(doc, prose)) blocks.emplace_back(&prose, &words_of(prose));
    check_names(doc, blocks, out);
    check_either_pairs(doc, blocks, out);
  }

 private:
  // Product names: each written the one way the configuration or the document's CamelCase
  // spelling says.
  void check_names(const Document& doc, const Blocks& blocks, FindingSink& out) const {
    // Canonical spellings: configured names, then CamelCase words seen in the document.
    std::map<std::string, std::string> canon;  // squashed -> spelling
    std::set<std::string> configured;
    if (m_products)
      for (const std::string& n : m_names)
        canon.emplace(squashed(n), n), configured.insert(squashed(n));
    if (m_camel)
      for (auto& [prose, block_words] : blocks)
        for (const Word& w : *block_words) {
          // Not the name part of an address ("IndieGames.Press", "TeamSync.app").
          std::string_view t = prose->text;
          bool address = w.end + 1 < t.size() && t[w.end] == '.' &&
                         std::isalpha(static_cast<unsigned char>(t[w.end + 1]));
          if (camel(w.text) && !address) canon.emplace(squashed(w.text), w.text);
        }
    for (auto& [prose, block_words] : blocks) {
      const std::vector<Word>& words = *block_words;
      for (std::size_t i = 0; i < words.size(); ++i) {
        std::string acc;
        for (std::size_t k = i; k < words.size() && k < i + 3; ++k) {
          if (k > i && !words[k - 1].joined_to_next) break;
          acc += words[k].lower;
          auto it = canon.find(acc);
          if (it == canon.end()) continue;
          // A configured name may be written apart in any case ("team sync"); a CamelCase name the
          // document uses only in one word ("Teamsync") or capitalised ("Team Sync"), since
          // "first week" is ordinary English.
          if (k > i && !configured.count(it->first)) {
            bool capitalised = true;
            for (std::size_t m = i; m <= k; ++m)
              capitalised &= std::isupper(static_cast<unsigned char>(words[m].text[0])) != 0;
            if (!capitalised) break;
          }
          // Part of a domain, path or address ("teamsync.example.com") is not prose.
          std::string_view t = prose->text;
          std::uint32_t wb = words[i].begin, we = words[k].end;
          if ((wb > 0 && (t[wb - 1] == '.' || t[wb - 1] == '/' || t[wb - 1] == '@')) ||
              (we + 1 < t.size() && (t[we] == '.' || t[we] == '@' || t[we] == '/') &&
               std::isalnum(static_cast<unsigned char>(t[we + 1]))))
            break;
          Span span = prose->source_span(words[i].begin, words[k].end);
          std::string surface(doc.slice(span));
          if (surface == it->second) break;
          // Capitals for emphasis or in a heading ("WORDPRESS HOSTING") are no second spelling.
          if (std::none_of(surface.begin(), surface.end(),
                           [](char c) { return std::islower(static_cast<unsigned char>(c)); }))
            break;
          if (surface.find_first_of("*_`[]\n") != std::string::npos) break;
          // All lower case inside a longer identifier or a URL-like word is not a misspelling.
          if (!m_scope.explicit_scope && doc.in_quote(span.begin)) break;
          Finding f{.span = span, .args = {{"match", surface}, {"expected", it->second}}};
          f.fix = Fix{"Write '" + it->second + "'", {{span, it->second}}, true};
          out.report(std::move(f));
          i = k;
          break;
        }
      }
    }
  }

  // Either pairs: the spelling used second is flagged wherever it appears.
  void check_either_pairs(const Document& doc, const Blocks& blocks, FindingSink& out) const {
    // The written form must be the pair's own: "set-up" is not "set up" (a verb and a noun).
    auto same = [](std::string_view written, std::string_view term) {
      return text::to_lower(text::squash(written)) == text::to_lower(term);
    };
    std::vector<std::vector<Span>> seen(2 * m_either.size());  // by id
    for (auto& [prose, words] : blocks) {
      m_pairs.find_each(*words, static_cast<int>(seen.size()),
                        [&](int id, std::uint32_t x, std::uint32_t y) {
                          const auto& pair = m_either[static_cast<std::size_t>(id / 2)];
                          Span sp = prose->source_span(x, y);
                          if (same(doc.slice(sp), id % 2 == 0 ? pair.first : pair.second))
                            seen[static_cast<std::size_t>(id)].push_back(sp);
                        });
    }
    for (std::size_t k = 0; k < m_either.size(); ++k) {
      const auto& [a, b] = m_either[k];
      const std::vector<Span>& sa = seen[2 * k];
      const std::vector<Span>& sb = seen[2 * k + 1];
      if (sa.empty() || sb.empty()) continue;
      bool a_first = sa.front().begin < sb.front().begin;
      const std::vector<Span>& later = a_first ? sb : sa;
      const std::string& keep = a_first ? a : b;
      for (Span s : later)
        out.report(
            {.span = s,
             .args = {{"match", std::string(doc.slice(s))}, {"expected", keep}},
             .labels = {{a_first ? sa.front() : sb.front(), "first spelled '" + keep + "' here"}}});
    }
  }

  Scope m_scope;
  bool m_products = true, m_camel = true;
  std::vector<std::string> m_names;
  std::vector<std::pair<std::string, std::string>> m_either;
  TermMatcher m_pairs;
};

}  // namespace

std::unique_ptr<Rule> make_consistency(ParamReader& p) {
  return std::make_unique<Consistency>(p);
}

}  // namespace prfaq::kinds
