#!/usr/bin/env bash
# Complexity benchmark (issue 11): every rule must be linear (or n log n) in the document's
# size. For each worst-case input, lints it at size N and 2N (best of 3 runs each) and checks
# time(2N) <= 2.2 x time(N). Exit 1 when one grows faster. Called by scripts/bench.sh.
#
#   scripts/bench-complexity.sh [SCALE]   SCALE multiplies every N (default 1)
set -euo pipefail
cd "$(dirname "$0")/.."
scale=${1:-1}
bin=$(pwd)/build/prfaq
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# name | python expression of n that builds the document
cases=(
  "one paragraph of 'ok TBD '|'ok TBD ' * n|40000"
  "undefined acronyms|'The KPI and the SLA of the API. ' * n|10000"
  "hype and weasel words|'very very clearly revolutionary ' * n|10000"
  "passive voice|'it was decided and was done by them ' * n|8000"
  "one 5-letter word repeated|'word ' * n|100000"
  "FAQ questions|'# Acme\\n\\n## FAQ\\n\\n' + ''.join('### Why %d?\\n\\nBecause.\\n\\n' % i for i in range(n))|20000"
  "headings|''.join('## Heading %d\\n\\nText.\\n\\n' % i for i in range(n))|20000"
  "quotes|'# Acme\\n\\n' + ''.join('\"It is great,\" said Jane Doe %d, CEO at Acme.\\n\\n' % i for i in range(n))|5000"
  "list items|''.join('- item TBD %d\\n' % i for i in range(n))|20000"
  "one word without a blank|'# Acme\\n\\n' + 'a' * n + '\\n'|500000"
)

seconds() {  # best of 3 runs of linting $1
  local best=""
  for _ in 1 2 3; do
    local t0 t1
    t0=$(date +%s%N)
    "$bin" lint --no-config --fail-on never --quiet --format concise "$1" >/dev/null
    t1=$(date +%s%N)
    local t=$(((t1 - t0) / 1000000))
    if [ -z "$best" ] || [ "$t" -lt "$best" ]; then best=$t; fi
  done
  echo "$best"
}

status=0
printf '%-30s %10s %10s %8s %7s  %s\n' "input" "N" "bytes(N)" "ms(N)" "ms(2N)" "ratio"
for c in "${cases[@]}"; do
  IFS='|' read -r name expr n <<<"$c"
  n=$((n * scale))
  for k in 1 2; do
    python3 -c "import sys; n = $((n * k)); open(sys.argv[1], 'w').write($expr)" "$work/doc$k.md"
  done
  t1=$(seconds "$work/doc1.md")
  t2=$(seconds "$work/doc2.md")
  ratio=$(awk -v a="$t1" -v b="$t2" 'BEGIN { printf "%.2f", (a < 1 ? b : b / a) }')
  verdict=ok
  if awk -v r="$ratio" -v a="$t1" 'BEGIN { exit !(a >= 20 && r > 2.2) }'; then
    verdict="SLOWER THAN LINEAR"
    status=1
  fi
  printf '%-30s %10d %10d %8d %7d  %s %s\n' "$name" "$n" "$(wc -c <"$work/doc1.md")" "$t1" "$t2" \
    "$ratio" "$verdict"
done
exit "$status"
