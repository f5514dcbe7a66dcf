// Pass 4, classes: whether a quotation's speaker is a customer or speaks for the company.
#include <algorithm>

#include "model/quotes.hpp"
#include "text/text.hpp"

namespace prfaq::model {

namespace {

bool mentions_company(const Context& ctx, std::string_view s) {
  std::vector<std::string> ws = text::words(s);
  for (const std::string& w : ctx.company_words)
    if (std::find(ws.begin(), ws.end(), w) != ws.end()) return true;
  return false;
}

}  // namespace

QuoteClass classify_quote(const Context& ctx, const Quote& q, const std::string& role,
                          std::string& why) {
  const Lexicon& lex = ctx.lex;
  if (role == "customer_quote") {
    why = "in a customer-quote section";
    return QuoteClass::customer;
  }
  if (role == "leader_quote") {
    why = "in a leader-quote section";
    return QuoteClass::leader;
  }
  std::string lower = text::to_lower(q.speaker);
  if (q.placeholder_speaker) {
    // "[Customer Name]", "[Executive Name], [Title]": the slot says who speaks.
    if (lex.has("leader_titles", lower) || lower.find("executive") != std::string::npos ||
        lower.find("leader") != std::string::npos) {
      why = "a placeholder naming a leader";
      return QuoteClass::leader;
    }
    if (lex.has("customer_words", lower)) {
      why = "a placeholder naming a customer";
      return QuoteClass::customer;
    }
    why = "a placeholder speaker";
    return QuoteClass::unknown;
  }
  // The description: "Jane Roe, a nurse at X"; relative clauses ("who leads the team").
  std::string name = lower, desc, relative;
  const std::vector<std::string>& determiners = ctx.tmpl.words("speaker_determiners");
  for (const std::string& pronoun : ctx.tmpl.words("relative_pronouns")) {
    std::size_t k = name.find(", " + pronoun + " ");
    std::size_t skip = pronoun.size() + 3;
    if (k == std::string::npos &&
        std::find(determiners.begin(), determiners.end(), pronoun) == determiners.end()) {
      k = name.find(" " + pronoun + " ");
      skip = pronoun.size() + 2;
    }
    if (k != std::string::npos) {
      relative = name.substr(k + skip);
      name.erase(k);
    }
  }
  if (std::size_t c = name.find(", "); c != std::string::npos) desc = name.substr(c + 2);
  bool described = false;
  for (const std::string& art : ctx.tmpl.words("indefinite_articles"))
    described |= desc.starts_with(art + " ") || lower.starts_with(art + " ");
  std::string org;
  for (const std::string& marker : ctx.tmpl.words("organisation_markers")) {
    std::string sep = " " + marker + " ";
    std::size_t k = name.rfind(sep);
    if (k == std::string::npos) continue;
    // "Head of Developer Platform", "VP of Engineering": the department is part of the title.
    if (marker == "of") {
      std::string before = name.substr(0, k);
      bool title = false;
      for (const std::string& t : ctx.tmpl.words("department_titles")) title |= before.ends_with(t);
      if (title) break;
    }
    org = name.substr(k + sep.size());
    break;
  }
  if (org.empty() && std::count(name.begin(), name.end(), ',') >= 2)
    org = text::trim(name.substr(name.rfind(',') + 1));
  bool leader_kw = lex.has("leader_titles", name) || lex.has("leader_titles", relative);
  // "the team", "our maintainers": the speaker is the organisation itself.
  bool the_team =
      (lower.starts_with("the ") || lower.starts_with("our ")) &&
      (lower.find("team") != std::string::npos || lower.find("maintainer") != std::string::npos);
  bool customer_kw = lex.has("customer_words", name);
  bool company = !ctx.company_words.empty() && (mentions_company(ctx, lower));
  if (the_team) {
    why = "the team speaks";
    return QuoteClass::leader;
  }
  if (described && !(leader_kw && company)) {
    why = "described as one of the customers ('" + (desc.empty() ? lower : desc) + "')";
    return QuoteClass::customer;
  }
  // "Terrence Hall, who rents a two-bedroom apartment": introduced by what they do.
  if (!relative.empty() && !(leader_kw && (company || mentions_company(ctx, relative)))) {
    why = "introduced by what they do ('who " + relative + "')";
    return QuoteClass::customer;
  }
  if (leader_kw) {
    // An executive of another organisation speaks as a customer, unless the quote speaks
    // for the launch ("We built …"). With no known announcer, a title is enough.
    if (org.empty() || ctx.doc.company.empty() || company) {
      why = "a leader's title";
      return QuoteClass::leader;
    }
    if (ctx.lex.count("company_voice", q.text) > 0) {
      why = "a leader's title, and the quote speaks as 'we'";
      return QuoteClass::leader;
    }
    why = "a leader of another organisation ('" + org + "')";
    return QuoteClass::customer;
  }
  if (company && !customer_kw) {
    why = "speaks for the announcer";
    return QuoteClass::leader;
  }
  if (customer_kw) {
    why = "a customer's description";
    return QuoteClass::customer;
  }
  if (!org.empty()) {
    why = "from another organisation";
    return QuoteClass::customer;
  }
  // "We built …", "our customers": the quote speaks for the company.
  if (!q.speaker.empty() && ctx.lex.count("company_voice", q.text) > 0) {
    why = "the quote speaks as 'we'";
    return QuoteClass::leader;
  }
  why = q.speaker.empty() ? "no speaker" : "nothing says who the speaker is";
  return QuoteClass::unknown;
}

}  // namespace prfaq::model
