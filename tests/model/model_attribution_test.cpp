// Pass 4 pieces on their own: which quoted passages are speech (src/model/speech.cpp), who speaks
// (attribution.cpp) and what class the speaker is (speaker_class.cpp).
#include <doctest/doctest.h>

#include "markdown/markdown.hpp"
#include "model/quotes.hpp"
#include "model_test_support.hpp"

using prfaq::QuoteClass;
namespace model = prfaq::model;

namespace {

// A context over an already read document, for the pieces that need one (the lexicon, the
// template, the announcer's words).
struct Ctx {
  test::Read read;
  prfaq::ParseOptions opt;
  prfaq::markdown::Parsed parsed;
  model::Context ctx;
  explicit Ctx(std::string text)
      : read(test::read_prfaq(std::move(text))), opt(options()), ctx(read.doc, opt, parsed) {}
  static prfaq::ParseOptions options() {
    prfaq::ParseOptions o;
    o.tmpl = &test::default_config().tmpl;
    return o;
  }
};

// The speech pieces of the first prose block holding `needle`, as their quoted words.
std::vector<std::string> speech(const std::string& para,
                                std::vector<prfaq::Span>* mentions_out = nullptr) {
  test::Read r = test::read_prfaq(para);
  const prfaq::Prose& p = r.doc.prose.front();
  std::vector<prfaq::Span> mentions;
  std::vector<std::string> out;
  for (const model::Piece& pc :
       model::find_pieces(test::default_config().tmpl.lexicon(), p, mentions))
    out.push_back(p.text.substr(pc.inner_begin, pc.inner_end - pc.inner_begin));
  if (mentions_out) *mentions_out = mentions;
  return out;
}

}  // namespace

TEST_CASE("speech: a quoted sentence is speech, a quoted term inside a sentence a mention") {
  std::vector<prfaq::Span> mentions;
  CHECK(speech("\"We finally stopped losing orders,\" said Ana Ruiz.\n") ==
        std::vector<std::string>{"We finally stopped losing orders,"});
  CHECK(speech("Click the \"Export all rows\" button to download.\n", &mentions).empty());
  CHECK(mentions.size() == 1);
  // A short line is speech when a speech verb and a name follow it.
  CHECK(speech("\"It just works,\" says Bo Lee.\n") == std::vector<std::string>{"It just works,"});
  CHECK(speech("We call it \"It just works\" internally.\n").empty());
}

TEST_CASE("speech: corner brackets nest, and a Japanese quotation followed by と is speech") {
  CHECK(speech("佐藤は「毎朝の準備が『半分』になりました」と話す。\n").size() == 1);
  CHECK(speech("「設定」を開きます。\n").empty());
}

TEST_CASE("attribution: after, before, with a dash, with a colon, none") {
  Ctx c("# Headline\n\nText.\n");
  std::string how;
  auto speaker = [&](const std::string& rest) {
    how.clear();
    auto s = model::find_attribution(c.ctx, rest, how);
    return s ? model::clean_speaker(c.ctx, *s) : std::string("(none)");
  };
  CHECK(speaker("\x01, said Jane Roe, CEO of Acme.") == "Jane Roe, CEO of Acme");
  CHECK(how == "attributed after the quote ('said …')");
  CHECK(speaker("Ana Silva, a nurse, said: \x01") == "Ana Silva, a nurse");
  CHECK(how == "attributed before the quote ('Ana said:')");
  CHECK(speaker("\x01 — Marcus O., beta tester") == "Marcus O., beta tester");
  CHECK(how == "attributed after a dash");
  CHECK(speaker("Ana Ruiz: \x01") == "Ana Ruiz");
  CHECK(how == "introduced before the quote with a colon");
  // A label and a colon introduce no speaker.
  CHECK(speaker("Suggested headline: \x01") == "(none)");
  CHECK(speaker("\x01 and that was the end of it.") == "(none)");
}

TEST_CASE("attribution: the speaker is cut at the sentence end, keeping initials and titles") {
  Ctx c("# Headline\n\nText.\n");
  CHECK(model::clean_speaker(c.ctx, " — by Ana P., CTO. Then she left ") == "Ana P., CTO");
  CHECK(model::clean_speaker(c.ctx, "Dr. Jane Roe. 588 people came") == "Dr. Jane Roe");
  CHECK(model::clean_speaker(c.ctx, "**Sam Hall**, says it best") == "Sam Hall");
  // The template's speech verbs, in its languages; a verb inside a word is no cut.
  CHECK(model::clean_speaker(c.ctx, "Ana Ruiz, CTO, explained") == "Ana Ruiz, CTO");
  CHECK(model::clean_speaker(c.ctx, "Marta Gil, enfermera, comentó ayer") ==
        "Marta Gil, enfermera");
  CHECK(model::clean_speaker(c.ctx, "as Lee Park put it") == "as Lee Park");
  CHECK(model::clean_speaker(c.ctx, "Tom Unsaid, Acme") == "Tom Unsaid, Acme");
}

TEST_CASE("speaker class: customers, leaders and the team") {
  Ctx c("# Acme Ships Kettle\n\nSEATTLE — May 2, 2027 — Acme today launched Kettle.\n");
  c.ctx.company_words = {"acme"};
  c.read.doc.company = "Acme";
  auto cls = [&](const std::string& speaker, const std::string& text = "It works.") {
    prfaq::Quote q;
    q.speaker = speaker;
    q.text = text;
    std::string why;
    return model::classify_quote(c.ctx, q, "", why);
  };
  CHECK(cls("Jane Roe, chief executive officer of Acme") == QuoteClass::leader);
  CHECK(cls("Tom Okafor, owner of Okafor Produce") == QuoteClass::customer);
  CHECK(cls("a beta user in Ohio") == QuoteClass::customer);
  CHECK(cls("the maintainers") == QuoteClass::leader);
  CHECK(cls("Terrence Hall, who rents a two-bedroom apartment") == QuoteClass::customer);
  // The CTO of another organisation speaks as a customer, unless the quote speaks as 'we'.
  CHECK(cls("Mia Chen, CTO at Northwind") == QuoteClass::customer);
  CHECK(cls("Mia Chen, CTO at Northwind", "We built Kettle for people like us.") ==
        QuoteClass::leader);
  CHECK(cls("Pat Doe") == QuoteClass::unknown);
  // Labelled sections decide.
  prfaq::Quote q;
  q.speaker = "Pat Doe";
  std::string why;
  CHECK(model::classify_quote(c.ctx, q, "customer_quote", why) == QuoteClass::customer);
  CHECK(why == "in a customer-quote section");
}
