// SARIF 2.1.0 (SPEC §7): one run, every rule of the configuration in tool.driver.rules, results
// with code-point regions (columnKind unicodeCodePoints) plus byte offsets, related locations,
// fixes and partialFingerprints that survive line shifts.
#include <fmt/format.h>
#include <algorithm>

#include <array>
#include <iostream>
#include <nlohmann/json.hpp>
#include <ostream>
#include <prfaq/config_errors.hpp>
#include <prfaq/engine.hpp>

#include "report/common.hpp"

namespace prfaq::report {
namespace {

using nlohmann::json;

std::string_view level(Severity s) {
  switch (s) {
    case Severity::error:
      return "error";
    case Severity::warning:
      return "warning";
    case Severity::info:
      return "note";
    default:
      return "none";
  }
}

// A URI reference for a relative path: unreserved characters and '/' kept, the rest
// percent-encoded (RFC 3986), so spaces and '#' do not break consumers.
std::string uri_of(std::string_view path) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : path) {
    bool keep = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
    if (keep) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

json region(const SourceFile& src, Span span) {
  Location b = src.lines.location(span.begin);
  Location e = src.lines.location(span.end);
  return {{"startLine", b.line},   {"startColumn", b.column},  {"endLine", e.line},
          {"endColumn", e.column}, {"byteOffset", span.begin}, {"byteLength", span.size()}};
}

json text_message(std::string_view text) {
  return {{"text", std::string(text)}};
}

json location(const json& artifact, const SourceFile& src, Span span) {
  return {{"physicalLocation", {{"artifactLocation", artifact}, {"region", region(src, span)}}}};
}

// A help template read where no finding fills it: its fields as <field>, said to be named in
// each finding; a help that is nothing but fields ("{advice}") gives way to the rule's why.
std::string static_help(const std::string& help, const std::string& why) {
  std::vector<std::string> fields = template_fields(help);
  if (fields.empty()) return help;
  std::string outline = template_outline(help), rest = outline;
  std::string names;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    std::string f = "<" + fields[i] + ">";
    for (std::size_t at; (at = rest.find(f)) != std::string::npos;) rest.erase(at, f.size());
    names += (i == 0 ? "" : i + 1 == fields.size() ? " and " : ", ") + f;
  }
  if (std::none_of(rest.begin(), rest.end(),
                   [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }))
    return why;
  return outline + " (each finding names its " + names + ")";
}

constexpr std::size_t k_max_results = 25000;

class Sarif final : public Reporter {
 public:
  Sarif(std::ostream& out, const ReportOptions& opts) : m_out(out), m_opts(opts) {
    if (m_opts.config) {
      for (const RuleSpec& r : m_opts.config->rules) {
        m_index[r.code] = m_rules.size();
        m_rules.push_back(rule_json(r));
      }
    }
  }

  static json rule_json(const RuleSpec& r) {
    std::string summary = r.summary.empty() ? r.name : r.summary;
    std::string why = r.why.empty() ? summary : r.why;
    std::string help = r.help.empty() ? summary : static_help(r.help, why);
    json config = {{"level", level(r.severity)}};
    if (r.severity == Severity::off) config["enabled"] = false;
    return {{"id", r.code},
            {"name", r.name},
            {"shortDescription", text_message(summary)},
            {"fullDescription", text_message(why)},
            {"help", text_message(help)},
            {"defaultConfiguration", config},
            {"properties",
             {{"kind", r.kind}, {"fixable", r.fixable}, {"tags", json::array({"prfaq", r.kind})}}}};
  }

  void file(const SourceFile& src, std::span<const Diagnostic> diags) override {
    std::string path = relative_display_path(src.path);
    std::string uri = uri_of(path);
    std::vector<std::string> prints = fingerprints(src, diags, path);
    for (std::size_t i = 0; i < diags.size(); ++i) {
      const Diagnostic& d = diags[i];
      json artifact = {{"uri", uri}};
      json result = {{"ruleId", d.code},
                     {"level", level(d.severity)},
                     {"message", text_message(d.message)},
                     {"locations", json::array({location(artifact, src, d.span)})},
                     {"partialFingerprints", {{"prfaqFingerprint/v1", prints[i]}}}};
      if (auto it = m_index.find(d.code); it != m_index.end())
        result["ruleIndex"] = it->second;
      else if (const ConfigErrorCode* cf = find_config_error_code(d.code))
        result["ruleIndex"] = config_error_rule(*cf);
      if (d.is_new) result["baselineState"] = *d.is_new ? "new" : "unchanged";
      if (d.suppressed)
        result["suppressions"] = json::array(
            {{{"kind", "inSource"}, {"justification", "a prfaq-disable comment in the document"}}});
      if (!d.labels.empty()) {
        json related = json::array();
        int id = 0;
        for (const Label& l : d.labels) {
          json loc = location(artifact, src, l.span);
          loc["id"] = id++;
          if (!l.message.empty()) loc["message"] = text_message(l.message);
          related.push_back(loc);
        }
        result["relatedLocations"] = related;
      }
      // The rule's fix first, then the other candidates (spellings, alternatives), unsafe.
      json fixes = json::array();
      auto add_fix = [&](const Fix& f) {
        if (f.edits.empty()) return;
        json replacements = json::array();
        for (const Edit& e : f.edits)
          replacements.push_back({{"deletedRegion", region(src, e.span)},
                                  {"insertedContent", text_message(e.replacement)}});
        json change = {{"artifactLocation", artifact}, {"replacements", replacements}};
        fixes.push_back({{"description", text_message(f.title)},
                         {"artifactChanges", json::array({change})},
                         {"properties", {{"safe", f.safe}}}});
      };
      if (d.fix) add_fix(*d.fix);
      for (const Fix& f : d.alternatives) add_fix(f);
      if (!fixes.empty()) result["fixes"] = fixes;
      json props = {{"name", d.name}};
      if (!d.section.empty()) props["section"] = d.section;
      if (!d.help.empty()) props["help"] = d.help;
      result["properties"] = props;
      m_levels.push_back(d.severity);
      m_results.push_back(std::move(result));
    }
  }

  // A configuration error's code (CF008) as a rule of the driver, added once when first used.
  std::size_t config_error_rule(const ConfigErrorCode& cf) {
    std::string code(cf.code);
    if (auto it = m_index.find(code); it != m_index.end()) return it->second;
    m_index[code] = m_rules.size();
    m_rules.push_back({{"id", code},
                       {"name", std::string(cf.name)},
                       {"shortDescription", text_message(std::string(cf.summary))},
                       {"fullDescription", text_message(std::string(cf.summary))},
                       {"help", text_message("A configuration error: prfaq exits with 2. `prfaq "
                                             "explain " +
                                             code + "` says more.")},
                       {"defaultConfiguration", {{"level", "error"}}},
                       {"properties", {{"kind", "configuration"}, {"tags", {"prfaq"}}}}});
    return m_rules.size() - 1;
  }

  // GitHub code scanning refuses a run of more than 25,000 results: keep that many, dropping
  // notes first, then warnings, each time from the end, and say so.
  std::size_t cap_results() {
    std::size_t total = m_results.size();
    if (total <= k_max_results) return 0;
    std::array<std::size_t, 4> count{};
    for (Severity s : m_levels) ++count[static_cast<std::size_t>(s)];
    std::array<std::size_t, 4> keep{};
    std::size_t room = k_max_results;
    for (Severity s : {Severity::error, Severity::warning, Severity::info, Severity::off}) {
      auto i = static_cast<std::size_t>(s);
      keep[i] = std::min(count[i], room);
      room -= keep[i];
    }
    json kept = json::array();
    for (std::size_t i = 0; i < total; ++i) {
      auto l = static_cast<std::size_t>(m_levels[i]);
      if (keep[l] == 0) continue;
      --keep[l];
      kept.push_back(std::move(m_results[i]));
    }
    m_results = std::move(kept);
    return total - k_max_results;
  }

  void end(const Summary& s) override {
    std::size_t dropped = cap_results();
    json driver = {{"name", "prfaq"},
                   {"version", PRFAQ_VERSION},
                   {"semanticVersion", PRFAQ_VERSION},
                   {"informationUri", std::string(kInformationUri)},
                   {"rules", m_rules}};
    // Files that could not be read are tool execution notifications; the run did not succeed.
    json notifications = json::array();
    for (const auto& u : s.unreadable)
      notifications.push_back(
          {{"level", "error"},
           {"message", {{"text", u.path + ": " + u.reason}}},
           {"locations", json::array({{{"physicalLocation",
                                        {{"artifactLocation",
                                          {{"uri", uri_of(relative_display_path(u.path))}}}}}}})}});
    if (dropped) {
      std::string text = fmt::format(
          "{} of {} results left out: GitHub code scanning accepts at most {} results in a run "
          "(notes are left out first, then warnings). Fix or baseline findings, or narrow the "
          "run with --select.",
          dropped, dropped + k_max_results, k_max_results);
      notifications.push_back({{"level", "warning"}, {"message", {{"text", text}}}});
      std::cerr << "prfaq: warning: SARIF: " << text << "\n";
    }
    // A configuration error (exit 2) is a run that did not succeed, like an unreadable file.
    json invocation = {{"executionSuccessful", s.unreadable.empty() && s.config_errors == 0},
                       {"properties",
                        {{"files", s.files},
                         {"baselineHidden", s.baseline_hidden},
                         {"baselineStale", s.baseline_stale}}}};
    if (!notifications.empty()) invocation["toolExecutionNotifications"] = notifications;
    json run = {{"tool", {{"driver", driver}}},
                {"columnKind", "unicodeCodePoints"},
                {"results", m_results},
                {"invocations", json::array({invocation})}};
    json log = {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                {"version", "2.1.0"},
                {"runs", json::array({run})}};
    m_out << log.dump(2, ' ', false, json::error_handler_t::replace) << "\n";
  }

 private:
  std::ostream& m_out;
  ReportOptions m_opts;
  json m_rules = json::array();
  std::map<std::string, std::size_t> m_index;
  json m_results = json::array();
  std::vector<Severity> m_levels;  // of each result, for the cap
};

}  // namespace

std::unique_ptr<Reporter> make_sarif(std::ostream& out, const ReportOptions& opts) {
  return std::make_unique<Sarif>(out, opts);
}

}  // namespace prfaq::report
