#!/usr/bin/env python3
"""Reads, summarizes and packs the cost-model corpus.

    bench/cost-model/corpus.py stats FILE            # counts, noise, markdown
    bench/cost-model/corpus.py pack FILE OUT.jsonl.gz [--max-spread S]
    bench/cost-model/corpus.py unpack FILE OUT.jsonl   # "mlir" on every line

FILE is the collector's output (plain or gzip'd JSON lines, header first).
`pack` writes the committed form: the same header and sample lines, each
sample's MLIR stored once per group (on the group's first sample; the others
omit "mlir"), numbers rounded to 6 significant digits. `load(path)` (used by
the trainers in Python; C++ readers do the same) gives back every sample
with its "mlir":

    from corpus import load
    header, samples = load("bench/cost-model/corpus/corpus.jsonl.gz")

Convention for other readers: a sample without "mlir" has the "mlir" of
the first earlier sample with the same "group".
"""
import argparse
import collections
import gzip
import json
import math
import statistics
import sys


def open_text(path, mode="rt"):
    if path.endswith(".gz"):
        return gzip.open(path, mode)
    return open(path, mode[0])


def load(path):
    """(header, [sample]) with every sample's "mlir" filled in."""
    header, samples, text = None, [], {}
    with open_text(path) as f:
        for line in f:
            try:
                d = json.loads(line)
            except json.JSONDecodeError:
                continue  # the last line of a file being written
            if d.get("format") == "dfg-cost-corpus":
                header = d
                continue
            if "mlir" in d:
                text.setdefault(d["group"], d["mlir"])
            else:
                d["mlir"] = text[d["group"]]
            samples.append(d)
    return header, samples


def unpack(src, dst):
    """The plain form readers without the per-group rule take (dfg-cost-text
    train/predict): every sample with its "mlir"."""
    header, samples = load(src)
    with open(dst, "w") as out:
        out.write(json.dumps(header) + "\n")
        for d in samples:
            out.write(json.dumps(d) + "\n")


def _round(x):
    if isinstance(x, float):
        return float(f"{x:.6g}")
    if isinstance(x, list):
        return [_round(v) for v in x]
    if isinstance(x, dict):
        return {k: _round(v) for k, v in x.items()}
    return x


def pack(src, dst, max_spread):
    header, samples = load(src)
    seen = set()
    kept = 0
    with gzip.open(dst, "wt", compresslevel=9) as f:
        f.write(json.dumps(header) + "\n")
        for s in samples:
            if max_spread is not None and s["spread"] > max_spread:
                continue
            s = dict(s)
            if s["group"] in seen:
                del s["mlir"]
            else:
                seen.add(s["group"])
            mlir = s.pop("mlir", None)
            s = _round(s)
            if mlir is not None:
                s["mlir"] = mlir
            f.write(json.dumps(s, separators=(",", ":")) + "\n")
            kept += 1
    print(f"{kept} samples, {len(seen)} groups -> {dst}")


def percentile(values, p):
    values = sorted(values)
    if not values:
        return float("nan")
    i = min(len(values) - 1, max(0, int(round(p * (len(values) - 1)))))
    return values[i]


def stats(path):
    header, samples = load(path)
    print(f"{len(samples)} samples, {len({s['group'] for s in samples})} kernels (groups)")
    by_family = collections.defaultdict(lambda: [0, set()])
    by_op = collections.defaultdict(lambda: [0, set()])
    by_source = collections.Counter()
    choices = collections.Counter()
    for s in samples:
        by_family[s["family"]][0] += 1
        by_family[s["family"]][1].add(s["group"])
        by_op[s["op"]][0] += 1
        by_op[s["op"]][1].add(s["group"])
        kind = s["source"].split(":")[0]
        by_source[kind] += 1
        c = s["choice"]
        choices[(c["tile_m"], c["tile_n"], c["pack_rhs"], c["im2col"])] += 1
    print("\n| family | kernels | samples |\n|---|---|---|")
    for fam, (n, g) in sorted(by_family.items(), key=lambda x: -x[1][0]):
        print(f"| {fam} | {len(g)} | {n} |")
    print("\n| op | kernels | samples |\n|---|---|---|")
    for op, (n, g) in sorted(by_op.items(), key=lambda x: -x[1][0]):
        print(f"| `{op}` | {len(g)} | {n} |")
    print("\n| source | samples |\n|---|---|")
    for k, n in by_source.most_common():
        print(f"| {k} | {n} |")
    print("\n| tile_m x tile_n, pack_rhs, im2col | samples |\n|---|---|")
    for (m, n, p, i), cnt in sorted(choices.items()):
        print(f"| {m}x{n} {'pack' if p else 'no pack'}{'' if i else ', direct'} | {cnt} |")
    spreads = [s["spread"] for s in samples]
    times = [s["time_ns"] for s in samples]
    print("\nspread (p90-p10)/median: " + ", ".join(
        f"p{int(p * 100)} {percentile(spreads, p):.3f}" for p in (0.1, 0.25, 0.5, 0.75, 0.9, 0.99)))
    for t in (0.05, 0.1, 0.2, 0.5):
        print(f"  spread <= {t}: {sum(x <= t for x in spreads) / len(spreads):.1%}")
    print("time_ns: " + ", ".join(
        f"p{int(p * 100)} {percentile(times, p):.0f}" for p in (0.0, 0.1, 0.5, 0.9, 1.0)))
    ratios = [s["analytic_ns"] / s["time_ns"] for s in samples if s["time_ns"] > 0 and s["analytic_ns"] > 0]
    logs = [abs(math.log(r)) for r in ratios]
    print(f"analytic/measured: median {statistics.median(ratios):.2f}, "
          f"median |log| {statistics.median(logs):.2f}")


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = p.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("stats")
    s.add_argument("file")
    k = sub.add_parser("pack")
    k.add_argument("file")
    k.add_argument("out")
    k.add_argument("--max-spread", type=float, default=None)
    u = sub.add_parser("unpack")
    u.add_argument("file")
    u.add_argument("out")
    a = p.parse_args()
    if a.cmd == "stats":
        stats(a.file)
    elif a.cmd == "unpack":
        unpack(a.file, a.out)
    else:
        pack(a.file, a.out, a.max_spread)


if __name__ == "__main__":
    sys.exit(main())
