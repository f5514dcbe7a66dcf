#pragma once
/// The catalogue of configuration error codes (CF0xx, exit 2): each problem a configuration or
/// rule file can have, with its code, its name and a line of documentation (`prfaq explain
/// CF008`). A code is never reused: when one meaning is split, the new meaning gets a new number.
#include <span>
#include <string_view>

namespace prfaq {

enum class ConfigProblem {
  invalid_toml,
  unknown_key,
  wrong_type,
  unknown_rule,
  unknown_kind,
  invalid_pattern,
  invalid_value,
  missing_file,
  duplicate_rule,
  missing_dictionary,
  outside_tree,
  too_deep,
  too_large,
  missing_key,
  extends_cycle,
};

struct ConfigErrorCode {
  ConfigProblem problem;
  std::string_view code;     ///< "CF008"
  std::string_view name;     ///< "missing-file"
  std::string_view summary;  ///< one line: what it means and what to do
};

/// Every code, in code order.
std::span<const ConfigErrorCode> config_error_codes();
/// The entry of one problem.
const ConfigErrorCode& config_error_code(ConfigProblem problem);
/// The entry named by a code ("CF008", any case) or a name ("missing-file"); null when none.
const ConfigErrorCode* find_config_error_code(std::string_view code_or_name);

}  // namespace prfaq
