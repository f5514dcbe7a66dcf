#pragma once
// Helpers for the unit tests of the document model's passes (tests/model_*_test.cpp): build a
// Document from a string with the embedded default template and look at what each pass read.
#include <memory>
#include <string>
#include <string_view>

#include <prfaq/document.hpp>

#include "support.hpp"

namespace test {

/// A document read from a string; keeps its source alive.
struct Read {
  std::unique_ptr<prfaq::SourceFile> src;
  prfaq::Document doc;

  /// 1-based line of a byte offset.
  std::uint32_t line(std::uint32_t offset) const { return src->lines.location(offset).line; }
  /// The first section labelled exactly `label`, or nullptr.
  const prfaq::Section* section(std::string_view label) const {
    for (const prfaq::Section& s : doc.sections)
      if (s.label == label) return &s;
    return nullptr;
  }
  /// The roles named `role`, in document order.
  std::vector<const prfaq::RoleInstance*> roles(std::string_view role) const {
    std::vector<const prfaq::RoleInstance*> out;
    for (const prfaq::RoleInstance& r : doc.roles)
      if (r.role == role) out.push_back(&r);
    return out;
  }
  /// Line of the first role named `role`, or 0 when there is none.
  std::uint32_t role_line(std::string_view role) const {
    const prfaq::RoleInstance* r = doc.find_role(role);
    return r ? line(r->label_span.begin) : 0;
  }
  /// Byte offset of the first occurrence of `needle` in the source.
  std::uint32_t at(std::string_view needle) const {
    return static_cast<std::uint32_t>(src->text.find(needle));
  }
};

inline Read read_doc(std::string text, std::string path = "doc.md", bool included = false) {
  Read r;
  r.src = std::make_unique<prfaq::SourceFile>(std::move(path), std::move(text));
  prfaq::ParseOptions o;
  o.tmpl = &default_config().tmpl;
  o.product_names = default_config().product_names;
  o.selected_by_include = included;
  r.doc = prfaq::build_document(*r.src, o);
  return r;
}

/// A document read as a PR/FAQ whatever the decision would say (as a file the configuration's
/// include selects): the unit tests of the passes look at what each pass read, on fragments
/// too small to be weighed as PR/FAQs.
inline Read read_prfaq(std::string text, std::string path = "doc.md") {
  return read_doc(std::move(text), std::move(path), /*included=*/true);
}

/// The evidence texts of the PR/FAQ decision, one a line ("+3 the title …").
inline std::string evidence(const prfaq::Document& d) {
  std::string out;
  for (const prfaq::Evidence& e : d.prfaq_evidence)
    out += (e.weight >= 0 ? "+" : "") + std::to_string(e.weight) + " " + e.what + "\n";
  return out;
}

}  // namespace test
