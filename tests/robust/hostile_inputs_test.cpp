// Issue 11, worst-case inputs for the rules: each is linted to the end with bounded findings
// (at most max_findings_per_rule per rule, plus one that counts the rest). Timing is not
// checked here; scripts/bench.sh measures how the time grows (2x input must stay <= 2.2x time).
#include <doctest/doctest.h>

#include <map>

#include "support.hpp"

namespace {

std::map<std::string, std::size_t> counts(const std::string& text) {
  prfaq::SourceFile src("hostile.md", text);
  auto r = prfaq::lint_source(src, test::default_config(), {});
  std::map<std::string, std::size_t> out;
  for (const prfaq::Diagnostic& d : r.diagnostics) ++out[d.code];
  return out;
}

std::string repeat(std::string_view s, std::size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

void bounded(const std::map<std::string, std::size_t>& c) {
  for (const auto& [code, n] : c) {
    CAPTURE(code);
    CHECK(n <= prfaq::max_findings_per_rule + 1);
  }
}

}  // namespace

TEST_CASE("hostile: one paragraph of 'ok TBD ' (placeholders, acronyms, existence matches)") {
  // 20,000 placeholders in one paragraph: 5,000 shown and one finding for the other 15,000.
  std::string text = repeat("ok TBD ", 20000);
  prfaq::SourceFile src("hostile.md", text);
  auto r = prfaq::lint_source(src, test::default_config(), {});
  std::size_t placeholders = 0;
  bool rest = false;
  for (const prfaq::Diagnostic& d : r.diagnostics) {
    if (d.code != "PF504") continue;
    ++placeholders;
    rest |= d.message.find("15000 more findings of PF504") != std::string::npos;
  }
  CHECK(placeholders == prfaq::max_findings_per_rule + 1);
  CHECK(rest);
  bounded(counts(text));
}

TEST_CASE("hostile: undefined acronyms, hype and weasel words, passive voice, repeated words") {
  bounded(counts(repeat("The KPI and the SLA of the API. ", 10000)));
  bounded(counts(repeat("very very clearly revolutionary ", 10000)));
  bounded(counts(repeat("it was decided and was done by them ", 5000)));
  bounded(counts(repeat("word ", 50000)));
  bounded(counts("# Title\n\n" + repeat("[", 20000) + repeat("TBD ", 5000) + repeat("]", 20000)));
}

TEST_CASE("hostile: structure at scale (headings, FAQ questions, quotes, lists)") {
  std::string faq = "# Acme launches Widget\n\n## FAQ\n\n";
  for (int i = 0; i < 20000; ++i) faq += "### Why " + std::to_string(i) + "?\n\nBecause.\n\n";
  bounded(counts(faq));
  std::string quotes = "# Acme launches Widget\n\n";
  for (int i = 0; i < 5000; ++i)
    quotes += "\"It is great,\" said Jane Doe " + std::to_string(i) + ", CEO at Acme.\n\n";
  bounded(counts(quotes));
  std::string list;
  for (int i = 0; i < 20000; ++i) list += "- item TBD " + std::to_string(i) + "\n";
  bounded(counts(list));
}
