// --diff-base and --filter-mode in a temporary git repository: added, changed and untouched
// findings, a finding without a line of its own, and what fails the run.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "cli/git.hpp"
#include "support.hpp"

namespace fs = std::filesystem;

namespace {

std::string bin() {
  return PRFAQ_BIN;
}

const std::string k_git =
    "git -c user.name=prfaq -c user.email=prfaq@example.invalid -c commit.gpgsign=false "
    "-c init.defaultBranch=main";

test::Run in(const fs::path& d, const std::string& cmd) {
  return test::run("cd '" + d.string() + "' && " + cmd);
}

// Replaces line `n` (1-based) of `text`, or inserts after it with `insert`.
std::string edit_line(const std::string& text, std::size_t n, const std::string& line,
                      bool insert = false) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);) lines.push_back(l);
  if (insert)
    lines.insert(lines.begin() + static_cast<std::ptrdiff_t>(n), line);
  else
    lines[n - 1] = line;
  std::string out;
  for (const std::string& l : lines) out += l + "\n";
  return out;
}

// A repository whose main branch has a PR/FAQ with one jargon finding on line 10 and a feature
// branch that adds one on a new line, puts one on a changed line and removes the leader quote.
fs::path repository() {
  fs::path d = test::temp_dir("diff-base");
  std::string good = test::read(fs::path(PRFAQ_SOURCE_DIR) / "examples" / "good-teamsync.md");
  std::vector<std::string> lines;
  std::string base = edit_line(good, 9, "Managers leverage spreadsheets today.", true);
  test::write(d / "doc.md", base);
  test::write(d / "untouched.md", base);
  REQUIRE(in(d, k_git + " init -q && " + k_git + " add . && " + k_git + " commit -qm base && " +
                    k_git + " checkout -qb feature")
              .status == 0);
  std::string head = base;
  // Line 14 (the How It Works paragraph) changed to hold jargon.
  head = edit_line(head, 14, "It leverages the calendar the team already keeps.");
  // A new line after the Getting Started heading's paragraph.
  head = edit_line(head, 22, "\nOwners can leverage the free trial.", true);
  // The leader quote's part removed: a finding without a line of its own (PF304).
  std::size_t from = head.find("## Leader Quote"), to = head.find("## Getting Started");
  REQUIRE(from != std::string::npos);
  REQUIRE(to != std::string::npos);
  head.erase(from, to - from);
  test::write(d / "doc.md", head);
  REQUIRE(in(d, k_git + " commit -qam change").status == 0);
  return d;
}

nlohmann::json lint_json(const fs::path& d, const std::string& args, int* status = nullptr) {
  test::Run r = in(d, bin() + " lint --no-config --format json " + args);
  if (status) *status = r.status;
  return nlohmann::json::parse(r.out);
}

std::vector<std::pair<std::string, int>> found(const nlohmann::json& j) {
  std::vector<std::pair<std::string, int>> out;
  for (const auto& f : j["files"])
    for (const auto& d : f["diagnostics"])
      out.emplace_back(f["path"].get<std::string>() + " " + d["code"].get<std::string>(),
                       d["range"]["start"]["line"].get<int>());
  return out;
}

}  // namespace

TEST_CASE("diff-base: only findings on added or changed lines, and new absent parts") {
  fs::path d = repository();
  int status = -1;
  nlohmann::json j = lint_json(d, "--diff-base main", &status);
  auto f = found(j);
  // Not the untouched finding of line 10, nor anything of the unchanged file.
  std::vector<std::pair<std::string, int>> expected = {
      {"doc.md PF304", 1}, {"doc.md PF501", 14}, {"doc.md PF501", 20}};
  CHECK(f == expected);
  for (const auto& file : j["files"])
    for (const auto& diag : file["diagnostics"]) CHECK(diag["new"] == true);
  CHECK(j["summary"]["diff"]["base"] == "main");
  CHECK(j["summary"]["diff"]["new"] == 3);
  CHECK(j["summary"]["diff"]["existing"] == 1);
  CHECK(status == 0);  // warnings and an info only

  // The text summary says both counts.
  test::Run t = in(d, bin() + " lint --no-config --diff-base main");
  CHECK(t.out.find("3 findings new since main, 1 there before") != std::string::npos);

  // diff_context also takes the lines around a change: line 10 is not within 3 lines of one.
  CHECK(found(lint_json(d, "--diff-base main --filter-mode diff_context")) == expected);

  // file: every finding of the changed files, marked; only the new ones fail.
  j = lint_json(d, "--diff-base main --filter-mode file");
  f = found(j);
  CHECK(f.size() == 4);
  CHECK(std::count(f.begin(), f.end(), std::make_pair(std::string("doc.md PF501"), 10)) == 1);
  for (const auto& diag : j["files"][0]["diagnostics"])
    CHECK(diag["new"] == (diag["range"]["start"]["line"] != 10));

  // nofilter: the unchanged file too, its findings not new.
  j = lint_json(d, "--diff-base main --filter-mode nofilter");
  REQUIRE(j["files"].size() == 2);
  CHECK(j["files"][1]["path"] == "untouched.md");
  CHECK(j["files"][1]["diagnostics"][0]["new"] == false);
}

TEST_CASE("diff-base: a new error fails the run, an old one does not") {
  fs::path d = repository();
  std::string text = test::read(d / "untouched.md");
  // An error on the base branch's untouched file stays there: not new.
  REQUIRE(in(d, k_git + " checkout -q main").status == 0);
  test::write(d / "untouched.md", edit_line(text, 9, "TODO: numbers.", true));
  REQUIRE(in(d, k_git + " commit -qam todo && " + k_git + " checkout -q feature && " + k_git +
                    " merge -q --no-edit main")
              .status == 0);
  int status = -1;
  nlohmann::json j = lint_json(d, "--diff-base main --fail-on warning", &status);
  CHECK(status == 1);  // the new warnings
  j = lint_json(d, "--diff-base main --select PF504", &status);
  CHECK(status == 0);  // the TODO came from main: no new error
  CHECK(found(j).empty());
  // An uncommitted change counts too (the work tree against the merge base).
  test::write(d / "doc.md", edit_line(test::read(d / "doc.md"), 3, "TBD", true));
  j = lint_json(d, "--diff-base main --select PF504", &status);
  CHECK(status == 1);
  CHECK(found(j) == std::vector<std::pair<std::string, int>>{{"doc.md PF504", 4}});
  // SARIF marks the new ones.
  test::Run r = in(d, bin() +
                          " lint --no-config --format sarif --diff-base main --filter-mode "
                          "file --select PF504,PF501");
  auto sarif = nlohmann::json::parse(r.out);
  std::size_t fresh = 0, unchanged = 0;
  for (const auto& res : sarif["runs"][0]["results"])
    (res["baselineState"] == "new" ? fresh : unchanged)++;
  CHECK(fresh == 3);
  CHECK(unchanged == 1);
}

TEST_CASE("diff-base: a bad revision or no repository is exit 2 with git's reason") {
  fs::path d = repository();
  test::Run r = in(d, bin() + " lint --no-config --diff-base no-such-branch");
  CHECK(r.status == 2);
  CHECK(r.out.find("no merge base of 'no-such-branch' and HEAD") != std::string::npos);
  r = in(d, bin() + " lint --no-config --diff-base --upload-pack=evil");
  CHECK(r.status == 2);
  fs::path plain = test::temp_dir("diff-base-no-repo");
  test::write(plain / "doc.md", "# x\n");
  r = in(plain, "GIT_CEILING_DIRECTORIES='" + plain.parent_path().string() + "' " + bin() +
                    " lint --no-config --diff-base main");
  CHECK(r.status == 2);
  CHECK(r.out.find("not inside a git work tree") != std::string::npos);
}

TEST_CASE("diff-base: unified diff hunks give added lines and context ranges") {
  prfaq::cli::ChangedFile f;
  prfaq::cli::parse_unified_diff(
      "diff --git a/x.md b/x.md\n--- a/x.md\n+++ b/x.md\n@@ -1,4 +1,5 @@\n a\n-b\n+B\n+C\n c\n d\n"
      "@@ -20,0 +21,0 @@\n@@ -30 +31 @@\n-x\n+y\n",
      f);
  CHECK(f.added == std::vector<std::uint32_t>{2, 3, 31});
  REQUIRE(f.hunks.size() == 3);
  CHECK(f.hunks[0] == std::pair<std::uint32_t, std::uint32_t>{1, 5});
  CHECK(f.touches(3, 3, false));
  CHECK_FALSE(f.touches(4, 5, false));
  CHECK(f.touches(4, 5, true));
  CHECK(f.touches(21, 22, true));  // beside a pure deletion
  CHECK_FALSE(f.touches(21, 22, false));
}
