#include "cli/files.hpp"

#include <fmt/format.h>
#include <re2/re2.h>

#include <algorithm>
#include <prfaq/source.hpp>

namespace fs = std::filesystem;

namespace prfaq::cli {

ReadStatus read_document(std::istream& in, std::string& out) {
  out.clear();
  char buf[65536];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    out.append(buf, static_cast<std::size_t>(in.gcount()));
    if (out.size() > max_source_bytes) {
      out.clear();
      return ReadStatus::too_large;
    }
  }
  return in.bad() ? ReadStatus::error : ReadStatus::ok;
}

std::string too_large_message() {
  return fmt::format("too large: more than {} MiB (prfaq reads documents of at most {} MiB)",
                     max_source_bytes >> 20, max_source_bytes >> 20);
}

std::string glob_to_regex(std::string_view g) {
  std::string out;
  for (std::size_t i = 0; i < g.size(); ++i) {
    char c = g[i];
    if (c == '*') {
      if (i + 1 < g.size() && g[i + 1] == '*') {
        if (i + 2 < g.size() && g[i + 2] == '/') {
          out += "(?:.*/)?";
          i += 2;
        } else {
          out += ".*";
          ++i;
        }
      } else {
        out += "[^/]*";
      }
    } else if (c == '?') {
      out += "[^/]";
    } else if (c == '[') {
      std::size_t close = g.find(']', i + 1);
      if (close == std::string_view::npos) {
        out += "\\[";
      } else {
        std::string cls(g.substr(i + 1, close - i - 1));
        if (!cls.empty() && cls[0] == '!') cls[0] = '^';
        out += "[" + cls + "]";
        i = close;
      }
    } else {
      out += RE2::QuoteMeta(std::string(1, c));
    }
  }
  // A directory glob matches everything below it.
  return out + "(?:/.*)?";
}

GlobSet::GlobSet(const std::vector<std::string>& globs) {
  if (globs.empty()) return;
  std::string re;
  for (const std::string& g : globs) {
    std::string p = g;
    while (p.starts_with("./")) p.erase(0, 2);
    re += (re.empty() ? "" : "|") + ("(?:" + glob_to_regex(p) + ")");
  }
  m_re = std::make_unique<RE2>(re, RE2::Quiet);
  if (!m_re->ok()) m_re.reset();
}

GlobSet::~GlobSet() = default;

bool GlobSet::matches(const std::string& relative) const {
  return m_re && RE2::FullMatch(relative, *m_re);
}

std::vector<fs::path> walk(const fs::path& dir) {
  std::vector<fs::path> out;
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    const fs::directory_entry& e = *it;
    std::string name = e.path().filename().string();
    if (e.is_symlink(ec)) {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      // Symlinked files are linted only when they resolve inside the tree.
      fs::path target = fs::weakly_canonical(e.path(), ec);
      fs::path root = fs::weakly_canonical(dir, ec);
      auto rel = target.lexically_relative(root);
      if (rel.empty() || rel.string().starts_with("..")) continue;
      if (fs::is_directory(target, ec)) continue;
    }
    if (e.is_directory(ec)) {
      if (name.size() > 1 && name[0] == '.') it.disable_recursion_pending();
      if (name == "node_modules") it.disable_recursion_pending();
      continue;
    }
    std::string ext = e.path().extension().string();
    if (ext == ".md" || ext == ".markdown") out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace prfaq::cli
