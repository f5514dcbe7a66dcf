#pragma once
// Inline suppression comments: <!-- prfaq-disable RULE -->, -enable, -disable-line,
// -disable-next-line, -disable-file; an optional reason follows "--".
#include <string>
#include <vector>

#include <prfaq/config.hpp>
#include <prfaq/document.hpp>

namespace prfaq {

class Suppressions {
 public:
  explicit Suppressions(const Document& doc);
  /// True when a directive covers the diagnostic (and marks the directive used).
  bool suppresses(const Diagnostic& d);

  struct Unused {
    Span span;
    std::string rules;
  };
  /// Directives that suppressed nothing.
  std::vector<Unused> unused(const Config& config) const;

 private:
  struct Directive {
    enum class Kind { disable, enable, line, next_line, file } kind;
    std::vector<std::string> rules;  // empty = all
    Span span;
    std::uint32_t line = 0;  // 0-based line the directive applies to (line kinds)
    bool used = false;
  };
  bool names(const Directive& d, const Diagnostic& diag) const;
  const Document& m_doc;
  std::vector<Directive> m_directives;
};

}  // namespace prfaq
