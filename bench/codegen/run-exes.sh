#!/bin/bash
# Runs the executables build-exes.sh made, TRIES times each, and prints
# GFLOP/s (median / best) and the checksums per kernel as a Markdown table.
#   bench/codegen/run-exes.sh DIR
set -euo pipefail
DIR=$1
TRIES=${TRIES:-5}
stats() {
  sort -g | awk '{a[NR]=$1} END {if (NR==0) {print "- / -"; exit}
    m = (NR % 2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2; printf "%.2f / %.2f\n", m, a[NR]}'
}
echo "| kernel | scalar GFLOP/s (median / best) | vectorized GFLOP/s (median / best) | checksums |"
echo "|---|---|---|---|"
while read -r n desc; do
  row="| $desc"; sums=""
  for v in base vec; do
    if [ ! -x "$DIR/$n.$v" ]; then row="$row | -"; continue; fi
    : > "$DIR/$n.$v.txt"
    # @main returns void: the exit status is whatever was in the register.
    for _ in $(seq "$TRIES"); do { "$DIR/$n.$v" || true; } | tr '\n' ' ' >> "$DIR/$n.$v.txt"; echo >> "$DIR/$n.$v.txt"; done
    row="$row | $(cut -d' ' -f1 "$DIR/$n.$v.txt" | stats)"
    sums="$sums $(cut -d' ' -f2 "$DIR/$n.$v.txt" | sort -u | tr '\n' ' ')"
  done
  echo "$row | $sums |"
done < "$DIR/list.txt"
