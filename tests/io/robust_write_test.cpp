// Issue 11, writing: --output, --fix, --write-baseline and init replace only regular files,
// atomically; write through to FIFOs, terminals and standard output; follow symbolic links;
// refuse to split hard links; never leave a temporary file behind.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <poll.h>
#include <sys/mount.h>
#include <termios.h>

#include <cstdlib>
#include <thread>

#include "io/io.hpp"
#include "robust_support.hpp"

using namespace robust;

TEST_CASE("write: --output through a symbolic link to /dev/stdout writes to standard output") {
  auto dir = test::temp_dir("w-stdout");
  test::write(dir / "doc.md", fixable_doc());
  fs::create_symlink("/dev/stdout", dir / "out");
  auto r = prfaq_stdout(dir, "lint --format concise -o out doc.md");
  CHECK(r.status != 2);
  CHECK(r.out.find("doc.md:") != std::string::npos);
  CHECK(is_link(dir / "out"));
  CHECK(fs::read_symlink(dir / "out") == "/dev/stdout");
  CHECK(temporaries(dir) == 0);
  fs::remove_all(dir);
}

TEST_CASE("write: --output onto a FIFO writes through and leaves the FIFO a FIFO") {
  auto dir = test::temp_dir("w-fifo");
  test::write(dir / "doc.md", fixable_doc());
  REQUIRE(::mkfifo((dir / "out.fifo").c_str(), 0644) == 0);
  // A reader in the background; it gives up after a while should nothing come.
  std::string reader = "cd '" + dir.string() + "' && timeout 30 cat out.fifo > got.txt";
  std::thread t([&] { test::run(reader); });
  auto r = run_prfaq(dir, "lint --format concise -o out.fifo doc.md");
  t.join();
  CHECK(r.status != 2);
  CHECK(S_ISFIFO(mode_of(dir / "out.fifo")));
  CHECK(test::read(dir / "got.txt").find("doc.md:") != std::string::npos);
  CHECK(temporaries(dir) == 0);
  fs::remove_all(dir);
}

TEST_CASE("write: --output onto a terminal (a pty made here) writes through") {
  int master = ::posix_openpt(O_RDWR | O_NOCTTY);
  REQUIRE(master >= 0);
  REQUIRE(::grantpt(master) == 0);
  REQUIRE(::unlockpt(master) == 0);
  std::string slave = ::ptsname(master);
  auto dir = test::temp_dir("w-pty");
  test::write(dir / "doc.md", fixable_doc());
  auto r = run_prfaq(dir, "lint --format concise -o '" + slave + "' doc.md");
  CHECK(r.status != 2);
  CHECK(S_ISCHR(mode_of(slave)));
  std::string got;
  char buf[4096];
  pollfd p{master, POLLIN, 0};
  while (::poll(&p, 1, 500) > 0 && (p.revents & POLLIN)) {
    ssize_t n = ::read(master, buf, sizeof buf);
    if (n <= 0) break;
    got.append(buf, static_cast<std::size_t>(n));
  }
  CHECK(got.find("doc.md:") != std::string::npos);
  ::close(master);
  fs::remove_all(dir);
}

TEST_CASE("write: --fix on a symbolic link fixes the target and keeps the link and the mode") {
  auto dir = test::temp_dir("w-fixlink");
  test::write(dir / "real" / "doc.md", fixable_doc());
  fs::permissions(dir / "real" / "doc.md", fs::perms(0640));
  fs::create_symlink("real/doc.md", dir / "link.md");
  auto r = run_prfaq(dir, "lint --fix link.md");
  CHECK(r.status != 2);
  CHECK(is_link(dir / "link.md"));
  std::string fixed = test::read(dir / "real" / "doc.md");
  CHECK(fixed.find("in order to") == std::string::npos);
  CHECK(fixed.find("to help teams") != std::string::npos);
  CHECK((mode_of(dir / "real" / "doc.md") & 07777) == 0640);
  CHECK(temporaries(dir) == 0);
  fs::remove_all(dir);
}

TEST_CASE("write: --output through a symbolic link replaces the target, not the link") {
  auto dir = test::temp_dir("w-outlink");
  test::write(dir / "doc.md", fixable_doc());
  test::write(dir / "reports" / "report.json", "old");
  fs::create_symlink("reports/report.json", dir / "out.json");
  auto r = run_prfaq(dir, "lint --format json -o out.json doc.md");
  CHECK(r.status != 2);
  CHECK(is_link(dir / "out.json"));
  CHECK(test::read(dir / "reports" / "report.json").find("\"diagnostics\"") != std::string::npos);
  CHECK(temporaries(dir) == 0);
  fs::remove_all(dir);
}

TEST_CASE("write: a hard-linked file is not split unless --split-hard-links says so") {
  auto dir = test::temp_dir("w-hardlink");
  test::write(dir / "a.md", fixable_doc());
  fs::create_hard_link(dir / "a.md", dir / "b.md");
  auto r = run_prfaq(dir, "lint --fix a.md");
  CHECK(r.status == 2);
  CHECK(r.out.find("hard links") != std::string::npos);
  CHECK(test::read(dir / "a.md") == fixable_doc());
  CHECK(fs::hard_link_count(dir / "a.md") == 2);
  // --output onto a hard-linked report: refused the same way.
  fs::create_hard_link(dir / "b.md", dir / "c.txt");
  r = run_prfaq(dir, "lint -o c.txt a.md");
  CHECK(r.status == 2);
  CHECK(test::read(dir / "c.txt") == fixable_doc());
  fs::remove(dir / "c.txt");
  r = run_prfaq(dir, "lint --fix --split-hard-links a.md");
  CHECK(r.status != 2);
  CHECK(test::read(dir / "a.md").find("in order to") == std::string::npos);
  CHECK(test::read(dir / "b.md") == fixable_doc());
  CHECK(temporaries(dir) == 0);
  fs::remove_all(dir);
}

TEST_CASE("write: --output onto a read-only file is refused, as --fix refuses one") {
  auto dir = test::temp_dir("w-readonly");
  test::write(dir / "doc.md", fixable_doc());
  test::write(dir / "out.txt", "keep me");
  fs::permissions(dir / "out.txt", fs::perms(0444));
  auto r = run_prfaq(dir, "lint -o out.txt doc.md");
  CHECK(r.status == 2);
  CHECK(r.out.find("read-only") != std::string::npos);
  CHECK(test::read(dir / "out.txt") == "keep me");
  CHECK(temporaries(dir) == 0);
  fs::remove_all(dir);
}

TEST_CASE("write: --output into a missing directory says so and creates nothing") {
  auto dir = test::temp_dir("w-nodir");
  test::write(dir / "doc.md", fixable_doc());
  auto r = run_prfaq(dir, "lint -o missing/out.txt doc.md");
  CHECK(r.status == 2);
  CHECK(r.out.find("does not exist") != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "missing"));
  fs::remove_all(dir);
}

TEST_CASE("write: a write error (file size limit) leaves the old file and no temporary") {
  auto dir = test::temp_dir("w-efbig");
  std::string doc = "# Acme launches Widget\n\n";
  for (int i = 0; i < 400; ++i) doc += "We built it in order to help teams, very quickly.\n\n";
  test::write(dir / "doc.md", doc);
  test::write(dir / "out.txt", "old report");
  // ulimit -f 4: at most 4 KiB per file; the report is bigger.
  auto r =
      test::run("cd '" + dir.string() + "' && ulimit -f 4 && " + bin() + " lint -o out.txt doc.md");
  CHECK(r.status == 2);
  CHECK(r.out.find("cannot write") != std::string::npos);
  CHECK(test::read(dir / "out.txt") == "old report");
  CHECK(temporaries(dir) == 0);
  fs::remove_all(dir);
}

TEST_CASE("write: a full disk (a 16 KiB tmpfs) leaves the old file and no temporary") {
  if (!root()) return;  // mounting needs root
  auto dir = test::temp_dir("w-full");
  fs::create_directories(dir / "mnt");
  if (::mount("tmpfs", (dir / "mnt").c_str(), "tmpfs", 0, "size=16k") != 0) {
    MESSAGE("cannot mount a tmpfs here; skipped");
    fs::remove_all(dir);
    return;
  }
  std::string doc = "# Acme launches Widget\n\n";
  for (int i = 0; i < 400; ++i) doc += "We built it in order to help teams, very quickly.\n\n";
  test::write(dir / "doc.md", doc);
  test::write(dir / "mnt" / "out.txt", "old report");
  auto r = run_prfaq(dir, "lint -o mnt/out.txt doc.md");
  CHECK(r.status == 2);
  CHECK(r.out.find("no space left") != std::string::npos);
  CHECK(test::read(dir / "mnt" / "out.txt") == "old report");
  CHECK(temporaries(dir / "mnt") == 0);
  ::umount((dir / "mnt").c_str());
  fs::remove_all(dir);
}

TEST_CASE("write: init never replaces a dangling prfaq.md symbolic link") {
  auto dir = test::temp_dir("w-init");
  fs::create_symlink("elsewhere.md", dir / "prfaq.md");
  auto r = run_prfaq(dir, "init .");
  CHECK(r.status == 2);
  CHECK(r.out.find("already exists") != std::string::npos);
  CHECK(is_link(dir / "prfaq.md"));
  CHECK_FALSE(fs::exists(dir / "elsewhere.md"));
  CHECK_FALSE(fs::exists(dir / ".prfaq.toml"));
  fs::remove_all(dir);
}

TEST_CASE("write: a file edited after it was read is not replaced (--fix's check)") {
  auto dir = test::temp_dir("w-edited");
  fs::path f = dir / "doc.md";
  test::write(f, "first\n");
  auto before = prfaq::io::stamp(f);
  REQUIRE(before);
  test::write(f, "edited meanwhile\n");
  prfaq::io::WriteOptions o;
  o.must_exist = true;
  o.expect_stamp = before;
  o.expect_content = "first\n";
  std::string error;
  CHECK_FALSE(prfaq::io::write_file(f, "fixed\n", o, error));
  CHECK(error.find("changed while prfaq was fixing it") != std::string::npos);
  CHECK(test::read(f) == "edited meanwhile\n");
  CHECK(temporaries(dir) == 0);
  // Unchanged: replaced.
  o.expect_stamp = prfaq::io::stamp(f);
  o.expect_content = "edited meanwhile\n";
  CHECK(prfaq::io::write_file(f, "fixed\n", o, error));
  CHECK(test::read(f) == "fixed\n");
  fs::remove_all(dir);
}

TEST_CASE("write: a new file gets 0666 less the umask; an existing one keeps its mode") {
  auto dir = test::temp_dir("w-mode");
  std::string error;
  mode_t old = ::umask(022);
  CHECK(prfaq::io::write_file(dir / "new.txt", "x", {}, error));
  CHECK((mode_of(dir / "new.txt") & 07777) == 0644);
  ::umask(old);
  fs::permissions(dir / "new.txt", fs::perms(0600));
  CHECK(prfaq::io::write_file(dir / "new.txt", "y", {}, error));
  CHECK((mode_of(dir / "new.txt") & 07777) == 0600);
  CHECK(test::read(dir / "new.txt") == "y");
  fs::remove_all(dir);
}
