#pragma once
/// The Working Backwards template: roles, their aliases, requirement and order
/// (rules/template.toml).
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace prfaq {

enum class Requirement { required, recommended, optional };
std::string_view to_string(Requirement r);

struct RoleDef {
  std::string name;   ///< "problem"
  std::string title;  ///< "Problem", used by skeletons and messages
  std::string part;   ///< "press_release" | "faq" | "customer_experience"
  Requirement requirement = Requirement::optional;
  std::vector<std::string> aliases;  ///< normalised (see normalize_label)
  std::string skeleton;              ///< Markdown inserted by PF101's fix
};

struct PartDef {
  std::string name;                  ///< "press_release"
  std::string title;                 ///< "Press release"
  std::vector<std::string> aliases;  ///< normalised
};

/// The template. Order of `roles` is the expected order.
class Template {
 public:
  std::vector<PartDef> parts;
  std::vector<RoleDef> roles;
  /// Words that mark a document title ("prfaq", "pr faq", "pr/faq").
  std::vector<std::string> title_markers;

  const RoleDef* role(std::string_view name) const;
  const PartDef* part(std::string_view name) const;
  int order_of(std::string_view role) const;  ///< -1 when unknown

  struct Match {
    enum class Kind { role, part } kind;
    std::string name;
    int score;  ///< 100 exact, lower for fuzzy
  };
  /// Matches a heading or label against parts and roles (exact, containment, then fuzzy).
  std::optional<Match> match(std::string_view label) const;

  /// Precomputes the loosened forms of every alias; call after the aliases change.
  void prepare();

 private:
  struct Prepared {
    Match::Kind kind;
    const std::string* name;
    std::string alias, loose, compact;  ///< normalised, loosened, without spaces
  };
  std::vector<Prepared> m_prepared;
  /// Labels repeat across documents ("The Problem"): results are cached per process, shared by
  /// the --jobs threads.
  struct Cache;
  std::shared_ptr<Cache> m_cache;
  std::optional<Match> match_uncached(std::string_view label) const;
};

}  // namespace prfaq
