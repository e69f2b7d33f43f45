#!/usr/bin/env python3
"""Evaluates cost-model predictions on the held-out model families.

  bench/cost-model/evaluate.py --corpus CORPUS --split bench/cost-model/split.json \
      --pred analytic=analytic.jsonl --pred xgboost=xgboost.jsonl [--pred NAME=FILE ...] \
      [--markdown table.md] [--plot-dir docs/images]

CORPUS is the measured corpus (JSON lines, gzip'd or plain; first line its
header); each --pred is NAME=FILE, FILE one JSON line {"id", "predicted_ns"}
per sample (dfg-cost-model predict writes them, other predictors the same).
Only samples of the split's test families count (with --max-spread, only
the less noisy ones), and only those every predictor predicted (the table
says how many), so every row is over the same samples. Metrics:

- MAPE: mean of |predicted - measured| / measured;
- RMSE log: root mean square of ln(predicted) - ln(measured) (0.1 is
  about 10% typical error);
- R2 log: coefficient of determination of ln(time) (time spans decades,
  so on raw times the largest kernels would decide it alone);
- Kendall tau and pairwise accuracy within each kernel's set of candidate
  choices (the samples of one group), averaged over groups with more than
  one choice: what choosing a candidate needs; "resolvable" pairwise
  accuracy counts only the pairs whose measured times differ by more than
  either sample's spread, which the measurement itself can order;
- top-1 regret: the measured time of the predicted-best choice over the
  measured best, minus one, per group; its mean and the share of groups
  within 5%.

Prints a markdown table (and writes it with --markdown) and draws one
predicted-against-measured plot per predictor (log-log) into --plot-dir.
"""
import argparse
import gzip
import json
import math
import os
import sys

import numpy as np


def read_lines(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt") as f:
        for line in f:
            line = line.strip()
            if line:
                yield line


def read_corpus(path, test_families, max_spread=None):
    lines = read_lines(path)
    header = json.loads(next(lines))
    if header.get("format") != "dfg-cost-corpus":
        sys.exit(f"{path}: not a dfg-cost-corpus")
    samples = {}
    for line in lines:
        try:
            s = json.loads(line)
        except json.JSONDecodeError:
            continue  # the cut-off last line of a corpus being written
        if s["family"] not in test_families or not s["time_ns"] > 0:
            continue
        if max_spread is not None and not s["spread"] <= max_spread:
            continue
        samples[s["id"]] = s
    return header, samples


def read_predictions(path):
    predictions = {}
    for line in read_lines(path):
        p = json.loads(line)
        if p["predicted_ns"] > 0 and math.isfinite(p["predicted_ns"]):
            predictions[p["id"]] = p["predicted_ns"]
    return predictions


def kendall_tau(x, y):
    """Kendall's tau-b of two sequences (ties in either count as neither)."""
    n = len(x)
    concordant = discordant = ties_x = ties_y = 0
    for i in range(n):
        for j in range(i + 1, n):
            dx = np.sign(x[i] - x[j])
            dy = np.sign(y[i] - y[j])
            if dx == 0 and dy == 0:
                continue
            if dx == 0:
                ties_x += 1
            elif dy == 0:
                ties_y += 1
            elif dx == dy:
                concordant += 1
            else:
                discordant += 1
    denominator = math.sqrt((concordant + discordant + ties_x) *
                            (concordant + discordant + ties_y))
    return (concordant - discordant) / denominator if denominator else None


def pairwise_accuracy(measured, predicted, spreads=None):
    """Share of pairs with different measured times that the prediction
    orders the same way (a tie in the prediction counts half). With
    `spreads`, only the pairs whose times differ by more than either's
    spread: those the measurement can order."""
    right = total = 0
    for i in range(len(measured)):
        for j in range(i + 1, len(measured)):
            dm = np.sign(measured[i] - measured[j])
            if dm == 0:
                continue
            if spreads is not None:
                ratio = max(measured[i], measured[j]) / min(measured[i],
                                                            measured[j])
                if ratio - 1 <= max(spreads[i], spreads[j]):
                    continue
            dp = np.sign(predicted[i] - predicted[j])
            total += 1
            right += 1 if dp == dm else 0.5 if dp == 0 else 0
    return right / total if total else None


def metrics(ids, samples, predictions):
    measured = np.array([samples[i]["time_ns"] for i in ids])
    predicted = np.array([predictions[i] for i in ids])
    log_m, log_p = np.log(measured), np.log(predicted)
    result = {
        "samples": len(ids),
        "mape": float(np.mean(np.abs(predicted - measured) / measured)),
        "rmse_log": float(np.sqrt(np.mean((log_p - log_m) ** 2))),
        "r2_log": float(1 - np.sum((log_p - log_m) ** 2) /
                        np.sum((log_m - log_m.mean()) ** 2)),
    }
    groups = {}
    for i in ids:
        groups.setdefault(samples[i]["group"], []).append(i)
    taus, accuracies, resolvable, regrets = [], [], [], []
    for members in groups.values():
        if len(members) < 2:
            continue
        m = [samples[i]["time_ns"] for i in members]
        p = [predictions[i] for i in members]
        tau = kendall_tau(m, p)
        if tau is not None:
            taus.append(tau)
        accuracy = pairwise_accuracy(m, p)
        if accuracy is not None:
            accuracies.append(accuracy)
        accuracy = pairwise_accuracy(
            m, p, [samples[i]["spread"] for i in members])
        if accuracy is not None:
            resolvable.append(accuracy)
        chosen = min(range(len(p)), key=lambda k: (p[k], k))
        regrets.append(m[chosen] / min(m) - 1)
    result.update(
        groups=len(regrets),
        kendall_tau=float(np.mean(taus)) if taus else float("nan"),
        pairwise_accuracy=float(np.mean(accuracies))
        if accuracies else float("nan"),
        resolvable_accuracy=float(np.mean(resolvable))
        if resolvable else float("nan"),
        regret_mean=float(np.mean(regrets)) if regrets else float("nan"),
        regret_within_5=float(np.mean([r <= 0.05 for r in regrets]))
        if regrets else float("nan"))
    return result


DEFAULT_CHOICE = {"tile_m": 6, "tile_n": 16, "pack_rhs": True,
                  "im2col": True}


def default_regret(ids, samples):
    """Top-1 regret of the fixed rule (tile 6x16, packed, im2col): what
    choosing by a model is measured against. Groups without the default
    among their samples are left out."""
    groups = {}
    for i in ids:
        groups.setdefault(samples[i]["group"], []).append(samples[i])
    regrets = []
    for members in groups.values():
        if len(members) < 2:
            continue
        default = [s for s in members
                   if all(s.get("choice", {}).get(k) == v
                          for k, v in DEFAULT_CHOICE.items())]
        if default:
            best = min(s["time_ns"] for s in members)
            regrets.append(default[0]["time_ns"] / best - 1)
    return regrets


def table(rows, first="predictor"):
    out = [f"| {first} | samples | groups | MAPE | RMSE log | R² log | "
           "Kendall τ | pairwise acc. | pairwise acc., resolvable | "
           "top-1 regret (mean) | top-1 within 5% |",
           "|---|---|---|---|---|---|---|---|---|---|---|"]
    for name, r in rows:
        out.append(
            f"| {name} | {r['samples']} | {r['groups']} | "
            f"{100 * r['mape']:.1f}% | {r['rmse_log']:.3f} | "
            f"{r['r2_log']:.3f} | {r['kendall_tau']:.3f} | "
            f"{100 * r['pairwise_accuracy']:.1f}% | "
            f"{100 * r['resolvable_accuracy']:.1f}% | "
            f"{100 * r['regret_mean']:.1f}% | "
            f"{100 * r['regret_within_5']:.1f}% |")
    return "\n".join(out)


def plot(name, ids, samples, predictions, path, title):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    measured = np.array([samples[i]["time_ns"] for i in ids])
    predicted = np.array([predictions[i] for i in ids])
    ops = sorted({samples[i]["op"] for i in ids})
    fig, ax = plt.subplots(figsize=(6, 6), dpi=100)
    for op in ops:
        mask = np.array([samples[i]["op"] == op for i in ids])
        ax.scatter(measured[mask], predicted[mask], s=4, alpha=0.5,
                   label=op.replace("linalg.", ""))
    lo = min(measured.min(), predicted.min()) / 1.5
    hi = max(measured.max(), predicted.max()) * 1.5
    ax.plot([lo, hi], [lo, hi], "k-", linewidth=0.8)
    for factor in (0.5, 2):
        ax.plot([lo, hi], [lo * factor, hi * factor], "k:", linewidth=0.6)
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlim(lo, hi)
    ax.set_ylim(lo, hi)
    ax.set_xlabel("measured time (ns)")
    ax.set_ylabel("predicted time (ns)")
    ax.set_title(title, fontsize=10)
    if len(ops) <= 12:
        ax.legend(fontsize=6, markerscale=3, loc="upper left")
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", required=True)
    parser.add_argument("--split", required=True)
    parser.add_argument("--pred", action="append", required=True,
                        metavar="NAME=FILE")
    parser.add_argument("--markdown", help="also write the table here")
    parser.add_argument("--json", help="write the metrics as JSON here")
    parser.add_argument("--plot-dir",
                        help="draw cost-model-NAME.png for each predictor "
                        "here")
    parser.add_argument("--max-spread", type=float,
                        help="report only test samples whose spread "
                        "((p90 - p10) / median) is at most this")
    parser.add_argument("--by-op", action="store_true",
                        help="also a table per op, for each predictor")
    args = parser.parse_args()

    with open(args.split) as f:
        test_families = set(json.load(f)["test_families"])
    _, samples = read_corpus(args.corpus, test_families, args.max_spread)
    if not samples:
        sys.exit("no samples of the test families "
                 f"{sorted(test_families)} in {args.corpus}")
    predictors = []
    for spec in args.pred:
        name, _, path = spec.partition("=")
        if not path:
            sys.exit(f"--pred {spec}: expected NAME=FILE")
        predictors.append((name, read_predictions(path)))
    ids = [i for i in samples if all(i in p for _, p in predictors)]
    if not ids:
        sys.exit("no test sample has a prediction from every predictor")
    families = sorted({samples[i]["family"] for i in ids})
    rows = [(name, metrics(ids, samples, p)) for name, p in predictors]
    noise = ("" if args.max_spread is None else
             f" (only those with spread <= {args.max_spread})")
    text = (f"Held-out families: {', '.join(families)}; {len(ids)} of "
            f"{len(samples)} test samples{noise} predicted by every "
            f"predictor.\n\n"
            + table(rows))
    regrets = default_regret(ids, samples)
    if regrets:
        text += (f"\n\nThe fixed rule (tile 6x16, packed, im2col) on the "
                 f"{len(regrets)} groups that measured it: top-1 regret "
                 f"{100 * np.mean(regrets):.1f}% on average, within 5% in "
                 f"{100 * np.mean([r <= 0.05 for r in regrets]):.1f}% of "
                 f"them.")
    if args.by_op:
        for name, p in predictors:
            by_op = {}
            for i in ids:
                by_op.setdefault(samples[i]["op"], []).append(i)
            text += f"\n\n{name}, per op:\n\n" + table(
                [(op, metrics(op_ids, samples, p))
                 for op, op_ids in sorted(by_op.items())], first="op")
    print(text)
    if args.markdown:
        with open(args.markdown, "w") as f:
            f.write(text + "\n")
    if args.json:
        with open(args.json, "w") as f:
            json.dump({name: r for name, r in rows}, f, indent=2)
    if args.plot_dir:
        os.makedirs(args.plot_dir, exist_ok=True)
        for (name, p), (_, r) in zip(predictors, rows):
            path = os.path.join(args.plot_dir, f"cost-model-{name}.png")
            plot(name, ids, samples, p, path,
                 f"{name} on held-out families ({len(ids)} samples)\n"
                 f"MAPE {100 * r['mape']:.1f}%, Kendall τ "
                 f"{r['kendall_tau']:.3f}, regret {100 * r['regret_mean']:.1f}%")
            print(f"wrote {path}", file=sys.stderr)


if __name__ == "__main__":
    main()
