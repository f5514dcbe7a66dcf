#pragma once
// Helpers for the robustness tests (issue 11): the binary run with a time guard, file facts.
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "support.hpp"

namespace robust {

namespace fs = std::filesystem;

/// The prfaq binary, quoted for the shell. PRFAQ_TEST_BIN runs these tests against another
/// build (to show which fail before a fix).
inline std::string bin() {
  const char* other = std::getenv("PRFAQ_TEST_BIN");
  return std::string("'") + (other ? other : PRFAQ_BIN) + "'";
}

/// `timeout` before a command: a run that hangs is killed after 120 s (PRFAQ_TEST_TIMEOUT) and
/// shows as status 124. The guard is not a timing assertion: nothing here takes long.
inline std::string guard() {
  const char* t = std::getenv("PRFAQ_TEST_TIMEOUT");
  return std::string("timeout -k 5 ") + (t ? t : "120") + " ";
}

/// Runs `prfaq ARGS` in `dir` under the guard; stdout and stderr together.
inline test::Run run_prfaq(const fs::path& dir, const std::string& args) {
  return test::run("cd '" + dir.string() + "' && " + guard() + bin() + " " + args);
}

/// Standard output only (stderr discarded).
inline test::Run prfaq_stdout(const fs::path& dir, const std::string& args) {
  return test::run("cd '" + dir.string() + "' && " + guard() + bin() + " " + args + " 2>/dev/null");
}

inline bool is_link(const fs::path& p) {
  std::error_code ec;
  return fs::is_symlink(fs::symlink_status(p, ec));
}

inline mode_t mode_of(const fs::path& p) {
  struct stat st {};
  return ::lstat(p.c_str(), &st) == 0 ? st.st_mode : 0;
}

/// Files whose name holds "prfaq-tmp" under `dir` (left-behind temporaries).
inline int temporaries(const fs::path& dir) {
  int n = 0;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::end(it);
       it.increment(ec))
    if (it->path().filename().string().find("prfaq-tmp") != std::string::npos) ++n;
  return n;
}

/// A PR/FAQ with a safe fix (a wordy phrase) and findings.
inline const char* fixable_doc() {
  return "# Acme launches Widget\n\nWe built it in order to help teams.\n";
}

/// True when the tests run as root, who passes permission checks unless capabilities are
/// dropped: `as_user()` prefixes a command so it runs without them.
inline bool root() {
  return ::geteuid() == 0;
}
inline std::string as_user() {
  return root() ? "setpriv --bounding-set=-dac_override,-dac_read_search -- " : "";
}
inline bool can_drop_privileges() {
  return !root() || test::run("command -v setpriv >/dev/null").status == 0;
}

}  // namespace robust
