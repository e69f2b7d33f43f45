#!/usr/bin/env bash
# Benchmark (not a test): runs dfg-memplan's greedy and search solvers on the
# six MiniMalloc instances A-F (capacity 1 MiB) and prints a Markdown table:
# arena / lower bound, whether it fits, solve time. Solve times are what the
# tool reports (planning only, not reading the CSV).
#
#   bench/memplan/run.sh [build-dir] [data-dir]
#
# build-dir defaults to ./build, data-dir to ../shared/data/minimalloc next
# to the checkout. TIME_LIMIT (default 10) is the search budget in seconds.
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
build="${1:-$root/build}"
data="${2:-$root/../shared/data/minimalloc}"
tool="$build/bin/dfg-memplan"
limit="${TIME_LIMIT:-10}"
capacity=1048576

if [[ ! -x "$tool" ]]; then
  echo "error: $tool not found; build it with: ninja -C $build dfg-memplan" >&2
  exit 1
fi

# Prints the value of key=value in a dfg-memplan summary line.
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$2"; }

# Runs dfg-memplan and prints its summary line; "does not fit" (exit 1) is a
# result here, not a failure, but any other error stops the benchmark.
summary() {
  local line
  line="$("$tool" --capacity "$capacity" --output /dev/null "$@" 2>/dev/null || true)"
  if [[ "$line" != dfg-memplan:* ]]; then
    echo "error: dfg-memplan $* failed:" >&2
    "$tool" --capacity "$capacity" --output /dev/null "$@" >&2 || true
    exit 1
  fi
  echo "$line"
}

ratio() { field ratio "$1"; }

echo "| instance | buffers | lower bound | greedy arena / LB | greedy fits | greedy time | search arena / LB | search fits | search time | minimized arena / LB (${limit} s) | proven optimal | minimize time |"
echo "|---|---:|---:|---:|---|---:|---:|---|---:|---:|---|---:|"
for instance in A B C D E F; do
  csv="$data/$instance.$capacity.csv"
  greedy="$(summary --solver=greedy --input "$csv")"
  search="$(summary --solver=search --minimize=false --time-limit "$limit" --input "$csv")"
  minimized="$(summary --solver=search --time-limit "$limit" --input "$csv")"
  printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' \
    "$instance" "$(field buffers "$greedy")" "$(field lower-bound "$greedy")" \
    "$(ratio "$greedy")" "$(field fits "$greedy")" "$(field time "$greedy")" \
    "$(ratio "$search")" "$(field fits "$search")" "$(field time "$search")" \
    "$(ratio "$minimized")" "$(field optimal "$minimized")" \
    "$(field time "$minimized")"
done
