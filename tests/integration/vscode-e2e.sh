#!/usr/bin/env bash
# shellcheck disable=SC2317  # cleanup and the check functions are called indirectly
# End-to-end test of the VS Code extension in a real VS Code build, by hand (not in CI: it
# installs code-server, builds its native modules and drives headless Chromium; about 5-10
# minutes the first time, 1-2 minutes after). As root on Debian 12, from the repository:
#   bash tests/integration/vscode-e2e.sh [PRFAQ_BINARY] [SCREENSHOT.png]
# (defaults: build/prfaq, /tmp/prfaq-vscode-e2e/vscode.png). It
#   - installs what is missing: Debian's chromium, ripgrep and the build dependencies of
#     code-server's native modules; code-server 4.100.x and playwright-core from npm, cached in
#     $PRFAQ_E2E_CACHE (default ~/.cache/prfaq-vscode-e2e). @vscode/ripgrep's download cache is
#     seeded with Debian's rg, so its install downloads nothing;
#   - packages the extension (scripts/package-vscode.sh) and installs the .vsix into code-server
#     (--install-extension), with fresh user-data and extensions directories;
#   - opens a copy of examples/flawed-launchpad.md in a workspace and checks, through the UI:
#     squiggles, the status-bar counts against `prfaq lint`, the Problems panel, the hover's rule
#     explanation, a quick fix offered and applied, the commands in the palette and Fix All, and
#     the error with the install hint when prfaq.path points nowhere;
#   - writes the screenshot (hover and Problems panel) to SCREENSHOT.png, outside the repository.
# code-server listens on 127.0.0.1 only, without authentication, and is stopped at the end.
# Prints "N passed, N failed"; exits 1 on failure.
set -uo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BIN=$(realpath "${1:-$ROOT/build/prfaq}")
SHOT=${2:-/tmp/prfaq-vscode-e2e/vscode.png}
CACHE=${PRFAQ_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/prfaq-vscode-e2e}
CODE_SERVER_VERSION=4.100.3   # VS Code 1.100.3; later code-server releases need Node 22
PLAYWRIGHT_VERSION=1.64.1
DEBS=(chromium ripgrep libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev python3 make g++
  pkg-config unzip)

if [ ! -x "$BIN" ]; then
  echo "$0: no prfaq binary at $BIN (bash scripts/setup.sh builds build/prfaq)" >&2
  exit 2
fi
mkdir -p "$(dirname "$SHOT")" "$CACHE"
SHOT=$(realpath "$SHOT")
case "$SHOT" in
  "$ROOT"/*) echo "$0: write the screenshot outside the repository (got $SHOT)" >&2; exit 2 ;;
esac
rm -f "$SHOT" "${SHOT%.png}-not-found.png" "${SHOT%.png}-failure.png"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/prfaq-vscode-e2e.XXXXXX")
CS_PID=""
cleanup() {
  if [ -n "$CS_PID" ] && kill -0 "$CS_PID" 2>/dev/null; then
    kill -- -"$CS_PID" 2>/dev/null || kill "$CS_PID" 2>/dev/null
    for _ in 1 2 3 4 5 6 7 8 9 10; do kill -0 "$CS_PID" 2>/dev/null || break; sleep 0.5; done
    kill -9 -- -"$CS_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

passed=0
failed=0
check() {  # check NAME COMMAND...
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

# --- Debian packages -----------------------------------------------------------------------
missing=()
for p in "${DEBS[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "== apt-get install ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  if ! { $SUDO apt-get update -qq &&
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
      "${missing[@]}"; } >"$WORK/apt.log" 2>&1; then
    cat "$WORK/apt.log"
    exit 2
  fi
fi

# --- code-server, with @vscode/ripgrep's download cache seeded from Debian's rg -------------
CS_DIR="$CACHE/code-server-$CODE_SERVER_VERSION"
CODE_SERVER="$CS_DIR/node_modules/.bin/code-server"
# code-server (config.yaml, a device id) and Chromium (crash reports) write under the XDG
# directories: keep them in $WORK.
export XDG_CONFIG_HOME="$WORK/xdg-config" XDG_DATA_HOME="$WORK/xdg-data" XDG_CACHE_HOME="$WORK/xdg-cache"
install_code_server() {
  rm -rf "$CS_DIR" "$CACHE/download" "$CACHE/tmp"
  mkdir -p "$CS_DIR" "$CACHE/download" "$CACHE/tmp"
  (cd "$CACHE/download" && npm pack --silent "code-server@$CODE_SERVER_VERSION" >/dev/null) || return 1
  local tgz="$CACHE/download/code-server-$CODE_SERVER_VERSION.tgz"
  # The @vscode/ripgrep that VS Code pins, and the ripgrep release its postinstall fetches.
  local rg_version rg_tag target
  rg_version=$(tar -xzOf "$tgz" package/lib/vscode/npm-shrinkwrap.json |
    node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).packages["node_modules/@vscode/ripgrep"].version))') ||
    return 1
  (cd "$CACHE/download" && npm pack --silent "@vscode/ripgrep@$rg_version" >/dev/null) || return 1
  rg_tag=$(tar -xzOf "$CACHE/download/vscode-ripgrep-$rg_version.tgz" package/lib/postinstall.js |
    sed -n "s/^const VERSION = '\(.*\)';/\1/p")
  case "$(uname -m)" in
    x86_64) target=x86_64-unknown-linux-musl ;;
    aarch64) target=aarch64-unknown-linux-musl ;;
    *) echo "unsupported machine $(uname -m)"; return 1 ;;
  esac
  [ -n "$rg_tag" ] || { echo "no ripgrep release named in @vscode/ripgrep@$rg_version"; return 1; }
  local seed="$CACHE/tmp/vscode-ripgrep-cache-$rg_version"
  mkdir -p "$seed" "$CACHE/download/rg"
  cp /usr/bin/rg "$CACHE/download/rg/rg"
  tar -czf "$seed/ripgrep-$rg_tag-$target.tar.gz" -C "$CACHE/download/rg" rg
  echo "{\"private\": true}" >"$CS_DIR/package.json"
  # TMPDIR: where @vscode/ripgrep looks for its cache. npm_config_unsafe_perm: code-server's
  # postinstall wants it as root. npm_config_yes: node-pty's postinstall runs `npx node-gyp`.
  # npm_config_nodedir: Node's headers from the nodejs package (node-gyp downloads nothing).
  (cd "$CS_DIR" && TMPDIR="$CACHE/tmp" npm_config_unsafe_perm=true npm_config_yes=true \
    npm_config_nodedir=/usr npm install --no-audit --no-fund --loglevel=error "$tgz") || return 1
  [ -x "$CS_DIR/node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg" ] || {
    echo "code-server's ripgrep is missing"
    return 1
  }
}
if ! "$CODE_SERVER" --version 2>/dev/null | grep -q "^$CODE_SERVER_VERSION "; then
  echo "== installing code-server $CODE_SERVER_VERSION into $CS_DIR (several minutes)"
  install_code_server >"$WORK/code-server-install.log" 2>&1 || {
    tail -n 60 "$WORK/code-server-install.log"
    echo "FAIL: code-server $CODE_SERVER_VERSION installs"
    failed=$((failed + 1))
    finish
  }
fi
check "code-server $CODE_SERVER_VERSION runs" bash -c "'$CODE_SERVER' --version | grep -q '^$CODE_SERVER_VERSION '"

TOOLS="$CACHE/tools"
if [ ! -f "$TOOLS/node_modules/playwright-core/package.json" ] ||
  [ "$(node -p "require('$TOOLS/node_modules/playwright-core/package.json').version")" != "$PLAYWRIGHT_VERSION" ]; then
  echo "== npm install playwright-core@$PLAYWRIGHT_VERSION"
  mkdir -p "$TOOLS"
  echo "{\"private\": true}" >"$TOOLS/package.json"
  (cd "$TOOLS" && npm install --no-audit --no-fund --loglevel=error "playwright-core@$PLAYWRIGHT_VERSION") ||
    exit 2
fi

# --- the extension -------------------------------------------------------------------------
echo "== packaging the extension"
package() {
  bash "$ROOT/scripts/package-vscode.sh" "$WORK/vsix" >"$WORK/package.log" 2>&1 ||
    { tail -n 40 "$WORK/package.log"; return 1; }
}
check "scripts/package-vscode.sh makes the .vsix" package
VSIX=$(find "$WORK/vsix" -maxdepth 1 -name "prfaq-*.vsix" 2>/dev/null | head -n 1)
[ -n "$VSIX" ] || finish

UD="$WORK/user-data"
EXT="$WORK/extensions"
WS="$WORK/workspace"
mkdir -p "$UD/User" "$EXT" "$WS"
cp "$ROOT/examples/flawed-launchpad.md" "$WS/"
node -e '
const [file, bin] = process.argv.slice(1);
require("fs").writeFileSync(file, JSON.stringify({
  "prfaq.path": bin,
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "workbench.enableExperiments": false,
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
  "extensions.autoUpdate": false,
  "extensions.autoCheckUpdates": false,
  "extensions.ignoreRecommendations": true,
  "security.workspace.trust.enabled": false,
  "chat.disableAIFeatures": true,
  "git.enabled": false,
}, null, 2));' "$UD/User/settings.json" "$BIN"

installed() {
  "$CODE_SERVER" --user-data-dir "$UD" --extensions-dir "$EXT" --install-extension "$VSIX" \
    >"$WORK/install-extension.log" 2>&1 || { cat "$WORK/install-extension.log"; return 1; }
  "$CODE_SERVER" --user-data-dir "$UD" --extensions-dir "$EXT" --list-extensions --show-versions |
    grep -qx "prfaq.prfaq@$(unzip -p "$VSIX" extension/package.json | node -p 'JSON.parse(require("fs").readFileSync(0)).version')"
}
check "code-server --install-extension installs the .vsix (prfaq.prfaq listed)" installed

# What the CLI finds in the same file: the status bar must show the same counts.
EXPECT=$(cd "$WS" && "$BIN" lint --format json flawed-launchpad.md |
  node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const m=JSON.parse(s).summary;console.log(JSON.stringify({errors:m.errors,warnings:m.warnings,infos:m.infos}))})')
echo "== prfaq lint counts: $EXPECT"

# --- code-server on a free loopback port ---------------------------------------------------
PORT=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
setsid "$CODE_SERVER" --auth none --bind-addr "127.0.0.1:$PORT" --disable-telemetry \
  --disable-update-check --disable-workspace-trust --disable-getting-started-override \
  --ignore-last-opened --user-data-dir "$UD" --extensions-dir "$EXT" "$WS" \
  >"$WORK/code-server.log" 2>&1 &
CS_PID=$!
ready() {
  node -e '
const url = process.argv[1], end = Date.now() + 60000;
(async () => {
  for (;;) {
    try { if ((await fetch(url)).ok) process.exit(0); } catch {}
    if (Date.now() > end) process.exit(1);
    await new Promise((r) => setTimeout(r, 500));
  }
})();' "http://127.0.0.1:$PORT/healthz"
}
check "code-server answers on 127.0.0.1:$PORT" ready || { cat "$WORK/code-server.log"; finish; }

echo "== driving VS Code with headless Chromium"
E2E_URL="http://127.0.0.1:$PORT/?folder=$WS" E2E_EXPECT="$EXPECT" E2E_SHOT="$SHOT" \
  E2E_WS="$WS" E2E_CHROME="$WORK/chromium-profile" \
  NODE_PATH="$TOOLS/node_modules" node "$ROOT/tests/integration/vscode-e2e.js" >"$WORK/driver.log" 2>&1
cat "$WORK/driver.log"
passed=$((passed + $(grep -c '^PASS: ' "$WORK/driver.log")))
failed=$((failed + $(grep -c '^FAIL: ' "$WORK/driver.log")))
if ! grep -q '^PASS: ' "$WORK/driver.log"; then
  failed=$((failed + 1))
  echo "FAIL: the browser session reported its checks"
fi
if grep -q '^FAIL: ' "$WORK/driver.log"; then
  echo "-- code-server log (tail):"
  tail -n 30 "$WORK/code-server.log"
  for log in "$UD"/logs/*/exthost*/output_logging_*/*prfaq*.log; do
    [ -f "$log" ] && { echo "-- $log:"; tail -n 30 "$log"; }
  done
fi
echo "screenshot: $SHOT"
finish
