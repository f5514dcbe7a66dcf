#include <prfaq/config_errors.hpp>

#include <algorithm>
#include <array>
#include <cctype>

namespace prfaq {

namespace {

using P = ConfigProblem;

// In code order; the position of each entry is its ConfigProblem (checked below).
constexpr std::array<ConfigErrorCode, 15> k_codes = {{
    {P::invalid_toml, "CF001", "invalid-toml",
     "The file is not TOML prfaq can read; the position of the first problem is shown, never "
     "the file's contents."},
    {P::unknown_key, "CF002", "unknown-key",
     "A key prfaq does not know: a misspelt setting, a parameter the rule's kind does not read, "
     "or a key that cannot be overridden (code, name, kind, examples); a close match is "
     "suggested."},
    {P::wrong_type, "CF003", "wrong-type",
     "A value of the wrong type, such as a number where a string or a list of strings is "
     "expected."},
    {P::unknown_rule, "CF004", "unknown-rule",
     "[rules.X] names no rule of the pack, by code or by name; `prfaq rules` lists them."},
    {P::unknown_kind, "CF005", "unknown-kind",
     "A rule file names a kind that does not exist (the kinds chosen by a `check` before 1.1 "
     "were split into one kind per check: the message names the new one)."},
    {P::invalid_pattern, "CF006", "invalid-pattern",
     "A pattern does not compile with RE2: a rule's patterns, a [spelling] accept or reject "
     "entry, a words-file line or a paths glob."},
    {P::invalid_value, "CF007", "invalid-value",
     "A value of the right type that is not allowed: out of range, not one of the choices, or "
     "refused by the rule's kind."},
    {P::missing_file, "CF008", "missing-file",
     "A file the configuration names (extends, a rule file, rule_dirs, words_file) cannot be "
     "read."},
    {P::duplicate_rule, "CF009", "duplicate-rule", "Two rule files define the same code or name."},
    {P::missing_dictionary, "CF010", "missing-dictionary",
     "No Hunspell dictionary for a [spelling] language in the searched directories; install "
     "the hunspell-LANG package or name a directory in `dictionaries`."},
    {P::outside_tree, "CF011", "outside-tree",
     "A configuration found by walking up names a file outside its repository; pass it with "
     "--config, or allow it with --trust-config."},
    {P::too_deep, "CF012", "too-deep",
     "The TOML nests deeper than prfaq reads (64 levels), or an extends chain is longer than "
     "16 files."},
    {P::too_large, "CF013", "too-large",
     "A configuration or rule file over 1 MiB, or a words file over 4 MiB."},
    {P::missing_key, "CF014", "missing-key",
     "A rule file lacks a key every rule needs (code, name, kind, message); CF002 before 1.1."},
    {P::extends_cycle, "CF015", "extends-cycle",
     "A configuration extends itself, directly or through others; CF008 before 1.1."},
}};

constexpr bool in_order() {
  for (std::size_t i = 0; i < k_codes.size(); ++i)
    if (static_cast<std::size_t>(k_codes[i].problem) != i) return false;
  return true;
}
static_assert(in_order(), "k_codes must list every ConfigProblem in enum order");

bool same(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

}  // namespace

std::span<const ConfigErrorCode> config_error_codes() {
  return k_codes;
}

const ConfigErrorCode& config_error_code(ConfigProblem problem) {
  return k_codes[static_cast<std::size_t>(problem)];
}

const ConfigErrorCode* find_config_error_code(std::string_view code_or_name) {
  for (const ConfigErrorCode& c : k_codes)
    if (same(c.code, code_or_name) || same(c.name, code_or_name)) return &c;
  return nullptr;
}

}  // namespace prfaq
