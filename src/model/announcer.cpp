// Pass 3, the announcer: who the press release says launches, and the words that stand for
// the company (its first distinctive word, names in it, the product the title, the launch
// sentence or the headline names).
#include <algorithm>
#include <cctype>

#include "model/front.hpp"
#include "model/patterns.hpp"
#include "text/text.hpp"

namespace prfaq::model {

void find_announcer(Context& ctx) {
  Document& doc = ctx.doc;
  std::string text;
  if (ctx.summary_block) text = prose_text(*ctx.prose_of(*ctx.summary_block));
  std::string a = text.empty() ? std::string() : patterns::announcer(text);
  if (a.empty()) {
    for (const Prose& p : doc.prose_in(doc.press_release)) {
      if (p.kind == BlockKind::heading) continue;
      text = prose_text(p);
      a = patterns::announcer(text);
      if (!a.empty()) break;
    }
  }
  // What was launched names the product: "Acme today launched Ledger, …".
  std::string launched = a.empty() ? std::string() : patterns::launched_name(text);
  // The company's first distinctive word stands for it ("Blue Ridge Market Tech" -> "blue",
  // "the prfaq project" -> "prfaq").
  static const std::vector<std::string_view> k_filler = {
      "the",      "project",    "team",   "inc",   "corp",  "llc",     "ltd",     "company",
      "today",    "die",        "der",    "das",   "firma", "gmbh",    "ag",      "la",
      "le",       "les",        "el",     "los",   "las",   "société", "societe", "empresa",
      "compañía", "entreprise", "groupe", "grupo", "our",   "new",     "we",      "a",
      "an",       "o",          "group",  "of",    "i"};
  auto first_word = [&](std::string_view s) {
    for (const std::string& w : text::words(s)) {
      if (w.size() < 2 || std::find(k_filler.begin(), k_filler.end(), w) != k_filler.end())
        continue;
      ctx.company_words.push_back(w);
      return;
    }
  };
  // Parentheticals are asides ("Sam Hall (scmhall.blog)").
  std::string announcer;
  int depth = 0;
  for (char c : a) {
    if (c == '(') ++depth;
    if (depth == 0) announcer += c;
    if (c == ')' && depth > 0) --depth;
  }
  announcer = text::squash(announcer);
  doc.company = announcer;
  first_word(announcer);
  // Names in the announcer ("singer-songwriter Sam Hall" -> "sam", "hall").
  {
    std::string_view rest = announcer;
    while (!rest.empty()) {
      std::size_t b = 0;
      while (b < rest.size() && !std::isalnum(static_cast<unsigned char>(rest[b])) &&
             static_cast<unsigned char>(rest[b]) < 0x80)
        ++b;
      std::size_t e = b;
      while (e < rest.size() && (std::isalnum(static_cast<unsigned char>(rest[e])) ||
                                 static_cast<unsigned char>(rest[e]) >= 0x80 || rest[e] == '-'))
        ++e;
      std::string w(rest.substr(b, e - b));
      if (!w.empty() && std::isupper(static_cast<unsigned char>(w[0]))) {
        std::string lower = text::to_lower(w);
        if (lower != "today" &&
            std::find(k_filler.begin(), k_filler.end(), lower) == k_filler.end())
          ctx.company_words.push_back(lower);
      }
      if (e >= rest.size()) break;
      rest = rest.substr(e);
    }
  }
  if (!ctx.product.empty()) first_word(ctx.product);
  if (!launched.empty()) first_word(launched);
  for (const std::string& name : ctx.opt.product_names) first_word(name);
  // The headline's product: "MASIL: A New Open Standard", "JProbe: …", "ChoreSync Unveils …".
  if (!ctx.headline_text.empty()) {
    std::string h = ctx.headline_text;
    std::size_t colon = h.find(':');
    std::string head = colon != std::string::npos && label_words(h.substr(0, colon)) <= 4
                           ? h.substr(0, colon)
                           : std::string();
    if (!head.empty()) {
      first_word(head);
    } else {
      std::vector<std::string> ws = text::words(h);
      static const std::vector<std::string_view> k_not = {
          "introducing", "announcing", "new", "meet", "build", "how",  "why", "now", "today",
          "a",           "an",         "the", "your", "our",   "make", "get", "say"};
      if (!ws.empty() && std::isupper(static_cast<unsigned char>(h[0])) &&
          std::find(k_not.begin(), k_not.end(), ws[0]) == k_not.end())
        ctx.company_words.push_back(ws[0]);
    }
  }
}

}  // namespace prfaq::model
