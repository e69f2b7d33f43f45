#!/usr/bin/env bash
# Builds DFG and runs the whole test suite (lit + FileCheck tests, the gtest
# unit tests, the ONNX import coverage and numerics checks, the end-to-end
# conformance check of compiled models, all through lit),
# ending with one line "N passed, N failed". It also builds the importer
# fuzzer (clang-22, ASan) for the bounded fuzzing run of
# test/Import/ONNX/fuzz.test.
set -uo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh || exit 1
scripts/build-fuzzer.sh >/dev/null || exit 1

results=build/test-results.json
/usr/lib/llvm-22/bin/lit -sv --output "$results" build/test build/test/Unit
status=$?
python3 - "$results" "$status" <<'PY'
import json, sys
results, status = sys.argv[1], int(sys.argv[2])
try:
    tests = json.load(open(results))["tests"]
except (OSError, ValueError, KeyError):
    print("0 passed, 1 failed (lit produced no results)")
    sys.exit(1)
codes = [t["code"] for t in tests]
passed = sum(c in ("PASS", "XFAIL") for c in codes)
failed = sum(c in ("FAIL", "XPASS", "UNRESOLVED", "TIMEOUT") for c in codes)
skipped = sum(c in ("UNSUPPORTED", "SKIPPED", "EXCLUDED") for c in codes)
line = f"{passed} passed, {failed} failed"
if skipped:
    line += f", {skipped} skipped"
print(line)
sys.exit(1 if failed or status else 0)
PY
