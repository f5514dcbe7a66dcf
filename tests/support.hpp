#pragma once
// Test helpers: run the linter in-process or the binary as a process.
#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <prfaq/config.hpp>
#include <prfaq/engine.hpp>
#include <prfaq/report.hpp>

namespace test {

inline std::string read(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline void write(const std::filesystem::path& p, std::string_view s) {
  std::filesystem::create_directories(p.parent_path());
  std::ofstream out(p, std::ios::binary);
  out << s;
}

inline const prfaq::Config& default_config() {
  static auto cfg = prfaq::load_config(std::nullopt);
  return *cfg;
}

/// Concise output of linting `text` as `path` with the given rule filter.
/// `as_prfaq`: read the text as a PR/FAQ whatever the decision says (as a file the
/// configuration's include selects), for fragments too small to be weighed.
inline std::string lint_concise(const std::string& path, const std::string& text,
                                const prfaq::Config& config, const prfaq::RuleFilter& filter = {},
                                bool as_prfaq = false) {
  prfaq::SourceFile src(path, text);
  auto result = prfaq::lint_source(src, config, filter, as_prfaq);
  std::ostringstream out;
  auto rep = prfaq::make_reporter("concise", out, {});
  rep->file(src, result.diagnostics);
  rep->end({});
  return out.str();
}

struct Run {
  int status = -1;
  std::string out;
};

/// Runs a shell command; stdout (and stderr when asked) captured.
inline Run run(const std::string& cmd) {
  Run r;
  FILE* pipe = popen((cmd + " 2>&1").c_str(), "r");
  if (!pipe) return r;
  std::array<char, 4096> buf;
  std::size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) r.out.append(buf.data(), n);
  int st = pclose(pipe);
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  return r;
}

/// This run's temporary directory, /tmp/prfaq-tests-<pid>: every test's directory is inside it,
/// and tests/main.cpp removes it when the run passes (a failed run leaves it to look at).
inline const std::filesystem::path& run_dir() {
  static const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("prfaq-tests-" + std::to_string(::getpid()));
  return dir;
}

inline std::filesystem::path temp_dir(const std::string& name) {
  auto p = run_dir() / name;
  std::filesystem::remove_all(p);
  std::filesystem::create_directories(p);
  return p;
}

/// A line diff (longest common subsequence) for golden-file failures: "-" expected only,
/// "+" actual only.
inline std::string line_diff(const std::string& want, const std::string& got) {
  auto split = [](const std::string& s) {
    std::vector<std::string> out;
    std::istringstream in(s);
    std::string line;
    while (std::getline(in, line)) out.push_back(line);
    return out;
  };
  std::vector<std::string> a = split(want), b = split(got);
  std::vector<std::vector<std::size_t>> lcs(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = a.size(); i-- > 0;)
    for (std::size_t j = b.size(); j-- > 0;)
      lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
  std::string out;
  std::size_t i = 0, j = 0;
  while (i < a.size() || j < b.size()) {
    if (i < a.size() && j < b.size() && a[i] == b[j]) {
      out += "  " + a[i] + "\n", ++i, ++j;
    } else if (i < a.size() && (j == b.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
      out += "- " + a[i++] + "\n";
    } else {
      out += "+ " + b[j++] + "\n";
    }
  }
  return out;
}

}  // namespace test
