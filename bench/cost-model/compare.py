#!/usr/bin/env python3
"""Predicted against measured: the analytic cost model's GFLOP/s for a
kernel (dfg-annotate-cost with a machine profile) next to the GFLOP/s the
kernel reaches through dfg-tile-and-vectorize and mlir-runner -O3
(bench/codegen's generator and pipeline).

  bench/cost-model/compare.py --profile PROFILE [--build build]
                              [--shapes bench/cost-model/shapes.txt]
                              [--tries 3] [--opts "tile-m=4 tile-n=8" ...]

Each --opts is one code-generation choice, given to both
dfg-tile-and-vectorize and dfg-annotate-cost (they share the option names
tile-m, tile-n, tile-k, im2col, pack-rhs); one row per shape and choice.

Prints a Markdown table; the ratio is to the best run, the one least
disturbed by other work on a shared machine. The measured time of a padded convolution includes
its tensor.pad, which the prediction (of the convolution alone) does not.
"""
import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
LLVM = "/usr/lib/llvm-22"
KERNEL = re.compile(r"linalg\.(matmul|batch_matmul|conv_2d_nchw_fchw|"
                    r"depthwise_conv_2d_nchw_chw) \{([^}]*)\}")


def pipeline(opts):
    """VEC from bench/codegen/pipelines.sh, with `opts` for the pass."""
    out = subprocess.run(
        ["bash", "-c", f"source {ROOT}/bench/codegen/pipelines.sh; echo $VEC"],
        check=True, capture_output=True, text=True,
        env=dict(os.environ, PASS_OPTS=opts))
    return out.stdout.strip()


def predict(opt, mlir, profile, opts):
    out = subprocess.run(
        [opt, mlir, f"--dfg-annotate-cost=profile={profile} {opts}"],
        check=True, capture_output=True, text=True)
    if "warning" in out.stderr:
        sys.exit(out.stderr)
    match = KERNEL.search(out.stdout)
    attrs = dict(re.findall(r"dfg\.(\w+) = ([0-9.e+-x]+)", match.group(2)))
    flops = float(attrs["flops"])
    ns = float.fromhex(attrs["predicted_time_ns"]) if attrs[
        "predicted_time_ns"].startswith("0x") else float(
            attrs["predicted_time_ns"])
    return flops / ns


def measure(opt, mlir, opts, tries, tmp):
    lowered = os.path.join(tmp, "ll.mlir")
    subprocess.run([opt, mlir, f"--pass-pipeline={pipeline(opts)}", "-o",
                    lowered],
                   check=True)
    libs = ",".join(os.path.join(LLVM, "lib", name) for name in
                    ("libmlir_runner_utils.so", "libmlir_c_runner_utils.so"))
    runs = []
    for _ in range(tries):
        out = subprocess.run(
            [os.path.join(LLVM, "bin", "mlir-runner"), lowered, "-e", "main",
             "-entry-point-result=void", "-O3", "-shared-libs=" + libs],
            check=True, capture_output=True, text=True)
        runs.append(float(out.stdout.split()[0]))
    return statistics.median(runs), max(runs)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--profile", required=True)
    parser.add_argument("--build", default=os.path.join(ROOT, "build"))
    parser.add_argument("--shapes", default=os.path.join(HERE, "shapes.txt"))
    parser.add_argument("--tries", type=int, default=3)
    parser.add_argument("--opts", action="append")
    args = parser.parse_args()
    opt = os.path.join(args.build, "bin", "dfg-opt")
    choices = args.opts or [""]
    print("| kernel | choice | predicted GFLOP/s | measured GFLOP/s (median / best) "
          "| predicted / best measured |")
    print("|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for line in open(args.shapes):
            line = line.split("#")[0].split()
            if not line:
                continue
            *shape, reps = line
            mlir = os.path.join(tmp, "in.mlir")
            with open(mlir, "w") as f:
                subprocess.run([sys.executable, os.path.join(
                    ROOT, "bench", "codegen", "gen.py"), *shape, "--reps",
                    reps], check=True, stdout=f)
            for opts in choices:
                # FLOP per ns: GFLOP/s.
                predicted = predict(opt, mlir, args.profile, opts)
                median, best = measure(opt, mlir, opts, args.tries, tmp)
                print(f"| {' '.join(shape)} | {opts or 'default'} | "
                      f"{predicted:.1f} | {median:.1f} / {best:.1f} | "
                      f"{predicted / best:.2f} |", flush=True)


if __name__ == "__main__":
    main()
