// The "calendar-date" kind (PF210): dates that do not exist ("February 30, 2027", "2027-13-01")
// and weekdays that do not match their date ("Tuesday, March 3, 2027" is a Wednesday).
#include <re2/re2.h>

#include <fmt/format.h>
#include <chrono>

#include "kinds/kinds.hpp"
#include "text/text.hpp"

namespace prfaq::kinds {
namespace {

constexpr std::string_view k_weekday = "(monday|tuesday|wednesday|thursday|friday|saturday|sunday)";
constexpr std::string_view k_month =
    "(january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)";

int month_number(std::string_view name) {
  static constexpr std::string_view k_names[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                                 "jul", "aug", "sep", "oct", "nov", "dec"};
  std::string lower = text::to_lower(name.substr(0, 3));
  for (int i = 0; i < 12; ++i)
    if (lower == k_names[i]) return i + 1;
  return 0;
}

int weekday_number(std::string_view name) {  // 0 = Sunday, as std::chrono::weekday
  static constexpr std::string_view k_names[] = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};
  std::string lower = text::to_lower(name.substr(0, 3));
  for (int i = 0; i < 7; ++i)
    if (lower == k_names[i]) return i;
  return -1;
}

std::string_view weekday_name(unsigned w) {
  static constexpr std::string_view k_names[] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                 "Thursday", "Friday", "Saturday"};
  return k_names[w % 7];
}

std::string_view month_name(int m) {
  static constexpr std::string_view k_names[] = {"January",   "February", "March",    "April",
                                                 "May",       "June",     "July",     "August",
                                                 "September", "October",  "November", "December"};
  return k_names[(m - 1) % 12];
}

class CalendarDate final : public Rule {
 public:
  explicit CalendarDate(ParamReader& p) {
    m_scope = read_scope(p);
    std::string opts = "(?i)";
    // "Tuesday, March 3, 2027", "March 3rd 2027", "Sept. 31, 2027"
    m_month_first = std::make_unique<RE2>(
        fmt::format("{}\\b(?:{},?\\s+)?{}\\.?\\s+(\\d{{1,2}})(?:st|nd|rd|th)?,?\\s+(\\d{{4}})\\b",
                    opts, k_weekday, k_month));
    // "Tuesday 3 March 2027", "3rd of March, 2027"
    m_day_first = std::make_unique<RE2>(fmt::format(
        "{}\\b(?:{},?\\s+)?(\\d{{1,2}})(?:st|nd|rd|th)?\\s+(?:of\\s+)?{}\\.?,?\\s+(\\d{{4}})\\b",
        opts, k_weekday, k_month));
    // "2027-03-03": months 01 to 12 and days 01 to 39 only, so a version number ("2027-99-99")
    // is not taken for a date.
    m_iso = std::make_unique<RE2>("\\b(\\d{4})-(0[1-9]|1[0-2])-([0-3][0-9])\\b");
  }

  void check(const Document& doc, FindingSink& out) const override {
    for (const Prose& prose : doc.prose) {
      if (prose.kind == BlockKind::code || prose.kind == BlockKind::html) continue;
      if (!m_scope.contains(doc, prose)) continue;
      scan(prose, *m_month_first, 0, out);
      scan(prose, *m_day_first, 1, out);
      scan(prose, *m_iso, 2, out);
    }
  }

 private:
  // form 0: weekday, month, day, year; 1: weekday, day, month, year; 2: year, month, day.
  void scan(const Prose& prose, const RE2& re, int form, FindingSink& out) const {
    re2::StringPiece input(prose.text);
    re2::StringPiece m[5];
    std::size_t at = 0;
    while (at <= prose.text.size() &&
           re.Match(input, at, prose.text.size(), RE2::UNANCHORED, m, form == 2 ? 4 : 5)) {
      std::size_t begin = static_cast<std::size_t>(m[0].data() - prose.text.data());
      std::size_t end = begin + m[0].size();
      at = end > begin ? end : begin + 1;
      int year = 0, month = 0, day = 0, weekday = -1;
      auto number = [](re2::StringPiece s) { return std::atoi(std::string(s).c_str()); };
      if (form == 2) {
        year = number(m[1]), month = number(m[2]), day = number(m[3]);
      } else {
        if (!m[1].empty()) weekday = weekday_number(std::string_view(m[1].data(), m[1].size()));
        std::string_view month_text = form == 0 ? std::string_view(m[2].data(), m[2].size())
                                                : std::string_view(m[3].data(), m[3].size());
        month = month_number(month_text);
        day = number(form == 0 ? m[3] : m[2]);
        year = number(m[4]);
      }
      if (year < 1900 || year > 2200) continue;  // a number, not a year of a launch
      report(prose, begin, end, year, month, day, weekday, out);
    }
  }

  static void report(const Prose& prose, std::size_t begin, std::size_t end, int year, int month,
                     int day, int weekday, FindingSink& out) {
    std::string match = prose.text.substr(begin, end - begin);
    Span span =
        prose.source_span(static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end));
    if (month < 1 || month > 12) return;  // the patterns only take months that exist
    using namespace std::chrono;
    year_month ym{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month)}};
    auto last = static_cast<int>(static_cast<unsigned>((ym / std::chrono::last).day()));
    if (day < 1 || day > last) {
      out.report(
          {.span = span,
           .args = {{"match", match},
                    {"problem", fmt::format("{} {} has {} days", month_name(month), year, last)}}});
      return;
    }
    if (weekday < 0) return;
    year_month_day date{ym / std::chrono::day{static_cast<unsigned>(day)}};
    unsigned actual = std::chrono::weekday{sys_days{date}}.c_encoding();
    if (static_cast<unsigned>(weekday) == actual) return;
    out.report({.span = span,
                .args = {{"match", match},
                         {"problem", fmt::format("{} {}, {} is a {}", month_name(month), day, year,
                                                 weekday_name(actual))}}});
  }

  Scope m_scope;
  std::unique_ptr<RE2> m_month_first, m_day_first, m_iso;
};

}  // namespace

std::unique_ptr<Rule> make_calendar_date(ParamReader& p) {
  return std::make_unique<CalendarDate>(p);
}

}  // namespace prfaq::kinds
