#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>
#include <prfaq/engine.hpp>
#include <set>

#include "engine/suppressions.hpp"
#include "text/text.hpp"

namespace prfaq {

std::string_view to_string(Severity severity) {
  switch (severity) {
    case Severity::off:
      return "off";
    case Severity::info:
      return "info";
    case Severity::warning:
      return "warning";
    case Severity::error:
      return "error";
  }
  return "off";
}

std::optional<Severity> parse_severity(std::string_view text) {
  if (text == "off") return Severity::off;
  if (text == "info") return Severity::info;
  if (text == "warning") return Severity::warning;
  if (text == "error") return Severity::error;
  return std::nullopt;
}

bool RuleFilter::allows(const RuleSpec& rule) const {
  auto matches = [&](const std::string& key) {
    if (key == "ALL" || key == "all") return true;
    if (text::iequals(key, rule.code) || key == rule.name) return true;
    // A prefix selects a family: "PF5" selects PF501..PF599.
    return key.size() >= 2 && key.size() < rule.code.size() &&
           text::iequals(rule.code.substr(0, key.size()), key);
  };
  if (!select.empty() && std::none_of(select.begin(), select.end(), matches)) return false;
  return std::none_of(ignore.begin(), ignore.end(), matches);
}

std::string fill_template(std::string_view tmpl, const std::map<std::string, std::string>& args) {
  std::string out;
  std::size_t i = 0;
  while (i < tmpl.size()) {
    if (tmpl[i] == '{') {
      std::size_t close = tmpl.find('}', i + 1);
      if (close != std::string_view::npos) {
        std::string key(tmpl.substr(i + 1, close - i - 1));
        auto it = args.find(key);
        if (it != args.end()) {
          out += it->second;
          i = close + 1;
          continue;
        }
      }
    }
    out += tmpl[i++];
  }
  return out;
}

namespace {

// Calls `field(begin, end, name)` for each {name} of a template (letters, digits and '_').
template <typename F>
void each_field(std::string_view tmpl, F&& field) {
  for (std::size_t i = tmpl.find('{'); i != std::string_view::npos; i = tmpl.find('{', i + 1)) {
    std::size_t close = tmpl.find('}', i + 1);
    if (close == std::string_view::npos) return;
    std::string_view name = tmpl.substr(i + 1, close - i - 1);
    if (name.empty() || !std::all_of(name.begin(), name.end(), [](char c) {
          return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                 c == '_';
        }))
      continue;
    field(i, close + 1, name);
  }
}

}  // namespace

std::vector<std::string> template_fields(std::string_view tmpl) {
  std::vector<std::string> out;
  each_field(tmpl, [&](std::size_t, std::size_t, std::string_view name) {
    if (std::find(out.begin(), out.end(), name) == out.end()) out.emplace_back(name);
  });
  return out;
}

std::string template_outline(std::string_view tmpl) {
  std::string out;
  std::size_t done = 0;
  each_field(tmpl, [&](std::size_t begin, std::size_t end, std::string_view name) {
    out.append(tmpl.substr(done, begin - done)).append("<").append(name).append(">");
    done = end;
  });
  return out.append(tmpl.substr(done));
}

namespace {

// Keeps at most max_findings_per_rule findings and counts the rest, so a pathological
// document (a megabyte of "word word word") costs bounded memory.
class VectorSink final : public FindingSink {
 public:
  explicit VectorSink(std::vector<Finding>& out) : m_out(out) {}
  void report(Finding finding) override {
    if (m_out.size() < max_findings_per_rule) {
      m_out.push_back(std::move(finding));
    } else if (m_dropped++ == 0) {
      m_first_dropped = finding.span;
    }
  }
  std::size_t dropped() const { return m_dropped; }
  Span first_dropped() const { return m_first_dropped; }

 private:
  std::vector<Finding>& m_out;
  std::size_t m_dropped = 0;
  Span m_first_dropped;
};

}  // namespace

namespace {

// A message stays short whatever the document holds: a run of more than 120 bytes without a
// blank (one 10 MB "word") keeps its first 60 and last 20 bytes around an ellipsis.
std::string bounded(std::string s) {
  constexpr std::size_t k_run = 120, k_head = 60, k_tail = 20;
  auto boundary = [&](std::size_t i) {
    while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
    return i;
  };
  std::string out;
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t j = i;
    while (j < s.size() && s[j] != ' ' && s[j] != '\n' && s[j] != '\t') ++j;
    if (j - i > k_run) {
      std::size_t head = boundary(i + k_head), tail = boundary(j - k_tail);
      out.append(s, i, head - i);
      out += fmt::format("\u2026({} bytes)\u2026", j - i);
      out.append(s, tail, j - tail);
    } else {
      out.append(s, i, j - i);
    }
    if (j < s.size()) out += s[j++];
    i = j;
  }
  return out;
}

std::map<std::string, std::string> bounded(std::map<std::string, std::string> args) {
  for (auto& [k, v] : args)
    if (v.size() > 120) v = bounded(std::move(v));
  return args;
}

}  // namespace

namespace {

using Clock = std::chrono::steady_clock;
std::atomic<bool> g_timings{false};
std::mutex g_timings_mutex;
std::map<std::string, RuleTiming> g_timing_totals;  // by code ("" for reading)

void add_timings(const std::vector<RuleTiming>& local) {
  std::lock_guard lock(g_timings_mutex);
  for (const RuleTiming& t : local) {
    RuleTiming& total = g_timing_totals[t.code];
    total.code = t.code;
    total.name = t.name;
    total.seconds += t.seconds;
    total.findings += t.findings;
  }
}

double seconds_since(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

}  // namespace

void enable_timings(bool on) {
  g_timings = on;
}

std::vector<RuleTiming> timings() {
  std::vector<RuleTiming> out;
  {
    std::lock_guard lock(g_timings_mutex);
    for (const auto& [code, t] : g_timing_totals) out.push_back(t);
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const RuleTiming& a, const RuleTiming& b) { return a.seconds > b.seconds; });
  return out;
}

namespace {

// A kind's Finding as the rule's Diagnostic: code, name, severity (moved by `demote`),
// message and help filled (values bounded), the role path of where it is.
// `severity`: the rule's for this document's profile and stage.
Diagnostic to_diagnostic(const Document& doc, const RuleSpec& spec, Severity severity, Finding& f) {
  Diagnostic d;
  d.code = spec.code;
  d.name = spec.name;
  d.severity = severity;
  for (int k = 0; k < f.demote && d.severity > Severity::info; ++k)
    d.severity = static_cast<Severity>(static_cast<int>(d.severity) - 1);
  for (int k = 0; k > f.demote && d.severity < Severity::error; --k)
    d.severity = static_cast<Severity>(static_cast<int>(d.severity) + 1);
  std::string matched = f.args.count("match") ? f.args["match"] : std::string(doc.slice(f.span));
  f.args.emplace("match", matched);
  std::map<std::string, std::string> args = bounded(f.args);
  d.message = fill_template(spec.message, args);
  d.help = fill_template(spec.help, args);
  d.absent = f.absent;
  d.span = f.span;
  d.labels = std::move(f.labels);
  d.fix = std::move(f.fix);
  if (d.fix && d.fix->title.size() > 120) d.fix->title = bounded(std::move(d.fix->title));
  for (Label& l : d.labels)
    if (l.message.size() > 120) l.message = bounded(std::move(l.message));
  d.alternatives = std::move(f.alternatives);
  d.section = doc.role_path(f.span.begin);
  return d;
}

// One diagnostic saying how many findings of a rule past the cap were left out.
Diagnostic dropped_notice(const Document& doc, const RuleSpec& spec, Severity severity,
                          const VectorSink& sink) {
  Diagnostic d;
  d.code = spec.code;
  d.name = spec.name;
  d.severity = severity;
  d.span = sink.first_dropped();
  d.message = fmt::format(
      "{} more findings of {} in this file are not shown (at most {} per rule and file)",
      sink.dropped(), spec.code, max_findings_per_rule);
  d.help = "Fix the findings shown, or turn the rule off for this file.";
  d.section = doc.role_path(d.span.begin);
  return d;
}

// An engine rule (one the engine reports itself) when it runs; null when it is off or filtered.
const RuleSpec* engine_rule(const Config& config, const RuleFilter& filter, std::string_view name) {
  const RuleSpec* r = config.find_rule(name);
  if (!r || r->severity == Severity::off || !filter.allows(*r)) return nullptr;
  return r;
}

// PF002: invalid UTF-8, reported once at its first place with the count.
void report_invalid_utf8(const Document& doc, const RuleSpec& r, std::vector<Diagnostic>& out) {
  Diagnostic d;
  d.code = r.code;
  d.name = r.name;
  d.severity = r.severity;
  d.span = doc.invalid_utf8.front();
  d.message = fill_template(r.message, {{"count", std::to_string(doc.invalid_utf8.size())}});
  d.help = r.help;
  out.push_back(std::move(d));
}

// PF001: a suppression comment that suppressed nothing, with an unsafe fix that removes it.
Diagnostic unused_suppression(const RuleSpec& r, const Suppressions::Unused& u) {
  Diagnostic d;
  d.code = r.code;
  d.name = r.name;
  d.severity = r.severity;
  d.span = u.span;
  d.message = fill_template(r.message, {{"rules", u.rules}});
  d.help = r.help;
  Fix fix;
  fix.title = "Remove the unused suppression";
  fix.safe = false;
  fix.edits.push_back({u.span, ""});
  d.fix = std::move(fix);
  return d;
}

// In document order (then code, then end), each identical finding once.
void sort_and_dedupe(std::vector<Diagnostic>& kept) {
  std::sort(kept.begin(), kept.end(), [](const Diagnostic& a, const Diagnostic& b) {
    if (a.span.begin != b.span.begin) return a.span.begin < b.span.begin;
    if (a.code != b.code) return a.code < b.code;
    return a.span.end < b.span.end;
  });
  kept.erase(std::unique(kept.begin(), kept.end(),
                         [](const Diagnostic& a, const Diagnostic& b) {
                           return a.span == b.span && a.code == b.code && a.message == b.message;
                         }),
             kept.end());
}

}  // namespace

LintResult lint_document(const Document& doc, const Config& config, const RuleFilter& filter) {
  LintResult result;
  std::vector<Diagnostic>& out = result.diagnostics;
  std::vector<Finding> findings;
  const bool timed = g_timings;
  std::vector<RuleTiming> times;
  // The document's profile and stage (front matter), else the configuration's.
  std::string_view profile = doc.profile.empty() ? config.profile : doc.profile;
  std::string_view stage = doc.stage.empty() ? config.stage : doc.stage;
  for (const RuleSpec& spec : config.rules) {
    Severity severity = effective_severity(spec, profile, stage);
    if (severity == Severity::off || !spec.rule || !filter.allows(spec)) continue;
    if (spec.kind == "engine") continue;  // engine rules are reported below
    findings.clear();
    VectorSink sink(findings);
    Clock::time_point t0 = timed ? Clock::now() : Clock::time_point{};
    spec.rule->check(doc, sink);
    if (timed) times.push_back({spec.code, spec.name, seconds_since(t0), findings.size()});
    for (Finding& f : findings) out.push_back(to_diagnostic(doc, spec, severity, f));
    if (sink.dropped() > 0) out.push_back(dropped_notice(doc, spec, severity, sink));
  }
  // Engine rules: invalid UTF-8 (reported once), unused suppressions.
  if (const RuleSpec* r = engine_rule(config, filter, "invalid-utf8");
      r && !doc.invalid_utf8.empty())
    report_invalid_utf8(doc, *r, out);
  Suppressions sup(doc);
  std::vector<Diagnostic> kept;
  kept.reserve(out.size());
  for (Diagnostic& d : out) {
    if (!sup.suppresses(d)) {
      kept.push_back(std::move(d));
    } else {
      d.suppressed = true;
      result.suppressed.push_back(std::move(d));
    }
  }
  if (const RuleSpec* r = engine_rule(config, filter, "unused-suppression"))
    for (const Suppressions::Unused& u : sup.unused(config))
      kept.push_back(unused_suppression(*r, u));
  sort_and_dedupe(kept);
  out = std::move(kept);
  if (timed) add_timings(times);
  return result;
}

LintResult lint_source(const SourceFile& source, const Config& config, const RuleFilter& filter,
                       bool selected_by_include) {
  ParseOptions opts;
  opts.tmpl = &config.tmpl;
  opts.product_names = config.product_names;
  opts.selected_by_include = selected_by_include;
  const bool timed = g_timings;
  Clock::time_point t0 = timed ? Clock::now() : Clock::time_point{};
  Document doc = build_document(source, opts);
  if (timed) add_timings({{"", "reading (parse and document model)", seconds_since(t0), 0}});
  LintResult result = lint_document(doc, config, filter);
  result.review = review_of(doc);
  return result;
}

FileReview review_of(const Document& doc) {
  FileReview r;
  r.is_prfaq = doc.is_prfaq;
  for (const Question& q : doc.questions) {
    std::uint32_t line = doc.source->lines.location(q.span.begin).line;
    std::string question = text::squash(q.text);
    if (!q.answered) {
      r.open_questions.push_back({question, "", line});
    } else if (q.names_risk) {
      // The answer's first sentence, or its first 200 characters.
      std::string answer = text::squash(q.answer_text);
      for (std::size_t i = 0; i + 1 < answer.size(); ++i)
        if ((answer[i] == '.' || answer[i] == '!' || answer[i] == '?') && answer[i + 1] == ' ' &&
            i >= 20) {
          answer.resize(i + 1);
          break;
        }
      r.risks.push_back({question, text::preview(answer, 200), line});
    }
  }
  return r;
}

std::size_t apply_fixes(std::string& text, const std::vector<Diagnostic>& diags) {
  std::vector<const Fix*> fixes;
  for (const Diagnostic& d : diags)
    if (d.fix && d.fix->safe && !d.fix->edits.empty()) fixes.push_back(&*d.fix);
  std::sort(fixes.begin(), fixes.end(), [](const Fix* a, const Fix* b) {
    return a->edits.front().span.begin < b->edits.front().span.begin;
  });
  // Accept fixes whose edits do not overlap any accepted edit.
  std::vector<Edit> accepted;
  std::size_t count = 0;
  for (const Fix* f : fixes) {
    bool clash = false;
    for (const Edit& e : f->edits) {
      if (e.span.end > text.size()) clash = true;
      for (const Edit& a : accepted)
        if (e.span.overlaps(a.span) ||
            (e.span.empty() && a.span.empty() && e.span.begin == a.span.begin) ||
            (e.span.begin == a.span.end && e.span.empty()) ||
            (a.span.empty() && a.span.begin == e.span.begin))
          clash = true;
    }
    if (clash) continue;
    for (const Edit& e : f->edits) accepted.push_back(e);
    ++count;
  }
  std::sort(accepted.begin(), accepted.end(),
            [](const Edit& a, const Edit& b) { return a.span.begin > b.span.begin; });
  for (const Edit& e : accepted) text.replace(e.span.begin, e.span.size(), e.replacement);
  return count;
}

FixedText fix_until_stable(const std::string& path, std::string text, const Config& config,
                           const RuleFilter& filter, bool selected_by_include, int max_rounds) {
  FixedText out;
  for (int round = 0; round < max_rounds; ++round) {
    SourceFile src(path, text);
    LintResult r = lint_source(src, config, filter, selected_by_include);
    std::string next = text;
    std::size_t n = apply_fixes(next, r.diagnostics);
    if (n == 0 || next == text) break;
    out.fixes += n;
    text = std::move(next);
  }
  out.text = std::move(text);
  return out;
}

}  // namespace prfaq
