#include "io/files.hpp"

#include <fmt/format.h>
#include <re2/re2.h>

#include <algorithm>
#include <prfaq/source.hpp>

#include "io/io.hpp"

namespace fs = std::filesystem;

namespace prfaq::io {

bool read_document(const fs::path& path, bool from_stdin, std::string& out, std::string& error) {
  ReadResult r =
      from_stdin ? read_fd(0, out, max_source_bytes) : read_file(path, out, max_source_bytes);
  if (r) return true;
  error = r.status == ReadStatus::too_large ? too_large_message() : r.error;
  return false;
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

}  // namespace prfaq::io
