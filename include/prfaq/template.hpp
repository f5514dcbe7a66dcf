#pragma once
/// The Working Backwards template: roles, their aliases, requirement and order, and the word
/// lists the reader uses to find them (rules/template.toml).
#include <map>
#include <memory>
#include <optional>
#include <span>
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
  /// Labels that stand in for the role when no alias labels it ("Key Features" for the
  /// solution); never reported as a duplicate of a real label. Normalised.
  std::vector<std::string> related;
  std::string skeleton;  ///< Markdown inserted by PF101's fix
};

struct PartDef {
  std::string name;                  ///< "press_release"
  std::string title;                 ///< "Press release"
  std::vector<std::string> aliases;  ///< normalised
};

/// The names of the reader's word lists (`[vocabulary]` in rules/template.toml). Each is a list
/// of lower-case words or phrases; a configuration extends them under [template.vocabulary].
std::span<const std::string_view> vocabulary_lists();

namespace model {
struct Lexicon;
}

/// The template. Order of `roles` is the expected order.
class Template {
 public:
  std::vector<PartDef> parts;
  std::vector<RoleDef> roles;
  /// Words that mark a document title ("prfaq", "pr faq", "pr/faq").
  std::vector<std::string> title_markers;
  /// The reader's word lists by name (see vocabulary_lists()), lower-case.
  std::map<std::string, std::vector<std::string>, std::less<>> vocabulary;

  const RoleDef* role(std::string_view name) const;
  const PartDef* part(std::string_view name) const;
  int order_of(std::string_view role) const;  ///< -1 when unknown
  const std::vector<std::string>& words(std::string_view list) const;

  struct Match {
    enum class Kind { role, part } kind;
    std::string name;
    int score;          ///< 100 exact, lower for containment and fuzzy matches
    std::string alias;  ///< the alias that matched
    std::string how;    ///< "exact", "contains", "fuzzy"
    bool related = false;
  };
  /// Matches a heading or label against parts and roles (exact, containment, then fuzzy).
  std::optional<Match> match(std::string_view label) const;
  /// The related alias of `role` that a label matches exactly ("How It Works" stands in for the
  /// solution as well as being the customer experience), or "".
  std::string related_alias(std::string_view label, std::string_view role) const;

  /// Precomputes the loosened forms of every alias and compiles the word lists; call after
  /// the aliases or the vocabulary change.
  void prepare();
  /// The compiled word lists and patterns (src/model/lexicon.hpp); prepare() must have run.
  const model::Lexicon& lexicon() const { return *m_lexicon; }

 private:
  struct Prepared {
    Match::Kind kind;
    const std::string* name;
    std::string alias, loose, compact;  ///< normalised, loosened, without spaces
    bool related = false;
    bool cjk = false;  ///< written in a script without spaces: containment is by substring
  };
  std::vector<Prepared> m_prepared;
  /// Labels repeat across documents ("The Problem"): results are cached per process, shared by
  /// the --jobs threads.
  struct Cache;
  std::shared_ptr<Cache> m_cache;
  std::shared_ptr<const model::Lexicon> m_lexicon;
  std::optional<Match> match_uncached(std::string_view label) const;
};

}  // namespace prfaq
