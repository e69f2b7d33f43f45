#!/usr/bin/env python3
"""Feeds mutated copies of valid IR to a tool and fails if any run crashes.

Each mutation changes one thing in one line: deletes, duplicates or swaps a
token, replaces a number with an edge value, or truncates the file. The tool
may accept or reject the result, but must exit with 0 or 1 (never a signal,
an abort or a hang). Deterministic for a given --seed.
"""
import argparse
import random
import re
import subprocess
import sys
import tempfile

EDGE_NUMBERS = ["0", "-1", "1", "2", "-9223372036854775808",
                "9223372036854775807", "4294967296", "1.0e308", "nan"]
TOKEN = re.compile(r"[%#!]?[\w.]+|\S")


def mutate(lines, rng):
    lines = list(lines)
    candidates = [i for i, l in enumerate(lines)
                  if l.strip() and not l.lstrip().startswith("//")]
    i = rng.choice(candidates)
    tokens = [m for m in TOKEN.finditer(lines[i])]
    kind = rng.randrange(5)
    if kind == 4:
        cut = rng.randrange(len("\n".join(lines)))
        return "\n".join(lines)[:cut], "truncate at %d" % cut
    if not tokens:
        return "\n".join(lines), "none"
    t = rng.choice(tokens)
    s, e = t.span()
    line = lines[i]
    if kind == 0:
        lines[i] = line[:s] + line[e:]
        what = "delete %r" % t.group()
    elif kind == 1:
        lines[i] = line[:e] + " " + t.group() + line[e:]
        what = "duplicate %r" % t.group()
    elif kind == 2:
        numbers = list(re.finditer(r"-?\d+(\.\d+)?(e[-+]?\d+)?", line))
        if not numbers:
            return "\n".join(lines), "none"
        n = rng.choice(numbers)
        new = rng.choice(EDGE_NUMBERS)
        lines[i] = line[:n.start()] + new + line[n.end():]
        what = "number %r -> %s" % (n.group(), new)
    else:
        u = rng.choice(tokens)
        a, b = sorted([t, u], key=lambda m: m.start())
        if a.start() == b.start():
            return "\n".join(lines), "none"
        lines[i] = (line[:a.start()] + b.group() + line[a.end():b.start()] +
                    a.group() + line[b.end():])
        what = "swap %r and %r" % (a.group(), b.group())
    return "\n".join(lines), "line %d: %s" % (i + 1, what)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tool", required=True)
    parser.add_argument("--count", type=int, default=100)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--timeout", type=float, default=20)
    parser.add_argument("--tool-arg", action="append", default=[])
    parser.add_argument("inputs", nargs="+")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    sources = [open(p).read().splitlines() for p in args.inputs]
    rejected = 0
    for n in range(args.count):
        k = rng.randrange(len(sources))
        text, what = mutate(sources[k], rng)
        with tempfile.NamedTemporaryFile("w", suffix=".mlir") as f:
            f.write(text)
            f.flush()
            try:
                run = subprocess.run([args.tool, f.name] + args.tool_arg,
                                     capture_output=True, text=True,
                                     timeout=args.timeout)
            except subprocess.TimeoutExpired:
                print("HANG on mutation %d of %s (%s)" % (n, args.inputs[k], what))
                sys.exit(1)
        if run.returncode not in (0, 1):
            print("CRASH (exit %d) on mutation %d of %s (%s)\n%s\n--- input ---\n%s"
                  % (run.returncode, n, args.inputs[k], what, run.stderr[-3000:], text))
            sys.exit(1)
        if run.returncode == 1:
            rejected += 1
            if "error:" not in run.stderr:
                print("exit 1 without a diagnostic on mutation %d (%s)" % (n, what))
                sys.exit(1)
    print("%d mutations, %d rejected with a diagnostic, 0 crashes" % (args.count, rejected))


if __name__ == "__main__":
    main()
