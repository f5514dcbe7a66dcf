#!/usr/bin/env bash
# Installs the Debian packages prfaq needs (when missing) and builds it into build/.
set -euo pipefail
cd "$(dirname "$0")/.."
PACKAGES=(g++ cmake make pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev libhunspell-dev
  hunspell-en-us hunspell-en-gb hunspell-de-de hunspell-es hunspell-fr hunspell-it hunspell-nl
  hunspell-pt-br hunspell-pt-pt hyperfine libtomlplusplus-dev libcli11-dev doctest-dev libre2-dev nlohmann-json3-dev
  libfmt-dev libxml2-utils
  git pre-commit dpkg-dev lintian neovim)  # tests/integration: pre-commit run, cpack -G DEB (shlibdeps), lintian, the Neovim snippet
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
# formats.sh validates SARIF and JSON with ajv-cli from npm: node and npm, from Debian when the
# machine has none (a node installed another way, with its own npm, is used as it is).
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
if [ "${#missing[@]}" -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
[ "${1:-}" = "--deps-only" ] && exit 0
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)"
