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

# The real models of the CPU end-to-end benchmark (bench/models): the
# buffers dfg-compile plans (its own pipeline, cut after dfg-plan-memory,
# which reports what it planned and writes the buffers as CSV at batch 1),
# then both solvers of dfg-memplan on them without a capacity.
models=(${MODELS:-resnet18 mobilenet_v2 squeezenet1_1 transformer_encoder})
if [[ -n "${SKIP_MODELS:-}" ]]; then
  exit 0
fi
for m in "${models[@]}"; do
  if [[ ! -f "$root/build/models/$m/model.onnx" ]]; then
    "$root/scripts/setup-models.sh" >/dev/null
    /usr/bin/python3 "$root/utils/export-real-models.py" -o "$root/build/models" >/dev/null
    break
  fi
done
out="$build/bench/memplan"
mkdir -p "$out"
echo
echo "| model | planned buffers | left to the allocator | sum of buffers | lower bound | greedy arena / LB | greedy time | search arena / LB | search time | dfg-compile's arena |"
echo "|---|---:|---|---:|---:|---:|---:|---:|---:|---:|"
for m in "${models[@]}"; do
  onnx="$root/build/models/$m/model.onnx"
  pipeline="$("$build/bin/dfg-compile" --print-pipeline --emit=mlir -o /dev/null "$onnx" 2>&1 >/dev/null | head -1)"
  pipeline="${pipeline%%,buffer-deallocation-pipeline*})"
  pipeline="${pipeline/arena-argument\}/arena-argument report buffers-csv=\"$out/$m.csv\"\}}"
  report="$("$build/bin/dfg-translate" --import-onnx "$onnx" |
    "$build/bin/dfg-opt" --pass-pipeline="$pipeline" -o /dev/null 2>&1 |
    grep -m1 'remark: dfg-plan-memory')"
  planned="$(sed -n 's/.*dfg-plan-memory: \([0-9]*\) buffers.*/\1/p' <<<"$report")"
  arena="$(sed -n 's/.*in an arena of \([0-9]*\) bytes.*/\1/p' <<<"$report")"
  sum="$(sed -n 's/.*, sum \([0-9]*\),.*/\1/p' <<<"$report")"
  left="$(sed -n 's/.*); \(.*\)$/\1/p' <<<"$report" | sed 's/ left to the allocator for / /g; s/; /, /g')"
  greedy="$("$tool" --solver=greedy --input "$out/$m.csv" --output /dev/null)"
  search="$("$tool" --solver=search --time-limit "$limit" --input "$out/$m.csv" --output /dev/null)"
  printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s (%s) |\n' \
    "$m" "$planned" "${left:-none}" "$sum" "$(field lower-bound "$greedy")" \
    "$(ratio "$greedy")" "$(field time "$greedy")" "$(ratio "$search")" \
    "$(field time "$search")" "$arena" \
    "$(awk -v a="$arena" -v l="$(field lower-bound "$greedy")" 'BEGIN { printf "%.4f x LB", a / l }')"
done
