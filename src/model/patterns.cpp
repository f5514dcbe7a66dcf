#include "model/patterns.hpp"

#include "model/context.hpp"

#include <re2/re2.h>

#include <vector>

#include "text/text.hpp"

namespace prfaq::patterns {
namespace {

struct Compiled {
  RE2 date{
      R"((?i)\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+\d{1,2}\b|\b\d{1,2}\.?\s+(?:jan(?:uar|vier|uary)?|feb(?:ruar|ruary)?|fév(?:rier)?|mar(?:ch)?|märz|mars|marzo|apr(?:il)?|may|june|july|avril|abril|mai|mayo|juni?|juin|junio|juli?|juillet|julio|aug(?:ust)?|août|agosto|sep(?:tember|tembre|tiembre)?|okt(?:ober)?|oct(?:obre|ubre)?|nov(?:ember|embre|iembre)?|dez(?:ember)?|déc(?:embre)?|dic(?:iembre)?|de\s+\w+)\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b|\d{4}\s*年\s*\d{1,2}\s*月|\d{4}\s*년\s*\d{1,2}\s*월|\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|januar|februar|märz|juni|juli|oktober|dezember|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro|janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre)\.?,?\s+(?:de\s+)?\d{4}\b|\b(?:today|heute|aujourd'hui|hoy|hoje)\b|\[[^\]\n]{0,20}\b(?:date|datum|fecha|data)\b[^\]\n]{0,20}\]|\[(?:日付|日期|날짜)[^\]\n]{0,20}\])"};
  // "Acme today rolled out …", "Die Acme GmbH startet heute …", "La Conselleria lanza hoy …".
  RE2 announcer_today{
      R"((?:^|[—–]\s*|--\s*)((?:the\s+)?[^\s,;:()][^,;:()\n—–.]{0,60}?)\s+(?:today|heute)\s)"};
  RE2 announcer_verb_today{
      R"((?:^|[—–]\s*|--\s*)((?:the\s+)?[^\s,;:()][^,;:()\n—–.]{0,60}?)\s+[^\s,;:]+\s+(?:heute|hoy|aujourd'hui|aujourd’hui)\b)"};
  RE2 announcer{
      R"((?:^|[—–]\s*|--\s*|\.\s+|\)\s*)(?:Today,?\s+|Heute\s+|Aujourd'hui,?\s+|Hoy,?\s+|Hoje,?\s+)?((?:the\s+)?[^\s,;:()][^,;:\n—–]{0,80}?)(?:,[^,]{1,80},)?\s+(?:today\s+|heute\s+)?(?:announced|announces|launched|launches|released|releases|introduced|introduces|unveiled|unveils|(?:is|are)\s+(?:launching|releasing|announcing|introducing)|made\s+available|opened|opens|rolled\s+out|rolls\s+out|debuted|debuts|switched\s+on|kündigt|kündigte|stellt|gab|annonce|a\s+annoncé|lance|anuncia|anunció|anunciou|lanza|lança|presentó))"};
  // "… launched Ledger, …", "… introduced the new Kettle Pro to …": a name written as a name.
  RE2 launched{
      R"(\b(?:announced|announces|launched|launches|released|releases|introduced|introduces|unveiled|unveils|debuted|debuts|rolled\s+out|rolls\s+out|opened|opens)\s+(?:(?:the|a|an|its|their)\s+)?(?:new\s+)?((?:[A-Z0-9][\w'’-]*)(?:\s+[A-Z0-9][\w'’-]*){0,3}))"};
  RE2 placeholder{
      R"((?i)^\s*(?:\[[^\]]*\]|<[^>]*>|\{\{?[^}]*\}?\}|(?:a|an|one|our|the)\s+(?:happy\s+|satisfied\s+|early\s+|beta\s+|pilot\s+|real\s+|typical\s+)?(?:customer|user|client|person|tester)s?(?:\s+(?:said|says|told\s+us))?|customer(?:\s+name)?|name(?:\s*,\s*title)?|jane\s+doe|john\s+doe|first\s+last|firstname\s+lastname|tbd|tk|xxx|\?+|_+)(?:\s*,.*)?\s*$)"};
  RE2 cta{
      R"((?i)\b(?:to\s+get\s+started|get\s+started|getting\s+started|to\s+start|to\s+begin|sign\s+up|signup|download|install|visit|available\s+(?:today|now|starting|from|at|in|on|for|to)|is\s+available|are\s+available|starts?\s+at|pricing|priced\s+at|try\s+it|learn\s+more|sign\s+in|log\s+in|to\s+use|go\s+to|open\s+the\s+app|https?://|request\s+access|join\s+(?:the|today|now|at|in|online)|can\s+join|enroll|order\s+(?:now|today|online|at|from|it|one|yours)|pre-?order|on\s+sale|works\s+today|erste\s+schritte|verfügbar|ab\s+sofort|disponible|pour\s+commencer|para\s+empezar|disponible|利用開始|提供開始|시작하려면|이용할\s*수|可以在|即日起)\b|にアクセス|访问|(?:^|[.!?]\s+)(?:open\s+(?:it|the|your)|look\s+for|head\s+to|search\s+for|scan\s+the|click|call|email|text\s+\w+\s+to|register|book)\b|\b[a-z0-9-]+\.example\.[a-z]{2,}\b|\b[a-z0-9-]+\.(?:com|org|net|io|app|dev)/)"};
  RE2 placeholder_answer{
      R"((?i)^\s*(?:a\s*:\s*)?(?:tbd|tba|todo|tk|fixme|xxx|to\s+be\s+(?:determined|decided|confirmed|written|added)|coming\s+soon|n/?a|\?+|…|\.\.\.|_+|pending|answer\s+(?:tbd|pending|to\s+come)|\[[^\]]*\]|待定|未定|미정|à\s+définir|por\s+definir)(?:\W.{0,60})?$|^\s*lorem\s+ipsum\b.*$|^\s*\([^()]{0,300}\)\s*$)"};
};

const Compiled& compiled() {
  static const Compiled c;
  return c;
}

}  // namespace

std::optional<std::size_t> dateline_date(std::string_view paragraph) {
  std::string_view head = paragraph.substr(0, std::min<std::size_t>(paragraph.size(), 160));
  re2::StringPiece input(head.data(), head.size());
  re2::StringPiece match;
  if (!compiled().date.Match(input, 0, head.size(), RE2::UNANCHORED, &match, 1))
    return std::nullopt;
  std::size_t at = static_cast<std::size_t>(match.data() - head.data());
  // A dateline: the date sits before the first sentence ends, after a place or at the start.
  std::string_view before = head.substr(0, at);
  if (before.find(". ") != std::string_view::npos) return std::nullopt;
  if (at > 110) return std::nullopt;
  // A dateline sits after a place and a separator ("SEATTLE, WA — ", "(Berlin) "), or
  // opens the paragraph and is followed by a dash ("March 3, 2027 — Acme …").
  std::string place = text::trim(before);
  auto ends_sep = [&](std::string_view x) {
    return x.ends_with("\xE2\x80\x94") || x.ends_with("\xE2\x80\x93") || x.ends_with("-") ||
           x.ends_with(",") || x.ends_with(")") || x.ends_with("(") || x.ends_with(":") ||
           x.ends_with("\xEF\xBC\x8C") || x.ends_with("\xE3\x80\x81") ||
           x.ends_with("\xEF\xBC\x89") || x.ends_with("\xEF\xBC\x9A");
  };
  bool cjk_place = !place.empty() && static_cast<unsigned char>(place[0]) >= 0xE3;
  if (!place.empty() && !ends_sep(place) && !cjk_place) return std::nullopt;
  // A place is a few capitalised words ("SEATTLE, WA", "Mountain View, CA", "[CITY]"), not a
  // sentence ("Next draft is due Friday, March 7").
  if (!place.empty() && !cjk_place) {
    std::vector<std::string> ws;
    std::string cur;
    for (char c : place + " ") {
      if (c == ' ' || c == ',' || c == '(' || c == ')') {
        if (!cur.empty()) ws.push_back(cur), cur.clear();
      } else {
        cur += c;
      }
    }
    int capitalised = 0, words = 0;
    for (const std::string& w : ws) {
      unsigned char c = static_cast<unsigned char>(w[0]);
      if (!std::isalpha(c) && c < 0x80 && c != '[') continue;
      ++words;
      capitalised += std::isupper(c) || c >= 0x80 || c == '[';
    }
    if (words > 7 || capitalised * 2 < words) return std::nullopt;
  }
  if (place.empty()) {
    std::string_view after = head.substr(at + match.size(), 24);
    if (after.find("\xE2\x80\x94") == std::string_view::npos &&
        after.find("\xE2\x80\x93") == std::string_view::npos &&
        after.find(" - ") == std::string_view::npos && after.find("--") == std::string_view::npos)
      return std::nullopt;
  }
  std::string_view m(match.data(), match.size());
  if (text::iequals(m, "today") || text::iequals(m, "heute") || text::iequals(m, "hoy") ||
      text::iequals(m, "aujourd'hui")) {
    // "SEATTLE — Today, …" only counts after a place and a dash.
    if (before.find("\xE2\x80\x94") == std::string_view::npos &&
        before.find("\xE2\x80\x93") == std::string_view::npos &&
        before.find("--") == std::string_view::npos && before.find(" - ") == std::string_view::npos)
      return std::nullopt;
  }
  return at;
}

bool dateline_in_source(std::string_view source) {
  std::string raw;
  for (char c : source.substr(0, std::min<std::size_t>(source.size(), 400)))
    if (c != '`' && c != '*' && c != '_') raw += c;
  return dateline_date(text::squash(raw)).has_value();
}

bool dateline_line(std::string_view line) {
  std::string t = text::squash(line);
  if (t.empty() || t.size() > 80) return false;
  if (model::is_date_line(t)) return true;
  static const RE2 k_place_year(
      R"(^(?:\*\*|__|\*|_)?\s*\p{Lu}[^,\n]{0,40}(?:,[^,\n]{1,30})?,(?:\s*[^\s,]+){0,3}?\s*)"
      R"((?:19|20)\d\d\s*(?:\*\*|__|\*|_)?$)");
  return RE2::FullMatch(t, k_place_year);
}

bool place_dash_opening(std::string_view paragraph) {
  static const RE2 k_place_dash(
      R"(^(?:\*\*|__)?\s*\p{Lu}[^\n,*_\x{2014}\x{2013}-]{1,30}(?:,[^\n,*_\x{2014}\x{2013}-]{1,20})?)"
      R"(\s*(?:\*\*|__)?\s*(?:\x{2014}|\x{2013}|--?)\s)");
  re2::StringPiece in(paragraph.data(), std::min<std::size_t>(paragraph.size(), 120));
  return RE2::PartialMatch(in, k_place_dash);
}

std::string announcer(std::string_view summary) {
  std::string out;
  re2::StringPiece in(summary.data(), summary.size());
  if (RE2::PartialMatch(in, compiled().announcer, &out)) return text::trim(out);
  // Without a known verb, "<Subject> today <verb>" in a dateline paragraph names the announcer.
  if (dateline_date(summary) && (RE2::PartialMatch(in, compiled().announcer_today, &out) ||
                                 RE2::PartialMatch(in, compiled().announcer_verb_today, &out)))
    return text::trim(out);
  return {};
}

std::string launched_name(std::string_view summary) {
  std::string out;
  re2::StringPiece in(summary.data(), summary.size());
  if (RE2::PartialMatch(in, compiled().launched, &out)) return text::trim(out);
  return {};
}

bool placeholder_speaker(std::string_view speaker) {
  return RE2::FullMatch(re2::StringPiece(speaker.data(), speaker.size()), compiled().placeholder) ||
         speaker.find('[') != std::string_view::npos;
}

bool call_to_action(std::string_view paragraph) {
  return RE2::PartialMatch(re2::StringPiece(paragraph.data(), paragraph.size()), compiled().cta);
}

bool placeholder_answer(std::string_view answer) {
  std::string a = text::squash(answer);
  return a.empty() ||
         RE2::FullMatch(re2::StringPiece(a.data(), a.size()), compiled().placeholder_answer);
}

}  // namespace prfaq::patterns
