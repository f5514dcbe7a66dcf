#pragma once
/// Reporters: one interface, one file per output format (src/report/).
#include <iosfwd>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <prfaq/config.hpp>
#include <prfaq/diagnostic.hpp>
#include <prfaq/source.hpp>

namespace prfaq {

struct Summary {
  std::size_t files = 0;
  std::size_t files_with_findings = 0;
  std::size_t errors = 0;
  std::size_t warnings = 0;
  std::size_t infos = 0;
  std::size_t fixed = 0;
  std::size_t baseline_hidden = 0;
  std::size_t baseline_stale = 0;
};

struct ReportOptions {
  bool color = false;
  bool quiet = false;              ///< only the findings, no summary
  bool statistics = false;         ///< a count per rule at the end
  const Config* config = nullptr;  ///< rule metadata (SARIF driver, help texts)
};

class Reporter {
 public:
  virtual ~Reporter() = default;
  virtual void begin() {}
  /// Called once per file, in path order, with diagnostics sorted by position.
  virtual void file(const SourceFile& src, std::span<const Diagnostic> diags) = 0;
  virtual void end(const Summary& summary) = 0;
};

/// Output format names, in the order `--help` lists them.
const std::vector<std::string>& reporter_formats();
/// nullptr when the format is unknown.
std::unique_ptr<Reporter> make_reporter(std::string_view format, std::ostream& out,
                                        const ReportOptions& options);

/// "PF101/missing-section" etc. helpers shared by formats.
std::string summary_line(const Summary& summary);

}  // namespace prfaq
