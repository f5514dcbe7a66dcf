#!/usr/bin/env bash
# Quick start 2: set everything up and run the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# Issue 11: the ThreadSanitizer job (our code; see the script for what it cannot see), and the
# fuzzers for 60 s each (clang 16, ASan + UBSan) when PRFAQ_CI_FUZZ=1: off by default, their
# build adds about ten minutes on two cores.
bash scripts/tsan.sh
if [ "${PRFAQ_CI_FUZZ:-0}" = 1 ]; then
  bash scripts/fuzz.sh 60
fi
cd build && ctest --output-on-failure
