#include "cli/diff.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

namespace prfaq::cli {
namespace {

std::vector<std::string_view> split_lines(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i < s.size(); ++i)
    if (s[i] == '\n') out.push_back(s.substr(start, i + 1 - start)), start = i + 1;
  if (start < s.size()) out.push_back(s.substr(start));
  return out;
}

struct Op {
  char kind;  // ' ', '-', '+'
  std::string_view line;
};

}  // namespace

std::string unified_diff(std::string_view path, std::string_view before, std::string_view after) {
  auto a = split_lines(before), b = split_lines(after);
  std::size_t pre = 0;
  while (pre < a.size() && pre < b.size() && a[pre] == b[pre]) ++pre;
  std::size_t suf = 0;
  while (suf < a.size() - pre && suf < b.size() - pre &&
         a[a.size() - 1 - suf] == b[b.size() - 1 - suf])
    ++suf;
  std::vector<Op> ops;
  for (std::size_t i = 0; i < pre; ++i) ops.push_back({' ', a[i]});
  std::size_t n = a.size() - pre - suf, m = b.size() - pre - suf;
  if (n * m <= 4'000'000) {
    std::vector<std::vector<std::uint32_t>> lcs(n + 1, std::vector<std::uint32_t>(m + 1, 0));
    for (std::size_t i = n; i-- > 0;)
      for (std::size_t j = m; j-- > 0;)
        lcs[i][j] = a[pre + i] == b[pre + j] ? lcs[i + 1][j + 1] + 1
                                             : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    std::size_t i = 0, j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a[pre + i] == b[pre + j])
        ops.push_back({' ', a[pre + i]}), ++i, ++j;
      else if (j < m && (i == n || lcs[i][j + 1] > lcs[i + 1][j]))
        ops.push_back({'+', b[pre + j]}), ++j;
      else
        ops.push_back({'-', a[pre + i]}), ++i;
    }
  } else {
    for (std::size_t i = 0; i < n; ++i) ops.push_back({'-', a[pre + i]});
    for (std::size_t j = 0; j < m; ++j) ops.push_back({'+', b[pre + j]});
  }
  for (std::size_t i = a.size() - suf; i < a.size(); ++i) ops.push_back({' ', a[i]});
  std::string out = fmt::format("--- a/{}\n+++ b/{}\n", path, path);
  const std::size_t ctx = 3;
  std::size_t k = 0;
  while (k < ops.size()) {
    if (ops[k].kind == ' ') {
      ++k;
      continue;
    }
    std::size_t start = k >= ctx ? k - ctx : 0;
    std::size_t end = k;
    std::size_t quiet = 0;
    while (end < ops.size()) {
      if (ops[end].kind == ' ') {
        if (++quiet > 2 * ctx) break;
      } else {
        quiet = 0;
      }
      ++end;
    }
    end = std::min(ops.size(), end - (quiet > ctx ? quiet - ctx : 0));
    std::size_t a_line = 1, b_line = 1;
    for (std::size_t i = 0; i < start; ++i) {
      if (ops[i].kind != '+') ++a_line;
      if (ops[i].kind != '-') ++b_line;
    }
    std::size_t a_len = 0, b_len = 0;
    for (std::size_t i = start; i < end; ++i) {
      if (ops[i].kind != '+') ++a_len;
      if (ops[i].kind != '-') ++b_len;
    }
    out += fmt::format("@@ -{},{} +{},{} @@\n", a_len ? a_line : a_line - 1, a_len,
                       b_len ? b_line : b_line - 1, b_len);
    for (std::size_t i = start; i < end; ++i) {
      out += ops[i].kind;
      out.append(ops[i].line);
      if (ops[i].line.empty() || ops[i].line.back() != '\n')
        out += "\n\\ No newline at end of file\n";
    }
    k = end;
  }
  return out;
}

}  // namespace prfaq::cli
