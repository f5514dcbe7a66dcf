#!/usr/bin/env bash
# Times the spelling rules (PF601-PF603) as ratios measured in one run (hyperfine, whole
# processes, a warm dictionary cache of its own unless said otherwise):
#   1. one 5 KB PR/FAQ, spelling on against off (target: on within 5 ms of off);
#   2. the real PR/FAQs of ../shared/corpus/docs, on against off (target <= 2x), when present;
#   3. 200 distinct typos in one file: the cost of one suggestion search;
#   4. the first run of a machine (the compiled dictionaries built) against a warm one.
# Usage: scripts/bench-spelling.sh [build/prfaq]
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=$(realpath "${1:-build/prfaq}")
command -v hyperfine >/dev/null || { echo "hyperfine is needed (apt-get install hyperfine)" >&2; exit 2; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export PRFAQ_CACHE_DIR="$WORK/cache"
LINT="$BIN lint --no-config --format json --fail-on never"
OFF="--ignore PF601,PF602,PF603"

# A 5 KB English PR/FAQ: the two examples, one after the other.
cat examples/good-teamsync.md examples/flawed-launchpad.md > "$WORK/five.md"
# 200 distinct typos: dictionary words of 7+ letters with two middle letters swapped.
python3 - "$WORK/typos.md" <<'EOF'
import re, sys
words = [l.split("/")[0] for l in open("/usr/share/hunspell/en_US.dic", encoding="utf-8")]
words = [w for w in words if re.fullmatch(r"[a-z]{7,12}", w)][::97][:200]
typos = [w[: len(w) // 2 - 1] + w[len(w) // 2] + w[len(w) // 2 - 1] + w[len(w) // 2 + 1 :] for w in words]
open(sys.argv[1], "w").write("# Typos\n\nWe write " + " ".join(typos) + ".\n")
EOF
$LINT "$WORK/five.md" "$WORK/typos.md" >/dev/null  # builds the cache

run() {  # run NAME RUNS CMD_ON CMD_OFF -> mean seconds of each
  hyperfine -N -w 2 -r "$2" --export-json "$WORK/$1.json" "$3" "$4" >/dev/null 2>&1
  python3 - "$WORK/$1.json" <<'EOF'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
print(r[0]["mean"], r[1]["mean"])
EOF
}
ratio() { python3 -c "import sys; a, b = map(float, sys.argv[1:]); print(f'{a * 1e3:8.1f} ms {b * 1e3:8.1f} ms {a / b:6.2f}x {(a - b) * 1e3:+8.1f} ms')" "$@"; }

printf '%-44s %11s %11s %7s %11s\n' "what" "spelling on" "off" "ratio" "difference"
read -r on off < <(run five 30 "$LINT $WORK/five.md" "$LINT $OFF $WORK/five.md")
printf '%-44s %s\n' "one 5 KB file (target: +5 ms at most)" "$(ratio "$on" "$off")"
if [ -d ../shared/corpus/docs ]; then
  DOCS=$(realpath ../shared/corpus/docs)
  read -r on off < <(run corpus 10 "$LINT $DOCS" "$LINT $OFF $DOCS")
  printf '%-44s %s\n' "real PR/FAQs, $(ls "$DOCS" | wc -l) files (target: 2x)" "$(ratio "$on" "$off")"
  # Without the two Portuguese documents: pt_BR's Hunspell load alone is about 265 ms.
  mkdir -p "$WORK/nopt"
  for f in "$DOCS"/*.md; do case "$f" in *-pt.md) ;; *) cp "$f" "$WORK/nopt/";; esac; done
  read -r on off < <(run nopt 10 "$LINT $WORK/nopt" "$LINT $OFF $WORK/nopt")
  printf '%-44s %s\n' "  the same without the Portuguese ones" "$(ratio "$on" "$off")"
fi
read -r on off < <(run typos 10 "$LINT $WORK/typos.md" "$LINT $OFF $WORK/typos.md")
per=$(python3 -c "import sys; print(f'{(float(sys.argv[1]) - float(sys.argv[2])) / 200 * 1e6:.0f}')" "$on" "$off")
printf '%-44s %s  (%s us a typo)\n' "200 distinct typos with suggestions" "$(ratio "$on" "$off")" "$per"
read -r cold warm < <(run cold 3 "bash -c 'rm -rf $WORK/cold; PRFAQ_CACHE_DIR=$WORK/cold $LINT $WORK/five.md'" \
  "$LINT $WORK/five.md")
printf '%-44s %s\n' "first run (dictionaries compiled) vs warm" "$(ratio "$cold" "$warm")"
