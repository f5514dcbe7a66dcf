#!/usr/bin/env bash
# `prfaq config --schema` against taplo (npm @taplo/cli, the TOML toolkit editors use for schemas):
# for each configuration below, taplo's verdict with the schema must be prfaq's own (a CF error,
# exit 2, or none), and each must be the verdict written beside it. The schema is generated
# from the rule registry, so a rule's parameters, types and names are checked too.
# Usage: config-schema.sh PRFAQ_BINARY BUILD_DIR
set -uo pipefail
BIN=$1
BUILD=$2
TOOLS="$BUILD/npm-tools"
TAPLO_CLI=@taplo/cli@0.7.0
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export npm_config_cache="$TOOLS/npm-cache"
export npm_config_update_notifier=false
mkdir -p "$TOOLS"
if [ ! -x "$TOOLS/node_modules/.bin/taplo" ]; then
  echo "installing $TAPLO_CLI into $TOOLS"
  if ! npm install --prefix "$TOOLS" --no-audit --no-fund --silent "$TAPLO_CLI" >"$WORK/npm.log" 2>&1; then
    cat "$WORK/npm.log" >&2
    echo "FAIL npm install $TAPLO_CLI"
    exit 1
  fi
fi
TAPLO="$TOOLS/node_modules/.bin/taplo"
"$BIN" config --schema --no-config >"$WORK/schema.json" || {
  echo "FAIL prfaq config --schema"
  exit 1
}
mkdir -p "$WORK/project/rules-extra"
printf '# Notes\n\nPlain text.\n' >"$WORK/project/doc.md"

passed=0
failed=0
# case EXPECTED NAME TOML: EXPECTED is "ok" or "bad".
case_() {
  local expected=$1 name=$2 toml=$3 prfaq taplo
  printf '%s\n' "$toml" >"$WORK/project/.prfaq.toml"
  if (cd "$WORK/project" && "$BIN" lint --format concise doc.md >"$WORK/prfaq.log" 2>&1) ||
    ! grep -q 'CF0[0-9][0-9]' "$WORK/prfaq.log"; then
    prfaq=ok
  else
    prfaq=bad
  fi
  if "$TAPLO" check --colors never --schema "file://$WORK/schema.json" \
    "$WORK/project/.prfaq.toml" >"$WORK/taplo.log" 2>&1; then
    taplo=ok
  else
    taplo=bad
  fi
  if [ "$prfaq" = "$expected" ] && [ "$taplo" = "$expected" ]; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAIL $name: expected $expected, prfaq says $prfaq, taplo with the schema says $taplo"
    sed 's/^/  prfaq: /' "$WORK/prfaq.log" | head -5
    grep -v ' INFO ' "$WORK/taplo.log" | sed 's/^/  taplo: /' | head -8
  fi
}

case_ ok "include as one string" 'include = "docs/*.md"'
case_ ok "exclude as a list" 'exclude = ["docs/archive/**", "README.md"]'
case_ ok "rule_dirs as one string" 'rule_dirs = "rules-extra"'
case_ ok "fail_on never" 'fail_on = "never"'
case_ ok "product names as one string" $'[product]\nnames = "Acme"'
case_ ok "spelling lists" $'[spelling]\nlanguage = ["en_US"]\naccept = "Acme"\nreject = ["utilize"]'
case_ ok "spelling paths" $'[spelling]\npaths = { "docs/de/**" = "de_DE" }'
case_ ok "a rule by code: integer and list parameters" $'[rules.PF601]\nsuggestions = 2\nprefixes = "pre"'
case_ ok "a rule by name" $'[rules.jargon]\nseverity = "info"'
case_ ok "a table parameter" $'[rules.PF406.topics]\ncost = "cost|price"\ndependencies = "depends"\nmarket = "market"\nrisks = "risk|risks"'
case_ ok "a rule's message and help" $'[rules.PF501]\nmessage = "Jargon {match}"\nhelp = "Say it plainly."'
case_ ok "a number parameter" $'[rules.PF509]\nseverity = "warning"'
case_ ok "a template role" $'[template.roles.headline]\naliases = ["Title"]\nrequirement = "required"'
case_ ok "a vocabulary list" $'[template.vocabulary]\ncustomer_words = ["patients"]'
case_ ok "a profile and a stage" $'profile = "devtool"\nstage = "draft"'
case_ ok "severity by profile and stage" $'[rules.PF504]\nseverity_in = { draft = "off", final = "error" }'
case_ bad "a profile that is none" 'profile = "startup"'
case_ bad "severity_in for no profile or stage" $'[rules.PF504]\nseverity_in = { beta = "off" }'
case_ bad "severity_in with no severity" $'[rules.PF504]\nseverity_in = { draft = "quiet" }'
case_ bad "unknown top-level key" 'includ = ["docs/**"]'
case_ bad "fail_on not a level" 'fail_on = "sometimes"'
case_ bad "an integer parameter given a float" $'[rules.PF601]\nsuggestions = 2.5'
case_ bad "a boolean parameter given a string" $'[rules.PF601]\ninfer_names = "yes"'
case_ bad "a parameter the kind does not read" $'[rules.PF501]\nbogus = 1'
case_ bad "an unknown rule" $'[rules.PF999]\nseverity = "info"'
case_ bad "a severity that is none" $'[rules.PF501]\nseverity = "loud"'
case_ bad "a table parameter with a number" $'[rules.PF406]\ntopics = { cost = 3 }'
case_ bad "a key that cannot be overridden" $'[rules.PF501]\nkind = "existence"'
case_ bad "aliases as one string" $'[template.roles.headline]\naliases = "Title"'
case_ bad "an unknown template role" $'[template.roles.nosuch]\naliases = ["x"]'
case_ bad "an unknown vocabulary list" $'[template.vocabulary]\nnosuch = ["x"]'
case_ bad "spelling accept with a number" $'[spelling]\naccept = [1]'
case_ bad "an unknown spelling key" $'[spelling]\nlanguages = ["en_US"]'

echo "config schema against taplo: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
