// Reading files and standard input: regular files only, never past a limit.
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

std::string describe_errno(int err) {
  switch (err) {
    case ENOENT:
      return "no such file";
    case EACCES:
    case EPERM:
      return "permission denied";
    case ENOTDIR:
      return "not a directory";
    case EISDIR:
      return "is a directory";
    case ELOOP:
      return "symbolic link loop (too many levels of symbolic links)";
    case ENAMETOOLONG:
      return "file name too long";
    case ENOSPC:
      return "no space left on device";
    case EDQUOT:
      return "disk quota exceeded";
    case EFBIG:
      return "file too large";
    case EROFS:
      return "read-only file system";
    case EBADF:
      return "bad file descriptor (closed)";
    case EPIPE:
      return "broken pipe";
    default:
      return std::strerror(err);
  }
}

std::string kind_of(mode_t mode) {
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISSOCK(mode)) return "a socket";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  return "not a regular file";
}

std::string not_regular_message(mode_t mode) {
  return fmt::format("not a regular file ({}); prfaq never reads one", kind_of(mode));
}

namespace {

ReadStatus status_of(int err) {
  switch (err) {
    case ENOENT:
    case ENOTDIR:
      return ReadStatus::not_found;
    case EACCES:
    case EPERM:
      return ReadStatus::permission_denied;
    case EISDIR:
      return ReadStatus::is_directory;
    default:
      return ReadStatus::error;
  }
}

ReadResult fail(int err) {
  return {status_of(err), describe_errno(err)};
}

ReadResult not_regular(mode_t mode) {
  return {ReadStatus::not_regular, not_regular_message(mode)};
}

ReadResult too_large(std::size_t limit) {
  return {ReadStatus::too_large,
          limit >= (std::size_t{1} << 20)
              ? fmt::format("too large: more than {} MiB", limit >> 20)
              : fmt::format("too large: more than {} KiB", std::max<std::size_t>(1, limit >> 10))};
}

// Reads fd to its end, at most limit bytes.
ReadResult read_all(int fd, std::string& out, std::size_t limit) {
  char buf[65536];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR) continue;
      int err = errno;
      out.clear();
      return {ReadStatus::error, fmt::format("read error: {}", describe_errno(err))};
    }
    if (n == 0) break;
    if (out.size() + static_cast<std::size_t>(n) > limit) {
      out.clear();
      return too_large(limit);
    }
    out.append(buf, static_cast<std::size_t>(n));
  }
  return {ReadStatus::ok, {}};
}

}  // namespace

ReadResult read_file(const fs::path& path, std::string& out, std::size_t limit) {
  out.clear();
  struct stat st {};
  // stat first: a FIFO or device is never opened (opening a FIFO blocks until a writer comes).
  if (::stat(path.c_str(), &st) != 0) return fail(errno);
  if (S_ISDIR(st.st_mode)) return {ReadStatus::is_directory, "is a directory"};
  if (!S_ISREG(st.st_mode)) return not_regular(st.st_mode);
  if (static_cast<std::uint64_t>(st.st_size) > limit) return too_large(limit);
  // O_NONBLOCK: should the path become a FIFO between stat and open, open does not block.
  int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) return fail(errno);
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return not_regular(st.st_mode);
  }
  ReadResult r = read_all(fd, out, limit);
  ::close(fd);
  return r;
}

ReadResult read_fd(int fd, std::string& out, std::size_t limit) {
  out.clear();
  if (::fcntl(fd, F_GETFD) < 0 || (::fcntl(fd, F_GETFL) & O_ACCMODE) == O_WRONLY)
    return {ReadStatus::error, "standard input is closed"};
  ReadResult r = read_all(fd, out, limit);
  if (!r && r.status == ReadStatus::error && errno == EBADF)
    return {ReadStatus::error, "standard input is closed"};
  return r;
}

void guard_standard_fds() {
  for (int fd = 0; fd <= 2; ++fd) {
    if (::fcntl(fd, F_GETFD) >= 0 || errno != EBADF) continue;
    int n = ::open("/dev/null", (fd == 0 ? O_WRONLY : O_RDONLY) | O_CLOEXEC);
    if (n >= 0 && n != fd) {
      ::dup2(n, fd);
      ::close(n);
    }
  }
}

std::optional<Stamp> stamp(const fs::path& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return std::nullopt;
  Stamp s;
  s.device = st.st_dev;
  s.inode = st.st_ino;
  s.mtime_ns = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
  s.size = st.st_size;
  return s;
}

}  // namespace prfaq::io
