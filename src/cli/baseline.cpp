// --baseline / --write-baseline (SPEC §8).
#include "cli/baseline.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include <prfaq/report.hpp>

namespace fs = std::filesystem;

namespace prfaq::cli {

namespace {

fs::path absolute_normal(const fs::path& p) {
  std::error_code ec;
  fs::path a = fs::absolute(p, ec);
  return (ec ? p : a).lexically_normal();
}

}  // namespace

std::optional<Baseline> Baseline::read(const fs::path& file, std::string& error) {
  std::error_code ec;
  if (!fs::exists(file, ec)) {
    error =
        fmt::format("baseline '{}': no such file (create it with --write-baseline)", file.string());
    return std::nullopt;
  }
  std::ifstream in(file, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  if (!in || in.bad()) {
    error = fmt::format("baseline '{}': cannot read it", file.string());
    return std::nullopt;
  }
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(ss.str());
  } catch (const nlohmann::json::exception& e) {
    error = fmt::format("baseline '{}' is not valid JSON: {}", file.string(), e.what());
    return std::nullopt;
  }
  auto bad = [&](std::string_view why) {
    error = fmt::format("baseline '{}' is malformed: {}", file.string(), why);
    return std::nullopt;
  };
  if (!doc.is_object()) return bad("expected a JSON object");
  if (!doc.contains("version") || doc["version"] != 1)
    return bad("expected \"version\": 1 (written by another version of prfaq?)");
  if (!doc.contains("entries") || !doc["entries"].is_array())
    return bad("expected an \"entries\" array");
  Baseline b(file);
  std::size_t i = 0;
  for (const auto& e : doc["entries"]) {
    auto where = [&](std::string_view what) { return fmt::format("entry {}: {}", i, what); };
    if (!e.is_object()) return bad(where("expected an object"));
    BaselineEntry entry;
    for (auto [key, field] : {std::pair{"code", &entry.code}, std::pair{"path", &entry.path},
                              std::pair{"fingerprint", &entry.fingerprint}}) {
      if (!e.contains(key) || !e[key].is_string() || e[key].get<std::string>().empty())
        return bad(where(fmt::format("\"{}\" must be a non-empty string", key)));
      *field = e[key].get<std::string>();
    }
    if (e.contains("section")) {
      if (!e["section"].is_string()) return bad(where("\"section\" must be a string"));
      entry.section = e["section"].get<std::string>();
    }
    if (e.contains("message") && e["message"].is_string())
      entry.message = e["message"].get<std::string>();
    if (e.contains("count")) {
      if (!e["count"].is_number_unsigned() || e["count"].get<std::size_t>() == 0)
        return bad(where("\"count\" must be a positive integer"));
      entry.count = e["count"].get<std::size_t>();
    }
    // The same fingerprint twice (a hand-merged file): the counts add up.
    if (auto it = b.m_entries.find(entry.fingerprint); it != b.m_entries.end())
      it->second.count += entry.count;
    else
      b.m_entries.emplace(entry.fingerprint, std::move(entry));
    ++i;
  }
  return b;
}

std::string Baseline::path_key(const std::string& display_path) const {
  fs::path base = absolute_normal(m_file).parent_path();
  fs::path p = absolute_normal(display_path);
  std::string rel = p.lexically_relative(base).generic_string();
  return rel.empty() ? p.generic_string() : rel;
}

void Baseline::add(const SourceFile& src, std::span<const Diagnostic> diags) {
  std::string path = path_key(src.path);
  for (const Diagnostic& d : diags) {
    std::string fp = content_fingerprint(src, d, path);
    auto it = m_entries.find(fp);
    if (it != m_entries.end()) {
      it->second.count++;
      continue;
    }
    m_entries.emplace(fp, BaselineEntry{d.code, path, d.section, fp, 1, d.message});
  }
}

std::size_t Baseline::findings() const {
  std::size_t n = 0;
  for (const auto& [fp, e] : m_entries) n += e.count;
  return n;
}

std::string Baseline::to_json() const {
  std::vector<const BaselineEntry*> sorted;
  for (const auto& [fp, e] : m_entries) sorted.push_back(&e);
  std::sort(sorted.begin(), sorted.end(), [](const BaselineEntry* a, const BaselineEntry* b) {
    return std::tie(a->path, a->code, a->section, a->fingerprint) <
           std::tie(b->path, b->code, b->section, b->fingerprint);
  });
  nlohmann::ordered_json entries = nlohmann::ordered_json::array();
  for (const BaselineEntry* e : sorted)
    entries.push_back({{"code", e->code},
                       {"path", e->path},
                       {"section", e->section},
                       {"fingerprint", e->fingerprint},
                       {"count", e->count},
                       {"message", e->message}});
  nlohmann::ordered_json doc = {
      {"version", 1}, {"tool", "prfaq " PRFAQ_VERSION}, {"entries", entries}};
  return doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::size_t Baseline::filter(const SourceFile& src, std::vector<Diagnostic>& diags) {
  std::string path = path_key(src.path);
  m_seen_paths[path] = true;
  std::size_t before = diags.size();
  std::erase_if(diags, [&](const Diagnostic& d) {
    std::string fp = content_fingerprint(src, d, path);
    auto it = m_entries.find(fp);
    if (it == m_entries.end()) return false;
    std::size_t& matched = m_matched[fp];
    if (matched >= it->second.count) return false;
    ++matched;
    return true;
  });
  return before - diags.size();
}

std::size_t Baseline::stale() const {
  std::size_t n = 0;
  for (const auto& [fp, e] : m_entries) {
    if (!m_seen_paths.contains(e.path)) continue;
    auto it = m_matched.find(fp);
    std::size_t matched = it == m_matched.end() ? 0 : it->second;
    n += e.count - std::min(matched, e.count);
  }
  return n;
}

}  // namespace prfaq::cli
