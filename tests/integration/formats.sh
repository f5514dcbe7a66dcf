#!/usr/bin/env bash
# Integration checks for the CI-facing parts of prfaq (run by ctest as the `formats` test):
#   (a) --format sarif validates against the official SARIF 2.1.0 JSON schema, taken from the
#       npm package @microsoft/sarif-multitool-linux, with ajv-cli (+ ajv-formats);
#   (b) --format junit and --format checkstyle are well-formed XML (xmllint --noout);
#   (c) --format json validates against docs/prfaq-output.schema.json;
#   (d) a real pre-commit run with this repository's .pre-commit-hooks.yaml blocks a flawed
#       PR/FAQ and lets a clean one through;
#   (e) a baseline survives ten inserted lines and lets only a new flaw through;
#   (f) the .deb from CPack is lintian clean, depends on hunspell-en-us, installs with apt-get and
#   `prfaq --version` runs from PATH (as root).
# Usage: formats.sh PRFAQ_BINARY SOURCE_DIR BUILD_DIR
# npm packages are cached in BUILD_DIR/npm-tools. Prints "N passed, N failed"; exits 1 on failure.
set -uo pipefail

if [ $# -ne 3 ]; then
  echo "usage: $0 PRFAQ_BINARY SOURCE_DIR BUILD_DIR" >&2
  exit 2
fi
BIN=$(realpath "$1")
SRC=$(realpath "$2")
BUILD=$(realpath "$3")
TOOLS="$BUILD/npm-tools"
AJV_CLI=ajv-cli@5.0.0
AJV_FORMATS=ajv-formats@3.0.1
SARIF_PACKAGE=@microsoft/sarif-multitool-linux@5.7.0
SARIF_SCHEMA="$TOOLS/sarif-schema-2.1.0.json"
OUTPUT_SCHEMA="$SRC/docs/prfaq-output.schema.json"
OUTLINE_SCHEMA="$SRC/docs/prfaq-outline.schema.json"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/prfaq-formats.XXXXXX")
DEB_INSTALLED=0
cleanup() {
  if [ "$DEB_INSTALLED" = 1 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq --purge prfaq >/dev/null 2>&1 ||
      echo "WARNING: could not remove the prfaq package" >&2
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

passed=0
failed=0
pass() {
  echo "PASS: $* [${SECONDS}s]"
  passed=$((passed + 1))
}
fail() {
  echo "FAIL: $*" >&2
  failed=$((failed + 1))
}
skip() { echo "SKIP: $*"; }

# `prfaq lint` that may find things (exit 0 or 1) but must not fail (exit 2 or a crash).
lint_ok() {
  "$BIN" "$@"
  local rc=$?
  if [ "$rc" -gt 1 ]; then
    echo "prfaq $* exited $rc" >&2
    return 1
  fi
  return 0
}

# A document with everything an escaper can get wrong: markup characters, quotes, a control
# character, invalid UTF-8, multibyte text, a tab and CRLF line ends.
make_nasty() {
  printf '# Caf\xc3\xa9 <launch> & "friends" %% it\r\n\r\n\tWe leverage TBD \x01 \xff & <b>synergy</b>, \x27a,b:c\x27.\r\n' >"$1"
}

###############################################################################
# Tools: ajv-cli, ajv-formats and the SARIF schema from npm packages, cached under build/.
###############################################################################
setup_tools() {
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    fail "node and npm are needed (scripts/setup.sh installs the nodejs and npm packages)"
    return 1
  fi
  export npm_config_cache="$TOOLS/npm-cache"
  export npm_config_update_notifier=false
  mkdir -p "$TOOLS"
  if [ ! -x "$TOOLS/node_modules/.bin/ajv" ] || [ ! -d "$TOOLS/node_modules/ajv-formats" ]; then
    echo "installing $AJV_CLI and $AJV_FORMATS into $TOOLS"
    if ! npm install --prefix "$TOOLS" --no-audit --no-fund --silent "$AJV_CLI" "$AJV_FORMATS" \
      >"$WORK/npm.log" 2>&1; then
      cat "$WORK/npm.log" >&2
      fail "npm install $AJV_CLI $AJV_FORMATS"
      return 1
    fi
  fi
  if [ ! -s "$SARIF_SCHEMA" ]; then
    echo "fetching sarif-2.1.0.json from $SARIF_PACKAGE"
    local tgz
    if ! tgz=$(cd "$WORK" && npm pack --silent "$SARIF_PACKAGE" 2>"$WORK/pack.log"); then
      cat "$WORK/pack.log" >&2
      fail "npm pack $SARIF_PACKAGE"
      return 1
    fi
    if ! tar -xzf "$WORK/$tgz" -O package/sarif-2.1.0.json >"$SARIF_SCHEMA.tmp"; then
      rm -f "$SARIF_SCHEMA.tmp"
      fail "$SARIF_PACKAGE does not ship sarif-2.1.0.json"
      return 1
    fi
    rm -f "$WORK/$tgz"
    mv "$SARIF_SCHEMA.tmp" "$SARIF_SCHEMA"
  fi
  if ! grep -q '"title": "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema"' \
    "$SARIF_SCHEMA"; then
    fail "$SARIF_SCHEMA is not the SARIF 2.1.0 schema"
    return 1
  fi
  return 0
}

# validate SCHEMA DATA_GLOB: ajv-cli, JSON Schema 2020-12, formats checked.
validate() {
  local schema=$1
  shift
  (cd "$TOOLS" && ./node_modules/.bin/ajv validate --spec=draft2020 --strict=false -c ajv-formats \
    --errors=text -s "$schema" "$@")
}

# expect_valid NAME SCHEMA DIR PASSED SCHEMA_NAME: every JSON file in DIR validates against SCHEMA.
expect_valid() {
  if validate "$2" -d "$3/*.json" >"$WORK/ajv-$1.log" 2>&1; then
    pass "$1: $4"
  else
    grep -v ' valid$' "$WORK/ajv-$1.log" | head -40 >&2
    fail "$1: output does not validate against $5"
  fi
}

# expect_rejected NAME SCHEMA FILE WHAT: the schema must say no to FILE, so the check can fail.
expect_rejected() {
  if validate "$2" -d "$3" >/dev/null 2>&1; then
    fail "$1: the schema accepts $4 (the check cannot fail)"
  else
    pass "$1: the schema rejects $4"
  fi
}

###############################################################################
# (a) SARIF
###############################################################################
check_sarif() {
  local dir="$WORK/sarif"
  mkdir -p "$dir"
  local ok=1
  (cd "$SRC" && lint_ok lint --no-config --format sarif --output "$dir/all.json" fixtures/docs \
    examples) || ok=0
  for f in "$SRC"/fixtures/docs/*.md; do
    (cd "$SRC" && lint_ok lint --format sarif "fixtures/docs/$(basename "$f")") \
      >"$dir/$(basename "$f" .md).json" || ok=0
  done
  (cd "$WORK" && lint_ok lint --no-config --format sarif nasty.md) >"$dir/nasty.json" || ok=0
  # A run with no files, and a configuration error (exit 2, reported through the format).
  (cd "$WORK/empty" && lint_ok lint --no-config --format sarif .) >"$dir/empty.json" || ok=0
  (cd "$WORK/badcfg" && "$BIN" lint --format sarif doc.md) >"$dir/config-error.json"
  [ $? -eq 2 ] || {
    fail "sarif: a broken .prfaq.toml should exit 2"
    ok=0
  }
  # A file that cannot be read: a tool execution notification, executionSuccessful false.
  (cd "$WORK" && "$BIN" lint --no-config --format sarif nasty.md missing.md) >"$dir/unreadable.json" 2>/dev/null
  [ $? -eq 2 ] || {
    fail "sarif: a missing file should exit 2"
    ok=0
  }
  grep -q '"toolExecutionNotifications"' "$dir/unreadable.json" ||
    fail "sarif: the missing file is not a tool execution notification"
  [ "$ok" = 1 ] || fail "sarif: prfaq failed while writing SARIF"
  local n
  n=$(find "$dir" -name '*.json' | wc -l)
  expect_valid sarif "$SARIF_SCHEMA" "$dir" \
    "$n logs valid against the SARIF 2.1.0 schema of $SARIF_PACKAGE" "the SARIF 2.1.0 schema"
  # The validator must be able to say no: a log without "version" is rejected.
  node -e 'const fs=require("fs");const d=JSON.parse(fs.readFileSync(process.argv[1]));
    delete d.version; d.runs[0].results.push({message:{text:"x"},level:"loud"});
    fs.writeFileSync(process.argv[2], JSON.stringify(d));' "$dir/all.json" "$WORK/broken-sarif.json"
  expect_rejected sarif "$SARIF_SCHEMA" "$WORK/broken-sarif.json" "a broken log"
  # Contents: every rule of the config, ruleIndex consistent, the same findings as --format json.
  "$BIN" rules --no-config --format json >"$WORK/rules.json" || fail "prfaq rules --format json"
  if node -e '
    const fs = require("fs");
    const log = JSON.parse(fs.readFileSync(process.argv[1]));
    const rules = JSON.parse(fs.readFileSync(process.argv[2]));
    const out = JSON.parse(fs.readFileSync(process.argv[3]));
    const run = log.runs[0], driver = run.tool.driver, errs = [];
    if (run.columnKind !== "unicodeCodePoints") errs.push("columnKind");
    if (!driver.version || !driver.informationUri) errs.push("driver version/informationUri");
    if (driver.rules.length !== rules.length) errs.push(`rules: ${driver.rules.length} != ${rules.length}`);
    for (const r of driver.rules)
      if (!r.shortDescription.text || !r.fullDescription.text || !r.help.text ||
          !["error", "warning", "note", "none"].includes(r.defaultConfiguration.level))
        errs.push("rule " + r.id);
    const diags = out.files.flatMap(f => f.diagnostics);
    if (run.results.length !== diags.length) errs.push(`results ${run.results.length} != ${diags.length}`);
    const prints = new Set();
    run.results.forEach((r, i) => {
      if (driver.rules[r.ruleIndex].id !== r.ruleId) errs.push("ruleIndex of " + r.ruleId);
      const reg = r.locations[0].physicalLocation.region, d = diags[i];
      if (r.ruleId !== d.code || reg.startLine !== d.range.start.line ||
          reg.startColumn !== d.range.start.column || reg.endColumn !== d.range.end.column ||
          reg.byteOffset !== d.range.start.offset)
        errs.push(`result ${i} differs from json`);
      if (d.fix && !r.fixes) errs.push(`result ${i} lost its fix`);
      const fp = r.locations[0].physicalLocation.artifactLocation.uri + " " +
                 r.partialFingerprints["prfaqFingerprint/v1"];
      if (prints.has(fp)) errs.push("duplicate fingerprint " + fp);
      prints.add(fp);
    });
    if (errs.length) { console.error(errs.slice(0, 20).join("\n")); process.exit(1); }
  ' "$dir/all.json" "$WORK/rules.json" "$WORK/all-out.json"; then
    pass "sarif: every rule in tool.driver.rules, results match --format json, unique fingerprints"
  else
    fail "sarif: contents do not match the configuration or --format json"
  fi
}

###############################################################################
# (b) JUnit and Checkstyle XML
###############################################################################
check_xml() {
  if ! command -v xmllint >/dev/null; then
    fail "xml: xmllint is missing (Debian package libxml2-utils)"
    return
  fi
  local fmt ok
  for fmt in junit checkstyle; do
    ok=1
    (cd "$SRC" && lint_ok lint --no-config --format "$fmt" fixtures/docs examples) \
      >"$WORK/all.$fmt.xml" || ok=0
    (cd "$WORK" && lint_ok lint --no-config --format "$fmt" nasty.md) >"$WORK/nasty.$fmt.xml" ||
      ok=0
    (cd "$WORK/empty" && lint_ok lint --no-config --format "$fmt" .) >"$WORK/empty.$fmt.xml" ||
      ok=0
    if [ "$ok" = 1 ] && xmllint --noout "$WORK/all.$fmt.xml" "$WORK/nasty.$fmt.xml" \
      "$WORK/empty.$fmt.xml"; then
      pass "xml: --format $fmt is well-formed (fixtures, a hostile file, no files)"
    else
      fail "xml: --format $fmt is not well-formed XML"
    fi
  done
  local files cases
  files=$(node -e 'const d=JSON.parse(require("fs").readFileSync(process.argv[1]));
    console.log(d.files.length)' "$WORK/all-out.json")
  cases=$(xmllint --xpath 'count(//testsuite/testcase)' "$WORK/all.junit.xml")
  if [ "$files" = "$cases" ] && [ "$(xmllint --xpath 'count(/checkstyle/file)' \
    "$WORK/all.checkstyle.xml")" = "$files" ]; then
    pass "xml: one junit test case and one checkstyle <file> per linted file ($files)"
  else
    fail "xml: expected $files test cases / files, junit has $cases"
  fi
}

###############################################################################
# (c) --format json against docs/prfaq-output.schema.json
###############################################################################
check_json() {
  local dir="$WORK/json"
  mkdir -p "$dir"
  cp "$WORK/all-out.json" "$dir/all.json"
  (cd "$WORK" && lint_ok lint --no-config --format json nasty.md) >"$dir/nasty.json"
  (cd "$WORK/empty" && lint_ok lint --no-config --format json .) >"$dir/empty.json"
  (cd "$WORK/badcfg" && "$BIN" lint --format json doc.md) >"$dir/config-error.json"
  (cd "$SRC" && lint_ok lint --format json fixtures/docs) >"$dir/with-config.json"
  (cd "$WORK" && "$BIN" lint --no-config --format json nasty.md missing.md) >"$dir/unreadable.json" 2>/dev/null
  node -e 'const d=JSON.parse(require("fs").readFileSync(process.argv[1]));
    const u=d.summary.unreadable; process.exit(u && u.length===1 && u[0].path==="missing.md" &&
    u[0].reason==="no such file" ? 0 : 1);' "$dir/unreadable.json" ||
    fail "json: the missing file is not in summary.unreadable"
  expect_valid json "$OUTPUT_SCHEMA" "$dir" "output valid against docs/prfaq-output.schema.json" \
    docs/prfaq-output.schema.json
  node -e 'const fs=require("fs");const d=JSON.parse(fs.readFileSync(process.argv[1]));
    d.files[0].diagnostics[0].surprise = 1; fs.writeFileSync(process.argv[2], JSON.stringify(d));' \
    "$dir/all.json" "$WORK/broken-out.json"
  expect_rejected json "$OUTPUT_SCHEMA" "$WORK/broken-out.json" "an unknown key"
}

###############################################################################
# (c2) prfaq outline --format json, with and without --explain, against
#      docs/prfaq-outline.schema.json
###############################################################################
check_outline_json() {
  local dir="$WORK/outline" f n=0
  mkdir -p "$dir"
  for f in "$SRC"/fixtures/docs/*.md "$SRC"/examples/*.md "$WORK/nasty.md"; do
    n=$((n + 1))
    "$BIN" outline --no-config --format json "$f" >"$dir/$n.json" ||
      fail "outline: --format json failed on $f"
    "$BIN" outline --no-config --format json --explain "$f" >"$dir/$n-explain.json" ||
      fail "outline: --format json --explain failed on $f"
  done
  expect_valid outline "$OUTLINE_SCHEMA" "$dir" \
    "$((n * 2)) outlines valid against docs/prfaq-outline.schema.json" docs/prfaq-outline.schema.json
  node -e 'const fs=require("fs");const d=JSON.parse(fs.readFileSync(process.argv[1]));
    d.roles[0].surprise = 1; fs.writeFileSync(process.argv[2], JSON.stringify(d));' \
    <("$BIN" outline --no-config --format json --explain "$SRC/examples/good-teamsync.md") \
    "$WORK/broken-outline.json"
  expect_rejected outline "$OUTLINE_SCHEMA" "$WORK/broken-outline.json" "an unknown key"
}

###############################################################################
# (d) pre-commit
###############################################################################
check_pre_commit() {
  if ! command -v pre-commit >/dev/null; then
    fail "pre-commit: not installed (Debian package pre-commit; scripts/setup.sh installs it)"
    return
  fi
  # shellcheck disable=SC2030,SC2031 # PATH and PRE_COMMIT_HOME change in this subshell only
  (
    set -e
    g() { git -c user.name=prfaq -c user.email=prfaq@example.invalid -c commit.gpgsign=false \
      -c init.defaultBranch=main "$@"; }
    # The hook repository: this checkout's .pre-commit-hooks.yaml, committed (pre-commit clones
    # a repository at a revision; the working tree's file may not be committed yet).
    hooks="$WORK/hook-repo"
    mkdir -p "$hooks"
    cp "$SRC/.pre-commit-hooks.yaml" "$hooks/"
    cd "$hooks" && g init -q && g add .pre-commit-hooks.yaml && g commit -qm hooks
    rev=$(git rev-parse HEAD)
    # `language: system` runs the prfaq on PATH: this build's.
    mkdir -p "$WORK/bin"
    ln -sf "$BIN" "$WORK/bin/prfaq"
    export PATH="$WORK/bin:$PATH"
    export PRE_COMMIT_HOME="$WORK/pre-commit-home"
    proj="$WORK/project"
    mkdir -p "$proj/docs"
    cd "$proj" && g init -q
    printf 'repos:\n  - repo: %s\n    rev: %s\n    hooks:\n      - id: prfaq\n' "$hooks" "$rev" \
      >.pre-commit-config.yaml
    printf 'extends = ["default"]\nexclude = ["README.md"]\n' >.prfaq.toml
    g add .pre-commit-config.yaml .prfaq.toml && g commit -qm config
    pre-commit install >/dev/null
    # A README the configuration excludes never blocks a commit, though pre-commit names it.
    printf '# Project\n\nTODO: describe the project.\n' >README.md
    g add README.md
    if ! g commit -qm readme >"$WORK/pre-commit-readme.log" 2>&1; then
      cat "$WORK/pre-commit-readme.log" >&2
      echo "pre-commit blocked a README the configuration excludes" >&2
      exit 1
    fi
    # Two flawed files in one commit: pre-commit would split them across processes (one per
    # core) unless the hook is serial; prfaq parallelises itself and prints one summary.
    cp "$SRC/examples/flawed-launchpad.md" docs/launchpad.md
    cp "$SRC/examples/flawed-launchpad.md" docs/launchpad-2.md
    g add docs/launchpad.md docs/launchpad-2.md
    if g commit -qm flawed >"$WORK/pre-commit-flawed.log" 2>&1; then
      cat "$WORK/pre-commit-flawed.log" >&2
      echo "pre-commit let the flawed PR/FAQ through" >&2
      exit 1
    fi
    if ! grep -q 'PF301' "$WORK/pre-commit-flawed.log"; then
      cat "$WORK/pre-commit-flawed.log" >&2
      echo "pre-commit failed, but not with prfaq's findings" >&2
      exit 1
    fi
    summaries=$(grep -cE ' in [0-9]+ of [0-9]+ files?' "$WORK/pre-commit-flawed.log" || true)
    if [ "$summaries" != 1 ]; then
      cat "$WORK/pre-commit-flawed.log" >&2
      echo "pre-commit printed $summaries summaries, not one" >&2
      exit 1
    fi
    g rm -q --cached docs/launchpad.md docs/launchpad-2.md && rm docs/launchpad*.md
    cp "$SRC/examples/good-teamsync.md" docs/teamsync.md
    g add docs/teamsync.md
    if ! g commit -qm clean >"$WORK/pre-commit-clean.log" 2>&1; then
      cat "$WORK/pre-commit-clean.log" >&2
      echo "pre-commit blocked the clean PR/FAQ" >&2
      exit 1
    fi
    grep -q 'prfaq' "$WORK/pre-commit-clean.log" || {
      echo "the prfaq hook did not run on the clean commit" >&2
      exit 1
    }
  )
  if [ $? -eq 0 ]; then
    pass "pre-commit: the prfaq hook blocks a flawed PR/FAQ with one summary, passes a clean one and an excluded README"
  else
    fail "pre-commit: see above"
  fi
}

###############################################################################
# (e) baselines
###############################################################################
check_baseline() {
  local dir="$WORK/baseline" rc
  mkdir -p "$dir/docs"
  cp "$SRC/examples/flawed-launchpad.md" "$dir/docs/launch.md"
  cd "$dir" || return
  "$BIN" lint --no-config --write-baseline prfaq-baseline.json docs/
  rc=$?
  if [ "$rc" -ne 0 ] || [ ! -s prfaq-baseline.json ]; then
    fail "baseline: --write-baseline exited $rc or wrote nothing"
    return
  fi
  local total
  total=$(node -e 'const d=JSON.parse(require("fs").readFileSync(process.argv[1]));
    if (d.version !== 1 || !d.entries.length) process.exit(1);
    console.log(d.entries.reduce((n, e) => n + e.count, 0))' prfaq-baseline.json) || {
    fail "baseline: the file is not a version 1 baseline with entries"
    return
  }
  {
    for i in $(seq 1 10); do echo "<!-- reviewer note $i -->"; done
    cat docs/launch.md
  } >docs/shifted.md && mv docs/shifted.md docs/launch.md
  "$BIN" lint --no-config --baseline prfaq-baseline.json --format json docs/ >shifted.json
  rc=$?
  if [ "$rc" -eq 0 ] && node -e '
      const d = JSON.parse(require("fs").readFileSync(process.argv[1]));
      const n = d.files.reduce((n, f) => n + f.diagnostics.length, 0);
      if (n !== 0 || d.summary.baseline_hidden !== Number(process.argv[2]) ||
          d.summary.baseline_stale !== 0) {
        console.error(JSON.stringify(d.summary), n, "findings left"); process.exit(1); }
    ' shifted.json "$total"; then
    pass "baseline: $total findings hidden after ten lines were inserted above them (exit 0)"
  else
    fail "baseline: after inserting ten lines, expected no findings and exit 0 (got $rc)"
  fi
  sed -i 's/^Organizations of all sizes in every industry\./& Pricing details are TODO./' \
    docs/launch.md
  "$BIN" lint --no-config --baseline prfaq-baseline.json --format concise docs/ >new.txt
  rc=$?
  if [ "$rc" -eq 1 ] && [ "$(wc -l <new.txt)" -eq 1 ] && grep -q "Placeholder 'TODO'" new.txt; then
    pass "baseline: only the new flaw is reported (exit 1)"
  else
    cat new.txt >&2
    fail "baseline: expected exactly the new TODO placeholder and exit 1 (got $rc)"
  fi
  "$BIN" lint --no-config --baseline missing.json docs/ >/dev/null 2>err.txt
  rc=$?
  printf '{"version": 1, "entries": [{"code": 5}]}' >corrupt.json
  "$BIN" lint --no-config --baseline corrupt.json docs/ >/dev/null 2>>err.txt
  local rc2=$?
  if [ "$rc" -eq 2 ] && [ "$rc2" -eq 2 ] && grep -q "no such file" err.txt &&
    grep -q "malformed" err.txt; then
    pass "baseline: a missing or corrupt baseline is a clear error (exit 2)"
  else
    cat err.txt >&2
    fail "baseline: missing ($rc) or corrupt ($rc2) baseline should exit 2 with a message"
  fi
  cd "$WORK" || return
}

###############################################################################
# (f) the Debian package
###############################################################################
check_deb() {
  if [ "$(id -u)" -ne 0 ]; then
    skip "deb: not root, so the .deb is not installed (run as root to check it)"
    return
  fi
  if dpkg -s prfaq >/dev/null 2>&1; then
    skip "deb: a prfaq package is already installed on this machine; leaving it alone"
    return
  fi
  for tool in cpack apt-get dpkg-shlibdeps lintian; do
    command -v "$tool" >/dev/null || {
      fail "deb: $tool is missing (dpkg-dev provides dpkg-shlibdeps; scripts/setup.sh installs lintian)"
      return
    }
  done
  local dir="$WORK/deb"
  mkdir -p "$dir"
  if ! (cd "$dir" && cpack -G DEB --config "$BUILD/CPackConfig.cmake" -B "$dir") \
    >"$WORK/cpack.log" 2>&1; then
    cat "$WORK/cpack.log" >&2
    fail "deb: cpack -G DEB failed"
    return
  fi
  local deb
  deb=$(find "$dir" -maxdepth 1 -name 'prfaq_*.deb' | head -1)
  if [ -z "$deb" ]; then
    fail "deb: cpack made no prfaq_*.deb"
    return
  fi
  # Debian's own checks: copyright file, changelog, description, permissions, stripping.
  if ! lintian --tag-display-limit 0 --fail-on error,warning "$deb" >"$WORK/lintian.log" 2>&1; then
    cat "$WORK/lintian.log" >&2
    fail "deb: lintian reports errors or warnings"
    return
  fi
  local depends
  depends=$(dpkg-deb -f "$deb" Depends)
  # Every lint needs the English dictionary: a Depends, so --no-install-recommends keeps it.
  if ! echo "$depends" | grep -qE '(^|, )hunspell-en-us(,|$| )'; then
    fail "deb: hunspell-en-us is not in Depends ($depends)"
    return
  fi
  DEB_INSTALLED=1
  if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    -o DPkg::Lock::Timeout=120 "$deb" >"$WORK/apt.log" 2>&1; then
    cat "$WORK/apt.log" >&2
    fail "deb: apt-get install $deb failed"
    return
  fi
  local version
  version=$(env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    sh -c 'command -v prfaq && prfaq --version' 2>&1)
  if echo "$version" | grep -q '^/usr/bin/prfaq$' &&
    echo "$version" | grep -q "^$("$BIN" --version)\$" &&
    [ -f /usr/share/man/man1/prfaq.1.gz ] && echo "$depends" | grep -q 'libcmark-gfm'; then
    pass "deb: $(basename "$deb") is lintian clean and installs (Depends: $depends); $(echo "$version" | tail -1) runs from PATH"
  else
    echo "$version" >&2
    fail "deb: prfaq --version from PATH, the man page or the Depends line is wrong"
  fi
  if DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq --purge prfaq >/dev/null 2>&1; then
    DEB_INSTALLED=0
    if command -v prfaq >/dev/null && [ "$(command -v prfaq)" = /usr/bin/prfaq ]; then
      fail "deb: /usr/bin/prfaq is still there after apt-get remove"
    fi
  else
    fail "deb: apt-get remove prfaq failed"
  fi
}

# Shared inputs: a hostile document, an empty directory, a broken configuration, and the JSON
# report of the fixtures (what the other formats are compared with).
cd "$WORK" || exit 2
make_nasty "$WORK/nasty.md"
mkdir -p "$WORK/empty" "$WORK/badcfg"
printf '[rules.PF999]\nseverity = "loud"\n' >"$WORK/badcfg/.prfaq.toml"
printf '# Hello\n' >"$WORK/badcfg/doc.md"
(cd "$SRC" && lint_ok lint --no-config --format json fixtures/docs examples) >"$WORK/all-out.json" ||
  fail "prfaq lint --format json on the fixtures"

if setup_tools; then
  check_sarif
  check_json
  check_outline_json
else
  fail "sarif/json validation skipped: the npm tools could not be set up"
fi
check_xml
check_pre_commit
check_baseline
check_deb

echo "formats: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
