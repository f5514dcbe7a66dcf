#include "cli/git.hpp"

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <sstream>

extern char** environ;

namespace fs = std::filesystem;

namespace prfaq::cli {

bool ChangedFile::touches(std::uint32_t first, std::uint32_t last, bool with_context) const {
  if (with_context) {
    return std::any_of(hunks.begin(), hunks.end(),
                       [&](const auto& h) { return h.first <= last && first <= h.second; });
  }
  auto it = std::lower_bound(added.begin(), added.end(), first);
  return it != added.end() && *it <= last;
}

namespace {

struct Output {
  int status = -1;
  std::string out, err;
};

// Runs git with `args` (no shell), its standard input closed; both outputs read as they come.
Output run_git(const std::vector<std::string>& args) {
  Output r;
  std::vector<std::string> all = {"git", "-c", "core.quotePath=false"};
  all.insert(all.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& a : all) argv.push_back(a.data());
  argv.push_back(nullptr);
  int out[2], err[2];
  if (pipe2(out, O_CLOEXEC) != 0) return r;
  if (pipe2(err, O_CLOEXEC) != 0) {
    close(out[0]);
    close(out[1]);
    return r;
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, out[1], 1);
  posix_spawn_file_actions_adddup2(&actions, err[1], 2);
  pid_t pid = 0;
  int rc = posix_spawnp(&pid, "git", &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(out[1]);
  close(err[1]);
  if (rc != 0) {
    close(out[0]);
    close(err[0]);
    r.err = std::strerror(rc);
    return r;
  }
  std::array<pollfd, 2> fds = {{{out[0], POLLIN, 0}, {err[0], POLLIN, 0}}};
  std::array<std::string*, 2> into = {&r.out, &r.err};
  std::array<char, 65536> buf;
  int open_fds = 2;
  while (open_fds > 0) {
    if (poll(fds.data(), fds.size(), -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    for (std::size_t i = 0; i < fds.size(); ++i) {
      if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      ssize_t n = read(fds[i].fd, buf.data(), buf.size());
      if (n > 0) {
        into[i]->append(buf.data(), static_cast<std::size_t>(n));
      } else if (n == 0 || errno != EINTR) {
        close(fds[i].fd);
        fds[i].fd = -1;
        --open_fds;
      }
    }
  }
  int st = 0;
  while (waitpid(pid, &st, 0) < 0 && errno == EINTR) {
  }
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  return r;
}

std::string first_line(const std::string& s) {
  std::string l = s.substr(0, s.find('\n'));
  while (!l.empty() && (l.back() == '\r' || l.back() == ' ')) l.pop_back();
  return l;
}

std::string git_error(const Output& o, const std::string& what) {
  std::string why = first_line(o.err);
  if (o.status == -1 && why.empty()) why = "git could not be run (is it installed?)";
  return what + (why.empty() ? "" : ": " + why);
}

// "@@ -a,b +c,d @@": c and d (d is 1 when left out).
bool hunk_header(const std::string& line, std::uint32_t& start, std::uint32_t& count) {
  std::size_t plus = line.find(" +");
  if (line.rfind("@@ ", 0) != 0 || plus == std::string::npos) return false;
  const char* p = line.c_str() + plus + 2;
  char* end = nullptr;
  unsigned long s = std::strtoul(p, &end, 10);
  unsigned long c = 1;
  if (*end == ',') c = std::strtoul(end + 1, &end, 10);
  start = static_cast<std::uint32_t>(s);
  count = static_cast<std::uint32_t>(c);
  return true;
}

}  // namespace

void parse_unified_diff(const std::string& diff, ChangedFile& file) {
  std::istringstream in(diff);
  std::uint32_t line = 0;
  bool in_hunk = false;
  for (std::string l; std::getline(in, l);) {
    std::uint32_t start = 0, count = 0;
    if (hunk_header(l, start, count)) {
      in_hunk = true;
      line = start;
      // A pure deletion (+c,0) sits between lines c and c + 1.
      std::uint32_t last = count == 0 ? start + 1 : start + count - 1;
      file.hunks.emplace_back(std::max<std::uint32_t>(1, start), last);
      continue;
    }
    if (!in_hunk || l.empty()) continue;
    if (l[0] == '+') {
      file.added.push_back(line++);
    } else if (l[0] == ' ') {
      ++line;
    } else if (l[0] == '\\') {
      // "\ No newline at end of file"
    } else if (l[0] != '-') {
      in_hunk = false;  // the next file's header
    }
  }
  std::sort(file.added.begin(), file.added.end());
}

std::optional<GitChanges> git_changes(const std::string& ref, std::string& error) {
  if (ref.empty() || ref[0] == '-') {
    error = "--diff-base needs a git revision (a branch, tag or commit), not '" + ref + "'";
    return std::nullopt;
  }
  GitChanges c;
  Output top = run_git({"rev-parse", "--show-toplevel"});
  if (top.status != 0) {
    error = git_error(top, "--diff-base: not inside a git work tree");
    return std::nullopt;
  }
  c.top = fs::path(first_line(top.out));
  Output base = run_git({"merge-base", "--end-of-options", ref, "HEAD"});
  if (base.status != 0) {
    error = git_error(base, "--diff-base: no merge base of '" + ref + "' and HEAD");
    return std::nullopt;
  }
  c.base = first_line(base.out);
  // The files changed between the merge base and the work tree: NUL-separated, never quoted.
  Output names = run_git({"-C", c.top.string(), "diff", "--no-ext-diff", "--no-textconv",
                          "--name-status", "-z", "-M", "--diff-filter=ACMRT", c.base, "--"});
  if (names.status != 0) {
    error = git_error(names, "--diff-base: git diff failed");
    return std::nullopt;
  }
  std::vector<std::string> fields;
  for (std::size_t i = 0; i < names.out.size();) {
    std::size_t z = names.out.find('\0', i);
    if (z == std::string::npos) z = names.out.size();
    fields.push_back(names.out.substr(i, z - i));
    i = z + 1;
  }
  for (std::size_t i = 0; i < fields.size();) {
    const std::string& status = fields[i++];
    if (status.empty()) continue;
    bool two = status[0] == 'R' || status[0] == 'C';
    if (i + (two ? 1 : 0) >= fields.size()) break;
    std::string from = fields[i], to = two ? fields[i + 1] : fields[i];
    i += two ? 2 : 1;
    ChangedFile f;
    f.path = (c.top / to).lexically_normal();
    if (status[0] != 'A') f.base_path = from;
    std::vector<std::string> args = {
        "-C",         c.top.string(), "diff", "--no-ext-diff", "--no-textconv",
        "--no-color", "-U3",          "-M",   c.base,          "--"};
    if (two) args.push_back(from);
    args.push_back(to);
    Output d = run_git(args);
    if (d.status != 0) {
      error = git_error(d, "--diff-base: git diff of " + to + " failed");
      return std::nullopt;
    }
    parse_unified_diff(d.out, f);
    c.files[f.path.string()] = std::move(f);
  }
  return c;
}

std::optional<std::string> git_show(const GitChanges& changes, const std::string& base_path) {
  Output o = run_git({"-C", changes.top.string(), "show", changes.base + ":" + base_path});
  if (o.status != 0) return std::nullopt;
  return o.out;
}

}  // namespace prfaq::cli
