#!/usr/bin/env python3
"""Extracts the kernels DFG compiles for real models, for the cost-model corpus.

    bench/cost-model/extract.py --out KERNELS.jsonl [--zoo DIR] [--models DIR]
        [--onnx-tests DIR] [--variants N] [--budget-minutes M]

For each model: `dfg-compile MODEL --emit=tensor` (linalg on tensors where
code generation starts; a dynamic dimension is fixed: batch 1, the zoo's
image sizes) and `dfg-opt --dfg-extract-kernels` (one function per distinct
linalg op). Each kernel becomes a JSON line

    {"family": "resnet", "source": "model:resnet18", "count": 3, "mlir": "func.func @kernel(...) ..."}

deduplicated within a family (the first model that has it is its source).
Models: the zoo's exports (bench/zoo/zoo.py writes DIR/NAME/model.onnx), the
real models of bench/models (build/models/NAME/model.onnx), the examples
(examples/models) and the ONNX backend tests (libonnx-testdata: family
"onnx-backend"; its `real` models get their architecture's family). With
--variants N, each convolution, matmul, pooling and elementwise kernel of a
model also gets up to N variants with perturbed sizes (same family, source
"variant:MODEL").

Resumable: models already in KERNELS.jsonl.done are skipped.
"""
import argparse
import json
import os
import random
import re
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

# torchvision's family names (the module a model comes from).
FAMILIES = [
    ("resnext", "resnet"), ("wide_resnet", "resnet"), ("resnet", "resnet"),
    ("mobilenet", "mobilenet"), ("mnasnet", "mnasnet"),
    ("efficientnet", "efficientnet"), ("squeezenet", "squeezenet"),
    ("shufflenet", "shufflenet"), ("regnet", "regnet"),
    ("densenet", "densenet"), ("vit", "vit"), ("swin", "swin"),
    ("maxvit", "maxvit"), ("convnext", "convnext"), ("googlenet", "googlenet"),
    ("inception", "inception"), ("deeplabv3", "deeplabv3"), ("fcn", "fcn"),
    ("lraspp", "lraspp"), ("transformer", "transformer"),
    ("alexnet", "alexnet"), ("vgg", "vgg"), ("zfnet", "zfnet"),
    ("fasterrcnn", "detection"), ("retinanet", "detection"),
    ("ssdlite", "detection"), ("fcos", "detection"),
]


def family_of(name):
    n = name.lower().removeprefix("test_")
    if n.startswith("maxvit"):
        return "maxvit"
    for prefix, family in FAMILIES:
        if n.startswith(prefix):
            return family
    return None


def input_shapes(path):
    """--input-shape flags fixing the dynamic dimensions of the inputs:
    batch 1, and the zoo's image sizes for others."""
    code = r"""
import onnx, sys, json
m = onnx.load(sys.argv[1], load_external_data=False)
inits = {i.name for i in m.graph.initializer}
out = []
for i in m.graph.input:
    if i.name in inits:
        continue
    dims = [d.dim_value if d.HasField("dim_value") else None
            for d in i.type.tensor_type.shape.dim]
    out.append([i.name, dims])
print(json.dumps(out))
"""
    r = subprocess.run(["/usr/bin/python3", "-c", code, path], capture_output=True, text=True)
    if r.returncode:
        return []
    flags = []
    for name, dims in json.loads(r.stdout):
        if all(d is not None for d in dims):
            continue
        side = 320 if "rcnn" in path or "retina" in path or "ssd" in path or "fcos" in path else \
            (299 if "inception_v3" in path else 256 if any(s in path for s in ("deeplab", "fcn", "lraspp")) else 224)
        fixed = []
        for i, d in enumerate(dims):
            if d is not None:
                fixed.append(d)
            elif i == 0:
                fixed.append(1)
            elif len(dims) == 4 and i == 1:
                fixed.append(3)
            elif len(dims) == 4:
                fixed.append(side)
            else:
                fixed.append(16)  # a sequence length
        flags.append(f"--input-shape={name}=" + "x".join(map(str, fixed)))
    return flags


def split_funcs(text):
    """The top-level functions of a printed module (local scope)."""
    funcs, cur = [], None
    for line in text.splitlines():
        if line.startswith("  func.func "):
            cur = [line[2:]]
        elif cur is not None:
            if line == "  }":
                cur.append("}")
                funcs.append("\n".join(cur))
                cur = None
            else:
                cur.append(line[2:] if line.startswith("  ") else line)
    return funcs


def clean(func):
    """@kernel, without the extraction's attributes; the count apart."""
    first, rest = func.split("\n", 1)
    count = 1
    m = re.search(r"dfg\.kernel_count = (\d+) : i64", first)
    if m:
        count = int(m.group(1))
    first = re.sub(r" attributes \{[^{}]*\}", "", first)
    first = re.sub(r"func\.func @[\w$.-]+\(", "func.func @kernel(", first, count=1)
    return first + "\n" + rest, count


def extract(build, model, timeout):
    compile_cmd = ["nice", "-n", "19", os.path.join(build, "bin", "dfg-compile"), model,
                   "--emit=tensor", "-o", "-"] + input_shapes(model)
    opt_cmd = ["nice", "-n", "19", os.path.join(build, "bin", "dfg-opt"), "-",
               "--dfg-extract-kernels", "--mlir-print-local-scope"]
    try:
        p1 = subprocess.Popen(compile_cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        p2 = subprocess.Popen(opt_cmd, stdin=p1.stdout, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
        p1.stdout.close()
        out, err2 = p2.communicate(timeout=timeout)
        err1 = p1.stderr.read().decode(errors="replace")
        p1.wait(timeout=10)
    except subprocess.TimeoutExpired:
        p1.kill()
        p2.kill()
        return None, "timeout"
    if p1.returncode:
        return None, "dfg-compile: " + err1.strip().splitlines()[-1][:300] if err1.strip() else "dfg-compile failed"
    if p2.returncode:
        return None, "dfg-opt: " + err2.strip()[:300]
    return [clean(f) for f in split_funcs(out)], None


# --- variants ---------------------------------------------------------------

def perturb_dim(rng, d):
    if d <= 1:
        return d
    f = rng.choice([0.5, 0.75, 1.25, 1.5, 2, 1, 1])
    v = max(1, int(round(d * f)))
    if rng.random() < 0.3:
        v = max(1, v + rng.choice([-3, -1, 1, 3]))
    return v


def variants(rng, text, n):
    """Up to n kernels like `text` with other sizes, from synth.py's
    generators (the op's kind and attributes read off the text)."""
    sys.path.insert(0, HERE)
    import synth
    out = []
    shapes = [[int(x) for x in m.split("x")] for m in
              re.findall(r"tensor<((?:\d+x)+)f32>", text.split("\n", 1)[0])
              for m in [m.rstrip("x")]]
    strides = re.search(r"strides = dense<(\d+)>", text)
    s = int(strides.group(1)) if strides else 1
    for _ in range(n * 3):
        if len(out) >= n:
            break
        try:
            if "linalg.conv_2d_nchw_fchw" in text and len(shapes) >= 2:
                (N, C, H, W), (F, _, KH, KW) = shapes[0], shapes[1]
                c, f = perturb_dim(rng, C), perturb_dim(rng, F)
                h = max(KH, perturb_dim(rng, H))
                w = h if H == W else max(KW, perturb_dim(rng, W))
                if 2 * N * f * c * KH * KW * ((h - KH) // s + 1) * ((w - KW) // s + 1) > synth.MAX_CONV_FLOPS:
                    continue
                out.append(synth.conv(N, c, h, w, f, KH, KW, s))
            elif "linalg.depthwise_conv_2d_nchw_chw" in text and len(shapes) >= 2:
                (N, C, H, W), (_, KH, KW) = shapes[0], shapes[1]
                c, h = perturb_dim(rng, C), max(KH, perturb_dim(rng, H))
                if c * h * h > synth.MAX_ELEMENTS:
                    continue
                out.append(synth.dwconv(N, c, h, h, KH, KW, s))
            elif "linalg.matmul ins" in text and len(shapes) >= 2 and len(shapes[0]) == 2:
                (M, K), (_, Nn) = shapes[0], shapes[1]
                m, n_, k = perturb_dim(rng, M), perturb_dim(rng, Nn), perturb_dim(rng, K)
                if 2 * m * n_ * k > synth.MAX_GEMM_FLOPS:
                    continue
                out.append(synth.matmul(m, n_, k))
            elif "linalg.batch_matmul ins" in text and len(shapes) >= 2:
                (B, M, K), (_, _, Nn) = shapes[0], shapes[1]
                b, m, n_, k = (perturb_dim(rng, B), perturb_dim(rng, M),
                               perturb_dim(rng, Nn), perturb_dim(rng, K))
                if 2 * b * m * n_ * k > synth.MAX_GEMM_FLOPS:
                    continue
                out.append(synth.batch_matmul(b, m, n_, k))
            elif "linalg.pooling_nchw_" in text and shapes:
                kind = "max" if "pooling_nchw_max" in text else "sum"
                N, C, H, W = shapes[0]
                win = re.search(r"tensor<(\d+)x(\d+)xf32>\) outs", text)
                if not win:
                    break
                KH, KW = int(win.group(1)), int(win.group(2))
                c = perturb_dim(rng, C)
                h = H if KH == H else max(KH, perturb_dim(rng, H))
                kh = h if KH == H else KH
                out.append(synth.pool(kind, N, c, h, h, kh, kh if KW == KH else KW, s))
            else:
                break
        except (ValueError, IndexError):
            break
    return list(dict.fromkeys(out))


def model_list(args):
    """[(name, path, family, source)], smallest file first."""
    models = []
    if args.zoo and os.path.isdir(args.zoo):
        for name in sorted(os.listdir(args.zoo)):
            p = os.path.join(args.zoo, name, "model.onnx")
            if os.path.exists(p) and family_of(name):
                models.append((name, p, family_of(name), "model:" + name))
    for d in [args.models, os.path.join(ROOT, "examples", "models")]:
        if d and os.path.isdir(d):
            for name in sorted(os.listdir(d)):
                p = os.path.join(d, name, "model.onnx")
                if os.path.exists(p) and family_of(name):
                    models.append((name, p, family_of(name), "model:" + name))
    if args.onnx_tests and os.path.isdir(args.onnx_tests):
        for sub in sorted(os.listdir(args.onnx_tests)):
            base = os.path.join(args.onnx_tests, sub)
            for name in sorted(os.listdir(base)):
                p = os.path.join(base, name, "model.onnx")
                if not os.path.exists(p):
                    continue
                family = family_of(name) if sub == "real" else "onnx-backend"
                if family:
                    models.append((name, p, family, "onnx-backend:" + name))
    seen, unique = set(), []
    for m in models:
        if m[0] not in seen:
            seen.add(m[0])
            unique.append(m)
    unique.sort(key=lambda m: os.path.getsize(m[1]))
    return unique


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--out", required=True)
    p.add_argument("--build", default=os.path.join(ROOT, "build"))
    p.add_argument("--zoo", default=os.path.join(ROOT, "build", "zoo"))
    p.add_argument("--models", default=os.path.join(ROOT, "build", "models"))
    p.add_argument("--onnx-tests", default="/usr/share/libonnx-testdata/data")
    p.add_argument("--variants", type=int, default=0)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--timeout", type=float, default=600)
    p.add_argument("--budget-minutes", type=float, default=0)
    p.add_argument("--only", default="", help="comma-separated model names")
    args = p.parse_args()
    start = time.time()
    done_path = args.out + ".done"
    done = set()
    if os.path.exists(done_path):
        with open(done_path) as f:
            done = {json.loads(l)["model"] for l in f if l.strip()}
    seen = set()
    if os.path.exists(args.out):
        with open(args.out) as f:
            for l in f:
                d = json.loads(l)
                seen.add((d["family"], d["mlir"]))
    models = model_list(args)
    if args.only:
        keep = set(args.only.split(","))
        models = [m for m in models if m[0] in keep]
    out = open(args.out, "a")
    log = open(done_path, "a")
    rng = random.Random(args.seed)
    n_new = 0
    for i, (name, path, family, source) in enumerate(models):
        if name in done:
            continue
        if args.budget_minutes and time.time() - start > args.budget_minutes * 60:
            break
        t0 = time.time()
        kernels, err = extract(args.build, path, args.timeout)
        added = 0
        if kernels:
            for text, count in kernels:
                if (family, text) in seen:
                    continue
                seen.add((family, text))
                out.write(json.dumps({"family": family, "source": source,
                                      "count": count, "mlir": text}) + "\n")
                added += 1
                if args.variants:
                    for v in variants(rng, text, args.variants):
                        if (family, v) in seen:
                            continue
                        seen.add((family, v))
                        out.write(json.dumps({"family": family, "source": "variant:" + name,
                                              "count": 0, "mlir": v}) + "\n")
                        added += 1
            out.flush()
        n_new += added
        log.write(json.dumps({"model": name, "family": family,
                              "kernels": len(kernels or []), "added": added,
                              "error": err, "seconds": round(time.time() - t0, 1)}) + "\n")
        log.flush()
        print(f"[{(time.time() - start) / 60:5.1f} min] {i + 1}/{len(models)} {name} ({family}): "
              f"{len(kernels or [])} kernels, {added} new" + (f"; {err}" if err else ""),
              flush=True)
    print(f"done: {n_new} new kernels in {(time.time() - start) / 60:.1f} min", flush=True)


if __name__ == "__main__":
    main()
