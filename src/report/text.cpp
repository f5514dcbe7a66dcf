// The default format: a code frame with the source line and an underline (after Clang/Ruff).
#include <fmt/format.h>

#include <ostream>

#include "report/common.hpp"

namespace prfaq::report {
namespace {

class Text final : public Reporter {
 public:
  Text(std::ostream& out, const ReportOptions& opts) : m_out(out), m_opts(opts) {}

  std::string paint(std::string_view code, std::string_view s) const {
    if (!m_opts.color) return std::string(s);
    return fmt::format("\x1b[{}m{}\x1b[0m", code, s);
  }

  std::string_view colour(Severity s) const {
    switch (s) {
      case Severity::error:
        return "1;31";
      case Severity::warning:
        return "1;33";
      default:
        return "1;36";
    }
  }

  static constexpr std::size_t k_long_line = 500;      // bytes; longer lines are windowed
  static constexpr std::size_t k_context = 80;         // bytes shown either side of the finding
  static constexpr std::size_t k_max_underline = 200;  // bytes of the finding underlined at most

  // The line with tabs expanded to spaces; the underline follows the same expansion.
  static std::string expand(std::string_view line, std::size_t upto, std::size_t& width) {
    std::string out;
    width = 0;
    std::size_t i = 0;
    while (i < line.size() && i < upto) {
      std::size_t start = i;
      char32_t c = decode_utf8(line, i);
      if (c == '\t') {
        std::size_t n = 4 - (width % 4);
        out.append(n, ' ');
        width += n;
      } else if (c == '\r') {
      } else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) || c == 0xFFFD) {
        // Control characters (ESC among them) never reach the terminal raw.
        out.append("\xEF\xBF\xBD");
        width += 1;
      } else {
        out.append(line.substr(start, i - start));
        width += (c >= 0x1100 && (c <= 0x115F || (c >= 0x2E80 && c <= 0xA4CF) ||
                                  (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
                                  (c >= 0xFF00 && c <= 0xFF60) || (c >= 0x1F300 && c <= 0x1FAFF)))
                     ? 2
                     : 1;
      }
    }
    return out;
  }

  // `mark`: '^' under the finding (in its severity's colour), '-' under a related location.
  void frame(const SourceFile& src, Span span, std::string_view label, char mark,
             std::string_view mark_colour, std::size_t gutter) {
    Location loc = src.lines.location(span.begin);
    std::uint32_t line_start = src.lines.line_start(loc.line);
    std::string_view line = src.lines.line_text(loc.line);
    if (loc.line == 1 && line.substr(0, 3) == "\xEF\xBB\xBF") {
      line.remove_prefix(3);
      line_start += 3;
    }
    std::size_t b = span.begin >= line_start ? span.begin - line_start : 0;
    std::size_t e =
        std::min<std::size_t>(span.end > line_start ? span.end - line_start : b, line.size());
    if (e <= b) e = b;
    // A long line shows a window around the finding ("…" marks what is cut), so a megabyte
    // line costs a few hundred bytes per finding, not the whole line.
    std::string_view before_mark, after_mark;
    if (line.size() > k_long_line) {
      auto continuation = [&](std::size_t i) {
        return i < line.size() && (static_cast<unsigned char>(line[i]) & 0xC0) == 0x80;
      };
      e = std::min(e, b + k_max_underline);
      while (continuation(e)) ++e;
      std::size_t from = b > k_context ? b - k_context : 0;
      std::size_t to = std::min(line.size(), e + k_context);
      while (from > 0 && continuation(from)) --from;
      while (continuation(to)) ++to;
      if (from > 0) before_mark = "\xE2\x80\xA6";
      if (to < line.size()) after_mark = "\xE2\x80\xA6";
      line = line.substr(from, to - from);
      b -= from;
      e -= from;
    }
    std::size_t w_before = 0, w_to = 0, w_all = 0;
    expand(line, b, w_before);
    expand(line, e, w_to);
    std::string shown =
        std::string(before_mark) + expand(line, line.size(), w_all) + std::string(after_mark);
    if (!before_mark.empty()) ++w_before, ++w_to;
    std::size_t len = std::max<std::size_t>(1, w_to - w_before);
    std::string num = std::to_string(loc.line);
    m_out << fmt::format("{} {}\n", std::string(gutter, ' '), paint("1;34", "|"));
    m_out << fmt::format("{:>{}} {} {}\n", paint("1;34", num), gutter + (m_opts.color ? 11 : 0),
                         paint("1;34", "|"), shown);
    m_out << fmt::format("{} {} {}{}{}\n", std::string(gutter, ' '), paint("1;34", "|"),
                         std::string(w_before, ' '), paint(mark_colour, std::string(len, mark)),
                         label.empty() ? "" : " " + std::string(label));
  }

  void file(const SourceFile& src, std::span<const Diagnostic> diags) override {
    for (const Diagnostic& d : diags) {
      m_stats.add(d);
      Location loc = src.lines.location(d.span.begin);
      std::size_t gutter = std::to_string(loc.line).size();
      for (const Label& l : d.labels)
        gutter = std::max(gutter, std::to_string(src.lines.location(l.span.begin).line).size());
      m_out << fmt::format(
          "{}: {}\n",
          paint(colour(d.severity), fmt::format("{}[{}]", to_string(d.severity), d.code)),
          paint("1", terminal_safe(d.message)));
      m_out << fmt::format("{}{} {}:{}:{}\n", std::string(gutter, ' '), paint("1;34", "-->"),
                           terminal_safe(src.path), loc.line, loc.column);
      if (!src.text.empty()) {
        frame(src, d.span, terminal_safe(d.section), '^', colour(d.severity), gutter);
        for (const Label& l : d.labels)
          frame(src, l.span, terminal_safe(l.message), '-', "1;34", gutter);
      }
      m_out << fmt::format("{} {}\n", std::string(gutter, ' '), paint("1;34", "|"));
      if (!d.help.empty())
        m_out << fmt::format("{} = {}: {}\n", std::string(gutter, ' '), paint("1", "help"),
                             terminal_safe(d.help));
      if (d.fix)
        m_out << fmt::format("{} = {}: {}{}\n", std::string(gutter, ' '), paint("1", "fix"),
                             terminal_safe(d.fix->title),
                             d.fix->safe ? " (safe: run with --fix)" : " (suggestion)");
      m_out << "\n";
    }
  }

  void end(const Summary& s) override {
    if (m_opts.statistics) m_stats.print(m_out);
    if (!m_opts.quiet) m_out << paint("1", summary_line(s)) << "\n";
  }

 private:
  std::ostream& m_out;
  ReportOptions m_opts;
  Statistics m_stats;
};

}  // namespace

std::unique_ptr<Reporter> make_text(std::ostream& out, const ReportOptions& opts) {
  return std::make_unique<Text>(out, opts);
}

}  // namespace prfaq::report
