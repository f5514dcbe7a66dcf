#!/usr/bin/env bash
# ThreadSanitizer job (issue 11): builds prfaq with -fsanitize=thread into build-tsan/ and lints
# a generated corpus (struck text, autolinks, tables, spelling) and the fixtures with
# --jobs 2, several times, failing on any report and on output that differs from --jobs 1.
# ThreadSanitizer sees our own code only: cmark-gfm, Hunspell and RE2 come from Debian
# uninstrumented, so a race inside them (like cmark-gfm's special-character table, fixed by
# taking turns in src/markdown/parse.cpp) is invisible to it; tests/cli/determinism_test.cpp
# covers that one by comparing output.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --deps-only
B=build-tsan
if [ ! -f "$B/CMakeCache.txt" ]; then
  cmake -S . -B "$B" -DCMAKE_BUILD_TYPE=None -DPRFAQ_BUILD_TESTS=OFF \
    -DCMAKE_CXX_FLAGS="-O1 -g -fsanitize=thread" -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=thread" \
    >/dev/null
fi
cmake --build "$B" -j"$(nproc)" --target prfaq >/dev/null
corpus=$(mktemp -d)
trap 'rm -rf "$corpus"' EXIT
for i in $(seq 1 60); do
  {
    echo "# Acme launches Widget $i"
    echo
    echo "SEATTLE — Acme today announced ~~Gadget~~ Widget $i, which lets teams ship ~~fast~~."
    echo
    echo "| a | b |"
    echo "|---|---|"
    echo "  in order to | ~~teh~~ www.example.com/$i"
    echo
    echo "\"It is ~~really~~ great,\" said Jane Doe, CEO at Acme. TBD, leverage, synergy."
    echo
    echo "## FAQ"
    echo
    echo "### Is it ~~free~~?"
    echo
    echo "~~Yes~~ it is, very very clearly."
  } >"$corpus/d$i.md"
done
mkdir -p "$corpus/fixtures" "$corpus/examples"
cp fixtures/docs/*.md "$corpus/fixtures/"
cp examples/*.md "$corpus/examples/"
export TSAN_OPTIONS="halt_on_error=1 exitcode=66 second_deadlock_stack=1"
"$B/prfaq" lint --no-config --jobs 1 --fail-on never --format concise "$corpus" >"$corpus/one.txt"
for run in 1 2 3; do
  "$B/prfaq" lint --no-config --jobs 2 --fail-on never --format concise "$corpus" >"$corpus/two.txt"
  if ! cmp -s "$corpus/one.txt" "$corpus/two.txt"; then
    echo "tsan: --jobs 2 output differs from --jobs 1 (run $run)" >&2
    diff "$corpus/one.txt" "$corpus/two.txt" | head -20 >&2
    exit 1
  fi
done
echo "tsan: 3 runs with --jobs 2 over $(find "$corpus" -name '*.md' | wc -l) documents: no report, output identical"
