#!/usr/bin/env python3
"""Collects the cost-model corpus: kernels x code-generation choices, timed.

    bench/cost-model/collect.py --out FILE [--budget-minutes M]
        [--kernels KERNELS.jsonl ...] [--synthetic N] [--seed S]

Kernels come from KERNELS.jsonl files (written by extract.py: the kernels of
the real models and the ONNX backend tests, and variants of them) and from
synth.py (`--synthetic N` random ones, family "synthetic"). Every
contraction and convolution (a kernel whose features have a GEMM view) is
compiled under every choice of the shared candidate set: tile_m in
{1,2,4,6,8,12} x tile_n in {8,16,32} x pack_rhs, and for a convolution that
is not pointwise also im2col=false with the default tiles (37); every other
kernel under the default choice (6, 16, pack_rhs, im2col). For one choice,
a batch of kernels is one module of functions, compiled through the real
pipeline

    dfg-opt --pass-pipeline='builtin.module(func.func(dfg-tile-and-vectorize{
        tile-m=M tile-n=N pack-rhs=P im2col=I}),dfg-bufferize-to-llvm)'
    | mlir-translate --mlir-to-llvmir | clang -O3 -march=native -shared

(compiles at nice 19 on CPU 0) and timed by timer.c on one pinned CPU at
normal priority (the last CPU unless --cpu). Features and the analytic
prediction come from `dfg-opt --dfg-annotate-cost="profile=... tile-m=...
features-file=..."` on the same module.

FILE gets a header line (machine, feature names, profile), then one JSON
line per sample, appended as samples are measured; a rerun skips the samples
(and known failures, in FILE.failed) already there, so collection is
resumable and incremental. Prints progress and the time taken.
"""
import argparse
import concurrent.futures
import hashlib
import json
import os
import platform
import queue
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import synth  # noqa: E402

LLVM = "/usr/lib/llvm-22/bin"
TILE_M = [1, 2, 4, 6, 8, 12]
TILE_N = [8, 16, 32]
DEFAULT = {"tile_m": 6, "tile_n": 16, "pack_rhs": True, "im2col": True}


def choice_key(c):
    return (f"m{c['tile_m']}n{c['tile_n']}p{int(c['pack_rhs'])}"
            f"i{int(c['im2col'])}v{c['vector_bits']}")


def candidate_choices(has_gemm_view, is_conv, is_pointwise, vector_bits):
    """The shared candidate set (helpers' common contract)."""
    if not has_gemm_view:
        return [dict(DEFAULT, vector_bits=vector_bits)]
    out = [{"tile_m": m, "tile_n": n, "pack_rhs": p, "im2col": True,
            "vector_bits": vector_bits}
           for m in TILE_M for n in TILE_N for p in (True, False)]
    if is_conv and not is_pointwise:
        out.append(dict(DEFAULT, im2col=False, vector_bits=vector_bits))
    return out


def normalize(text):
    """The kernel's function text, named @kernel, without trailing space."""
    text = re.sub(r"func\.func @[\w$.-]+\(", "func.func @kernel(", text.strip(), count=1)
    return text


def group_key(family, text):
    return f"{family}/{hashlib.sha1(text.encode()).hexdigest()[:16]}"


ELEM = re.compile(r"^(f16|bf16|f32|f64|i1|i8|i16|i32|i64|index)$")


def parse_tensor(t):
    """'tensor<1x64xf32>' -> 'f32:1x64' for timer.c, None if unsupported."""
    m = re.fullmatch(r"tensor<(.*)>", t.strip())
    if not m:
        return None
    parts = m.group(1).split("x")
    elem = parts[-1]
    if not ELEM.match(elem) or elem == "bf16":
        return None
    if elem == "index":
        elem = "i64"
    dims = parts[:-1]
    if any(not d.isdigit() for d in dims):
        return None
    return f"{elem}:{'x'.join(dims) if dims else '-'}"


def split_types(s):
    """Top-level comma split (types hold no parentheses, but dense<..> may)."""
    out, depth, cur = [], 0, ""
    for ch in s:
        if ch in "<([{":
            depth += 1
        elif ch in ">)]}":
            depth -= 1
        if ch == "," and depth == 0:
            out.append(cur)
            cur = ""
        else:
            cur += ch
    if cur.strip():
        out.append(cur)
    return out


def signature(text):
    """(argument operands, result operands) in timer.c's notation, or None."""
    head = text.split("{", 1)[0] if " attributes " not in text.split("\n", 1)[0] else text.split(" attributes ", 1)[0]
    m = re.match(r"func\.func @kernel\((.*)\)\s*(->\s*(.*))?$", head.strip(), re.S)
    if not m:
        return None
    args = []
    if m.group(1).strip():
        for a in split_types(m.group(1)):
            t = a.split(":", 1)[1]
            t = re.sub(r"\{.*\}", "", t).strip()
            p = parse_tensor(t)
            if p is None:
                return None
            args.append(p)
    res_text = (m.group(3) or "").strip()
    if res_text.startswith("("):
        res_text = res_text[1:-1]
    results = []
    for r in split_types(res_text):
        p = parse_tensor(r)
        if p is None:
            return None
        results.append(p)
    if not results:
        return None
    return args, results


def with_name(text, name):
    """The kernel as function `name` with its C interface."""
    first, rest = text.split("\n", 1)
    first = first.replace("func.func @kernel(", f"func.func @{name}(", 1)
    if " attributes {" in first:
        first = first.replace(" attributes {", " attributes {llvm.emit_c_interface, ", 1)
    else:
        assert first.endswith("{")
        first = first[:-1] + "attributes {llvm.emit_c_interface} {"
    return first + "\n" + rest


class Tools:
    def __init__(self, build, profile, cpu, compile_cpu):
        self.opt = os.path.join(build, "bin", "dfg-opt")
        self.profile = profile
        self.cpu = cpu
        self.compile_cpu = compile_cpu
        self.local = threading.local()
        self.timer = None

    def nice(self, cmd):
        pre = ["nice", "-n", "19"]
        cpu = getattr(self.local, "cpu", self.compile_cpu)
        if cpu is not None:
            pre += ["taskset", "-c", str(cpu)]
        return pre + cmd

    def build_timer(self, workdir):
        self.timer = os.path.join(workdir, "timer")
        subprocess.run(self.nice(["cc", "-O2", "-rdynamic", "-o", self.timer,
                                  os.path.join(HERE, "timer.c"), "-ldl", "-lm"]),
                       check=True)

    def features(self, module, choice, out):
        opts = (f"profile={self.profile} tile-m={choice['tile_m']} "
                f"tile-n={choice['tile_n']} pack-rhs={int(choice['pack_rhs'])} "
                f"im2col={int(choice['im2col'])} vector-bits={choice['vector_bits']} "
                f"features-file={out}")
        r = subprocess.run(self.nice([self.opt, module, f"--dfg-annotate-cost={opts}",
                                      "-o", os.devnull]),
                           capture_output=True, text=True)
        if r.returncode:
            raise RuntimeError("annotate: " + r.stderr[-2000:])
        feats = {}
        with open(out) as f:
            for line in f:
                d = json.loads(line)
                if "func" in d:
                    feats[d["func"]] = d
        return feats

    def compile(self, module, choice, so):
        opts = (f"tile-m={choice['tile_m']} tile-n={choice['tile_n']} "
                f"pack-rhs={int(choice['pack_rhs'])} im2col={int(choice['im2col'])}")
        pipe = f"builtin.module(func.func(dfg-tile-and-vectorize{{{opts}}}),dfg-bufferize-to-llvm)"
        base = so[:-3]
        steps = [
            [self.opt, module, f"--pass-pipeline={pipe}", "-o", base + ".llvm.mlir"],
            [os.path.join(LLVM, "mlir-translate"), "--mlir-to-llvmir", base + ".llvm.mlir",
             "-o", base + ".ll"],
            [os.path.join(LLVM, "clang"), "-O3", "-march=native", "-shared", "-fPIC",
             "-Wno-override-module", "-x", "ir", base + ".ll", "-o", so, "-lm"],
        ]
        for cmd in steps:
            r = subprocess.run(self.nice(cmd), capture_output=True, text=True)
            if r.returncode:
                return f"{os.path.basename(cmd[0])}: {r.stderr.strip()[-1500:]}"
        return None

    def time(self, so, manifest, timeout):
        r = subprocess.run([self.timer, so, manifest, "--cpu", str(self.cpu)],
                           capture_output=True, text=True, timeout=timeout)
        out = {}
        for line in r.stdout.splitlines():
            parts = line.split()
            if len(parts) >= 2 and parts[1] == "error":
                out[parts[0]] = " ".join(parts[2:])
            elif len(parts) == 6:
                out[parts[0]] = tuple(float(x) for x in parts[1:])
        return out, r.returncode, r.stderr[-500:]


def machine_description(profile):
    cpu_model = ""
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu_model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return {
        "cpu": profile.get("cpu", ""),
        "features": profile.get("features", []),
        "description": f"{cpu_model}; {profile.get('cores')} cores; {platform.machine()}, "
                       f"Linux {platform.release()}; one pinned thread",
        "vector_bits": max(p["vector_bits"] for p in profile["peak_flops"]),
    }


def load_done(path):
    done = set()
    header = None
    if os.path.exists(path):
        with open(path) as f:
            for i, line in enumerate(f):
                try:
                    d = json.loads(line)
                except json.JSONDecodeError:
                    continue  # a line cut by an interrupted run
                if i == 0 and d.get("format") == "dfg-cost-corpus":
                    header = d
                elif "id" in d:
                    done.add(d["id"])
    failed = set()
    if os.path.exists(path + ".failed"):
        with open(path + ".failed") as f:
            for line in f:
                try:
                    failed.add(json.loads(line)["id"])
                except (json.JSONDecodeError, KeyError):
                    pass
    return header, done, failed


def load_kernels(args):
    """[{group, family, source, op?, mlir}] in collection order."""
    kernels = []
    for path in args.kernels:
        with open(path) as f:
            for line in f:
                d = json.loads(line)
                text = normalize(d["mlir"])
                kernels.append({"group": group_key(d["family"], text),
                                "family": d["family"], "source": d["source"],
                                "mlir": text})
    if args.synthetic:
        for name, family, text in synth.kernels(args.seed, args.synthetic):
            text = normalize(text)
            kernels.append({"group": group_key(family, text), "family": family,
                            "source": "generated:" + name, "mlir": text})
    # One kernel per group, in an order that makes a partial corpus useful:
    # first the real kernels (models, ONNX tests) with one choice each, then
    # the real contractions and convolutions (every choice) interleaved two
    # to one with the variants and synthetic kernels; shuffled within each.
    seen, unique = set(), []
    for k in kernels:
        if k["group"] not in seen:
            seen.add(k["group"])
            unique.append(k)
    rng = random.Random(args.seed)
    rng.shuffle(unique)
    real = [k for k in unique if k["source"].split(":")[0] in ("model", "onnx-backend")]
    other = [k for k in unique if k["source"].split(":")[0] not in ("model", "onnx-backend")]
    first = [k for k in real if not looks_like_gemm(k["mlir"])]
    real_gemm = [k for k in real if looks_like_gemm(k["mlir"])]
    ordered = list(first)
    while real_gemm or other:
        ordered += real_gemm[:2] + other[:1]
        real_gemm, other = real_gemm[2:], other[1:]
    return ordered


def looks_like_gemm(text):
    """A guess, for ordering only (features decide the choices)."""
    return any(op in text for op in ("linalg.matmul", "linalg.batch_matmul",
                                     "linalg.conv_2d_nchw_fchw")) or (
        '"reduction"' in text and "arith.mulf" in text)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--out", required=True)
    p.add_argument("--kernels", nargs="*", default=[],
                   help="JSON lines of kernels (extract.py)")
    p.add_argument("--synthetic", type=int, default=0,
                   help="random synthetic kernels to add")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--budget-minutes", type=float, default=0,
                   help="stop after this long (0: when done)")
    p.add_argument("--build", default=os.path.join(ROOT, "build"))
    p.add_argument("--profile", default=None,
                   help="machine profile (default: measured into OUT.profile.json)")
    p.add_argument("--cpu", type=int, default=os.cpu_count() - 1,
                   help="CPU the timing runs pinned to")
    p.add_argument("--compile-cpu", type=int, default=None,
                   help="compile on this CPU only (default: all CPUs, one worker each)")
    p.add_argument("--compile-cpus", default="", help="comma-separated CPUs to compile on")
    p.add_argument("--batch", type=int, default=48,
                   help="kernels per compiled module")
    p.add_argument("--min-ms", type=float, default=20)
    p.add_argument("--limit", type=int, default=0, help="stop after this many new samples")
    args = p.parse_args()
    start = time.time()

    if args.profile is None:
        args.profile = args.out + ".profile.json"
        if not os.path.exists(args.profile):
            print(f"measuring the machine profile into {args.profile}", flush=True)
            subprocess.run([os.path.join(args.build, "bin", "dfg-machine-profile"),
                            "-o", args.profile], check=True)
    with open(args.profile) as f:
        profile = json.load(f)
    vector_bits = max(x["vector_bits"] for x in profile["peak_flops"])
    tools = Tools(args.build, os.path.abspath(args.profile), args.cpu, args.compile_cpu)
    work = tempfile.mkdtemp(prefix="dfg-corpus-")
    tools.build_timer(work)

    header, done, failed = load_done(args.out)
    kernels = load_kernels(args)
    print(f"{len(kernels)} kernels; {len(done)} samples already in {args.out}, "
          f"{len(failed)} known failures", flush=True)

    # Which choices each kernel gets follows from its default features.
    out = open(args.out, "a")
    if header is None:
        header = {"format": "dfg-cost-corpus", "version": 1,
                  "machine": machine_description(profile), "profile": profile,
                  "choices": "tile_m x tile_n x pack_rhs (+ im2col=false for "
                             "non-pointwise convolutions); default for others",
                  "timing": f"timer.c: one thread pinned to a CPU, median of "
                            f"repeats for >= {args.min_ms} ms (at least 10), "
                            f"spread = (p90-p10)/median; a try with spread > "
                            f"0.1 is repeated (up to 3 tries, the least noisy "
                            f"kept: 'tries')"}
        header["feature_version"], header["feature_names"] = feature_names(tools, work)
        out.write(json.dumps(header) + "\n")
        out.flush()
    fail_log = open(args.out + ".failed", "a")
    deadline = start + args.budget_minutes * 60 if args.budget_minutes else None
    new = 0
    stats = {"compile_s": 0.0, "time_s": 0.0}

    def fail(sample_id, why):
        if len(why) > 1200:
            why = why[:800] + " ... " + why[-400:]
        fail_log.write(json.dumps({"id": sample_id, "why": why}) + "\n")
        fail_log.flush()
        failed.add(sample_id)

    # Pass 1 per chunk: default features decide the choices; then one module
    # per choice. Compiles run in a worker thread, ahead of the timing.
    # Compiles run on every CPU (one worker each, pinned), and all of a
    # chunk's compiles finish before its timing starts: nothing of ours runs
    # while the timer does.
    cpus = list(range(os.cpu_count())) if args.compile_cpu is None else [args.compile_cpu]
    if args.compile_cpus:
        cpus = [int(x) for x in args.compile_cpus.split(",")]
    free_cpus = queue.Queue()
    for cpu in cpus:
        free_cpus.put(cpu)
    pool = concurrent.futures.ThreadPoolExecutor(max_workers=len(cpus))
    chunk_id = 0
    for c0 in range(0, len(kernels), args.batch):
        if deadline and time.time() > deadline:
            break
        if args.limit and new >= args.limit:
            break
        chunk = []
        for k in kernels[c0:c0 + args.batch]:
            sig = signature(k["mlir"])
            if sig is None:
                continue
            k["sig"] = sig
            chunk.append(k)
        if not chunk:
            continue
        chunk_id += 1
        cdir = os.path.join(work, f"c{chunk_id}")
        os.makedirs(cdir, exist_ok=True)
        # Default-choice features of the whole chunk, to find the choices.
        default = dict(DEFAULT, vector_bits=vector_bits)
        mod = os.path.join(cdir, "all.mlir")
        write_module(mod, [(f"k{i}", k) for i, k in enumerate(chunk)])
        try:
            feats = tools.features(mod, default, os.path.join(cdir, "all.features"))
        except RuntimeError as e:
            feats = {}
            for i, k in enumerate(chunk):
                one = os.path.join(cdir, f"one{i}.mlir")
                write_module(one, [(f"k{i}", k)])
                try:
                    feats.update(tools.features(one, default, one + ".features"))
                except RuntimeError as e1:
                    fail(k["group"] + "/" + choice_key(default), str(e1))
        names = header["feature_names"]
        plan = {}  # choice key -> (choice, [(fname, kernel)])
        for i, k in enumerate(chunk):
            f = feats.get(f"k{i}")
            if f is None or "error" in f:
                if f is not None:
                    fail(k["group"] + "/" + choice_key(default), f["error"])
                continue
            fv = dict(zip(names, f["features"]))
            k["op"] = f["op"]
            choices = candidate_choices(fv["has_gemm_view"] > 0,
                                        fv["kind_convolution"] > 0,
                                        fv["is_pointwise"] > 0, vector_bits)
            for c in choices:
                sid = k["group"] + "/" + choice_key(c)
                if sid in done or sid in failed:
                    continue
                plan.setdefault(choice_key(c), (c, []))[1].append((f"k{i}", k))
        if not plan:
            continue

        def build(ck, c, members):
            tools.local.cpu = free_cpus.get()
            try:
                return build_on_cpu(ck, c, members)
            finally:
                free_cpus.put(tools.local.cpu)

        def build_on_cpu(ck, c, members):
            t0 = time.time()
            m = os.path.join(cdir, f"{ck}.mlir")
            write_module(m, members)
            res = {"module": m, "so": m[:-5] + ".so", "members": members, "choice": c}
            try:
                res["features"] = tools.features(m, c, m + ".features")
            except RuntimeError as e:
                res["error"] = str(e)
                return res
            res["compile_error"] = tools.compile(m, c, res["so"])
            if res["compile_error"] and len(members) > 1:
                # One kernel broke the module: compile the others alone.
                res["singles"] = []
                for name, k in members:
                    one = os.path.join(cdir, f"{ck}_{name}.mlir")
                    write_module(one, [(name, k)])
                    err = tools.compile(one, c, one[:-5] + ".so")
                    res["singles"].append((name, k, one[:-5] + ".so", err))
            res["compile_s"] = time.time() - t0
            return res

        futures = [pool.submit(build, ck, c, members) for ck, (c, members) in plan.items()]
        built = [fut.result() for fut in futures]
        for res in built:
            stats["compile_s"] += res.get("compile_s", 0)
            c = res["choice"]
            if "error" in res:
                for name, k in res["members"]:
                    fail(k["group"] + "/" + choice_key(c), res["error"])
                continue
            units = []
            if res["compile_error"] and "singles" not in res:
                name, k = res["members"][0]
                fail(k["group"] + "/" + choice_key(c), res["compile_error"])
            elif "singles" in res:
                for name, k, so, err in res["singles"]:
                    if err:
                        fail(k["group"] + "/" + choice_key(c), err)
                    else:
                        units.append((so, [(name, k)]))
            else:
                units.append((res["so"], res["members"]))
            for so, members in units:
                t0 = time.time()
                measured = time_members(tools, so, members, args.min_ms, fail, c)
                stats["time_s"] += time.time() - t0
                for name, k in members:
                    if name not in measured:
                        continue
                    med, p10, p90, reps, tries = measured[name]
                    f = res["features"].get(name)
                    sid = k["group"] + "/" + choice_key(c)
                    if f is None or "error" in f:
                        fail(sid, "no features: " + (f or {}).get("error", "missing"))
                        continue
                    sample = {"id": sid, "group": k["group"], "family": k["family"],
                              "source": k["source"], "op": f["op"], "choice": c,
                              "features": f["features"], "analytic_ns": f["analytic_ns"],
                              "time_ns": med, "spread": (p90 - p10) / med if med > 0 else 0,
                              "reps": int(reps), "tries": int(tries),
                              "mlir": k["mlir"]}
                    out.write(json.dumps(sample) + "\n")
                    done.add(sid)
                    new += 1
            out.flush()
        elapsed = time.time() - start
        print(f"[{elapsed/60:6.1f} min] kernels {min(c0 + args.batch, len(kernels))}/"
              f"{len(kernels)}, new samples {new} (total {len(done)}), "
              f"failures {len(failed)}; compile {stats['compile_s']:.0f} s, "
              f"timing {stats['time_s']:.0f} s", flush=True)
        subprocess.run(["rm", "-rf", cdir])
    pool.shutdown()
    out.close()
    shutil.rmtree(work, ignore_errors=True)
    elapsed = time.time() - start
    print(f"done: {new} new samples in {elapsed/60:.1f} min "
          f"({len(done)} in {args.out}); compile {stats['compile_s']:.0f} s, "
          f"timing {stats['time_s']:.0f} s", flush=True)


def feature_names(tools, work):
    """The feature version and names, from the features file's first line
    (featureVectorNames() of the build)."""
    mod = os.path.join(work, "names.mlir")
    with open(mod, "w") as f:
        f.write(synth.matmul(2, 2, 2) + "\n")
    r = subprocess.run([tools.opt, mod, "--dfg-annotate-cost=features-file=-",
                        "-o", os.devnull], capture_output=True, text=True, check=True)
    line = json.loads(r.stdout.splitlines()[0])
    return line["feature_version"], line["feature_names"]


def write_module(path, members):
    with open(path, "w") as f:
        for name, k in members:
            f.write(with_name(k["mlir"], name) + "\n\n")


def time_members(tools, so, members, min_ms, fail, choice):
    """Times `members` in `so`; a crash or timeout fails the kernel being
    timed and the rest are retried in a fresh timer."""
    pending = list(members)
    measured = {}
    while pending:
        manifest = so + ".manifest"
        with open(manifest, "w") as f:
            for name, k in pending:
                a, r = k["sig"]
                f.write(f"{name} {len(a)} {len(r)} {' '.join(a + r)}\n")
        try:
            got, rc, err = tools.time(so, manifest, timeout=60 + 3 * len(pending))
        except subprocess.TimeoutExpired:
            got, rc, err = {}, -1, "timeout"
        for name, v in got.items():
            if isinstance(v, str):
                k = dict(pending)[name]
                fail(k["group"] + "/" + choice_key(choice), "timer: " + v)
            else:
                measured[name] = v
        rest = [(n, k) for n, k in pending if n not in got]
        if rest and rc == 0:
            for n, k in rest:
                fail(k["group"] + "/" + choice_key(choice), "timer: not reported")
            break
        if rest:
            n, k = rest[0]
            fail(k["group"] + "/" + choice_key(choice), f"timer: exit {rc} {err}")
            rest = rest[1:]
        pending = rest
    return measured


if __name__ == "__main__":
    main()
