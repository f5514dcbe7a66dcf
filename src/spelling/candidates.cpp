#include "spelling/candidates.hpp"

#include <algorithm>
#include <string_view>

#include "text/text.hpp"

namespace prfaq::spelling {
namespace {

bool chunk_breaker(const Prose& p, const Token& t) {
  if (t.kind == Token::Kind::space || t.kind == Token::Kind::newline || t.kind == Token::Kind::code)
    return true;
  if (t.kind != Token::Kind::punct) return false;
  std::string_view s = p.token_text(t);
  // Punctuation that may sit inside a URL, path, address, option or identifier.
  static constexpr std::string_view k_inner[] = {".", ":", "/", "\\", "@", "#",
                                                 "_", "-", "=", "~",  "+", "&",
                                                 "%", "*", "'", "?",  ",", "\xE2\x80\x90"};
  for (std::string_view k : k_inner)
    if (s == k) return false;
  return true;
}

/// Punctuation after which the next word starts a sentence.
bool ends_sentence(std::string_view s) {
  return s == "." || s == "!" || s == "?" || s == ":" || s == "\xE2\x80\x9C" || s == "\"" ||
         s == "(" || s == "[" || s == "\xE2\x80\x94" || s == "\xC2\xBF" || s == "\xC2\xA1" ||
         s == "\xE2\x80\x9E" || s == "\xC2\xAB" || s == "|" || s == ";";
}

}  // namespace

std::vector<Candidate> candidates(const Prose& p) {
  std::vector<Candidate> out;
  const auto& toks = p.tokens;
  // Word tokens that start a sentence: the first of the block and those after sentence
  // punctuation or a line break (list items and headings wrap).
  std::vector<char> starts(toks.size(), 0);
  {
    bool next_starts = true;
    for (std::size_t k = 0; k < toks.size(); ++k) {
      const Token& t = toks[k];
      if (t.kind == Token::Kind::word || t.kind == Token::Kind::number) {
        if (next_starts) starts[k] = 1;
        next_starts = false;
      } else if (t.kind == Token::Kind::punct) {
        std::string_view s = p.token_text(t);
        if (ends_sentence(s)) next_starts = true;
        // "1." and "-" list markers written in a line of their own leave the start as is.
      } else if (t.kind == Token::Kind::newline) {
        // A soft break inside a paragraph continues the sentence; a new line after sentence
        // punctuation has already set it.
      }
    }
  }
  std::size_t i = 0;
  while (i < toks.size()) {
    if (chunk_breaker(p, toks[i])) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < toks.size() && !chunk_breaker(p, toks[j])) ++j;
    // The chunk [i, j) without trailing punctuation (a sentence's period, a comma).
    std::size_t last = j;
    while (last > i && toks[last - 1].kind == Token::Kind::punct) --last;
    std::size_t first = i;
    i = j;
    if (last == first) continue;
    std::string_view chunk(p.text.data() + toks[first].begin,
                           toks[last - 1].end - toks[first].begin);
    auto punct_at = [&](std::size_t k, std::string_view what) {
      return toks[k].kind == Token::Kind::punct && p.token_text(toks[k]) == what;
    };
    auto inner = [&](std::string_view what) {  // punctuation between two word tokens
      for (std::size_t k = first + 1; k + 1 < last; ++k)
        if (punct_at(k, what) && toks[k - 1].kind != Token::Kind::punct &&
            toks[k + 1].kind != Token::Kind::punct)
          return true;
      return false;
    };
    bool skip = chunk.find("://") != std::string_view::npos ||
                text::to_lower(chunk.substr(0, 4)) == "www." ||
                text::to_lower(chunk.substr(0, 3)) == "go/" ||              // go/ links
                chunk.find_first_of("@_\\=~") != std::string_view::npos ||  // mail, handles, ids
                (chunk.size() > 1 && chunk[0] == '#') ||                    // #tags
                (chunk.size() > 1 && chunk[0] == '-' && toks[first].kind == Token::Kind::punct) ||
                inner(".") || inner(":") || inner("+");  // file.md, example.com, key:value, C++
    if (!skip && chunk.find('/') != std::string_view::npos) {
      // A path ("src/kinds", "/usr/share", "docs/a.md"), not "and/or".
      std::size_t slashes = static_cast<std::size_t>(std::count(chunk.begin(), chunk.end(), '/'));
      skip = slashes >= 2 || chunk[0] == '/' || chunk[0] == '.' ||
             chunk.find('.') != std::string_view::npos;
    }
    if (skip) continue;
    for (std::size_t k = first; k < last; ++k) {
      if (toks[k].kind != Token::Kind::word) continue;
      std::uint32_t b = toks[k].begin;
      for (std::uint32_t x = b; x <= toks[k].end; ++x) {
        if (x < toks[k].end && p.text[x] != '/') continue;
        if (x > b) out.push_back({b, x, b == toks[k].begin && starts[k] != 0});
        b = x + 1;
      }
    }
  }
  return out;
}

}  // namespace prfaq::spelling
