#!/usr/bin/env bash
# Trains the XGBoost cost model on a measured corpus, evaluates it against
# the analytic model on the held-out model families, and installs a model
# for this machine. One command; deterministic for a seed.
#
#   bench/cost-model/train-and-evaluate.sh [--corpus FILE] [--collect
#       [--collect-args "ARGS"]]
#       [--split FILE] [--profile FILE] [--seed N] [--pred NAME=FILE ...]
#       [--no-install] [--no-plots]
#
#   --corpus FILE   the measured corpus, gzip'd or plain JSON lines
#                   (default: the committed bench/cost-model/corpus/*.jsonl.gz,
#                   the last in name order; with --collect,
#                   build/cost-model/corpus.jsonl)
#   --collect       first collect (or resume collecting) FILE on this machine
#                   with bench/cost-model/collect.py --out FILE: the way to
#                   retrain for your own machine
#   --collect-args "ARGS"  more arguments for collect.py (--budget-minutes,
#                   --kernels, ...)
#   --split FILE    the held-out families (default: bench/cost-model/split.json)
#   --profile FILE  the machine profile the corpus's analytic times were
#                   made with, when its header carries none (default:
#                   profile.json beside the corpus, if there is one)
#   --pred NAME=FILE  more predictions to evaluate side by side (the text
#                   model's, ...), same format as dfg-cost-model predict's
#   --no-install    do not write cost-models/<cpu>.json
#   --no-plots      do not redraw docs/images/cost-model-*.png
#
# Writes build/cost-model/: xgboost-train-families.json (trained without
# the test families of bench/cost-model/split.json: the one evaluated),
# predictions-*.jsonl, evaluation.md; docs/images/cost-model-NAME.png; and,
# unless --no-install, cost-models/<cpu>.json trained on every family: the
# model dfg-opt/dfg-compile's cost-model=learned loads on a machine whose
# LLVM CPU name is <cpu> (the corpus header's machine.cpu).
set -euo pipefail
cd "$(dirname "$0")/../.."

corpus=""
collect=0
collect_args=""
seed=0
install=1
plots=1
extra=()
profile=""
split=bench/cost-model/split.json
while [[ $# -gt 0 ]]; do
  case "$1" in
    --corpus) corpus="$2"; shift 2 ;;
    --collect) collect=1; shift ;;
    --collect-args) collect_args="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --profile) profile="$2"; shift 2 ;;
    --split) split="$2"; shift 2 ;;
    --pred) extra+=(--pred "$2"); shift 2 ;;
    --no-install) install=0; shift ;;
    --no-plots) plots=0; shift ;;
    -h|--help) sed -n '2,37p' "$0"; exit 0 ;;
    *) echo "train-and-evaluate.sh: unknown argument '$1' (see --help)" >&2
       exit 2 ;;
  esac
done

if [[ -z $corpus && $collect == 1 ]]; then
  corpus=build/cost-model/corpus.jsonl
elif [[ -z $corpus ]]; then
  committed=(bench/cost-model/corpus/*.jsonl.gz)
  if [[ ! -f ${committed[-1]} ]]; then
    echo "train-and-evaluate.sh: no committed corpus; give --corpus FILE" >&2
    exit 1
  fi
  corpus=${committed[-1]}
fi

scripts/setup.sh dfg-cost-model >/dev/null
tool=build/bin/dfg-cost-model
out=build/cost-model
mkdir -p "$out"

if [[ $collect == 1 ]]; then
  if [[ ! -f bench/cost-model/collect.py ]]; then
    echo "train-and-evaluate.sh: bench/cost-model/collect.py is missing" >&2
    exit 1
  fi
  # shellcheck disable=SC2086
  /usr/bin/python3 bench/cost-model/collect.py --out "$corpus" $collect_args
fi
if [[ ! -f $corpus ]]; then
  echo "train-and-evaluate.sh: no corpus '$corpus' (collect one with --collect)" >&2
  exit 1
fi

if [[ -z $profile && -f $(dirname "$corpus")/profile.json ]]; then
  profile=$(dirname "$corpus")/profile.json
fi
train_args=(--seed "$seed")
if [[ -n $profile ]]; then
  train_args+=(--profile "$profile")
fi

start=$(date +%s)
"$tool" train --corpus "$corpus" --split "$split" "${train_args[@]}" \
  -o "$out/xgboost-train-families.json"
"$tool" predict --model "$out/xgboost-train-families.json" --corpus "$corpus" \
  -o "$out/predictions-xgboost.jsonl"
"$tool" predict --model analytic --corpus "$corpus" \
  -o "$out/predictions-analytic.jsonl"
plot_args=()
if [[ $plots == 1 ]]; then
  plot_args=(--plot-dir docs/images)
fi
/usr/bin/python3 bench/cost-model/evaluate.py --corpus "$corpus" \
  --split "$split" --pred analytic="$out/predictions-analytic.jsonl" \
  --pred xgboost="$out/predictions-xgboost.jsonl" "${extra[@]}" \
  --markdown "$out/evaluation.md" --json "$out/evaluation.json" \
  --by-op "${plot_args[@]}"

if [[ $install == 1 ]]; then
  cpu=$(/usr/bin/python3 -c '
import gzip, json, sys
path = sys.argv[1]
with (gzip.open if path.endswith(".gz") else open)(path, "rt") as f:
    print(json.loads(f.readline())["machine"]["cpu"])' "$corpus")
  if [[ -z $cpu ]]; then
    echo "train-and-evaluate.sh: the corpus names no cpu; not installing" >&2
  else
    mkdir -p cost-models
    "$tool" train --corpus "$corpus" "${train_args[@]}" \
      -o "cost-models/$cpu.json"
    echo "installed cost-models/$cpu.json (every family)"
  fi
fi
echo "train-and-evaluate.sh: done in $(( $(date +%s) - start )) s"
