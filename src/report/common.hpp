#pragma once
#include <map>
#include <prfaq/report.hpp>
#include <string>
#include <string_view>

namespace prfaq::report {

/// Where the tool is documented (SARIF informationUri, rdjson source url).
inline constexpr std::string_view kInformationUri = "https://prfaq.dev";

/// Text for a terminal or a CI log: control characters (line breaks, ESC, DEL, C1) become
/// visible escapes ("\\n", "\\x1b"), so a file name or a document's bytes can neither break
/// a line into a workflow command ("::error") nor drive the terminal. Tabs are kept, and line
/// breaks too with `keep_line_breaks` (for formats that escape them themselves).
inline std::string terminal_safe(std::string_view s, bool keep_line_breaks = false) {
  static constexpr char k_hex[] = "0123456789abcdef";
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (keep_line_breaks && (c == '\n' || c == '\r')) {
      out += static_cast<char>(c);
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if ((c < 0x20 && c != '\t') || c == 0x7f) {
      out += "\\x";
      out += k_hex[c >> 4];
      out += k_hex[c & 15];
    } else if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(s[i + 1]) <= 0x9F) {
      // C1 controls (U+0080..U+009F), CSI among them.
      auto d = static_cast<unsigned char>(s[++i]);
      out += "\\u00";
      out += k_hex[d >> 4];
      out += k_hex[d & 15];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

/// GitHub workflow commands: `%`, CR and LF escaped in the message...
std::string github_escape_data(std::string_view s);
/// ...and also `:` and `,` in property values (file, title).
std::string github_escape_property(std::string_view s);

/// Text for one cell of a GitHub-flavoured Markdown table: pipes, HTML and emphasis escaped,
/// control characters made visible.
std::string markdown_cell(std::string_view s);

/// Text for XML 1.0 content and attribute values: markup characters escaped, invalid UTF-8
/// replaced by U+FFFD, characters XML forbids (most C0 controls, U+FFFE/U+FFFF) dropped; in
/// attributes tabs and line breaks become character references so they survive normalisation.
std::string xml_escape(std::string_view s, bool attribute = true);

/// Counts per rule for --statistics.
struct Statistics {
  std::map<std::string, std::size_t> counts;  // "PF101 missing-section" -> n
  void add(const Diagnostic& d) { ++counts[d.code + " " + d.name]; }
  void print(std::ostream& out) const;
};

}  // namespace prfaq::report
