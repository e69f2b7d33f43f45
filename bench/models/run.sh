#!/usr/bin/env bash
# Times DFG against ONNX Runtime (CPU, onnxruntime-node) on the real models,
# in one run, and prints a markdown table: DFG's compile time, DFG's and
# ONNX Runtime's latencies with one thread and with all threads (each
# runtime's default: DFG one thread per core, ONNX Runtime one per physical
# core), and the ratios DFG / ONNX Runtime at one thread and at all threads.
# Batch 1, the inputs of test_data_set_0. A benchmark, not a test: run it on
# a quiet machine.
#
#   bench/models/run.sh [--iters N] [model ...]
#
# DFG_COMPILE_FLAGS adds flags to every dfg-compile (split at spaces), e.g.
# DFG_COMPILE_FLAGS="--cost-model=analytic --cost-profile=build/machine-profile.json".
#
# Models default to resnet18 mobilenet_v2 squeezenet1_1 transformer_encoder,
# exported into build/models by utils/export-real-models.py when missing.
set -euo pipefail
cd "$(dirname "$0")/../.."

iters=20
if [[ ${1:-} == --iters ]]; then
  iters=$2
  shift 2
fi
models=("$@")
((${#models[@]})) ||
  models=(resnet18 mobilenet_v2 squeezenet1_1 transformer_encoder)

scripts/setup.sh dfg-compile dfg-run >/dev/null
scripts/setup-models.sh >/dev/null
scripts/setup-bench.sh >/dev/null
for m in "${models[@]}"; do
  if [[ ! -f build/models/$m/model.onnx ]]; then
    /usr/bin/python3 utils/export-real-models.py -o build/models >/dev/null
    break
  fi
done

read -ra compile_flags <<<"${DFG_COMPILE_FLAGS:-}"
out=build/bench
mkdir -p "$out"
median() { sed -n 's/.*latency_ms median=\([0-9.]*\).*/\1/p' | tail -1; }

echo "| model | compile (s) | DFG 1 thread (ms) | DFG all threads (ms) | ORT 1 thread (ms) | ORT all threads (ms) | DFG / ORT 1 thread | DFG / ORT all threads |"
echo "|---|---|---|---|---|---|---|---|"
for m in "${models[@]}"; do
  model=build/models/$m/model.onnx
  input=build/models/$m/test_data_set_0/input_0.pb
  start=$(date +%s%N)
  build/bin/dfg-compile "$model" -o "$out/lib$m.so" "${compile_flags[@]}"
  compile=$(awk -v a="$start" -v b="$(date +%s%N)" 'BEGIN { print (b - a) / 1e9 }')
  # Correctness first: a wrong answer has no latency worth reporting.
  if ! build/bin/dfg-run "$out/lib$m.so" --test-data "build/models/$m/test_data_set_0" \
    --rtol 1e-4 --atol 1e-5 >"$out/$m.check"; then
    cat "$out/$m.check" >&2
    echo "run.sh: $m does not match PyTorch's output" >&2
    exit 1
  fi
  dfg1=$(build/bin/dfg-run "$out/lib$m.so" --input "$input" --threads 1 --benchmark "$iters" | median)
  dfgn=$(build/bin/dfg-run "$out/lib$m.so" --input "$input" --threads 0 --benchmark "$iters" | median)
  ort1=$(node bench/ort/run.js "$model" "$input" --threads 1 --iters "$iters" --warmup 3 | median)
  ortn=$(node bench/ort/run.js "$model" "$input" --threads 0 --iters "$iters" --warmup 3 | median)
  ratio1=$(awk -v a="$dfg1" -v b="$ort1" 'BEGIN { print a / b }')
  ration=$(awk -v a="$dfgn" -v b="$ortn" 'BEGIN { print a / b }')
  printf "| %s | %.1f | %.2f | %.2f | %.2f | %.2f | %.2fx | %.2fx |\n" "$m" "$compile" \
    "$dfg1" "$dfgn" "$ort1" "$ortn" "$ratio1" "$ration"
done
