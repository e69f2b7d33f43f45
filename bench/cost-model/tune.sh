#!/usr/bin/env bash
# Chooses the learned model's target and tree settings without looking at
# the test families: trains on the training families minus some validation
# families and evaluates on those, for each setting given.
#
#   bench/cost-model/tune.sh --corpus FILE --validation FAMILY[,FAMILY...] \
#       [--profile FILE] [--setting "dfg-cost-model train options" ...]
#
# Prints one evaluate.py table per setting (build/cost-model/tune/).
set -euo pipefail
cd "$(dirname "$0")/../.."

corpus=""
validation=""
settings=()
profile=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --corpus) corpus="$2"; shift 2 ;;
    --validation) validation="$2"; shift 2 ;;
    --profile) profile=(--profile "$2"); shift 2 ;;
    --setting) settings+=("$2"); shift 2 ;;
    *) echo "tune.sh: unknown argument '$1'" >&2; exit 2 ;;
  esac
done
if [[ -z $corpus || -z $validation ]]; then
  echo "tune.sh: expected --corpus FILE --validation FAMILY[,FAMILY...]" >&2
  exit 2
fi
if [[ ${#settings[@]} == 0 ]]; then
  settings=(
    "--target log2_time_ns --analytic-input=false"
    "--target log2_time_ns --analytic-input=true"
    "--target log2_time_over_analytic --analytic-input=false"
    "--target log2_time_over_analytic --analytic-input=true"
  )
fi

out=build/cost-model/tune
mkdir -p "$out"
tool=build/bin/dfg-cost-model
# Training leaves out the test families and the validation ones; the
# evaluation reports on the validation ones only.
/usr/bin/python3 - "$validation" "$out" <<'PY'
import json, sys
validation = [f for f in sys.argv[1].split(",") if f]
with open("bench/cost-model/split.json") as f:
    test = json.load(f)["test_families"]
with open(sys.argv[2] + "/train-split.json", "w") as f:
    json.dump({"test_families": sorted(set(test) | set(validation))}, f)
with open(sys.argv[2] + "/validation-split.json", "w") as f:
    json.dump({"test_families": validation}, f)
PY
"$tool" predict --model analytic --corpus "$corpus" -o "$out/analytic.jsonl"
preds=(--pred analytic="$out/analytic.jsonl")
for i in "${!settings[@]}"; do
  # shellcheck disable=SC2086
  "$tool" train --corpus "$corpus" --split "$out/train-split.json" \
    "${profile[@]}" ${settings[$i]} -o "$out/model-$i.json"
  "$tool" predict --model "$out/model-$i.json" --corpus "$corpus" \
    -o "$out/setting-$i.jsonl"
  preds+=(--pred "setting-$i=$out/setting-$i.jsonl")
  echo "setting-$i: ${settings[$i]}"
done
/usr/bin/python3 bench/cost-model/evaluate.py --corpus "$corpus" \
  --split "$out/validation-split.json" "${preds[@]}"
