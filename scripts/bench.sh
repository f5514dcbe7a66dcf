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
# hyperfine's table goes to a file and is printed after each run (exporting to /dev/stdout
# breaks when stdout is redirected to a file).
table() {
  hyperfine -N "$@" --export-markdown "$corpus/table.md" >&2
  cat "$corpus/table.md"
}
n=$(find "$corpus" -name '*.md' | wc -l)
bytes=$(cat "$corpus"/*/*.md | wc -c)
echo "corpus: $n files, $bytes bytes"
table -w 2 -r 10 \
  -n "cmark-gfm parse (floor)" "sh -c 'cat $corpus/*/*.md | cmark-gfm -e table -e autolink -e strikethrough -e tasklist --sourcepos >/dev/null'" \
  -n "prfaq lint (no spelling)" "$bin lint --no-config --ignore PF601,PF602 --fail-on never --quiet --format concise $corpus" \
  -n "prfaq lint (all rules)" "$bin lint --no-config --fail-on never --quiet --format concise $corpus" \
  -n "prfaq lint --jobs 1 (all rules)" "$bin lint --no-config --jobs 1 --fail-on never --quiet --format concise $corpus"

# Pathological inputs (SPEC §9): a 5 MB single line of repeated words (a million PF507
# findings), and 50,000 headings each with a question. Both must scale linearly.
python3 - "$corpus" <<'PY'
import sys
d = sys.argv[1]
open(d + "/longline.md", "w").write("word " * 1000000 + "\n")
open(d + "/headings.md", "w").write("".join("# H%d\n\nQ: why?\n\n" % i for i in range(50000)))
PY
table -w 1 -r 3 \
  -n "5 MB line, all rules" "$bin lint --no-config --fail-on never --quiet --format concise -o /dev/null $corpus/longline.md" \
  -n "5 MB line, cmark-gfm" "cmark-gfm --sourcepos $corpus/longline.md" \
  -n "50,000 headings, all rules" "$bin lint --no-config --fail-on never --quiet --format concise -o /dev/null $corpus/headings.md" \
  -n "50,000 headings, cmark-gfm" "cmark-gfm --sourcepos $corpus/headings.md"
rm -f "$corpus/longline.md" "$corpus/headings.md"

# The language server: one session that opens the largest fixture and changes it CHANGES times
# (an edit on the last line, as typing does), each change re-linted and published. Per-change
# latency = (session - empty session) / CHANGES. Needs python3 to write the JSON-RPC frames.
changes=200
doc=$(ls -S fixtures/docs/*.md | head -1)
python3 - "$doc" "$changes" "$corpus/session.bin" "$corpus/empty.bin" <<'PY'
import json, sys
doc, n, out, empty = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
text = open(doc, encoding="utf-8").read()
uri = "file:///bench/doc.md"
def frame(m):
    b = json.dumps(m).encode()
    return b"Content-Length: %d\r\n\r\n" % len(b) + b
head = frame({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}})
head += frame({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
    "uri": uri, "languageId": "markdown", "version": 1, "text": text}}})
tail = frame({"jsonrpc": "2.0", "id": 2, "method": "shutdown"}) + frame({"jsonrpc": "2.0", "method": "exit"})
line = text.count("\n")
body = b""
for i in range(n):
    body += frame({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
        "textDocument": {"uri": uri, "version": i + 2},
        "contentChanges": [{"range": {"start": {"line": line, "character": 0},
                                      "end": {"line": line, "character": 0}}, "text": "x"}]}})
open(out, "wb").write(head + body + tail)
open(empty, "wb").write(head + tail)
PY
echo "language server: $(wc -c <"$doc") byte document, $changes incremental changes"
table -w 2 -r 10 \
  -n "lsp: open only (all rules, en_US spelling)" "sh -c '$bin lsp --no-config < $corpus/empty.bin >/dev/null'" \
  -n "lsp: open + $changes changes (all rules, en_US spelling)" "sh -c '$bin lsp --no-config < $corpus/session.bin >/dev/null'"

# Complexity (issue 11): each worst-case input at N and 2N; time(2N) <= 2.2 x time(N).
bash scripts/bench-complexity.sh
