#pragma once
// Reading, walking and writing files: the only code that opens a path the user or a
// configuration named. Reads never block on a FIFO or a device and never read past a limit;
// writes replace only regular files, atomically, and leave no temporary file behind.
#include <sys/types.h>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace prfaq::io {

enum class ReadStatus {
  ok,
  not_found,          ///< no such file (or a dangling symbolic link)
  permission_denied,  ///< exists, but may not be read
  is_directory,
  not_regular,  ///< a FIFO, socket or device: never opened for reading
  too_large,    ///< more than the limit
  error,        ///< another I/O error (the message says which)
};

struct ReadResult {
  ReadStatus status = ReadStatus::error;
  std::string error;  ///< "no such file", "permission denied", ... (empty when ok)
  explicit operator bool() const { return status == ReadStatus::ok; }
};

/// For read_file: no limit (files the user installed, such as Hunspell dictionaries).
inline constexpr std::size_t no_limit = static_cast<std::size_t>(-1);

/// Reads a regular file into `out`, at most `limit` bytes (too_large beyond). A FIFO, socket
/// or device is refused without blocking; a directory is `is_directory`.
ReadResult read_file(const std::filesystem::path& path, std::string& out, std::size_t limit);

/// Reads a file descriptor (standard input) to its end, at most `limit` bytes. A closed
/// descriptor is an error ("standard input is closed"), not an empty file.
ReadResult read_fd(int fd, std::string& out, std::size_t limit);

/// "no such file", "permission denied", ... for an errno value.
std::string describe_errno(int err);

/// "a FIFO", "a socket", "a character device", ... for the stat mode of what is not a regular
/// file.
std::string kind_of(mode_t mode);
/// Why such a file is refused: "not a regular file (a FIFO); prfaq never reads one".
std::string not_regular_message(mode_t mode);

/// What a file looked like when it was read: a later write checks it has not changed.
struct Stamp {
  dev_t device = 0;
  ino_t inode = 0;
  std::int64_t mtime_ns = 0;
  std::int64_t size = -1;
  bool operator==(const Stamp&) const = default;
};
/// The stamp of a path (following symbolic links); nullopt when it cannot be stat'ed.
std::optional<Stamp> stamp(const std::filesystem::path& path);

struct WriteOptions {
  /// --fix: the file must exist (a vanished file is not recreated) and be writable.
  bool must_exist = false;
  /// init: never replace anything, not even a dangling symbolic link.
  bool no_overwrite = false;
  /// Replace a regular file that has other hard links (splitting them); else refused.
  bool split_hard_links = false;
  /// --fix: the file must still be as it was read (stamp and content), else refused.
  std::optional<Stamp> expect_stamp;
  std::optional<std::string> expect_content;
};

/// Writes `data` to `path`:
/// - "/dev/stdout", "/dev/stderr", "/dev/fd/N", character devices and FIFOs are written
///   through, never replaced;
/// - a symbolic link is followed and its target replaced in the target's directory (the
///   link stays);
/// - a regular file is replaced atomically (temporary file in the same directory, fsync,
///   rename) keeping its mode and owner; a read-only one, or one with other hard links
///   (unless split_hard_links), is refused;
/// - a new file is created atomically with the mode 0666 less the umask.
/// On any failure `error` says why, the target is untouched and no temporary file is left.
bool write_file(const std::filesystem::path& path, std::string_view data,
                const WriteOptions& options, std::string& error);

/// One problem met while walking a directory (reported, never skipped silently).
struct WalkProblem {
  std::filesystem::path path;
  std::string error;  ///< "permission denied", "symbolic link loop", ...
};

struct WalkResult {
  std::vector<std::filesystem::path> files;  ///< sorted
  std::vector<WalkProblem> problems;         ///< sorted by path
};

/// Walks `dir` for regular files whose extension is one of `extensions`, skipping hidden
/// directories and node_modules. FIFOs, sockets and devices are never opened; symbolic links
/// are followed only when they resolve inside `dir` (so loops end); a directory that cannot
/// be read is a problem.
WalkResult walk(const std::filesystem::path& dir, const std::vector<std::string>& extensions);

/// True when `path` (made absolute, `..` resolved, symbolic links followed where they exist)
/// is `root` or below it.
bool is_within(const std::filesystem::path& path, const std::filesystem::path& root);

/// Makes descriptors 0, 1 and 2 valid before anything is opened: a closed one is opened on
/// /dev/null in the other direction, so reading a closed standard input or writing a closed
/// standard output still fails (EBADF), and no file opened later takes its number.
void guard_standard_fds();

}  // namespace prfaq::io
