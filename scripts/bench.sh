#!/usr/bin/env bash
# Benchmark: prfaq lint against the cmark-gfm parse floor on the same files.
# Usage: scripts/bench.sh [COPIES]   (default 56 copies of the 36 fixtures: 2016 documents)
# Needs hyperfine and the cmark-gfm command (Debian packages hyperfine, cmark-gfm).
set -euo pipefail
cd "$(dirname "$0")/.."
copies=${1:-56}
bin=$(pwd)/build/prfaq
corpus=$(mktemp -d)
trap 'rm -rf "$corpus"' EXIT
for i in $(seq 1 "$copies"); do
  mkdir -p "$corpus/d$i"
  cp fixtures/docs/*.md "$corpus/d$i/"
  cp examples/good-teamsync.md examples/flawed-launchpad.md "$corpus/d$i/"
done
n=$(find "$corpus" -name '*.md' | wc -l)
bytes=$(cat "$corpus"/*/*.md | wc -c)
echo "corpus: $n files, $bytes bytes"
hyperfine -N -w 2 -r 10 --export-markdown /dev/stdout \
  -n "cmark-gfm parse (floor)" "sh -c 'cat $corpus/*/*.md | cmark-gfm -e table -e autolink -e strikethrough -e tasklist --sourcepos >/dev/null'" \
  -n "prfaq lint (no spelling)" "$bin lint --no-config --ignore PF601,PF602 --fail-on never --quiet --format concise $corpus" \
  -n "prfaq lint (all rules)" "$bin lint --no-config --fail-on never --quiet --format concise $corpus" \
  -n "prfaq lint --jobs 1 (all rules)" "$bin lint --no-config --jobs 1 --fail-on never --quiet --format concise $corpus"
