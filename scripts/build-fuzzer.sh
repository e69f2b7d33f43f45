#!/usr/bin/env bash
# Builds dfg-import-fuzzer (libFuzzer + AddressSanitizer, clang-22) in
# build-fuzz/. The test suite runs it for a bounded time
# (test/Import/ONNX/fuzz.test) when it has been built.
set -euo pipefail
cd "$(dirname "$0")/.."
export CCACHE_BASEDIR="$PWD"
if [[ ! -f build-fuzz/build.ninja ]]; then
  CC=clang-22 CXX=clang++-22 cmake -G Ninja -S . -B build-fuzz \
    -DCMAKE_BUILD_TYPE=Release -DDFG_ENABLE_FUZZER=ON -DDFG_BUILD_TESTS=OFF \
    >/dev/null
fi
ninja -C build-fuzz -j"${DFG_JOBS:-$(nproc)}" dfg-import-fuzzer
