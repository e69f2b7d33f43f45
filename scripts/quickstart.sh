#!/usr/bin/env bash
# The main job: build DFG, compile the bundled real model (a transformer
# encoder exported from PyTorch, dynamic batch) to a native shared library
# with a C API, and run it against PyTorch's outputs at batch 1 and 4.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh dfg-compile dfg-run >/dev/null

model=examples/models/transformer_encoder
out=build/quickstart
mkdir -p "$out"
echo "== build/bin/dfg-compile $model/model.onnx -o $out/libencoder.so =="
build/bin/dfg-compile "$model/model.onnx" -o "$out/libencoder.so"
echo "wrote $out/libencoder.so and $out/libencoder.h; the model's signature:"
awk '/Inputs/ { p = 1 } /is dynamic/ { exit } p' "$out/libencoder.h"
echo
for set in 0 1; do
  echo "== build/bin/dfg-run $out/libencoder.so --test-data $model/test_data_set_$set =="
  build/bin/dfg-run "$out/libencoder.so" --test-data "$model/test_data_set_$set" \
    --rtol 1e-4 --atol 1e-5
done
echo
echo "== build/bin/dfg-run ... --threads 1 --benchmark 100 (batch 1, one thread) =="
build/bin/dfg-run "$out/libencoder.so" --input "$model/test_data_set_0/input_0.pb" \
  --output-dir "$out" --threads 1 --benchmark 100
