#!/bin/bash
# Times linalg kernels on tensors through the CPU pipeline with and without
# dfg-tile-and-vectorize and prints GFLOP/s (median and best of TRIES runs).
#
#   bench/codegen/run.sh [build-dir] [shape-file]
#
# Env: TRIES (default 5) runs per variant, PASS_OPTS (options of the pass,
# e.g. "tile-m=4 tile-n=16"), NOBASE=1 to skip the (slow) scalar baseline,
# OPT (default build-dir/bin/dfg-opt).
# Each line of the shape file is the argument list of gen.py followed by
# the repetitions per run, e.g. "conv 1 64 56 56 64 3 3 1 1 10".
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
BUILD=${1:-build}
SHAPES=${2:-$HERE/shapes.txt}
OPT=${OPT:-$BUILD/bin/dfg-opt}
TRIES=${TRIES:-5}
L=/usr/lib/llvm-22/lib
PY=/usr/bin/python3
source "$HERE/pipelines.sh"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

stats() { # prints "median best" of the numbers on stdin
  sort -g | awk '{a[NR]=$1} END {if (NR==0) {print "- -"; exit}
    m = (NR % 2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2; printf "%.2f %.2f\n", m, a[NR]}'
}
measure() { # pipeline -> lines "gflops checksum"
  "$OPT" "$TMP/in.mlir" --pass-pipeline="$1" -o "$TMP/ll.mlir"
  for _ in $(seq "$TRIES"); do
    /usr/lib/llvm-22/bin/mlir-runner "$TMP/ll.mlir" -e main -entry-point-result=void -O3 \
      -shared-libs=$L/libmlir_runner_utils.so,$L/libmlir_c_runner_utils.so | tr '\n' ' '
    echo
  done
}

echo "| kernel | scalar GFLOP/s (median / best) | vectorized GFLOP/s (median / best) | checksums |"
echo "|---|---|---|---|"
grep -v '^#' "$SHAPES" | while read -r line; do
  [ -z "$line" ] && continue
  args=($line); reps=${args[-1]}; unset 'args[-1]'
  $PY "$HERE/gen.py" "${args[@]}" --reps "$reps" > "$TMP/in.mlir"
  if [ -z "${NOBASE:-}" ]; then
    measure "$BASE" > "$TMP/b.txt"; b=$(cut -d' ' -f1 "$TMP/b.txt" | stats); bs=$(cut -d' ' -f2 "$TMP/b.txt" | sort -u | tr '\n' ' ')
  else b="- -"; bs=""; fi
  measure "$VEC" > "$TMP/v.txt"; v=$(cut -d' ' -f1 "$TMP/v.txt" | stats); vs=$(cut -d' ' -f2 "$TMP/v.txt" | sort -u | tr '\n' ' ')
  set -- $b; bm=$1; bb=$2; set -- $v
  echo "| ${args[*]} | $bm / $bb | $1 / $2 | $bs/ $vs |"
done
