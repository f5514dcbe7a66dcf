#!/usr/bin/env bash
# Packages the VS Code extension (editors/vscode) into OUTPUT_DIR/prfaq-<version>.vsix.
#   bash scripts/package-vscode.sh OUTPUT_DIR
# Works on a copy of editors/vscode in a temporary directory (the source tree is left as it is):
# `npm ci` from package-lock.json (with --ignore-scripts: no dependency needs an install script,
# and none may download anything), tsc, the unit tests (node --test), the esbuild bundle, then
# `vsce package` (@vscode/vsce, a pinned devDependency). Needs node and npm (scripts/setup.sh
# installs them) and the npm registry. Prints the path of the .vsix on its last line.
set -euo pipefail

if [ $# -ne 1 ]; then
  echo "usage: $0 OUTPUT_DIR" >&2
  exit 2
fi
SRC="$(cd "$(dirname "$0")/.." && pwd)/editors/vscode"
mkdir -p "$1"
OUT=$(cd "$1" && pwd)
for tool in node npm; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "$0: $tool is needed (bash scripts/setup.sh installs it)" >&2
    exit 2
  fi
done

WORK=$(mktemp -d "${TMPDIR:-/tmp}/prfaq-vscode-package.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
tar -C "$SRC" --exclude=./node_modules --exclude=./lib --exclude=./out --exclude='*.vsix' -cf - . |
  tar -C "$WORK" -xf -
cd "$WORK"
VERSION=$(node -p 'require("./package.json").version')
VSIX="$OUT/prfaq-$VERSION.vsix"

echo "== npm ci"
npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
echo "== tsc and unit tests"
npm test --silent
echo "== vsce package"
rm -f "$VSIX"
# --no-dependencies: out/extension.js is bundled, node_modules is not shipped.
# --allow-missing-repository: package.json names no repository URL (the project has none yet).
npx --no-install vsce package --no-dependencies --allow-missing-repository --out "$VSIX" </dev/null
test -s "$VSIX"
echo "$VSIX"
