#!/usr/bin/env bash
# Builds DFG and runs the whole test suite (lit + FileCheck tests, the gtest
# unit tests, the ONNX import coverage and numerics checks, the end-to-end
# conformance check of compiled models, all through lit),
# ending with one line "N passed, N failed". It also builds the importer
# fuzzer (clang-22, ASan, assertions on) for the bounded fuzzing run of
# test/Import/ONNX/fuzz.test, and runs the compiler's tests a second time
# with that build's dfg-opt and dfg-translate (the assertions leg).
set -uo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh || exit 1
scripts/build-fuzzer.sh >/dev/null || exit 1

results=build/test-results.json
asserts=build/test-results-asserts.json
# A lit run that dies before writing its results must not leave the
# previous run's file to be counted below.
rm -f "$results" "$asserts"
/usr/lib/llvm-22/bin/lit -sv --output "$results" build/test build/test/Unit
status=$?

# The assertions leg: the compiler's own tests again, with build-fuzz's
# dfg-opt and dfg-translate (DFG_ENABLE_ASSERTIONS, AddressSanitizer, clang).
# The end-to-end tests of dfg-compile/dfg-run stay with the main build.
ASAN_OPTIONS=detect_leaks=1 /usr/lib/llvm-22/bin/lit -sv --output "$asserts" \
  --param dfg_tools_dir="$PWD/build-fuzz/bin" --filter-out 'fuzz\.test' \
  build/test/Dialect build/test/Transforms build/test/Conversion \
  build/test/Import build/test/Robustness build/test/Examples
status_asserts=$?
((status == 0)) && status=$status_asserts

python3 - "$status" "$results" "$asserts" <<'PY'
import json, sys
status, files = int(sys.argv[1]), sys.argv[2:]
tests = []
for results in files:
    try:
        tests += json.load(open(results))["tests"]
    except (OSError, ValueError, KeyError):
        print(f"0 passed, 1 failed (lit produced no results in {results})")
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
