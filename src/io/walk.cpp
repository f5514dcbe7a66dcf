// Walking directories for documents, and whether a path lies inside a tree.
#include "io/io.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <csignal>
#include <cstring>
#include <mutex>

namespace fs = std::filesystem;

namespace prfaq::io {

bool is_within(const fs::path& path, const fs::path& root) {
  std::error_code ec;
  fs::path p = fs::weakly_canonical(fs::absolute(path, ec), ec);
  if (ec) return false;
  fs::path r = fs::weakly_canonical(fs::absolute(root, ec), ec);
  if (ec) return false;
  fs::path rel = p.lexically_relative(r);
  if (rel.empty()) return false;
  auto first = rel.begin();
  return first == rel.end() || *first != "..";
}

WalkResult walk(const fs::path& dir, const std::vector<std::string>& extensions) {
  WalkResult out;
  auto wanted = [&](const fs::path& p) {
    std::string ext = p.extension().string();
    return std::find(extensions.begin(), extensions.end(), ext) != extensions.end();
  };
  std::error_code ec;
  fs::path root = fs::weakly_canonical(fs::absolute(dir, ec), ec);
  std::vector<fs::path> stack{dir};
  while (!stack.empty()) {
    fs::path d = std::move(stack.back());
    stack.pop_back();
    // Entries are lstat()ed, never opened: a FIFO cannot block the walk.
    DIR* h = ::opendir(d.c_str());
    if (!h) {
      out.problems.push_back({d, fmt::format("cannot read directory: {}", describe_errno(errno))});
      continue;
    }
    for (;;) {
      errno = 0;
      struct dirent* e = ::readdir(h);
      if (!e) {
        if (errno != 0)
          out.problems.push_back(
              {d, fmt::format("cannot read directory: {}", describe_errno(errno))});
        break;
      }
      std::string name = e->d_name;
      if (name == "." || name == "..") continue;
      fs::path p = d / name;
      struct stat lst {};
      if (::lstat(p.c_str(), &lst) != 0) {
        if (wanted(p)) out.problems.push_back({p, describe_errno(errno)});
        continue;
      }
      if (S_ISDIR(lst.st_mode)) {
        if ((name.size() > 1 && name[0] == '.') || name == "node_modules") continue;
        stack.push_back(p);
        continue;
      }
      if (S_ISREG(lst.st_mode)) {
        if (wanted(p)) out.files.push_back(p);
        continue;
      }
      if (!wanted(p)) continue;
      if (S_ISLNK(lst.st_mode)) {
        // A linked file is linted when it resolves inside the tree; linked directories are
        // never entered (so a loop cannot be walked forever).
        struct stat st {};
        if (::stat(p.c_str(), &st) != 0) {
          int err = errno;
          out.problems.push_back(
              {p, err == ENOENT ? "no such file (a dangling symbolic link)" : describe_errno(err)});
          continue;
        }
        fs::path target = fs::weakly_canonical(p, ec);
        fs::path rel = target.lexically_relative(root);
        if (ec || rel.empty() || *rel.begin() == "..") continue;  // leaves the tree: skipped
        if (S_ISDIR(st.st_mode)) continue;
        if (!S_ISREG(st.st_mode)) {
          out.problems.push_back({p, not_regular_message(st.st_mode)});
          continue;
        }
        out.files.push_back(p);
        continue;
      }
      // A FIFO, socket or device named *.md: never opened.
      out.problems.push_back({p, not_regular_message(lst.st_mode)});
    }
    ::closedir(h);
  }
  std::sort(out.files.begin(), out.files.end());
  std::sort(out.problems.begin(), out.problems.end(),
            [](const WalkProblem& a, const WalkProblem& b) { return a.path < b.path; });
  return out;
}

}  // namespace prfaq::io
