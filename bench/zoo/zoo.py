#!/usr/bin/python3
"""Runs DFG over the torchvision model zoo and writes docs/model-zoo.md.

A report, not a test. For each model (random weights, fixed seeds; no
download):

  1. export it to ONNX with PyTorch's exporter, with an input and PyTorch's
     output (one thread) in the ONNX backend-test layout;
  2. compile it with dfg-compile (timed; its first error line is the reason
     when it fails);
  3. run the compiled model with dfg-run on the input and compare every
     output with PyTorch's: it matches when |dfg - torch| <= 1e-4 * |torch|
     + 1e-4 * max|torch| element-wise (numpy.allclose with rtol 1e-4 and an
     absolute tolerance of 1e-4 of the output's largest magnitude, so that
     values near zero in a wide-ranged output do not fail on rounding);
  4. time DFG (dfg-run --threads 1 --benchmark) and ONNX Runtime with one
     thread (bench/ort/run.js --threads 1) in the same run, and record the
     arena that dfg-run reports.

The models: every torchvision classification architecture whose fp32
weights are under 400 MB (batch 1 at the architecture's usual resolution,
dynamic batch), the segmentation models with dynamic batch, height and
width (run at 3x256x256) and the detection models at opset 11 (3x320x320).

Each model's result is one JSON file under bench/zoo/results/ (committed:
docs/model-zoo.md and bench/zoo/status.txt are generated from them, and a
run resumes by skipping models that have one). Exports and libraries go to
build/zoo/.

  bench/zoo/zoo.py run [--models a,b] [--family classification,...]
                       [--redo] [--timeout S] [--iters N] [--budget S]
  bench/zoo/zoo.py report
  bench/zoo/zoo.py list

Run it with /usr/bin/python3 (python3-torch, python3-torchvision, onnx,
numpy; scripts/setup-models.sh) after scripts/setup.sh and
scripts/setup-bench.sh.
"""

import argparse
import importlib.util
import json
import os
import platform
import re
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
RESULTS = os.path.join(ROOT, "bench", "zoo", "results")
STATUS = os.path.join(ROOT, "bench", "zoo", "status.txt")
REPORT = os.path.join(ROOT, "docs", "model-zoo.md")
WORK = os.path.join(ROOT, "build", "zoo")
BIN = os.path.join(ROOT, "build", "bin")

MAX_WEIGHT_BYTES = 400e6
RTOL = 1e-4
SCALE_ATOL = 1e-4
FAMILIES = ("classification", "segmentation", "detection")


def load_exporter():
    """utils/export-real-models.py as a module, for its seeds and helpers."""
    path = os.path.join(ROOT, "utils", "export-real-models.py")
    spec = importlib.util.spec_from_file_location("export_real_models", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def zoo():
    """name -> (family, input shape without batch, weight bytes)."""
    from torchvision import models
    entries = {}
    for family, module in (("classification", models),
                           ("segmentation", models.segmentation),
                           ("detection", models.detection)):
        for name in models.list_models(module=module):
            weights = list(models.get_model_weights(name))
            size = weights[0].meta["num_params"] * 4
            if family == "classification":
                if size >= MAX_WEIGHT_BYTES:
                    continue
                side = 299 if name == "inception_v3" else 224
                shape = (3, side, side)
            elif family == "segmentation":
                shape = (3, 256, 256)
            else:
                shape = (3, 320, 320)
            entries[name] = (family, shape, size)
    return entries


class ModelOutputs:
    """Wraps a model so that it returns a tuple of tensors."""

    @staticmethod
    def wrap(torch, model, family):
        class Wrapped(torch.nn.Module):
            def __init__(self):
                super().__init__()
                self.inner = model

            def forward(self, x):
                if family == "segmentation":
                    return self.inner(x)["out"]
                if family == "detection":
                    out = self.inner([x[0]])[0]
                    return out["boxes"], out["scores"], out["labels"]
                return self.inner(x)
        return Wrapped().eval()


def export(name, family, shape, model_dir):
    """Writes model.onnx and test_data_set_0 for `name`; returns seconds."""
    import numpy as np
    import onnx
    import torch
    import warnings
    from torchvision import models

    exporter = load_exporter()
    torch.set_num_threads(1)
    torch.manual_seed(exporter.TORCH_SEED)
    kwargs = {"weights": None}
    if family == "classification" and name in ("googlenet", "inception_v3"):
        kwargs["init_weights"] = True
        kwargs["aux_logits"] = False
    if family != "classification":
        kwargs["weights_backbone"] = None
    model = models.get_model(name, **kwargs).eval()
    exporter.calibrate_batch_norm(model, shape)
    wrapped = ModelOutputs.wrap(torch, model, family)

    os.makedirs(model_dir, exist_ok=True)
    path = os.path.join(model_dir, "model.onnx")
    rng = np.random.default_rng([exporter.NUMPY_SEED, sum(map(ord, name))])
    x = rng.standard_normal((1,) + shape, dtype=np.float32)
    if family == "detection":
        opset = 11
        axes = {"input": {2: "height", 3: "width"}}
    elif family == "segmentation":
        opset = exporter.pick_opset()
        axes = {"input": {0: "batch", 2: "height", 3: "width"},
                "output_0": {0: "batch", 2: "height", 3: "width"}}
    else:
        opset = exporter.pick_opset()
        axes = {"input": {0: "batch"}, "output_0": {0: "batch"}}
    with torch.no_grad():
        expected = wrapped(torch.from_numpy(x))
    if isinstance(expected, torch.Tensor):
        expected = (expected,)
    names = [f"output_{i}" for i in range(len(expected))]
    start = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(wrapped, (torch.from_numpy(x),), path,
                          opset_version=opset, do_constant_folding=True,
                          input_names=["input"], output_names=names,
                          dynamic_axes=axes)
    seconds = time.perf_counter() - start
    onnx.checker.check_model(path)
    data = os.path.join(model_dir, "test_data_set_0")
    os.makedirs(data, exist_ok=True)
    exporter.write_tensor(os.path.join(data, "input_0.pb"), x, "input")
    for i, y in enumerate(expected):
        exporter.write_tensor(os.path.join(data, f"output_{i}.pb"),
                              y.numpy(), names[i])
    return {"opset": opset, "export_s": round(seconds, 2),
            "onnx_bytes": os.path.getsize(path)}


def first_error(text):
    """The first diagnostic line of a tool's output, shortened."""
    for line in text.splitlines():
        if "error" in line.lower():
            line = re.sub(r"^.*?error:\s*", "", line.strip())
            return line[:200]
    lines = [l for l in text.splitlines() if l.strip()]
    return (lines[-1] if lines else "no output")[:200]


def run(cmd, timeout):
    start = time.perf_counter()
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True,
                              timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, timeout, f"timed out after {timeout} s"
    return proc, time.perf_counter() - start, proc.stdout + proc.stderr


def compare(model_dir, out_dir):
    """Largest error over the outputs, relative to each output's scale."""
    import numpy as np
    import onnx
    from onnx import numpy_helper
    data = os.path.join(model_dir, "test_data_set_0")
    worst, ok = 0.0, True
    i = 0
    while os.path.exists(os.path.join(data, f"output_{i}.pb")):
        ref = numpy_helper.to_array(onnx.load_tensor(
            os.path.join(data, f"output_{i}.pb")))
        got_path = os.path.join(out_dir, f"output_{i}.npy")
        if not os.path.exists(got_path):
            return False, float("inf"), f"dfg-run wrote no output_{i}"
        got = np.load(got_path)
        if got.shape != ref.shape:
            return False, float("inf"), (f"output {i} has shape {got.shape}, "
                                         f"PyTorch's {ref.shape}")
        if ref.size == 0:
            i += 1
            continue
        ref = ref.astype(np.float64)
        got = got.astype(np.float64)
        scale = float(np.max(np.abs(ref))) or 1.0
        err = float(np.max(np.abs(got - ref))) / scale
        worst = max(worst, err)
        ok &= bool(np.allclose(got, ref, rtol=RTOL, atol=SCALE_ATOL * scale))
        i += 1
    return ok, worst, None


def median(text):
    m = re.search(r"latency_ms median=([0-9.]+)", text)
    return float(m.group(1)) if m else None


def run_model(name, family, shape, size, args):
    model_dir = os.path.join(WORK, name)
    result = {"name": name, "family": family,
              "input": "x".join(map(str, (1,) + shape)),
              "weight_mb": round(size / 1e6, 1)}
    model = os.path.join(model_dir, "model.onnx")
    if not os.path.exists(os.path.join(model_dir, "test_data_set_0",
                                       "output_0.pb")):
        proc, _, text = run([sys.executable, __file__, "export-one", name],
                            args.timeout)
        if proc is None or proc.returncode != 0:
            # A Python traceback: its last line says what went wrong.
            lines = [l for l in text.splitlines() if l.strip()]
            result.update(status="export failed",
                          reason=(lines[-1] if lines and proc else
                                  first_error(text))[:200])
            return result
    with open(os.path.join(model_dir, "export.json")) as f:
        result.update(json.load(f))

    lib = os.path.join(model_dir, f"lib{name}.so")
    proc, seconds, text = run([os.path.join(BIN, "dfg-compile"), model,
                               "-o", lib], args.timeout)
    if proc is None or proc.returncode != 0:
        result.update(status="compile failed", reason=first_error(text),
                      compile_s=round(seconds, 1))
        return result
    result["compile_s"] = round(seconds, 1)

    out_dir = os.path.join(model_dir, "out")
    os.makedirs(out_dir, exist_ok=True)
    inp = os.path.join(model_dir, "test_data_set_0", "input_0.pb")
    proc, _, text = run([os.path.join(BIN, "dfg-run"), lib, "--input", inp,
                         "--output-dir", out_dir], args.timeout)
    if proc is None or proc.returncode != 0:
        result.update(status="run failed", reason=first_error(text))
        return result
    ok, err, why = compare(model_dir, out_dir)
    result["max_rel_error"] = err
    if not ok:
        result.update(status="mismatch",
                      reason=why or f"largest error {err:.2e} of the "
                                    f"output's scale")
        return result

    proc, _, text = run([os.path.join(BIN, "dfg-run"), lib, "--input", inp,
                         "--threads", "1", "--benchmark", str(args.iters)],
                        args.timeout)
    dfg = median(text) if proc else None
    arena = re.search(r"arena_bytes=(\d+)", text or "")
    proc, _, text = run(["node", os.path.join(ROOT, "bench", "ort",
                                              "run.js"), model, inp,
                         "--threads", "1", "--iters", str(args.iters),
                         "--warmup", "3"], args.timeout)
    ort = median(text) if proc and proc.returncode == 0 else None
    result.update(status="ok", dfg_ms=dfg, ort_ms=ort,
                  arena_bytes=int(arena.group(1)) if arena else None)
    if ort is None:
        result["ort_error"] = first_error(text)
    return result


def describe_machine():
    """The CPU model, core count and widest vector extension."""
    model, flags = platform.machine(), ""
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                key, _, value = line.partition(":")
                if key.strip() == "model name" and model == platform.machine():
                    model = value.strip()
                elif key.strip() == "flags" and not flags:
                    flags = value
    except OSError:
        pass
    isa = "AVX-512" if " avx512f" in flags else "AVX2" if " avx2" in flags \
        else "no AVX2"
    return f"{model}, {os.cpu_count()} cores, {isa}"


def load_results():
    results = {}
    if os.path.isdir(RESULTS):
        for file in sorted(os.listdir(RESULTS)):
            if file.endswith(".json"):
                with open(os.path.join(RESULTS, file)) as f:
                    r = json.load(f)
                results[r["name"]] = r
    return results


def geomean(values):
    import math
    values = [v for v in values if v]
    if not values:
        return None
    return math.exp(sum(math.log(v) for v in values) / len(values))


def report(entries):
    results = load_results()
    lines = []
    ok = [r for r in results.values() if r["status"] == "ok"]
    ratios = [r["dfg_ms"] / r["ort_ms"] for r in ok
              if r.get("dfg_ms") and r.get("ort_ms")]
    runs = sorted({r.get("machine", "?") for r in results.values()})
    lines += [
        "# The model zoo",
        "",
        "<!-- Generated by bench/zoo/zoo.py report from bench/zoo/results/;"
        " do not edit. -->",
        "",
        "DFG over torchvision's architectures with random weights (fixed "
        "seeds): every classification model whose fp32 weights are under "
        "400 MB, the segmentation models with dynamic batch, height and "
        "width, and the detection models at opset 11. Each is exported by "
        "PyTorch's exporter, compiled by `dfg-compile`, run by `dfg-run` "
        "and compared with PyTorch's output (match: numpy.allclose with "
        "rtol 1e-4 and atol 1e-4 of the output's largest magnitude; the "
        "error column is the largest difference over that magnitude), then "
        "timed against ONNX Runtime with one thread in the same run "
        "(batch 1, median of the iterations). A report, not a test:",
        "",
        "```sh",
        "bench/zoo/zoo.py run            # resumable: skips models with a "
        "result",
        "bench/zoo/zoo.py report         # writes this page and "
        "bench/zoo/status.txt",
        "```",
        "",
        f"Machines: {', '.join(runs)}.",
        "",
        "## Summary",
        "",
        f"- Models in the zoo: {len(entries)}; run so far: {len(results)}; "
        f"compile and match: {len(ok)}"
        + (f" ({100 * len(ok) / len(results):.0f}% of those run)"
           if results else "") + ".",
    ]
    if ratios:
        lines.append(
            f"- DFG / ONNX Runtime single-thread latency over the {len(ratios)}"
            f" timed models: geomean {geomean(ratios):.2f}x, best "
            f"{min(ratios):.2f}x, worst {max(ratios):.2f}x.")
    missing = [n for n in entries if n not in results]
    if missing:
        lines.append(f"- Not run yet ({len(missing)}): "
                     + ", ".join(missing) + ".")
    lines += ["", "## Per model", "",
              "| model | family | input | status | compile (s) | arena (MB) "
              "| DFG (ms) | ORT 1 thread (ms) | DFG / ORT | max error |",
              "|---|---|---|---|---|---|---|---|---|---|"]

    def fmt(value, spec):
        return format(value, spec) if value is not None else ""

    order = {n: i for i, n in enumerate(entries)}
    for r in sorted(results.values(),
                    key=lambda r: (FAMILIES.index(r["family"]),
                                   order.get(r["name"], 1e9))):
        ratio = (r["dfg_ms"] / r["ort_ms"]
                 if r.get("dfg_ms") and r.get("ort_ms") else None)
        arena = r.get("arena_bytes")
        status = r["status"]
        lines.append(
            f"| {r['name']} | {r['family']} | {r['input']} | {status} | "
            f"{fmt(r.get('compile_s'), '.1f')} | "
            f"{fmt(arena / 1e6 if arena is not None else None, '.1f')} | "
            f"{fmt(r.get('dfg_ms'), '.2f')} | {fmt(r.get('ort_ms'), '.2f')} "
            f"| {fmt(ratio, '.2f')}{'x' if ratio else ''} | "
            f"{fmt(r.get('max_rel_error'), '.1e')} |")
    failed = [r for r in results.values() if r["status"] != "ok"]
    if failed:
        lines += ["", "## Why the others fail", ""]
        for r in failed:
            lines.append(f"- **{r['name']}** ({r['status']}): {r['reason']}")
    with open(REPORT, "w") as f:
        f.write("\n".join(lines) + "\n")
    with open(STATUS, "w") as f:
        f.write("# bench/zoo/zoo.py report: one line a model run\n")
        for r in sorted(results.values(), key=lambda r: r["name"]):
            reason = "" if r["status"] == "ok" else f": {r['reason']}"
            f.write(f"{r['name']} {r['status'].replace(' ', '-')}{reason}\n")
    print(f"wrote {os.path.relpath(REPORT, ROOT)} and "
          f"{os.path.relpath(STATUS, ROOT)}")


def main():
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    run_parser = sub.add_parser("run", help="run models, then report")
    run_parser.add_argument("--models", default="",
                            help="comma-separated names (default: all)")
    run_parser.add_argument("--family", default=",".join(FAMILIES),
                            help="comma-separated families")
    run_parser.add_argument("--redo", action="store_true",
                            help="rerun models that have a result")
    run_parser.add_argument("--timeout", type=int, default=900,
                            help="seconds per export, compile or run")
    run_parser.add_argument("--iters", type=int, default=10,
                            help="timed iterations of each side")
    run_parser.add_argument("--budget", type=int, default=0,
                            help="stop starting models after S seconds")
    sub.add_parser("report", help="write docs/model-zoo.md")
    sub.add_parser("list", help="print the zoo")
    one = sub.add_parser("export-one", help=argparse.SUPPRESS)
    one.add_argument("name")
    args = parser.parse_args()

    entries = zoo()
    if args.command == "list":
        for name, (family, shape, size) in entries.items():
            print(f"{name} {family} {'x'.join(map(str, shape))} "
                  f"{size / 1e6:.0f}MB")
        return 0
    if args.command == "report":
        report(entries)
        return 0
    if args.command == "export-one":
        family, shape, _ = entries[args.name]
        model_dir = os.path.join(WORK, args.name)
        info = export(args.name, family, shape, model_dir)
        with open(os.path.join(model_dir, "export.json"), "w") as f:
            json.dump(info, f)
        return 0

    names = [n for n in args.models.split(",") if n] or list(entries)
    unknown = [n for n in names if n not in entries]
    if unknown:
        parser.error(f"unknown model(s): {', '.join(unknown)}; see 'list'")
    families = args.family.split(",")
    os.makedirs(RESULTS, exist_ok=True)
    done = load_results()
    machine = describe_machine()
    commit = subprocess.run(["git", "-C", ROOT, "rev-parse", "--short",
                             "HEAD"], capture_output=True,
                            text=True).stdout.strip() or "unknown"
    start = time.monotonic()
    for name in names:
        family, shape, size = entries[name]
        if family not in families or (name in done and not args.redo):
            continue
        if args.budget and time.monotonic() - start > args.budget:
            print(f"budget of {args.budget} s spent; stopping before {name}")
            break
        result = run_model(name, family, shape, size, args)
        result["machine"] = machine
        result["commit"] = commit
        result["date"] = time.strftime("%Y-%m-%d")
        with open(os.path.join(RESULTS, f"{name}.json"), "w") as f:
            json.dump(result, f, indent=1, sort_keys=True)
            f.write("\n")
        print(f"{name}: {result['status']}"
              + (f" ({result['reason']})" if result.get("reason") else "")
              + (f" compile {result['compile_s']} s"
                 if "compile_s" in result else "")
              + (f" dfg {result['dfg_ms']} ms ort {result['ort_ms']} ms"
                 if result.get("dfg_ms") else ""), flush=True)
    report(entries)
    return 0


if __name__ == "__main__":
    sys.exit(main())
