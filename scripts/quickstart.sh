#!/usr/bin/env bash
# The main job today: build DFG, then run a real dfg-opt pipeline on the
# bundled example graph (one training step of a small MLP, as an importer
# would hand it over: dynamic sizes and redundant ops) and show the result.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh dfg-opt >/dev/null

example=examples/mlp-training-step.mlir
pipeline='builtin.module(func.func(dfg-infer-shapes,canonicalize,cse))'
echo "== input: $example =="
grep -v '^ *//' "$example" | sed '/^$/d'
echo
echo "== build/bin/dfg-opt $example --pass-pipeline='$pipeline' =="
after=$(build/bin/dfg-opt "$example" --pass-pipeline="$pipeline")
echo "$after"
count() { grep -c ' = dfg\.' || true; }
echo
echo "dfg ops: $(count <"$example") before, $(count <<<"$after") after;" \
  "'?' sizes: $(grep -v '^ *//' "$example" | grep -o '?' | wc -l) before," \
  "$(grep -o '?' <<<"$after" | wc -l) after"
