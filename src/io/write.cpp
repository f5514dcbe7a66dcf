// Writing files: through special files, atomically over regular ones, nothing left behind.
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

namespace {

// The temporary file being written, removed by the signal handler should the process be
// interrupted (SIGINT, SIGTERM, SIGHUP) before it is renamed.
char g_temp[PATH_MAX + 1];
volatile std::sig_atomic_t g_have_temp = 0;

extern "C" void remove_temp_and_die(int sig) {
  if (g_have_temp) ::unlink(g_temp);
  std::signal(sig, SIG_DFL);
  std::raise(sig);
}

void install_handlers() {
  static std::once_flag once;
  std::call_once(once, [] {
    for (int sig : {SIGINT, SIGTERM, SIGHUP}) {
      struct sigaction old {};
      ::sigaction(sig, nullptr, &old);
      if (old.sa_handler == SIG_IGN) continue;  // nohup: leave it ignored
      struct sigaction sa {};
      sa.sa_handler = remove_temp_and_die;
      sigemptyset(&sa.sa_mask);
      ::sigaction(sig, &sa, nullptr);
    }
    // A file size limit (ulimit -f) makes write() fail with EFBIG instead of killing us
    // with a temporary file left behind.
    std::signal(SIGXFSZ, SIG_IGN);
  });
}

bool write_all(int fd, std::string_view data, int& err) {
  std::size_t done = 0;
  while (done < data.size()) {
    ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      err = errno;
      return false;
    }
    if (n == 0) {
      err = EIO;
      return false;
    }
    done += static_cast<std::size_t>(n);
  }
  return true;
}

// "/dev/stdout", "/dev/stderr", "/dev/fd/N", "/proc/self/fd/N": the descriptor, else -1.
int standard_fd(const std::string& p) {
  if (p == "/dev/stdout") return 1;
  if (p == "/dev/stderr") return 2;
  for (std::string_view prefix : {"/dev/fd/", "/proc/self/fd/"}) {
    if (p.size() > prefix.size() && p.compare(0, prefix.size(), prefix) == 0) {
      std::string n = p.substr(prefix.size());
      if (n.size() < 6 &&
          std::all_of(n.begin(), n.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return std::stoi(n);
    }
  }
  return -1;
}

bool write_through(int fd, const std::string& shown, std::string_view data, std::string& error) {
  int err = 0;
  if (!write_all(fd, data, err)) {
    error = fmt::format("cannot write '{}': {}", shown, describe_errno(err));
    return false;
  }
  return true;
}

std::string temp_name_for(const fs::path& target) {
  std::string name = target.filename().string();
  if (name.size() > 100) name.resize(100);
  fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  return (dir / ("." + name + ".prfaq-tmp-XXXXXX")).string();
}

bool same_content(const fs::path& p, const std::string& want) {
  std::string now;
  ReadResult r = read_file(p, now, std::max<std::size_t>(want.size(), 1) + 1);
  return r && now == want;
}

// Writes data to a new temporary file beside `target` and renames it over `target`.
// `existing` is the target's stat when it exists (mode and owner are kept).
bool replace_atomically(const fs::path& target, const std::string& shown, std::string_view data,
                        const struct stat* existing, const WriteOptions& o, std::string& error) {
  install_handlers();
  std::string tmpl = temp_name_for(target);
  if (tmpl.size() > PATH_MAX) {
    error = fmt::format("cannot write '{}': {}", shown, describe_errno(ENAMETOOLONG));
    return false;
  }
  std::vector<char> name(tmpl.begin(), tmpl.end());
  name.push_back('\0');
  std::memcpy(g_temp, name.data(), name.size());
  int fd = ::mkostemp(g_temp, O_CLOEXEC);
  if (fd < 0) {
    int err = errno;
    fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
    if (err == ENOENT)
      error =
          fmt::format("cannot write '{}': the directory '{}' does not exist", shown, dir.string());
    else
      error = fmt::format("cannot write '{}': cannot create a temporary file in '{}': {}", shown,
                          dir.string(), describe_errno(err));
    return false;
  }
  g_have_temp = 1;
  auto cleanup = [&] {
    ::unlink(g_temp);
    g_have_temp = 0;
  };
  int err = 0;
  if (!write_all(fd, data, err)) {
    ::close(fd);
    cleanup();
    error = fmt::format("cannot write '{}': {}", shown, describe_errno(err));
    return false;
  }
  mode_t mode;
  if (existing) {
    mode = existing->st_mode & 07777;
    // Keep the owner (root fixing another user's file); without the right to, keep ours.
    if ((existing->st_uid != ::geteuid() || existing->st_gid != ::getegid()) &&
        ::fchown(fd, existing->st_uid, existing->st_gid) != 0 && ::geteuid() == 0) {
      err = errno;
      ::close(fd);
      cleanup();
      error = fmt::format("cannot keep the owner of '{}': {}", shown, describe_errno(err));
      return false;
    }
  } else {
    mode_t mask = ::umask(0);
    ::umask(mask);
    mode = 0666 & ~mask;
  }
  if (::fchmod(fd, mode) != 0 || ::fsync(fd) != 0) {
    err = errno;
    ::close(fd);
    cleanup();
    error = fmt::format("cannot write '{}': {}", shown, describe_errno(err));
    return false;
  }
  if (::close(fd) != 0) {
    err = errno;
    cleanup();
    error = fmt::format("cannot write '{}': {}", shown, describe_errno(err));
    return false;
  }
  // --fix: the file must still be what was read. (Checked last, just before the rename.)
  if (o.expect_stamp || o.expect_content) {
    auto now = stamp(target);
    bool same = now && (!o.expect_stamp || *now == *o.expect_stamp) &&
                (!o.expect_content || same_content(target, *o.expect_content));
    if (!same) {
      cleanup();
      error = fmt::format("'{}' changed while prfaq was fixing it; it was not replaced (run again)",
                          shown);
      return false;
    }
  }
  if (::rename(g_temp, target.c_str()) != 0) {
    err = errno;
    cleanup();
    error = fmt::format("cannot replace '{}': {}", shown, describe_errno(err));
    return false;
  }
  g_have_temp = 0;
  return true;
}

// A new file that must not exist (init): O_EXCL, so not even a dangling link is followed.
bool create_new(const fs::path& target, const std::string& shown, std::string_view data,
                std::string& error) {
  int fd = ::open(target.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
  if (fd < 0) {
    int err = errno;
    error = err == EEXIST ? fmt::format("{} already exists; init never overwrites", shown)
                          : fmt::format("cannot create '{}': {}", shown, describe_errno(err));
    return false;
  }
  int err = 0;
  bool ok = write_all(fd, data, err);
  if (ok && ::fsync(fd) != 0) ok = false, err = errno;
  if (::close(fd) != 0 && ok) ok = false, err = errno;
  if (!ok) {
    ::unlink(target.c_str());
    error = fmt::format("cannot write '{}': {}", shown, describe_errno(err));
  }
  return ok;
}

}  // namespace

bool write_file(const fs::path& path, std::string_view data, const WriteOptions& o,
                std::string& error) {
  const std::string shown = path.string();
  if (path.empty()) {
    error = "cannot write '': empty file name";
    return false;
  }
  // Follow symbolic links one at a time, so /dev/stdout -> /proc/self/fd/1 is recognised
  // before the kernel's magic link would name the file standard output is redirected to.
  fs::path target = path;
  struct stat st {};
  bool exists = false;
  for (int hops = 0;; ++hops) {
    if (int fd = standard_fd(target.string()); fd >= 0) {
      if (o.no_overwrite) {
        error = fmt::format("{} already exists; init never overwrites", shown);
        return false;
      }
      return write_through(fd, shown, data, error);
    }
    if (::lstat(target.c_str(), &st) != 0) {
      int err = errno;
      if (err != ENOENT) {
        error = fmt::format("cannot write '{}': {}", shown, describe_errno(err));
        return false;
      }
      break;  // a new file (or a dangling link's target)
    }
    if (!S_ISLNK(st.st_mode)) {
      exists = true;
      break;
    }
    if (o.no_overwrite) {
      error = fmt::format("{} already exists (a symbolic link); init never overwrites", shown);
      return false;
    }
    if (hops >= 40) {
      error = fmt::format("cannot write '{}': {}", shown, describe_errno(ELOOP));
      return false;
    }
    std::error_code ec;
    fs::path link = fs::read_symlink(target, ec);
    if (ec) {
      error = fmt::format("cannot write '{}': {}", shown, describe_errno(ec.value()));
      return false;
    }
    target = link.is_absolute() ? link : target.parent_path() / link;
  }
  if (!exists) {
    if (o.must_exist) {
      error = fmt::format("cannot fix '{}': the file no longer exists", shown);
      return false;
    }
    if (o.no_overwrite) return create_new(target, shown, data, error);
    return replace_atomically(target, shown, data, nullptr, o, error);
  }
  if (o.no_overwrite) {
    error = fmt::format("{} already exists; init never overwrites", shown);
    return false;
  }
  if (S_ISDIR(st.st_mode)) {
    error = fmt::format("cannot write '{}': is a directory", shown);
    return false;
  }
  if (S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode)) {
    if (o.must_exist) {
      error = fmt::format("cannot fix '{}': not a regular file", shown);
      return false;
    }
    // Written through, never replaced: /dev/null stays a device, a FIFO stays a FIFO.
    int fd = ::open(target.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) {
      error = fmt::format("cannot write '{}': {}", shown, describe_errno(errno));
      return false;
    }
    bool ok = write_through(fd, shown, data, error);
    ::close(fd);
    return ok;
  }
  if (!S_ISREG(st.st_mode)) {
    error = fmt::format(
        "cannot write '{}': {}; prfaq writes regular files, character devices "
        "and FIFOs only",
        shown, kind_of(st.st_mode));
    return false;
  }
  // No write bit at all means read-only even for root, who passes access(W_OK).
  if (::access(target.c_str(), W_OK) != 0 || (st.st_mode & 0222) == 0) {
    error =
        fmt::format("cannot {} '{}': the file is read-only", o.must_exist ? "fix" : "write", shown);
    return false;
  }
  if (st.st_nlink > 1 && !o.split_hard_links) {
    error = fmt::format(
        "cannot {} '{}': it has {} hard links and replacing it would split them "
        "(--split-hard-links allows it)",
        o.must_exist ? "fix" : "write", shown, st.st_nlink);
    return false;
  }
  return replace_atomically(target, shown, data, &st, o, error);
}

}  // namespace prfaq::io
