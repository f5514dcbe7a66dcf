// Stop-word language detection: see language.hpp.
#include "spelling/language.hpp"

#include <algorithm>
#include <array>
#include <unordered_map>

#include <prfaq/source.hpp>

#include "spelling/words.hpp"
#include "text/text.hpp"

namespace prfaq::spelling {
namespace {

// The most frequent function words of each language (articles, pronouns, prepositions,
// conjunctions, auxiliaries). A word in several profiles counts for each in equal shares.
struct Profile {
  const char* code;
  const char* name;
  const char* words;
};

constexpr Profile k_profiles[] = {
    {"de", "German",
     "der die das und ist nicht mit von zu den dem des ein eine einen einem einer im auf für "
     "sich auch es wir sie ich du werden wird sind hat haben kann können aus bei nach wie oder "
     "aber wenn dass nur noch über unser unsere unseren ihre ihr durch zum zur mehr diese dieser "
     "dieses als um vom man sehr schon jetzt wurde wurden gibt ohne damit uns mich mir dich "
     "dir sein seine keine kein gegen bis zwischen sowie immer hier dort wo was wer an alle ihn "
     "ihm"},
    {"en", "English",
     "a the and of to in is it that for on with as are this be by at or from an we our you your "
     "they their will can has have not but what which who how when more all do does if its was "
     "were been so than then these those into about would should could there here also only "
     "just each every any some other such our us them he she his her my me than very"},
    {"es", "Spanish",
     "a el la los las del y en un una unos unas con por para es son que se no más como su sus al "
     "lo también pero muy este esta estos estas cuando sin sobre entre hasta donde ya fue ser "
     "tiene tienen hay nuestro nuestra nuestros usted ustedes puede pueden porque o ni le les "
     "nos mi tu yo él ella ellos está están esto eso cada todo todos"},
    {"fr", "French",
     "le la les de des du et est un une en dans pour pas que qui sur avec ne se ce cette ces il "
     "elle nous vous ils elles sont au aux par plus mais ou son sa ses leur leurs être avoir "
     "été fait très aussi comme tout tous notre nos votre vos on y si sans chaque peut"},
    {"it", "Italian",
     "a il lo la gli le di del della dei delle degli e è un una uno in nel nella nei per con su "
     "sul sulla che non si da dal dalla alla al ai come più ma anche sono questo questa questi "
     "essere ha hanno noi voi loro suo sua nostro nostra molto ogni tra fra quando perché ci "
     "tutti tutto tutte gli"},
    {"nl", "Dutch",
     "de het een en van is dat die in op te voor met zijn niet er ook als aan bij maar om nog "
     "wordt worden kan naar uit dan of ze we wij je jij u hun onze ons deze dit door over meer "
     "heeft hebben zo al tot wat wie hoe waar geen"},
    {"pt", "Portuguese",
     "o a os as um uma uns umas de do da dos das em no na nos nas ao aos e é são que se não "
     "mais como seu sua seus suas com para por pelo pela também mas muito este esta isso isto "
     "quando sem sobre entre até onde já foi ser tem têm há nosso nossa nossos você vocês "
     "porque ou nem lhe eles elas está estão cada todo todos"},
    {"sv", "Swedish",
     "och att det som en är på för med av till den har de inte om ett men var jag vi du ni kan "
     "ska från eller så när också vår våra sig nu bara efter under mycket än här där hur vad "
     "alla denna dessa vara blir"},
};
constexpr std::size_t k_languages = std::size(k_profiles);

struct Table {
  std::unordered_map<std::string, std::vector<std::pair<std::size_t, double>>> weights;
  Table() {
    std::unordered_map<std::string, std::vector<std::size_t>> owners;
    for (std::size_t l = 0; l < k_languages; ++l) {
      std::string_view s = k_profiles[l].words;
      std::size_t i = 0;
      while (i < s.size()) {
        std::size_t j = s.find(' ', i);
        if (j == std::string_view::npos) j = s.size();
        if (j > i) {
          auto& o = owners[std::string(s.substr(i, j - i))];
          if (std::find(o.begin(), o.end(), l) == o.end()) o.push_back(l);
        }
        i = j + 1;
      }
    }
    for (auto& [w, o] : owners)
      for (std::size_t l : o) weights[w].push_back({l, 1.0 / static_cast<double>(o.size())});
  }
};

const Table& table() {
  static const Table t;
  return t;
}

bool letter(char32_t c) {
  return is_upper_letter(c) || is_lower_letter(c) || (c >= 0x100 && c < 0x250);
}

}  // namespace

const std::vector<std::string>& profiled_languages() {
  static const std::vector<std::string> out = [] {
    std::vector<std::string> v;
    for (const Profile& p : k_profiles) v.push_back(p.code);
    return v;
  }();
  return out;
}

void LanguageEvidence::add(std::string_view text) {
  const Table& t = table();
  std::string word;
  auto flush = [&] {
    if (word.empty()) return;
    ++m_words;
    auto it = t.weights.find(word);
    if (it != t.weights.end())
      for (auto [l, w] : it->second) m_hits[l] += w;
    word.clear();
  };
  for (std::size_t i = 0; i < text.size();) {
    char32_t c = decode_utf8(text, i);
    if (unsegmented(c)) {
      ++m_unsegmented;
      flush();
    } else if (letter(c)) {
      append_utf8(word, lower_letter(c));
    } else if (c == '\'' || c == 0x2019) {
      flush();  // "l'équipe", "it's": the part before the apostrophe stands alone
    } else {
      flush();
    }
  }
  flush();
}

void LanguageEvidence::add(const LanguageEvidence& other) {
  for (std::size_t l = 0; l < k_languages; ++l) m_hits[l] += other.m_hits[l];
  m_words += other.m_words;
  m_unsegmented += other.m_unsegmented;
}

LanguageScore LanguageEvidence::decide(double min_hits, double ratio) const {
  LanguageScore s;
  s.words = m_words;
  s.unsegmented = m_unsegmented;
  // Japanese, Chinese and Korean prose: two characters make about one word.
  if (m_unsegmented > 0 && m_unsegmented >= m_words * 2) {
    s.language = "cjk";
    return s;
  }
  std::size_t best = 0, second = k_languages;
  for (std::size_t l = 1; l < k_languages; ++l)
    if (m_hits[l] > m_hits[best]) best = l;
  for (std::size_t l = 0; l < k_languages; ++l)
    if (l != best && (second == k_languages || m_hits[l] > m_hits[second])) second = l;
  s.hits = m_hits[best];
  s.runner_up = second < k_languages ? m_hits[second] : 0;
  if (s.hits >= min_hits && s.hits >= ratio * s.runner_up) s.language = k_profiles[best].code;
  return s;
}

std::string language_name(std::string_view base) {
  for (const Profile& p : k_profiles)
    if (base == p.code) return p.name;
  static constexpr std::pair<std::string_view, std::string_view> k_more[] = {
      {"da", "Danish"},    {"pl", "Polish"},    {"cs", "Czech"},     {"ru", "Russian"},
      {"ca", "Catalan"},   {"ro", "Romanian"},  {"hu", "Hungarian"}, {"fi", "Finnish"},
      {"tr", "Turkish"},   {"uk", "Ukrainian"}, {"el", "Greek"},     {"no", "Norwegian"},
      {"nb", "Norwegian"}, {"gl", "Galician"},  {"eu", "Basque"},    {"hr", "Croatian"}};
  for (auto [c, n] : k_more)
    if (base == c) return std::string(n);
  return std::string(base);
}

std::string front_matter_language(std::string_view fm) {
  std::size_t i = 0;
  while (i < fm.size()) {
    std::size_t e = fm.find('\n', i);
    if (e == std::string_view::npos) e = fm.size();
    std::string_view line = fm.substr(i, e - i);
    i = e + 1;
    for (std::string_view key : {"lang:", "language:"}) {
      if (!line.starts_with(key)) continue;
      std::string v = text::trim(line.substr(key.size()));
      if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'') && v.back() == v.front())
        v = v.substr(1, v.size() - 2);
      bool ok = !v.empty() && v.size() <= 16;
      for (char c : v)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') ok = false;
      if (ok) return v;
    }
  }
  return "";
}

}  // namespace prfaq::spelling
