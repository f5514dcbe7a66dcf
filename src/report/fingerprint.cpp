// Fingerprints that survive line shifts (SARIF partialFingerprints, baselines; SPEC §8).
#include <fmt/format.h>

#include <filesystem>
#include <map>

#include "report/common.hpp"

namespace prfaq {

namespace {

constexpr std::size_t kMaxFlaggedBytes = 160;

// FNV-1a, 64 bits: stable across platforms, compilers and runs.
struct Fnv {
  std::uint64_t h = 0xcbf29ce484222325ull;
  void add(std::string_view s) {
    for (unsigned char c : s) {
      h ^= c;
      h *= 0x100000001b3ull;
    }
    h ^= 0x1f;  // field separator
    h *= 0x100000001b3ull;
  }
  std::string hex() const { return fmt::format("{:016x}", h); }
};

std::string mask_digits(std::string_view message) {
  std::string out;
  bool in_number = false;
  for (char c : message) {
    if (c >= '0' && c <= '9') {
      if (!in_number) out += '#';
      in_number = true;
    } else {
      in_number = false;
      out += c;
    }
  }
  return out;
}

}  // namespace

std::string normalise_flagged_text(std::string_view text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  if (out.size() > kMaxFlaggedBytes) {
    std::size_t cut = kMaxFlaggedBytes;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out.resize(cut);
  }
  return out;
}

std::string content_fingerprint(const SourceFile& src, const Diagnostic& d, std::string_view path) {
  Fnv f;
  f.add(d.code);
  f.add(path);
  f.add(d.section);
  f.add(normalise_flagged_text(src.slice(d.span)));
  f.add(mask_digits(d.message));
  return f.hex();
}

std::vector<std::string> fingerprints(const SourceFile& src, std::span<const Diagnostic> diags,
                                      std::string_view path) {
  std::vector<std::string> out;
  out.reserve(diags.size());
  std::map<std::string, std::size_t> seen;
  for (const Diagnostic& d : diags) {
    std::string content = content_fingerprint(src, d, path);
    std::size_t index = seen[content]++;
    Fnv f;
    f.add(content);
    f.add(std::to_string(index));
    out.push_back(f.hex());
  }
  return out;
}

std::string relative_display_path(std::string_view path) {
  namespace fs = std::filesystem;
  fs::path p(path);
  if (!p.is_absolute()) return std::string(path);
  std::error_code ec;
  fs::path cwd = fs::current_path(ec);
  if (ec) return std::string(path);
  fs::path rel = p.lexically_normal().lexically_relative(cwd.lexically_normal());
  std::string s = rel.generic_string();
  if (s.empty() || s.starts_with("..")) return p.lexically_normal().generic_string();
  return s;
}

}  // namespace prfaq
