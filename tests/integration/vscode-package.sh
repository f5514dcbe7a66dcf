#!/usr/bin/env bash
# shellcheck disable=SC2317  # the check functions are called through check()
# The VS Code extension's packaging (run by ctest as the `vscode_package` test): builds the .vsix
# with scripts/package-vscode.sh (npm ci, tsc, the extension's unit tests, esbuild, vsce) and
# checks what is in it:
#   (a) the script succeeds and makes BUILD_DIR/vscode/prfaq-VERSION.vsix;
#   (b) `unzip -l` lists extension/package.json, extension/out/extension.js, the readme, the
#       changelog and the license, and nothing else (no sources, no node_modules);
#   (c) the packaged package.json: version VERSION (prfaq's), main out/extension.js, activation
#       on Markdown, the settings prfaq.path, prfaq.args, prfaq.trace.server;
#   (d) every contributed command is registered by the bundle, and the bundle loads under Node
#       (with a stand-in for the `vscode` module) and exports activate and deactivate.
# Usage: vscode-package.sh SOURCE_DIR BUILD_DIR VERSION
# Prints "N passed, N failed"; exits 1 on failure.
set -uo pipefail

if [ $# -ne 3 ]; then
  echo "usage: $0 SOURCE_DIR BUILD_DIR VERSION" >&2
  exit 2
fi
SRC=$(realpath "$1")
BUILD=$(realpath "$2")
VERSION=$3
OUT="$BUILD/vscode"
VSIX="$OUT/prfaq-$VERSION.vsix"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/prfaq-vscode-test.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

passed=0
failed=0
check() {  # check NAME COMMAND...: runs the command, counts and reports the result
  local name=$1
  shift
  if "$@"; then
    echo "PASS: $name"
    passed=$((passed + 1))
  else
    echo "FAIL: $name"
    failed=$((failed + 1))
  fi
}
finish() {
  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ]
  exit $?
}

rm -f "$VSIX"
package() {
  bash "$SRC/scripts/package-vscode.sh" "$OUT" >"$WORK/package.log" 2>&1 || {
    cat "$WORK/package.log"
    return 1
  }
  tail -n 1 "$WORK/package.log" | grep -qxF "$VSIX" && test -s "$VSIX"
}
check "package-vscode.sh makes $VSIX" package
[ -s "$VSIX" ] || finish

listing() {
  unzip -Z1 "$VSIX" >"$WORK/files" || return 1
  local f ok=0
  for f in extension.vsixmanifest extension/package.json extension/out/extension.js \
    extension/readme.md extension/changelog.md extension/LICENSE.txt; do
    grep -qxF "$f" "$WORK/files" || { echo "missing from the .vsix: $f"; ok=1; }
  done
  # unzip -l as the brief asks: the two files that matter, with their sizes.
  unzip -l "$VSIX" | grep -E ' extension/(package\.json|out/extension\.js)$' | grep -c . |
    grep -qx 2 || { echo "unzip -l does not list both extension/package.json and out/extension.js"; ok=1; }
  local extra
  extra=$(grep -vxE '\[Content_Types\]\.xml|extension\.vsixmanifest|extension/(package\.json|out/extension\.js|readme\.md|changelog\.md|LICENSE\.txt)' "$WORK/files")
  if [ -n "$extra" ]; then
    echo "unexpected files in the .vsix:"
    echo "$extra"
    ok=1
  fi
  return "$ok"
}
check "the .vsix holds package.json, out/extension.js, readme, changelog, license and no more" listing

unzip -q -o "$VSIX" -d "$WORK/x" || finish
manifest() {
  node - "$WORK/x/extension/package.json" "$VERSION" <<'EOF'
const [file, version] = process.argv.slice(2);
const p = require(file);
const problems = [];
const want = (cond, what) => { if (!cond) problems.push(what); };
want(p.name === 'prfaq' && p.publisher === 'prfaq', 'name and publisher are prfaq');
want(p.version === version, `version ${p.version} is prfaq's ${version}`);
want(p.main === './out/extension.js', `main is ./out/extension.js (${p.main})`);
want(/^\^1\.\d+\.\d+$/.test(p.engines?.vscode ?? ''), 'engines.vscode is ^1.x.y');
want((p.activationEvents ?? []).includes('onLanguage:markdown'), 'activates on Markdown');
const props = p.contributes?.configuration?.properties ?? {};
want(props['prfaq.path']?.type === 'string' && props['prfaq.path'].default === 'prfaq', 'prfaq.path');
want(props['prfaq.args']?.type === 'array', 'prfaq.args');
want(JSON.stringify(props['prfaq.trace.server']?.enum) === '["off","messages","verbose"]', 'prfaq.trace.server');
const commands = (p.contributes?.commands ?? []).map((c) => c.command);
for (const c of ['prfaq.fixAll', 'prfaq.addWordToVocabulary', 'prfaq.restartServer', 'prfaq.showOutput'])
  want(commands.includes(c), `command ${c} is contributed`);
want(p.dependencies === undefined || Object.keys(p.dependencies).every((d) => /^\d+\.\d+\.\d+$/.test(p.dependencies[d])), 'dependencies pinned');
want(Object.values(p.devDependencies ?? {}).every((v) => /^\d+\.\d+\.\d+$/.test(v)), 'devDependencies pinned');
if (problems.length) { console.log('package.json: not as expected: ' + problems.join('; ')); process.exit(1); }
EOF
}
check "the packaged package.json: version $VERSION, main, activation, settings, commands" manifest

vsixmanifest() {
  grep -qF "<Identity Language=\"en-US\" Id=\"prfaq\" Version=\"$VERSION\" Publisher=\"prfaq\"" \
    "$WORK/x/extension.vsixmanifest"
}
check "extension.vsixmanifest names prfaq $VERSION by publisher prfaq" vsixmanifest

bundle() {
  node - "$WORK/x/extension" <<'EOF'
const path = require('path');
const Module = require('module');
const dir = process.argv[2];
const p = require(path.join(dir, 'package.json'));
const registered = [];
// A stand-in for the `vscode` module: every property, call and `new` gives the stand-in again,
// except commands.registerCommand, which records the command ids.
const stub = new Proxy(function () {}, {
  get: (_t, key) => (key === 'registerCommand' ? (id) => { registered.push(id); return stub; }
    : key === Symbol.toPrimitive ? () => '' : stub),
  apply: () => stub,
  construct: () => stub,
});
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'vscode' ? 'vscode' : resolve.call(this, request, ...rest);
};
require.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: stub };
const ext = require(path.join(dir, p.main));
if (typeof ext.activate !== 'function' || typeof ext.deactivate !== 'function') {
  console.log('out/extension.js does not export activate and deactivate');
  process.exit(1);
}
// The bundle must not load anything from node_modules at run time (none is shipped).
const outside = Object.keys(require.cache).filter((f) => f !== 'vscode' && !f.startsWith(dir));
if (outside.length) { console.log('loaded from outside the extension: ' + outside.join(', ')); process.exit(1); }
EOF
}
check "out/extension.js loads with only 'vscode' from outside and exports activate/deactivate" bundle

registered() {
  local c ok=0
  for c in $(node -p 'require(process.argv[1]).contributes.commands.map((c) => c.command).join(" ")' \
    "$WORK/x/extension/package.json"); do
    grep -qF "registerCommand(\"$c\"" "$WORK/x/extension/out/extension.js" ||
      { echo "contributed but not registered in out/extension.js: $c"; ok=1; }
  done
  return "$ok"
}
check "every contributed command is registered in out/extension.js" registered

finish
