#!/usr/bin/env bash
# Benchmark: every performance target as a ratio against its reference, measured in one run
# (scripts/bench.py: the floor program and corpora of ../shared/bench, hyperfine), then the
# pathological inputs and the complexity checks.
# Usage: scripts/bench.sh [--quick]
# Installs what it needs when missing (Debian: hyperfine cmark-gfm libutf8proc-dev time) and
# builds prfaq when build/prfaq is not there; needs ../shared/bench.
set -euo pipefail
cd "$(dirname "$0")/.."
# What the bench needs beyond the build: installed when missing, as scripts/setup.sh does.
extra=()
for p in hyperfine cmark-gfm libutf8proc-dev time python3; do
  dpkg -s "$p" >/dev/null 2>&1 || extra+=("$p")
done
if [ "${#extra[@]}" -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${extra[@]}"
fi
[ -x build/prfaq ] || bash scripts/setup.sh
bin=$(pwd)/build/prfaq
python3 scripts/bench.py "$@"
corpus=$(mktemp -d)
trap 'rm -rf "$corpus"' EXIT
table() {
  hyperfine -N "$@" --export-markdown "$corpus/table.md" >&2
  cat "$corpus/table.md"
}

# Pathological inputs (SPEC §9): a 5 MB single line of repeated words (a million PF507
# findings), and 50,000 headings each with a question. Both must scale linearly.
python3 - "$corpus" <<'PY'
import sys
d = sys.argv[1]
open(d + "/longline.md", "w").write("word " * 1000000 + "\n")
open(d + "/headings.md", "w").write("".join("# H%d\n\nQ: why?\n\n" % i for i in range(50000)))
PY
table -w 1 -r 3 \
  -n "5 MB line, all rules" "$bin lint --no-config --fail-on never --quiet --format concise -o $corpus/out.txt $corpus/longline.md" \
  -n "5 MB line, cmark-gfm" "cmark-gfm --sourcepos $corpus/longline.md" \
  -n "50,000 headings, all rules" "$bin lint --no-config --fail-on never --quiet --format concise -o $corpus/out.txt $corpus/headings.md" \
  -n "50,000 headings, cmark-gfm" "cmark-gfm --sourcepos $corpus/headings.md"
rm -f "$corpus/longline.md" "$corpus/headings.md"

# Complexity (issue 11): each worst-case input at N and 2N; time(2N) <= 2.2 x time(N).
bash scripts/bench-complexity.sh
