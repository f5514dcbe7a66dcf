// The include graph of src/ (issue 13): each folder includes only folders of a lower layer,
// the public headers of include/prfaq/ include no private header, and each third-party library
// is included in its one home.
#include <doctest/doctest.h>

#include <filesystem>
#include <map>
#include <regex>
#include <set>

#include "support.hpp"

namespace fs = std::filesystem;

namespace {

// Lowest first. A folder may include its own headers and those of a lower layer.
const std::map<std::string, int> k_layer = {
    {"text", 0},  {"source", 0}, {"io", 1},     {"markdown", 1}, {"spelling", 2}, {"model", 2},
    {"kinds", 3}, {"config", 4}, {"engine", 4}, {"report", 4},   {"lsp", 5},      {"cli", 6},
};

// The one folder that may include each library.
const std::map<std::string, std::string> k_home = {
    {"hunspell/", "spelling"},
    {"cmark-gfm", "markdown"},
    {"toml++/", "config"},
    {"CLI/", "cli"},
};

struct Include {
  std::string file, target;
  bool quoted;
};

std::vector<Include> includes() {
  std::vector<Include> out;
  const std::regex inc(R"(^\s*#\s*include\s*([<"])([^>"]+)[>"])");
  for (const char* root : {"src", "include"}) {
    for (const auto& e : fs::recursive_directory_iterator(fs::path(PRFAQ_SOURCE_DIR) / root)) {
      std::string ext = e.path().extension().string();
      if (ext != ".cpp" && ext != ".hpp") continue;
      std::string rel = fs::relative(e.path(), PRFAQ_SOURCE_DIR).generic_string();
      std::istringstream lines(test::read(e.path()));
      for (std::string line; std::getline(lines, line);) {
        std::smatch m;
        if (std::regex_search(line, m, inc)) out.push_back({rel, m[2], m[1] == "\""});
      }
    }
  }
  return out;
}

// "src/kinds/spelling.cpp" -> "kinds"; "include/prfaq/x.hpp" -> "include".
std::string folder(const std::string& rel) {
  if (rel.starts_with("include/")) return "include";
  std::string rest = rel.substr(4);
  return rest.substr(0, rest.find('/'));
}

}  // namespace

TEST_CASE("include graph: no folder of src/ includes a folder of a higher layer") {
  std::vector<Include> all = includes();
  REQUIRE(all.size() > 100);
  std::set<std::string> folders;
  for (const Include& i : all)
    if (i.file.starts_with("src/")) folders.insert(folder(i.file));
  for (const std::string& f : folders) {
    CAPTURE(f);
    CHECK(k_layer.count(f) == 1);  // a new folder needs its place in the table
  }
  for (const Include& i : all) {
    if (!i.quoted) continue;
    CAPTURE(i.file);
    CAPTURE(i.target);
    std::string from = folder(i.file);
    if (from == "include") {
      FAIL_CHECK("a public header includes a private one");
      continue;
    }
    std::string to =
        i.target.find('/') == std::string::npos ? from : i.target.substr(0, i.target.find('/'));
    REQUIRE(k_layer.count(to) == 1);
    CHECK((to == from || k_layer.at(to) < k_layer.at(from)));
  }
}

TEST_CASE("include graph: each library is included in its one home") {
  for (const Include& i : includes()) {
    if (i.quoted) continue;
    for (const auto& [prefix, home] : k_home) {
      if (!i.target.starts_with(prefix)) continue;
      CAPTURE(i.file);
      CAPTURE(i.target);
      CHECK(folder(i.file) == home);
    }
  }
}
