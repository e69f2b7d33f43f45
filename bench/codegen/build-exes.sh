#!/bin/bash
# Compiles every kernel of a shape file ahead of time, with and without
# dfg-tile-and-vectorize, into standalone executables OUT/<n>.{base,vec}
# (plus OUT/list.txt) for machines that have no LLVM; run them with
# run-exes.sh.
#
#   bench/codegen/build-exes.sh OUT [shape-file]
#
# Env: OPT (default build/bin/dfg-opt), MARCH (default native), PASS_OPTS,
# VARIANTS (default "base vec").
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=$1
SHAPES=${2:-$HERE/shapes.txt}
OPT=${OPT:-build/bin/dfg-opt}
MARCH=${MARCH:-native}
LLVM=/usr/lib/llvm-22/bin
source "$HERE/pipelines.sh"
mkdir -p "$OUT"
: > "$OUT/list.txt"
n=0
grep -v '^#' "$SHAPES" | while read -r line; do
  [ -z "$line" ] && continue
  args=($line); reps=${args[-1]}; unset 'args[-1]'
  n=$((n + 1))
  /usr/bin/python3 "$HERE/gen.py" "${args[@]}" --reps "$reps" > "$OUT/$n.mlir"
  for v in ${VARIANTS:-base vec}; do
    if [ "$v" = base ]; then p=$BASE; else p=$VEC; fi
    "$OPT" "$OUT/$n.mlir" --pass-pipeline="$p" | "$LLVM/mlir-translate" --mlir-to-llvmir -o "$OUT/$n.$v.ll"
    "$LLVM/clang" -O3 -march="$MARCH" -Wno-override-module "$OUT/$n.$v.ll" "$HERE/shim.c" -o "$OUT/$n.$v" -lm
    rm "$OUT/$n.$v.ll"
  done
  rm "$OUT/$n.mlir"
  echo "$n ${args[*]}" >> "$OUT/list.txt"
done
