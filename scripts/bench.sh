#!/usr/bin/env bash
# Benchmark: every performance target as a ratio against its reference, measured in one run
# (scripts/bench.py: the floor program and corpora of ../shared/bench, hyperfine), then the
# pathological inputs and the complexity checks.
# Usage: scripts/bench.sh [--quick]
# Needs hyperfine, python3, g++, make, the cmark-gfm command and the floor's libraries
# (Debian: hyperfine cmark-gfm libutf8proc-dev), and ../shared/bench.
set -euo pipefail
cd "$(dirname "$0")/.."
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
