// The compiled dictionary cache (src/spelling/compiled.hpp): the same findings with and without
// it, a damaged or truncated file rebuilt, two processes building it at once, and the same
// output whatever --jobs is. No timing here: scripts/bench-spelling.sh measures.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>

#include "spelling/compiled.hpp"
#include "spelling/dictionaries.hpp"
#include "spelling/hunspell.hpp"
#include "support.hpp"

namespace fs = std::filesystem;

namespace {

std::string bin() {
  return PRFAQ_BIN;
}

/// A small dictionary (en_US's affixes, a few stems) and a document with two typos in a
/// directory whose configuration uses it: builds take milliseconds.
fs::path small_project(const std::string& name) {
  fs::path d = test::temp_dir(name);
  fs::create_directories(d / "dicts");
  fs::copy_file("/usr/share/hunspell/en_US.aff", d / "dicts" / "xx_TEST.aff");
  test::write(d / "dicts" / "xx_TEST.dic",
              "16\nour\nteam/MS\nreceive/DRSZG\nreport/MSDG\nand\nreview/MSDG\nthe\n"
              "schedule/MSDG\ntogether\nevery\nmorning/MS\nplan/MS\nit\nis\nready\nwe\n");
  test::write(d / ".prfaq.toml",
              "[spelling]\nlanguage = \"xx_TEST\"\ndictionaries = [\"dicts\"]\n");
  test::write(d / "doc.md",
              "# Plan\n\nOur teams recieve reports and review the schedule togther every "
              "morning.\n\nWe review the plans; it is ready.\n");
  return d;
}

std::string lint_in(const fs::path& dir, const fs::path& cache, const std::string& args,
                    const std::string& env = "") {
  return test::run("cd " + dir.string() + " && " + env + " PRFAQ_CACHE_DIR=" + cache.string() +
                   " " + bin() + " lint --select PF601 " + args)
      .out;
}

/// The cache files of the small dictionary (English ones sit beside them: every document also
/// accepts English words).
std::vector<fs::path> dict_files(const fs::path& cache) {
  std::vector<fs::path> out;
  if (!fs::exists(cache)) return out;
  for (const auto& e : fs::directory_iterator(cache))
    if (e.path().extension() == ".dict" && e.path().filename().string().starts_with("xx_TEST"))
      out.push_back(e.path());
  return out;
}

}  // namespace

TEST_CASE("spelling cache: built, then mapped, then off: byte-identical findings") {
  fs::path d = small_project("cache-same");
  fs::path cache = d / "cache";
  const std::string want =
      "doc.md:3:11: warning: Misspelled 'recieve' [PF601/misspelling]\n"
      "doc.md:3:51: warning: Misspelled 'togther' [PF601/misspelling]\n";
  std::string built = lint_in(d, cache, "--format concise doc.md");
  CHECK(built == want);
  REQUIRE(dict_files(cache).size() == 1);
  std::string mapped = lint_in(d, cache, "--format concise doc.md");
  std::string off = lint_in(d, cache, "--format concise doc.md", "PRFAQ_DICTIONARY_CACHE=off");
  CHECK(mapped == built);
  CHECK(off == built);
  // With suggestions and fixes too (the library, in this process, without any cache).
  std::string json = lint_in(d, cache, "--format json doc.md");
  std::string json_off = lint_in(d, cache, "--format json doc.md", "PRFAQ_DICTIONARY_CACHE=off");
  CHECK(json == json_off);
  CHECK(json.find("receive") != std::string::npos);
  fs::remove_all(d);
}

TEST_CASE("spelling cache: the real dictionaries give the same findings cached and uncached") {
  fs::path cache = test::temp_dir("cache-real");
  const fs::path fixtures = PRFAQ_FIXTURES_DIR;
  std::string files;
  for (const char* f : {"rules/misspelling/fire-en.md", "rules/misspelling/silent-en.md",
                        "rules/misspelling/fire-de.md", "rules/misspelling/fire-block-es-in-en.md",
                        "spelling/en-prose.md"})
    files += std::string(" ") + f;
  std::string built = lint_in(fixtures, cache, "--no-config --format json" + files);
  std::string mapped = lint_in(fixtures, cache, "--no-config --format json" + files);
  std::string off =
      lint_in(fixtures, cache, "--no-config --format json" + files, "PRFAQ_DICTIONARY_CACHE=off");
  CHECK(built.find("togther") != std::string::npos);
  CHECK(mapped == built);
  CHECK(off == built);
  fs::remove_all(cache);
}

TEST_CASE("spelling cache: a truncated, damaged or foreign cache file is rebuilt, never believed") {
  fs::path d = small_project("cache-damage");
  fs::path cache = d / "cache";
  const std::string want = lint_in(d, cache, "--format concise doc.md");
  REQUIRE(dict_files(cache).size() == 1);
  const fs::path file = dict_files(cache).front();
  const std::string good = test::read(file);
  REQUIRE(good.size() > 1024);

  SUBCASE("truncated") {
    test::write(file, good.substr(0, good.size() / 2));
  }
  SUBCASE("empty") {
    test::write(file, "");
  }
  SUBCASE("not a dictionary") {
    test::write(file, std::string(good.size(), 'x'));
  }
  SUBCASE("its words overwritten") {
    // Everything after the header: the tables and the words. The header still matches, so
    // only the chunk checksums can tell.
    std::string bad = good;
    std::fill(bad.begin() + 512, bad.end() - 64, '\xFF');
    test::write(file, bad);
  }
  SUBCASE("one byte of its table changed") {
    std::string bad = good;
    for (std::size_t i = 600; i < bad.size() - 64; i += 97)
      bad[i] = static_cast<char>(bad[i] ^ 0x5A);
    test::write(file, bad);
  }
  CHECK(lint_in(d, cache, "--format concise doc.md") == want);
  // Rebuilt: the file is whole again (a build is deterministic).
  CHECK(test::read(file) == good);
  fs::remove_all(d);
}

TEST_CASE("spelling cache: a damaged chunk is noticed by a checked lookup") {
  fs::path d = small_project("cache-chunk");
  prfaq::spelling::DictionaryFiles files{"xx_TEST", (d / "dicts" / "xx_TEST.aff").string(),
                                         (d / "dicts" / "xx_TEST.dic").string()};
  auto built = prfaq::spelling::CompiledDict::build(files);
  REQUIRE(built);
  CHECK(built->validate());
  CHECK(built->known("teams"));
  CHECK(built->known("Reviewed"));
  CHECK_FALSE(built->known("recieve", true));
  CHECK_FALSE(built->corrupt());
  fs::path path = d / "x.dict";
  REQUIRE(built->write(path.string()));
  std::string bytes = test::read(path);
  for (std::size_t i = 600; i < bytes.size() - 64; ++i) bytes[i] = static_cast<char>(bytes[i] ^ 1);
  test::write(path, bytes);
  auto mapped = prfaq::spelling::CompiledDict::map(path.string(), files);
  REQUIRE(mapped);                      // the header is intact
  CHECK_FALSE(mapped->known("teams"));  // a damaged word is lost, never invented
  CHECK_FALSE(mapped->known("recieve", true));
  CHECK(mapped->corrupt());
  CHECK_FALSE(mapped->validate());
  // A changed .dic makes the cache stale.
  test::write(d / "dicts" / "xx_TEST.dic", "1\nother\n");
  fs::path fresh = d / "y.dict";
  REQUIRE(built->write(fresh.string()));
  CHECK(prfaq::spelling::CompiledDict::map(fresh.string(), files) == nullptr);
  fs::remove_all(d);
}

TEST_CASE("spelling cache: two processes building the same dictionary at once both succeed") {
  fs::path d = small_project("cache-race");
  // en_US takes a second or two to build: long enough for the two builds to overlap.
  test::write(d / ".prfaq.toml", "[spelling]\nlanguage = \"en_US\"\n");
  fs::path cache = d / "cache";
  std::string cmd = "cd " + d.string() + " && for i in 1 2; do PRFAQ_CACHE_DIR=" + cache.string() +
                    " " + bin() +
                    " lint --format concise --select PF601 doc.md > out$i.txt 2>&1 & done; wait";
  test::run(cmd);
  std::string one = test::read(d / "out1.txt"), two = test::read(d / "out2.txt");
  CHECK(one.find("Misspelled 'recieve'") != std::string::npos);
  CHECK(one == two);
  // One complete file (en_US configured: no en_GB), no temporary file left behind.
  std::size_t dicts = 0, others = 0;
  for (const auto& e : fs::directory_iterator(cache))
    (e.path().extension() == ".dict" ? dicts : others) += 1;
  CHECK(dicts == 1);
  CHECK(others == 0);
  CHECK(lint_in(d, cache, "--format concise doc.md") == one);
  fs::remove_all(d);
}

TEST_CASE("spelling: --jobs 1 and --jobs 2 give the same output over every spelling fixture") {
  const fs::path fixtures = PRFAQ_FIXTURES_DIR;
  std::string cmd = "cd " + fixtures.string() + " && " + bin() +
                    " lint --no-config --format concise --select PF601,PF602,PF603 ";
  test::Run one = test::run(cmd + "--jobs 1 rules/misspelling rules/missing-dictionary spelling");
  test::Run two = test::run(cmd + "--jobs 2 rules/misspelling rules/missing-dictionary spelling");
  CHECK(one.out == two.out);
  CHECK(std::count(one.out.begin(), one.out.end(), '\n') >= 9);
}

TEST_CASE("spelling: compiled English verdicts agree with Hunspell on every word of the fixtures") {
  namespace sp = prfaq::spelling;
  auto files = sp::dictionaries_for("en", sp::system_dictionary_dirs());
  REQUIRE(files.size() == 2);
  std::vector<std::string> words;
  for (const auto& e : fs::recursive_directory_iterator(fs::path(PRFAQ_FIXTURES_DIR))) {
    if (e.path().extension() != ".md") continue;
    std::string text = test::read(e.path()), w;
    for (char c : text + " ") {
      if (std::isalpha(static_cast<unsigned char>(c)) || c == '\'') {
        w += c;
      } else {
        if (w.size() > 1 && w.front() != '\'' && w.back() != '\'') words.push_back(w);
        w.clear();
      }
    }
  }
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  REQUIRE(words.size() > 500);
  for (const sp::DictionaryFiles& f : files) {
    auto compiled = sp::CompiledDict::build(f);
    REQUIRE(compiled);
    CHECK(compiled->authoritative());
    sp::HunspellDict hunspell(f.aff, f.dic);
    std::size_t differ = 0;
    for (const std::string& w : words) {
      bool lower_or_capitalised = true;
      for (std::size_t i = 1; i < w.size(); ++i)
        if (std::isupper(static_cast<unsigned char>(w[i]))) lower_or_capitalised = false;
      if (!lower_or_capitalised) continue;  // the kind skips acronyms and CamelCase
      if (compiled->known(w, true) != hunspell.spell(w)) {
        INFO(f.name << ": " << w);
        CHECK(compiled->known(w, true) == hunspell.spell(w));
        ++differ;
      }
    }
    CHECK(differ == 0);
  }
}
