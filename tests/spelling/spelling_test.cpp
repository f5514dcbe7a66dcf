// PF601 misspelling and PF602 rejected-term: Hunspell over prose only, the project vocabulary,
// dictionaries, suggestions and fixes, configuration errors. Expectations are written by hand.
#include <doctest/doctest.h>

#include "support.hpp"

namespace fs = std::filesystem;

namespace {

std::string bin() {
  return PRFAQ_BIN;
}

fs::path spelling_dir() {
  return fs::path(PRFAQ_FIXTURES_DIR) / "spelling";
}

/// "line:col-endcol code message | help | fix" for every diagnostic, from the library.
std::string findings(const fs::path& file, const fs::path& config_file,
                     const std::vector<std::string>& select) {
  auto config = prfaq::load_config(config_file);
  REQUIRE(config->ok());
  prfaq::SourceFile src(file.filename().string(), test::read(file));
  prfaq::RuleFilter filter;
  filter.select = select;
  std::string out;
  for (const prfaq::Diagnostic& d : prfaq::lint_source(src, *config, filter).diagnostics) {
    prfaq::Location b = src.lines.location(d.span.begin);
    prfaq::Location e = src.lines.location(d.span.end);
    out += std::to_string(b.line) + ":" + std::to_string(b.column) + "-" +
           std::to_string(e.column) + " " + d.code + " " + d.message + " | " + d.help;
    if (d.fix) {
      out += " | fix:";
      for (const prfaq::Edit& edit : d.fix->edits) out += " " + edit.replacement;
      out += d.fix->safe ? " (safe)" : " (unsafe)";
    }
    out += "\n";
  }
  return out;
}

}  // namespace

TEST_CASE(
    "spelling: misspellings in headings, prose, quotes, tables and FAQ answers fire; code, "
    "URLs, paths and identifiers do not") {
  test::Run r = test::run("cd " + spelling_dir().string() + " && " + bin() +
                          " lint --format concise --select PF601,PF602 en-prose.md");
  CHECK(r.status == 1);  // PF602 is an error
  CHECK(r.out ==
        "en-prose.md:1:22: warning: Misspelled 'Evry' [PF601/misspelling]\n"
        "en-prose.md:4:10: warning: Misspelled 'recieve' [PF601/misspelling]\n"
        "en-prose.md:5:32: warning: Misspelled 'knwon' [PF601/misspelling]\n"
        "en-prose.md:7:34: warning: Misspelled 'spredsheet' [PF601/misspelling]\n"
        "en-prose.md:8:16: warning: Misspelled 'Teamsync' [PF601/misspelling]\n"
        "en-prose.md:12:41: warning: Misspelled 'peple' [PF601/misspelling]\n"
        "en-prose.md:18:58: warning: Misspelled 'conection' [PF601/misspelling]\n"
        "en-prose.md:20:16: error: Rejected term 'utilise' [PF602/rejected-term]\n"
        "en-prose.md:20:46: error: Rejected term 'E-mail' [PF602/rejected-term]\n"
        "en-prose.md:20:66: warning: Misspelled 'teamsync' [PF601/misspelling]\n");
}

TEST_CASE(
    "spelling: spans, up to three suggestions, a fix for a single one-edit suggestion, safe only "
    "for a change of case") {
  std::string got =
      findings(spelling_dir() / "en-prose.md", spelling_dir() / ".prfaq.toml", {"PF601", "PF602"});
  const std::string reject_help =
      "The project vocabulary rejects this term ([spelling] reject); use the team's preferred "
      "wording.";
  CHECK(got ==
        // "Very" is a swap of two letters in any case, but two edits as written: the fix is the
        // only candidate one edit away as written.
        "1:22-26 PF601 Misspelled 'Evry' | did you mean: Very, Every? | fix: Every (unsafe)\n"
        // receive and relieve are both one edit away: no fix.
        "4:10-17 PF601 Misspelled 'recieve' | did you mean: receive, relieve?\n"
        // The misspelled part of a hyphenated word, not the whole word.
        "5:32-37 PF601 Misspelled 'knwon' | did you mean: known, unwon?\n"
        "7:34-44 PF601 Misspelled 'spredsheet' | did you mean: spreadsheet? | fix: "
        "spreadsheet (unsafe)\n"
        // A product name with the wrong capitalisation.
        "8:16-24 PF601 Misspelled 'Teamsync' | did you mean: TeamSync? | fix: TeamSync (safe)\n"
        // Names come after words for a lower-case word.
        "12:41-46 PF601 Misspelled 'peple' | did you mean: people, Peale, Peele? | fix: people "
        "(unsafe)\n"
        "18:58-67 PF601 Misspelled 'conection' | did you mean: connection, confection, "
        "convection?\n"
        "20:16-23 PF602 Rejected term 'utilise' | " +
            reject_help +
            "\n"
            "20:46-52 PF602 Rejected term 'E-mail' | " +
            reject_help +
            "\n"
            // Two edits from TeamSync: suggested, not fixed.
            "20:66-74 PF601 Misspelled 'teamsync' | did you mean: TeamSync?\n");
}

TEST_CASE("spelling: --fix applies only case fixes; typo fixes stay suggestions") {
  fs::path d = test::temp_dir("spellfix");
  for (const char* f : {"en-prose.md", ".prfaq.toml", "words.txt"})
    fs::copy_file(spelling_dir() / f, d / f);
  test::Run r = test::run("cd " + d.string() + " && " + bin() +
                          " lint --fix --format concise --select PF601 en-prose.md");
  CHECK(r.status == 0);  // warnings only
  std::string fixed = test::read(d / "en-prose.md");
  CHECK(fixed.find("# TeamSync Schedules Evry Shift in Minutes\n") == 0);  // a person decides
  CHECK(fixed.find("on a spredsheet,") != std::string::npos);
  CHECK(fixed.find("\"Now TeamSync drafts") != std::string::npos);  // case only: fixed
  CHECK(fixed.find("ten peple |") != std::string::npos);
  CHECK(fixed.find("managers recieve shift") != std::string::npos);  // two candidates
  CHECK(fixed.find("whole teamsync group") != std::string::npos);    // two edits away
  CHECK(fixed.find("`recieve`") != std::string::npos);
  CHECK(r.out ==
        "en-prose.md:1:22: warning: Misspelled 'Evry' [PF601/misspelling]\n"
        "en-prose.md:4:10: warning: Misspelled 'recieve' [PF601/misspelling]\n"
        "en-prose.md:5:32: warning: Misspelled 'knwon' [PF601/misspelling]\n"
        "en-prose.md:7:34: warning: Misspelled 'spredsheet' [PF601/misspelling]\n"
        "en-prose.md:12:41: warning: Misspelled 'peple' [PF601/misspelling]\n"
        "en-prose.md:18:58: warning: Misspelled 'conection' [PF601/misspelling]\n"
        "en-prose.md:20:66: warning: Misspelled 'teamsync' [PF601/misspelling]\n");
}

TEST_CASE("spelling: a German document with language = \"de_DE\"") {
  fs::path de = spelling_dir() / "de";
  test::Run r = test::run("cd " + de.string() + " && " + bin() +
                          " lint --format concise --select PF601 pressemitteilung.md");
  CHECK(r.status == 0);
  CHECK(r.out ==
        "pressemitteilung.md:5:33: warning: Misspelled 'Kundne' [PF601/misspelling]\n"
        "pressemitteilung.md:8:79: warning: Misspelled 'ferig' [PF601/misspelling]\n"
        "pressemitteilung.md:15:1: warning: Misspelled 'Verbindnug' [PF601/misspelling]\n");
  CHECK(findings(de / "pressemitteilung.md", de / ".prfaq.toml", {"PF601"}) ==
        "5:33-39 PF601 Misspelled 'Kundne' | did you mean: Kunden, Kunde?\n"
        "8:79-84 PF601 Misspelled 'ferig' | did you mean: feurig, fertig, feig?\n"
        "15:1-11 PF601 Misspelled 'Verbindnug' | did you mean: Verbindung? | fix: "
        "Verbindung (unsafe)\n");
  // Without the configuration its stop words say German: the same three, not a finding for
  // every correct German word.
  test::Run detected = test::run("cd " + de.string() + " && " + bin() +
                                 " lint --no-config --format concise --select PF601 "
                                 "pressemitteilung.md");
  CHECK(detected.out == r.out);
}

TEST_CASE("spelling: several languages at once; a word is right when any dictionary knows it") {
  fs::path d = test::temp_dir("spellmulti");
  test::write(d / ".prfaq.toml", "[spelling]\nlanguage = [\"en_US\", \"de_DE\"]\n");
  test::write(d / "doc.md",
              "Our customers say the Dienstplan is finally fertig, and the schedle is right.\n");
  test::Run r = test::run("cd " + d.string() + " && " + bin() +
                          " lint --format concise --select PF601 doc.md");
  CHECK(r.status == 0);
  CHECK(r.out == "doc.md:1:61: warning: Misspelled 'schedle' [PF601/misspelling]\n");
}

TEST_CASE("spelling: --select PF601 works alone, with the embedded defaults") {
  fs::path d = test::temp_dir("spellselect");
  test::write(d / "doc.md", "# Launch\n\nWe recieve it.\n");
  test::Run r = test::run(bin() + " lint --no-config --format concise --select PF601 " +
                          (d / "doc.md").string());
  CHECK(r.status == 0);
  CHECK(r.out == (d / "doc.md").string() +
                     ":3:4: warning: Misspelled 'recieve' "
                     "[PF601/misspelling]\n");
  test::Run name = test::run(bin() + " lint --no-config --format concise --select misspelling " +
                             (d / "doc.md").string());
  CHECK(name.out == r.out);
}

TEST_CASE("spelling: accepted words, case rules and the reject list") {
  fs::path d = test::temp_dir("spellvocab");
  test::write(d / ".prfaq.toml",
              "[product]\nnames = [\"Acme Cloud\"]\n"
              "[spelling]\naccept = [\"zorbify\", \"Fleeb\", \"Qux[a-z]+\"]\n"
              "reject = [\"colour\", \"walk\", \"whiteboarding session\", \"[Mm]anpower\"]\n");
  test::write(d / "doc.md",
              "Zorbify and zorbify are fine, Fleeb is fine, fleeb is not, and Quxable is fine.\n"
              "Acme Cloud and Acmecloud. The colour of the walk; a whiteboarding\n"
              "session needs manpower, Manpower and the Walk.\n");
  test::Run r = test::run("cd " + d.string() + " && " + bin() +
                          " lint --format concise --select PF601,PF602 doc.md");
  CHECK(r.status == 1);
  CHECK(r.out ==
        "doc.md:1:46: warning: Misspelled 'fleeb' [PF601/misspelling]\n"
        "doc.md:2:16: warning: Misspelled 'Acmecloud' [PF601/misspelling]\n"
        "doc.md:2:31: error: Rejected term 'colour' [PF602/rejected-term]\n"
        "doc.md:2:45: error: Rejected term 'walk' [PF602/rejected-term]\n"
        "doc.md:2:53: error: Rejected term 'whiteboarding session' "
        "[PF602/rejected-term]\n"
        "doc.md:3:15: error: Rejected term 'manpower' [PF602/rejected-term]\n"
        "doc.md:3:25: error: Rejected term 'Manpower' [PF602/rejected-term]\n"
        "doc.md:3:42: error: Rejected term 'Walk' [PF602/rejected-term]\n");
}

TEST_CASE("spelling: dictionaries are searched in [spelling] dictionaries first") {
  fs::path d = test::temp_dir("spelldirs");
  fs::create_directories(d / "dicts");
  fs::copy_file("/usr/share/hunspell/en_US.aff", d / "dicts" / "xx_TEST.aff");
  test::write(d / "dicts" / "xx_TEST.dic", "2\nhello\nworld\n");
  test::write(d / ".prfaq.toml",
              "[spelling]\nlanguage = \"xx_TEST\"\ndictionaries = [\"dicts\"]\n");
  test::write(d / "doc.md", "Hello world, wrold.\n");
  test::Run r = test::run("cd " + d.string() + " && " + bin() +
                          " lint --format concise --select PF601 doc.md");
  CHECK(r.status == 0);
  CHECK(r.out == "doc.md:1:14: warning: Misspelled 'wrold' [PF601/misspelling]\n");
}

TEST_CASE("spelling: a missing dictionary exits 2 naming the language, the paths and the package") {
  fs::path d = test::temp_dir("spellmissing");
  test::write(d / ".prfaq.toml",
              "[spelling]\nlanguage = [\"en_US\", \"xx_YY\"]\ndictionaries = [\"dicts\"]\n");
  test::write(d / "doc.md", "Hello.\n");
  test::Run r = test::run("cd " + d.string() + " && " + bin() + " lint --format concise doc.md");
  CHECK(r.status == 2);
  CHECK(r.out.find(".prfaq.toml:2:22: error: No Hunspell dictionary for 'xx_YY': xx_YY.aff and "
                   "xx_YY.dic are not in " +
                   (d / "dicts").string() +
                   ", /usr/share/hunspell, /usr/share/myspell/dicts, /usr/share/myspell "
                   "[CF010/missing-dictionary]") != std::string::npos);
  test::Run text = test::run("cd " + d.string() + " && " + bin() + " lint doc.md");
  CHECK(text.status == 2);
  CHECK(text.out.find("install the Debian package hunspell-xx-yy") != std::string::npos);
  // Not an error when the spelling rule is off.
  test::write(d / ".prfaq.toml",
              "[spelling]\nlanguage = \"xx_YY\"\n[rules.misspelling]\nseverity = \"off\"\n");
  test::Run off = test::run("cd " + d.string() + " && " + bin() +
                            " lint --format concise --select PF601,PF602 doc.md");
  CHECK(off.status == 0);
  CHECK(off.out.empty());
}

TEST_CASE("spelling: a bad accept pattern is a CF006 error at its position") {
  fs::path d = test::temp_dir("spellpattern");
  test::write(d / ".prfaq.toml", "[spelling]\naccept = [\"Acme\",\n          \"Team(Sync\"]\n");
  test::write(d / "doc.md", "Hello.\n");
  test::Run r = test::run("cd " + d.string() + " && " + bin() + " lint --format concise doc.md");
  CHECK(r.status == 2);
  CHECK(r.out.find(".prfaq.toml:3:11: error: invalid pattern 'Team(Sync': missing ): Team(Sync "
                   "[CF006/invalid-pattern]") != std::string::npos);
  // In the words file: the line of the entry.
  test::write(d / ".prfaq.toml", "[spelling]\nwords_file = \"words.txt\"\n");
  test::write(d / "words.txt", "# words\nAcme\n[unclosed\n");
  r = test::run("cd " + d.string() + " && " + bin() + " lint --format concise doc.md");
  CHECK(r.status == 2);
  // Its position only, never its contents (issue 11).
  CHECK(r.out.find("words.txt:3:1: error: Line 3 of the words file is not a valid word or RE2 "
                   "pattern") != std::string::npos);
  CHECK(r.out.find("[unclosed") == std::string::npos);
  // A missing words file.
  fs::remove(d / "words.txt");
  r = test::run("cd " + d.string() + " && " + bin() + " lint --format concise doc.md");
  CHECK(r.status == 2);
  CHECK(r.out.find(".prfaq.toml:2:14: error: Cannot read the words file") != std::string::npos);
}

TEST_CASE("spelling: the same findings whatever --jobs is (one shared, thread-safe cache)") {
  fs::path d = test::temp_dir("spelljobs");
  for (const char* f : {".prfaq.toml", "words.txt"}) fs::copy_file(spelling_dir() / f, d / f);
  for (int i = 0; i < 12; ++i)
    fs::copy_file(spelling_dir() / "en-prose.md", d / ("doc" + std::to_string(i) + ".md"));
  std::string cmd = "cd " + d.string() + " && " + bin() + " lint --format concise --select PF601 ";
  test::Run one = test::run(cmd + "--jobs 1 .");
  test::Run many = test::run(cmd + "--jobs 8 .");
  CHECK(one.out == many.out);
  CHECK(std::count(many.out.begin(), many.out.end(), '\n') == 12 * 8);
}

TEST_CASE("spelling: the project's own documents have no misspelling with the root config") {
  std::string src = PRFAQ_SOURCE_DIR;
  test::Run good = test::run("cd " + src + " && " + bin() +
                             " lint --format concise --select PF601 examples/good-teamsync.md");
  CHECK(good.status == 0);
  CHECK(good.out.empty());
  fs::path prfaq = fs::path(src) / ".." / "shared" / "PRFAQ.md";
  if (!fs::exists(prfaq)) return;
  prfaq = fs::canonical(prfaq);
  test::Run r = test::run(bin() + " lint --format concise --select PF601 --config " + src +
                          "/.prfaq.toml " + prfaq.string());
  // "config" is accepted by PF601's own vocabulary of software terms, not by the project's.
  CHECK(r.out.empty());
}

TEST_CASE("spelling: hyphens, slashes, apostrophes and dashes split words where they should") {
  fs::path d = test::temp_dir("spellsplit");
  test::write(d / "doc.md",
              "Wi-Fi and e-mail work; pre-commit, co-author and re-enter too. A well-knwon\n"
              "and/or PR/FAQ draft\xE2\x80\x94see go/envlock\xE2\x80\x94isn\xE2\x80\x99t "
              "the customer\xE2\x80\x99s recieve/send list.\n");
  test::Run r = test::run("cd " + d.string() + " && " + bin() +
                          " lint --no-config --format concise --select PF601 doc.md");
  CHECK(r.status == 0);
  CHECK(r.out ==
        "doc.md:1:71: warning: Misspelled 'knwon' [PF601/misspelling]\n"
        "doc.md:2:57: warning: Misspelled 'recieve' [PF601/misspelling]\n");
}

TEST_CASE(
    "spelling: names, coinages and words without a near dictionary word are not typos; slips "
    "are") {
  fs::path d = test::temp_dir("names");
  test::write(d / ".prfaq.toml", "[spelling]\nlanguage = \"en_US\"\n");
  test::write(d / "doc.md",
              "# T\n\nOur pilot with Stallkeeper added a tidewatch feed and a qzxv.\n\n"
              "Customers recieve it daily.\n");
  std::string out = findings(d / "doc.md", d / ".prfaq.toml", {"PF601"});
  // A capitalised word inside a sentence is a name; "tidewatch" is two words run together;
  // nothing is near "qzxv"; "recieve" is one swap from "receive".
  CHECK(out == "5:11-18 PF601 Misspelled 'recieve' | did you mean: receive, relieve?\n");
  // With the inference off the name is checked too (and, one edit from nothing, still quiet).
  test::write(d / ".prfaq.toml",
              "[spelling]\nlanguage = \"en_US\"\n[rules.misspelling]\ninfer_names = false\n");
  test::write(d / "doc.md", "# T\n\nOur pilot with Acmme went well, and Acmme liked it.\n");
  CHECK(findings(d / "doc.md", d / ".prfaq.toml", {"PF601"}).find("'Acmme'") != std::string::npos);
  test::write(d / ".prfaq.toml", "[spelling]\nlanguage = \"en_US\"\n");
  CHECK(findings(d / "doc.md", d / ".prfaq.toml", {"PF601"}).empty());
  fs::remove_all(d);
}
