#!/usr/bin/env bash
# Builds the fuzzers (libFuzzer + AddressSanitizer + UBSan, clang-22) in
# build-fuzz/, with DFG's assertions on, and dfg-opt and dfg-translate from
# the same build. The test suite runs the fuzzer for a bounded time
# (test/Import/ONNX/fuzz.test) and the compiler's tests a second time with
# these tools (scripts/test.sh): assertions, AddressSanitizer and a second
# compiler (clang, where the main build uses GCC) in one leg.
set -euo pipefail
cd "$(dirname "$0")/.."
export CCACHE_BASEDIR="$PWD"
if [[ ! -f build-fuzz/build.ninja ]]; then
  CC=clang-22 CXX=clang++-22 cmake -G Ninja -S . -B build-fuzz \
    -DCMAKE_BUILD_TYPE=Release -DDFG_ENABLE_FUZZER=ON -DDFG_BUILD_TESTS=OFF \
    -DDFG_ENABLE_ASSERTIONS=ON >/dev/null
else
  # An existing build-fuzz from before assertions were part of this leg.
  cmake -S . -B build-fuzz -DDFG_ENABLE_ASSERTIONS=ON >/dev/null
fi
ninja -C build-fuzz -j"${DFG_JOBS:-$(nproc)}" dfg-import-fuzzer \
  dfg-tensor-fuzzer dfg-capi-fuzzer dfg-ir-fuzzer dfg-opt dfg-translate
