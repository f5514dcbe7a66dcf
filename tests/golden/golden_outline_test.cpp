// fixtures/docs/X.md against the hand-written X.expected-outline.json: is_prfaq, headline,
// roles (role, label, start line), quotes (class, speaker, text, line) and questions.
// Fixtures listed in fixtures/docs/known-gaps.txt are documented misreadings: the test
// checks that they still differ, so a fix forces the list to shrink.
#include <doctest/doctest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "support.hpp"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

json comparable(const json& j) {
  json out;
  out["is_prfaq"] = j.at("is_prfaq");
  out["headline"] = j.at("headline");
  out["roles"] = json::array();
  for (const auto& r : j.at("roles"))
    out["roles"].push_back({r.at("role"), r.at("label"), r.at("start_line")});
  out["quotes"] = json::array();
  for (const auto& q : j.at("quotes"))
    out["quotes"].push_back({q.at("class"), q.at("speaker"), q.at("text"), q.at("line")});
  out["questions"] = j.at("questions");
  return out;
}

}  // namespace

TEST_CASE("golden outlines of the fixture corpus") {
  fs::path dir = fs::path(PRFAQ_FIXTURES_DIR) / "docs";
  std::set<std::string> gaps;
  {
    std::istringstream in(test::read(dir / "known-gaps.txt"));
    std::string line;
    while (std::getline(in, line))
      if (!line.empty() && line[0] != '#') gaps.insert(line.substr(0, line.find(' ')));
  }
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().extension() == ".md" && e.path().filename() != "README.md")
      files.push_back(e.path());
  std::sort(files.begin(), files.end());
  CHECK(files.size() >= 25);
  // One subcase per fixture: -sc='docs/NAME' runs one.
  for (const fs::path& md : files) {
    std::string name = md.stem().string();
    SUBCASE(("docs/" + name).c_str()) {
      fs::path expected = dir / (name + ".expected-outline.json");
      REQUIRE_MESSAGE(fs::exists(expected), "fixture without a hand-written expected outline");
      test::Run r =
          test::run(std::string(PRFAQ_BIN) + " outline --no-config --format json " + md.string());
      REQUIRE(r.status == 0);
      json got = comparable(json::parse(r.out.substr(0, r.out.rfind('}') + 1)));
      json want = comparable(json::parse(test::read(expected)));
      if (gaps.count(name))
        CHECK_MESSAGE(got != want, "now matches: remove it from fixtures/docs/known-gaps.txt");
      else
        CHECK_MESSAGE(got == want, "expected " << want.dump(1) << "\n got " << got.dump(1));
    }
  }
}
