// The "engine" kind: rules whose findings the engine produces itself (invalid UTF-8, unused
// suppressions). The rule file still carries code, severity, message and docs.
#include "kinds/kinds.hpp"

namespace prfaq::kinds {
namespace {

class EngineRule final : public Rule {
 public:
  void check(const Document&, FindingSink&) const override {}
};

}  // namespace

std::unique_ptr<Rule> make_engine(ParamReader&) {
  return std::make_unique<EngineRule>();
}

}  // namespace prfaq::kinds
