#!/usr/bin/env bash
# Installs the Debian packages DFG needs (only those missing), then
# configures and builds it in build/. Safe to run again: it does only what
# is left to do. Used by quickstart.sh and test.sh.
set -euo pipefail
source "$(dirname "$0")/apt-install.sh"
cd "$(dirname "$0")/.."

packages=(
  # toolchain and build
  cmake ninja-build ccache g++ lld-22 python3
  # the importer fuzzer and the assertions leg (libFuzzer and
  # AddressSanitizer runtimes); clang-format for scripts/check-format.sh
  clang-22 libclang-rt-22-dev clang-format-22
  # LLVM/MLIR 22: headers, libMLIR.so, mlir-tblgen, lit and FileCheck
  llvm-22-dev libmlir-22-dev mlir-22-tools llvm-22-tools
  # LLVM's OpenMP runtime: the parallel loops of compiled models
  libomp-22-dev
  # unit tests
  libgtest-dev libgmock-dev
  # ONNX: protobuf classes, checker and shape inference; the backend test
  # models; python3-onnx turns the text fixtures of the tests into .onnx
  libonnx-dev libprotobuf-dev protobuf-compiler libonnx-testdata python3-onnx
  # the learned cost model: gradient-boosted trees (XGBoost's C API) and the
  # text model (LibTorch); matplotlib draws its predicted-against-measured
  # plots
  libxgboost-dev libtorch-dev python3-matplotlib
)

apt_install_missing setup "${packages[@]}"

# Paths under the checkout are hashed relative to it, so a fresh clone in
# another directory reuses the compiler cache of an earlier one.
export CCACHE_BASEDIR="$PWD"
if [[ ! -f build/build.ninja ]]; then
  cmake -G Ninja -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
# Two cores: more jobs only thrash memory during MLIR template instantiation.
ninja -C build -j"${DFG_JOBS:-$(nproc)}" "$@"
