#!/usr/bin/env bash
# Regenerates the rule table of README.md from the rule files (via `prfaq rules --format markdown`).
# tests/project/readme_test.cpp fails when the table is stale.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${PRFAQ:-./build/prfaq}
table=$("$bin" rules --no-config --format markdown)
python3 - "$table" <<'PY'
import sys, re
table = sys.argv[1]
text = open("README.md", encoding="utf-8").read()
begin, end = "<!-- rules:begin (scripts/update-readme-rules.sh) -->", "<!-- rules:end -->"
i, j = text.index(begin) + len(begin), text.index(end)
open("README.md", "w", encoding="utf-8").write(text[:i] + "\n" + table + "\n" + text[j:])
PY
