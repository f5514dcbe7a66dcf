#include "model/lexicon.hpp"

#include "text/text.hpp"
#include "text/tokenize.hpp"

namespace prfaq::model {
namespace {

bool has_hangul(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    char32_t c = decode_utf8(s, i);
    if (c >= 0xAC00 && c <= 0xD7A3) return true;
  }
  return false;
}

Prose probe_of(std::string_view text) {
  Prose p;
  p.text = std::string(text);
  p.offsets.assign(p.text.size() + 1, 0);
  text::tokenize(p);
  return p;
}

// An alternation of phrases for RE2: metacharacters quoted, spaces as \s+.
std::string alternation(const std::vector<std::string>& entries) {
  std::string out;
  for (const std::string& e : entries) {
    std::string quoted = RE2::QuoteMeta(e);
    std::string piece;
    for (std::size_t i = 0; i < quoted.size(); ++i) {
      if (quoted.compare(i, 2, "\\ ") == 0) {
        piece += "\\s+";
        ++i;
      } else {
        piece += quoted[i];
      }
    }
    if (!piece.empty()) out += (out.empty() ? "" : "|") + piece;
  }
  return out;
}

std::unique_ptr<RE2> compile(const std::string& pattern) {
  RE2::Options o;
  o.set_log_errors(false);
  auto re = std::make_unique<RE2>(pattern, o);
  if (!re->ok()) return nullptr;
  return re;
}

}  // namespace

std::vector<CueHit> Lexicon::find(std::string_view list, const Prose& prose) const {
  std::vector<CueHit> out;
  auto it = lists.find(list);
  if (it == lists.end()) return out;
  it->second.words.find(prose.words, [&](int id, std::uint32_t b, std::uint32_t e) {
    out.push_back({b, e, id});
  });
  for (std::size_t k = 0; k < it->second.substrings.size(); ++k) {
    const std::string& sub = it->second.substrings[k];
    for (std::size_t pos = prose.text.find(sub); pos != std::string::npos;
         pos = prose.text.find(sub, pos + sub.size()))
      out.push_back({static_cast<std::uint32_t>(pos), static_cast<std::uint32_t>(pos + sub.size()),
                     -1 - static_cast<int>(k)});
  }
  return out;
}

std::vector<CueHit> Lexicon::find(std::string_view list, std::string_view text) const {
  if (text.empty()) return {};
  return find(list, probe_of(text));
}

std::optional<CueHit> Lexicon::leading(std::string_view list, std::string_view text) const {
  Prose p = probe_of(text);
  if (p.words.empty()) return std::nullopt;
  for (const CueHit& h : find(list, p))
    if (h.begin == p.words.front().begin) return h;
  return std::nullopt;
}

std::shared_ptr<const Lexicon> compile_lexicon(const Template& tmpl) {
  auto lex = std::make_shared<Lexicon>();
  for (std::string_view name : vocabulary_lists()) {
    Lexicon::List& l = lex->lists[std::string(name)];
    l.entries = &tmpl.words(name);
    int id = 0;
    for (const std::string& e : *l.entries) {
      if (text::word_count(e) == 1) l.single_words.push_back(e);
      if (has_hangul(e))
        l.substrings.push_back(e);
      else
        l.words.add(e, id);
      ++id;
    }
  }
  std::string verbs = alternation(tmpl.words("speech_verbs"));
  std::string endings = alternation(tmpl.words("speech_endings"));
  if (!verbs.empty()) {
    lex->after_verb = compile(R"((?i)\x01\s*[,.]?\s*(?:)" + verbs + R"()\s+([^\x01\n]+))");
    lex->said_after = compile(R"((?i)^\s*[,.]?\s*(?:)" + verbs + R"()\s+\p{Lu})");
    lex->after_name = compile(R"(\x01\s*[,.]?\s*([^\x01\n]{2,120}?)\s+(?i:)" + verbs + R"()\b)");
    lex->before_verb = compile(R"((?:^|[.!?]\s+|\n)([^\x01.!?\n]{2,160}?)\s+(?i:)" + verbs +
                               R"()(?:\s+\w+){0,2}\s*[:,]?\s*\x01)");
  }
  if (!endings.empty())
    lex->cjk_after = compile(R"(\x01\s*[，,、]?\s*([^\x01。，,.]{0,60}?)\s*(?:)" + endings + ")");
  return lex;
}

}  // namespace prfaq::model
