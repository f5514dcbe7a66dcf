#!/usr/bin/env bash
# Quick start 1: set everything up and lint the bundled examples with the embedded rules.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
./build/prfaq lint --no-config examples/
rc=$?
echo "prfaq lint exited $rc (1 = findings at error level, as expected for the flawed example)"
