#!/usr/bin/env bash
# Builds the libFuzzer harnesses of fuzz/ with clang, AddressSanitizer and UBSan into
# build-fuzz/, seeds each from fixtures/, examples/ and fuzz/regressions/, and runs each for
# SECONDS (default 60). A crash, leak or UBSan report fails the run (exit 1) and leaves the
# input in build-fuzz/artifacts/; copy it into fuzz/regressions/<target>/ to keep it as a test.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]     TARGET: lint, config, lsp (default: all)
#   FUZZ_FORK=N scripts/fuzz.sh 1800          long runs: N workers each, crashes collected
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
shift || true
targets=("$@")
[ "${#targets[@]}" -gt 0 ] || targets=(lint config lsp)

# clang 16 (Debian 12's clang 14 cannot capture structured bindings in lambdas) and its
# libFuzzer runtime.
if ! command -v clang++-16 >/dev/null 2>&1 || [ ! -f /usr/lib/llvm-16/lib/clang/16/lib/linux/libclang_rt.fuzzer-x86_64.a ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends clang-16 libclang-rt-16-dev
fi
# The ordinary build's packages (toml++, cmark-gfm, ...).
bash scripts/setup.sh --deps-only

B=build-fuzz
flags="-O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined -fsanitize=fuzzer-no-link"
if [ ! -f "$B/CMakeCache.txt" ]; then
  CC=clang-16 CXX=clang++-16 cmake -S . -B "$B" -DCMAKE_BUILD_TYPE=None -DPRFAQ_FUZZ=ON \
    -DPRFAQ_BUILD_TESTS=OFF -DCMAKE_CXX_FLAGS="$flags" \
    -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" >/dev/null
fi
cmake --build "$B" -j"$(nproc)" --target "${targets[@]/#/fuzz_}" >/dev/null

# Seeds.
seeds="$B/seeds"
rm -rf "$seeds"
mkdir -p "$seeds"/{lint,config,lsp}
i=0
while IFS= read -r -d '' f; do
  i=$((i + 1))
  cp "$f" "$seeds/lint/$i.md"
done < <(find fixtures examples -name '*.md' -print0 | sort -z)
i=0
while IFS= read -r -d '' f; do
  i=$((i + 1))
  cp "$f" "$seeds/config/$i.toml"
done < <(find fixtures rules -name '*.toml' -print0 | sort -z; printf '%s\0' .prfaq.toml)
# LSP sessions: initialize, open an example, ask for actions, hover and symbols, change, close.
lsp_msg() {
  local body="$1"
  LC_ALL=C printf 'Content-Length: %d\r\n\r\n%s' "${#body}" "$body"
}
json_string() {
  python3 -c 'import json,sys; print(json.dumps(sys.stdin.read()), end="")' 2>/dev/null ||
    sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/\t/\\t/g' | awk 'BEGIN{ORS="\\n"} {print}' | sed 's/^/"/; s/$/"/'
}
i=0
for f in examples/*.md fixtures/docs/*.md; do
  [ -f "$f" ] || continue
  i=$((i + 1))
  [ "$i" -le 40 ] || break
  text=$(json_string <"$f")
  uri="file:///w/doc$i.md"
  {
    lsp_msg '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{"general":{"positionEncodings":["utf-8","utf-16"]}},"workspaceFolders":[{"uri":"file:///w","name":"w"}]}}'
    lsp_msg '{"jsonrpc":"2.0","method":"initialized","params":{}}'
    lsp_msg "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":{\"uri\":\"$uri\",\"languageId\":\"markdown\",\"version\":1,\"text\":$text}}}"
    lsp_msg "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"textDocument/codeAction\",\"params\":{\"textDocument\":{\"uri\":\"$uri\"},\"range\":{\"start\":{\"line\":0,\"character\":0},\"end\":{\"line\":40,\"character\":0}},\"context\":{\"diagnostics\":[]}}}"
    lsp_msg "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"textDocument/hover\",\"params\":{\"textDocument\":{\"uri\":\"$uri\"},\"position\":{\"line\":2,\"character\":3}}}"
    lsp_msg "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"textDocument/documentSymbol\",\"params\":{\"textDocument\":{\"uri\":\"$uri\"}}}"
    lsp_msg "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didChange\",\"params\":{\"textDocument\":{\"uri\":\"$uri\",\"version\":2},\"contentChanges\":[{\"range\":{\"start\":{\"line\":1,\"character\":0},\"end\":{\"line\":1,\"character\":4}},\"text\":\"TBD \"}]}}"
    lsp_msg "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"workspace/executeCommand\",\"params\":{\"command\":\"prfaq.addToVocabulary\",\"arguments\":[\"$uri\",\"Zorbly\"]}}"
    lsp_msg "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didClose\",\"params\":{\"textDocument\":{\"uri\":\"$uri\"}}}"
    lsp_msg '{"jsonrpc":"2.0","id":6,"method":"shutdown"}'
    lsp_msg '{"jsonrpc":"2.0","method":"exit"}'
  } >"$seeds/lsp/session$i"
done
for t in lint config lsp; do
  [ -d "fuzz/regressions/$t" ] && cp fuzz/regressions/"$t"/* "$seeds/$t/" 2>/dev/null || true
done

mkdir -p "$B/artifacts"
status=0
for t in "${targets[@]}"; do
  corpus="$B/corpus/$t"
  mkdir -p "$corpus"
  log="$B/fuzz_$t.log"
  args=(-max_total_time="$seconds" -max_len=65536 -timeout=60 -rss_limit_mb=4096
    -artifact_prefix="$B/artifacts/$t-" -print_final_stats=1)
  if [ -n "${FUZZ_FORK:-}" ]; then
    args+=(-fork="$FUZZ_FORK" -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1)
  fi
  echo "fuzz_$t: ${seconds}s (log: $log)"
  if ! ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 UBSAN_OPTIONS=print_stacktrace=1 \
    "$B/fuzz/fuzz_$t" "${args[@]}" "$corpus" "$seeds/$t" >"$log" 2>&1; then
    echo "fuzz_$t: FAILED; see $log and $B/artifacts/"
    tail -n 40 "$log"
    status=1
  fi
  grep -E '^#[0-9]+.*(DONE|pulse)|stat::number_of_executed_units|cov:' "$log" | tail -n 2 || true
done
exit "$status"
