// The language of each prose block (src/spelling/language.hpp, plan.hpp): stop words, front
// matter, [spelling] paths, CJK text, and PF603's one note per document.
#include <doctest/doctest.h>

#include "io/files.hpp"
#include "spelling/dictionaries.hpp"
#include "spelling/language.hpp"
#include "spelling/plan.hpp"
#include "support.hpp"

namespace fs = std::filesystem;
namespace sp = prfaq::spelling;

namespace {

std::string detect(std::string_view text) {
  sp::LanguageEvidence e;
  e.add(text);
  return e.decide(4, 1.5).language;
}

std::string bin() {
  return PRFAQ_BIN;
}

}  // namespace

TEST_CASE("language: stop words tell the languages apart") {
  CHECK(detect("The team reviews the plan and ships it to every customer that asks for it.") ==
        "en");
  CHECK(detect("Das Team prüft den Plan und schickt ihn an alle Kunden, die danach fragen.") ==
        "de");
  CHECK(detect("El equipo revisa el plan y lo envía a todos los clientes que lo piden.") == "es");
  CHECK(detect("A equipe revisa o plano e o envia para todos os clientes que não pedem.") == "pt");
  CHECK(detect("L'équipe relit le plan et l'envoie à tous les clients qui le demandent.") == "fr");
  CHECK(detect("Il gruppo rivede il piano e lo invia a tutti i clienti che lo chiedono.") == "it");
  CHECK(detect("Het team bekijkt het plan en stuurt het naar alle klanten die erom vragen.") ==
        "nl");
  CHECK(detect("Teamet går igenom planen och skickar den till alla kunder som vill ha den.") ==
        "sv");
  CHECK(detect("チームは計画を見直し、すべてのお客様に送ります。") == "cjk");
  CHECK(detect("Rundeck Figma Kubernetes").empty());  // no evidence: undecided
}

TEST_CASE("language: front matter, globs, variants and packages") {
  CHECK(sp::front_matter_language("title: X\nlang: pt-BR\n") == "pt-BR");
  CHECK(sp::front_matter_language("language: \"de\"\n") == "de");
  CHECK(sp::front_matter_language("lang: ../../etc\n").empty());
  CHECK(sp::normalize_language("en-gb") == "en_GB");
  CHECK(sp::base_language("pt_BR") == "pt");
  CHECK(sp::debian_package("pt") == "hunspell-pt-br");
  CHECK(sp::debian_package("es_MX") == "hunspell-es");
  CHECK(sp::debian_package("sv") == "hunspell-sv");
  CHECK(sp::debian_package("xx_YY") == "hunspell-xx-yy");
  CHECK(prfaq::io::glob_to_regex("docs/**/*.md") == "docs\\/(?:.*/)?[^/]*\\.md(?:/.*)?");
  // "en" accepts US and UK spellings; a variant names one.
  auto en = sp::dictionaries_for("en", sp::system_dictionary_dirs());
  REQUIRE(en.size() == 2);
  CHECK(en[0].name == "en_US");
  CHECK(en[1].name == "en_GB");
  CHECK(sp::dictionaries_for("en_GB", sp::system_dictionary_dirs()).size() == 1);
}

TEST_CASE("language: British and American spellings both pass unless a variant is configured") {
  fs::path d = test::temp_dir("lang-variant");
  test::write(d / "doc.md",
              "# Plan\n\nWe realise the behaviour of the centre needs work; we analyze and "
              "optimize it.\n");
  std::string cmd = "cd " + d.string() + " && " + bin() + " lint --format concise --select PF601 ";
  CHECK(test::run(cmd + "--no-config doc.md").out.empty());
  test::write(d / ".prfaq.toml", "[spelling]\nlanguage = \"en_US\"\n");
  std::string us = test::run(cmd + "doc.md").out;
  CHECK(us ==
        "doc.md:3:4: warning: Misspelled 'realise' [PF601/misspelling]\n"
        "doc.md:3:16: warning: Misspelled 'behaviour' [PF601/misspelling]\n"
        "doc.md:3:33: warning: Misspelled 'centre' [PF601/misspelling]\n");
  fs::remove_all(d);
}

TEST_CASE("language: [spelling] paths sets the language of the files a glob matches") {
  fs::path d = test::temp_dir("lang-paths");
  fs::create_directories(d / "docs" / "es");
  // Too short to detect: without the setting it is read as English.
  test::write(d / "docs" / "es" / "nota.md", "# Nota\n\nEl equipo lo envía mañanna.\n");
  std::string cmd = "cd " + d.string() + " && " + bin() + " lint --format concise --select PF601 ";
  test::write(d / ".prfaq.toml", "[spelling]\npaths = { \"docs/es/**\" = \"es\" }\n");
  CHECK(test::run(cmd + "docs/es/nota.md").out ==
        "docs/es/nota.md:3:20: warning: Misspelled 'mañanna' [PF601/misspelling]\n");
  // A glob RE2 cannot compile is a CF006 error at its position.
  test::write(d / ".prfaq.toml", "[spelling]\npaths = { \"docs/[z-a]/*\" = \"es\" }\n");
  test::Run bad = test::run(cmd + "docs/es/nota.md");
  CHECK(bad.status == 2);
  CHECK(bad.out.find("invalid glob 'docs/[z-a]/*'") != std::string::npos);
  // Not a table.
  test::write(d / ".prfaq.toml", "[spelling]\npaths = \"es\"\n");
  CHECK(test::run(cmd + "docs/es/nota.md").status == 2);
  fs::remove_all(d);
}

TEST_CASE("language: no dictionary installed gives one PF603 note per document, no PF601") {
  fs::path d = test::temp_dir("lang-missing");
  test::write(d / "doc.md",
              "---\nlang: sv\n---\n\n# Vi lanserar\n\nVi lanserar en ny tjänst för alla lag "
              "och deras kunder i dag.\n\nDen är gratis för små lag och tar bara en timme att "
              "komma igång med.\n");
  test::Run r = test::run("cd " + d.string() + " && " + bin() +
                          " lint --no-config --format concise --select PF601,PF603 doc.md");
  CHECK(r.status == 0);
  CHECK(r.out ==
        "doc.md:7:1: info: No Hunspell dictionary for Swedish (sv): this prose is not "
        "spell-checked [PF603/missing-dictionary]\n");
  test::Run help =
      test::run("cd " + d.string() + " && " + bin() + " lint --no-config --select PF603 doc.md");
  CHECK(help.out.find("hunspell-sv") != std::string::npos);
  fs::remove_all(d);
}
