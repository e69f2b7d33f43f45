#!/usr/bin/env python3
"""Times a random subset of the corpus again and reports the agreement.

    bench/cost-model/retime.py CORPUS [--n 300] [--seed 2] [--out RETIMES.jsonl]

Samples are drawn at random (seeded), recompiled from their MLIR with their
choice exactly as collect.py does, and timed with the same timer; prints
how far the second measurement is from the first (ratio second / first:
median, percentiles, share within 5%, 10% and 20%), and the same for the
samples whose recorded spread was at most 0.1.
"""
import argparse
import json
import math
import os
import random
import statistics
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import collect  # noqa: E402
from corpus import load, percentile  # noqa: E402


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("corpus")
    p.add_argument("--n", type=int, default=300)
    p.add_argument("--seed", type=int, default=2)
    p.add_argument("--out", default=None)
    p.add_argument("--build", default=os.path.join(collect.ROOT, "build"))
    p.add_argument("--cpu", type=int, default=os.cpu_count() - 1)
    p.add_argument("--compile-cpu", type=int, default=0 if os.cpu_count() > 1 else None)
    p.add_argument("--min-ms", type=float, default=20)
    args = p.parse_args()
    header, samples = load(args.corpus)
    rng = random.Random(args.seed)
    picked = rng.sample(samples, min(args.n, len(samples)))
    work = tempfile.mkdtemp(prefix="dfg-retime-")
    profile = os.path.join(work, "profile.json")
    with open(profile, "w") as f:
        json.dump(header["profile"], f)
    tools = collect.Tools(args.build, os.path.abspath(profile), args.cpu, args.compile_cpu)
    tools.build_timer(work)
    by_choice = {}
    for s in picked:
        by_choice.setdefault(collect.choice_key(s["choice"]), []).append(s)
    results = []
    failures = []
    for ck, group in sorted(by_choice.items()):
        members = []
        for i, s in enumerate(group):
            k = {"group": s["group"], "mlir": s["mlir"], "sig": collect.signature(s["mlir"]),
                 "sample": s}
            members.append((f"k{i}", k))
        for c0 in range(0, len(members), 24):
            chunk = members[c0:c0 + 24]
            mod = os.path.join(work, f"{ck}_{c0}.mlir")
            collect.write_module(mod, chunk)
            err = tools.compile(mod, group[0]["choice"], mod[:-5] + ".so")
            if err:
                failures.append(err)
                continue
            measured = collect.time_members(
                tools, mod[:-5] + ".so", chunk, args.min_ms,
                lambda sid, why: failures.append(why), group[0]["choice"])
            for name, k in chunk:
                if name in measured:
                    med, p10, p90, reps, tries = measured[name]
                    s = k["sample"]
                    results.append({"id": s["id"], "time_ns": s["time_ns"], "spread": s["spread"],
                                    "retime_ns": med,
                                    "retime_spread": (p90 - p10) / med if med else 0})
        print(f"{len(results)}/{len(picked)} retimed", flush=True)
    if args.out:
        with open(args.out, "w") as f:
            for r in results:
                f.write(json.dumps(r) + "\n")

    def report(rs, label):
        if not rs:
            return
        ratios = [r["retime_ns"] / r["time_ns"] for r in rs]
        dev = [abs(math.log(x)) for x in ratios]
        la = [math.log(r["time_ns"]) for r in rs]
        lb = [math.log(r["retime_ns"]) for r in rs]
        corr = statistics.correlation(la, lb) if len(rs) > 2 else float("nan")
        print(f"{label}: {len(rs)} samples; ratio second/first median {statistics.median(ratios):.3f}, "
              f"p10 {percentile(ratios, 0.1):.3f}, p90 {percentile(ratios, 0.9):.3f}; "
              f"within 5%: {sum(d <= math.log(1.05) for d in dev) / len(dev):.1%}, "
              f"10%: {sum(d <= math.log(1.1) for d in dev) / len(dev):.1%}, "
              f"20%: {sum(d <= math.log(1.2) for d in dev) / len(dev):.1%}; "
              f"correlation of log times {corr:.4f}")

    report(results, "all")
    report([r for r in results if r["spread"] <= 0.1], "spread <= 0.1")
    print(f"{len(failures)} failures")


if __name__ == "__main__":
    main()
