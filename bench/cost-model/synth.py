"""Synthetic kernels for the cost-model corpus.

Each kernel is a function on tensors named @kernel, written as
dfg-lower-to-linalg writes the ops it stands for (and as dfg-extract-kernels
outlines them): one linalg op, with a fill of its accumulator where the op
reads one. Convolutions and poolings read an input that is already padded
(the importer pads with a separate tensor.pad, which dfg-extract-kernels
leaves out of the kernel).

    kernels(seed, count) -> [(name, family, mlir)]

is deterministic for a seed; `name` describes the shape (matmul_64x48x32).
`perturb(...)` gives variants of a real kernel's sizes (see collect.py).
"""
import math
import random

F32 = "f32"


def ty(shape, elem=F32):
    if not shape:
        return f"tensor<{elem}>"
    return "tensor<" + "x".join(str(d) for d in shape) + f"x{elem}>"


def _dims(n):
    return ", ".join(f"d{i}" for i in range(n))


def _map(n, idx):
    return f"affine_map<({_dims(n)}) -> ({', '.join(idx)})>"


def matmul(m, n, k):
    a, b, c = ty([m, k]), ty([k, n]), ty([m, n])
    return f"""func.func @kernel(%a: {a}, %b: {b}) -> {c} {{
  %zero = arith.constant 0.000000e+00 : f32
  %e = tensor.empty() : {c}
  %f = linalg.fill ins(%zero : f32) outs(%e : {c}) -> {c}
  %r = linalg.matmul ins(%a, %b : {a}, {b}) outs(%f : {c}) -> {c}
  return %r : {c}
}}"""


def batch_matmul(bt, m, n, k):
    a, b, c = ty([bt, m, k]), ty([bt, k, n]), ty([bt, m, n])
    return f"""func.func @kernel(%a: {a}, %b: {b}) -> {c} {{
  %zero = arith.constant 0.000000e+00 : f32
  %e = tensor.empty() : {c}
  %f = linalg.fill ins(%zero : f32) outs(%e : {c}) -> {c}
  %r = linalg.batch_matmul ins(%a, %b : {a}, {b}) outs(%f : {c}) -> {c}
  return %r : {c}
}}"""


def conv(n, c, h, w, f, kh, kw, s):
    """NCHW convolution over an already padded h x w input."""
    oh, ow = (h - kh) // s + 1, (w - kw) // s + 1
    x, wt, o = ty([n, c, h, w]), ty([f, c, kh, kw]), ty([n, f, oh, ow])
    return f"""func.func @kernel(%x: {x}, %w: {wt}) -> {o} {{
  %zero = arith.constant 0.000000e+00 : f32
  %e = tensor.empty() : {o}
  %f = linalg.fill ins(%zero : f32) outs(%e : {o}) -> {o}
  %r = linalg.conv_2d_nchw_fchw {{dilations = dense<1> : tensor<2xi64>, strides = dense<{s}> : tensor<2xi64>}} ins(%x, %w : {x}, {wt}) outs(%f : {o}) -> {o}
  return %r : {o}
}}"""


def dwconv(n, c, h, w, kh, kw, s):
    oh, ow = (h - kh) // s + 1, (w - kw) // s + 1
    x, wt, o = ty([n, c, h, w]), ty([c, kh, kw]), ty([n, c, oh, ow])
    return f"""func.func @kernel(%x: {x}, %w: {wt}) -> {o} {{
  %zero = arith.constant 0.000000e+00 : f32
  %e = tensor.empty() : {o}
  %f = linalg.fill ins(%zero : f32) outs(%e : {o}) -> {o}
  %r = linalg.depthwise_conv_2d_nchw_chw {{dilations = dense<1> : tensor<2xi64>, strides = dense<{s}> : tensor<2xi64>}} ins(%x, %w : {x}, {wt}) outs(%f : {o}) -> {o}
  return %r : {o}
}}"""


def pool(kind, n, c, h, w, kh, kw, s):
    oh, ow = (h - kh) // s + 1, (w - kw) // s + 1
    x, o, win = ty([n, c, h, w]), ty([n, c, oh, ow]), ty([kh, kw])
    init = "0xFF800000" if kind == "max" else "0.000000e+00"
    return f"""func.func @kernel(%x: {x}) -> {o} {{
  %init = arith.constant {init} : f32
  %e = tensor.empty() : {o}
  %f = linalg.fill ins(%init : f32) outs(%e : {o}) -> {o}
  %win = tensor.empty() : {win}
  %r = linalg.pooling_nchw_{kind} {{dilations = dense<1> : tensor<2xi64>, strides = dense<{s}> : tensor<2xi64>}} ins(%x, %win : {x}, {win}) outs(%f : {o}) -> {o}
  return %r : {o}
}}"""


def reduction(kind, shape, axes):
    """Sum or max of `shape` over `axes` (kept as size-1 dims dropped)."""
    rank = len(shape)
    out = [d for i, d in enumerate(shape) if i not in axes]
    x, o = ty(shape), ty(out)
    its = ", ".join('"reduction"' if i in axes else '"parallel"' for i in range(rank))
    omap = _map(rank, [f"d{i}" for i in range(rank) if i not in axes])
    init = "0xFF800000" if kind == "max" else "0.000000e+00"
    op = "arith.maximumf" if kind == "max" else "arith.addf"
    return f"""func.func @kernel(%x: {x}) -> {o} {{
  %init = arith.constant {init} : f32
  %e = tensor.empty() : {o}
  %f = linalg.fill ins(%init : f32) outs(%e : {o}) -> {o}
  %r = linalg.generic {{indexing_maps = [{_map(rank, [f"d{i}" for i in range(rank)])}, {omap}], iterator_types = [{its}]}} ins(%x : {x}) outs(%f : {o}) {{
  ^bb0(%in: f32, %acc: f32):
    %v = {op} %in, %acc : f32
    linalg.yield %v : f32
  }} -> {o}
  return %r : {o}
}}"""


UNARY = ["math.exp", "math.tanh", "arith.negf", "math.sqrt", "math.log",
         "math.erf", "relu", "sigmoid", "math.absf", "clip"]
BINARY = ["arith.addf", "arith.mulf", "arith.subf", "arith.divf",
          "arith.maximumf", "arith.minimumf"]


def elementwise(shape, n_inputs, broadcast, ops):
    """A fused elementwise chain: `ops` applied in turn, binary ones taking
    the next input (inputs past the first may be broadcast along all but
    dimension `broadcast`, a per-channel operand)."""
    rank = len(shape)
    ident = _map(rank, [f"d{i}" for i in range(rank)])
    in_types, maps = [ty(shape)], [ident]
    for i in range(1, n_inputs):
        if broadcast is not None and i == n_inputs - 1:
            in_types.append(ty([shape[broadcast]]))
            maps.append(_map(rank, [f"d{broadcast}"]))
        else:
            in_types.append(ty(shape))
            maps.append(ident)
    o = ty(shape)
    args = ", ".join(f"%i{i}: {t}" for i, t in enumerate(in_types))
    ins = ", ".join(f"%i{i}" for i in range(n_inputs))
    bbargs = ", ".join(f"%b{i}: f32" for i in range(n_inputs))
    body, cur, nxt, cnt = [], "%b0", 1, 0

    def fresh():
        nonlocal cnt
        cnt += 1
        return f"%v{cnt}"

    for op in ops:
        if op in BINARY:
            other = f"%b{nxt}" if nxt < n_inputs else cur
            nxt += 1
            v = fresh()
            body.append(f"    {v} = {op} {cur}, {other} : f32")
        elif op == "relu":
            z, v = fresh(), fresh()
            body.append(f"    {z} = arith.constant 0.000000e+00 : f32")
            body.append(f"    {v} = arith.maximumf {cur}, {z} : f32")
        elif op == "clip":
            lo, hi, t, v = fresh(), fresh(), fresh(), fresh()
            body.append(f"    {lo} = arith.constant 0.000000e+00 : f32")
            body.append(f"    {hi} = arith.constant 6.000000e+00 : f32")
            body.append(f"    {t} = arith.maximumf {cur}, {lo} : f32")
            body.append(f"    {v} = arith.minimumf {t}, {hi} : f32")
        elif op == "sigmoid":
            one, n, e, d, v = fresh(), fresh(), fresh(), fresh(), fresh()
            body.append(f"    {one} = arith.constant 1.000000e+00 : f32")
            body.append(f"    {n} = arith.negf {cur} : f32")
            body.append(f"    {e} = math.exp {n} : f32")
            body.append(f"    {d} = arith.addf {one}, {e} : f32")
            body.append(f"    {v} = arith.divf {one}, {d} : f32")
        else:
            v = fresh()
            body.append(f"    {v} = {op} {cur} : f32")
        cur = v
    # Inputs no op consumed still feed the result (so they are not dead).
    while nxt < n_inputs:
        v = fresh()
        body.append(f"    {v} = arith.addf {cur}, %b{nxt} : f32")
        nxt += 1
        cur = v
    its = ", ".join(['"parallel"'] * rank)
    return f"""func.func @kernel({args}) -> {o} {{
  %e = tensor.empty() : {o}
  %r = linalg.generic {{indexing_maps = [{", ".join(maps)}, {ident}], iterator_types = [{its}]}} ins({ins} : {", ".join(in_types)}) outs(%e : {o}) {{
  ^bb0({bbargs}, %out: f32):
{chr(10).join(body)}
    linalg.yield {cur} : f32
  }} -> {o}
  return %r : {o}
}}"""


def softmax_exp(rows, cols):
    """exp(x - max) with the row maximum broadcast: the middle of a softmax."""
    x, mx = ty([rows, cols]), ty([rows])
    return f"""func.func @kernel(%x: {x}, %m: {mx}) -> {x} {{
  %e = tensor.empty() : {x}
  %r = linalg.generic {{indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]}} ins(%x, %m : {x}, {mx}) outs(%e : {x}) {{
  ^bb0(%a: f32, %b: f32, %out: f32):
    %s = arith.subf %a, %b : f32
    %v = math.exp %s : f32
    linalg.yield %v : f32
  }} -> {x}
  return %r : {x}
}}"""


def layernorm_apply(rows, cols):
    """(x - mean) * rstd * gamma + beta: the last kernel of a layer norm."""
    x, r, c = ty([rows, cols]), ty([rows]), ty([cols])
    return f"""func.func @kernel(%x: {x}, %mean: {r}, %rstd: {r}, %g: {c}, %b: {c}) -> {x} {{
  %e = tensor.empty() : {x}
  %r = linalg.generic {{indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0)>, affine_map<(d0, d1) -> (d0)>, affine_map<(d0, d1) -> (d1)>, affine_map<(d0, d1) -> (d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]}} ins(%x, %mean, %rstd, %g, %b : {x}, {r}, {r}, {c}, {c}) outs(%e : {x}) {{
  ^bb0(%a: f32, %m: f32, %s: f32, %gg: f32, %bb: f32, %out: f32):
    %d = arith.subf %a, %m : f32
    %n = arith.mulf %d, %s : f32
    %y = arith.mulf %n, %gg : f32
    %v = arith.addf %y, %bb : f32
    linalg.yield %v : f32
  }} -> {x}
  return %r : {x}
}}"""


def transpose(shape, perm):
    out = [shape[p] for p in perm]
    x, o = ty(shape), ty(out)
    return f"""func.func @kernel(%x: {x}) -> {o} {{
  %e = tensor.empty() : {o}
  %r = linalg.transpose ins(%x : {x}) outs(%e : {o}) permutation = [{", ".join(map(str, perm))}]
  return %r : {o}
}}"""


# --- shape sampling -------------------------------------------------------

NICE = [1, 2, 3, 4, 7, 8, 12, 14, 16, 24, 28, 32, 48, 49, 56, 64, 96, 112,
        128, 192, 196, 197, 256, 384, 512, 576, 768, 1000, 1024, 2048, 3072]


def logu(rng, lo, hi):
    return max(lo, min(hi, int(round(math.exp(rng.uniform(math.log(lo), math.log(hi)))))))


def dim(rng, lo, hi):
    if rng.random() < 0.5:
        choices = [d for d in NICE if lo <= d <= hi]
        if choices:
            return rng.choice(choices)
    return logu(rng, lo, hi)


# Caps: a kernel's single run stays within about 20 ms, also under its
# slowest choice (scalar loops for a direct convolution).
MAX_GEMM_FLOPS = 3e8
MAX_CONV_FLOPS = 1.2e8
MAX_ELEMENTS = 4e6


def _fit(dims, cost, cap, shrinkable):
    """Halves the shrinkable dims (largest first) until cost(dims) <= cap."""
    dims = list(dims)
    while cost(dims) > cap:
        i = max(shrinkable, key=lambda j: dims[j])
        if dims[i] <= 1:
            break
        dims[i] = max(1, dims[i] // 2)
    return dims


def sample(rng, kind):
    """(name, mlir) of one random kernel of `kind`."""
    if kind == "matmul":
        m, n, k = dim(rng, 1, 4096), dim(rng, 1, 4096), dim(rng, 1, 4096)
        m, n, k = _fit([m, n, k], lambda d: 2 * d[0] * d[1] * d[2], MAX_GEMM_FLOPS, [0, 1, 2])
        return f"matmul_{m}x{n}x{k}", matmul(m, n, k)
    if kind == "batch_matmul":
        b, m, n, k = dim(rng, 1, 64), dim(rng, 1, 1024), dim(rng, 1, 1024), dim(rng, 1, 1024)
        b, m, n, k = _fit([b, m, n, k], lambda d: 2 * d[0] * d[1] * d[2] * d[3], MAX_GEMM_FLOPS, [0, 1, 2, 3])
        return f"batch_matmul_{b}x{m}x{n}x{k}", batch_matmul(b, m, n, k)
    if kind == "conv":
        kh = rng.choice([1, 1, 3, 3, 3, 5, 7])
        kw = kh if rng.random() < 0.9 else rng.choice([1, 3, 7])
        s = rng.choice([1, 1, 1, 2])
        c = dim(rng, 1, 1024)
        f = dim(rng, 1, 1024)
        h = dim(rng, max(kh, 2), 230)
        w = h if rng.random() < 0.85 else dim(rng, max(kw, 2), 230)
        h, w = max(h, kh), max(w, kw)
        n = 1 if rng.random() < 0.85 else rng.choice([2, 4])

        def cost(d):
            nn, cc, hh, ww, ff = d
            return 2 * nn * ff * cc * kh * kw * ((hh - kh) // s + 1) * ((ww - kw) // s + 1)
        n, c, h, w, f = _fit([n, c, h, w, f], cost, MAX_CONV_FLOPS, [0, 1, 4])
        while cost([n, c, h, w, f]) > MAX_CONV_FLOPS and h > kh + 1:
            h, w = max(kh, h // 2), max(kw, w // 2)
        return f"conv_{n}x{c}x{h}x{w}_f{f}_k{kh}x{kw}_s{s}", conv(n, c, h, w, f, kh, kw, s)
    if kind == "dwconv":
        k = rng.choice([3, 3, 5, 7])
        s = rng.choice([1, 1, 2])
        c, h = dim(rng, 1, 1024), dim(rng, k, 230)
        h = max(h, k)
        while c * h * h > MAX_ELEMENTS:
            c = max(1, c // 2)
        return f"dwconv_1x{c}x{h}x{h}_k{k}_s{s}", dwconv(1, c, h, h, k, k, s)
    if kind == "pool":
        pk = rng.choice(["max", "sum"])
        c, h = dim(rng, 1, 1024), dim(rng, 2, 230)
        if rng.random() < 0.2:
            k, s = h, 1   # global pooling
        else:
            k, s = rng.choice([(2, 2), (3, 2), (3, 1), (5, 1)])
        h = max(h, k)
        while c * h * h > MAX_ELEMENTS:
            c = max(1, c // 2)
        return f"pool_{pk}_1x{c}x{h}x{h}_k{k}_s{s}", pool(pk, 1, c, h, h, k, k, s)
    if kind == "reduction":
        rk = rng.choice(["sum", "max"])
        rank = rng.choice([2, 2, 3, 4])
        shape = [dim(rng, 1, 1024) for _ in range(rank)]
        while math.prod(shape) > MAX_ELEMENTS:
            i = shape.index(max(shape))
            shape[i] //= 2
        if rank == 4 and rng.random() < 0.5:
            axes = [2, 3]
        else:
            axes = [rank - 1] if rng.random() < 0.7 else [rng.randrange(rank)]
        return f"reduce_{rk}_{'x'.join(map(str, shape))}_a{''.join(map(str, axes))}", reduction(rk, shape, axes)
    if kind == "elementwise":
        rank = rng.choice([1, 2, 3, 4, 4])
        shape = [dim(rng, 1, 512) for _ in range(rank)]
        while math.prod(shape) > MAX_ELEMENTS:
            i = shape.index(max(shape))
            shape[i] //= 2
        n_inputs = rng.choice([1, 1, 2, 2, 3])
        broadcast = rng.randrange(rank) if n_inputs > 1 and rng.random() < 0.5 else None
        n_ops = rng.choice([1, 1, 2, 3, 4, 6])
        ops = []
        for _ in range(n_ops):
            ops.append(rng.choice(BINARY) if rng.random() < 0.5 else rng.choice(UNARY))
        tag = "-".join(o.split(".")[-1] for o in ops)
        return (f"eltwise_{'x'.join(map(str, shape))}_i{n_inputs}_b{broadcast}_{tag}",
                elementwise(shape, n_inputs, broadcast, ops))
    if kind == "softmax":
        r, c = dim(rng, 1, 4096), dim(rng, 1, 4096)
        while r * c > MAX_ELEMENTS:
            r = max(1, r // 2)
        return f"softmax_exp_{r}x{c}", softmax_exp(r, c)
    if kind == "layernorm":
        r, c = dim(rng, 1, 4096), dim(rng, 1, 4096)
        while r * c > MAX_ELEMENTS:
            r = max(1, r // 2)
        return f"layernorm_apply_{r}x{c}", layernorm_apply(r, c)
    if kind == "transpose":
        rank = rng.choice([2, 3, 4])
        shape = [dim(rng, 1, 512) for _ in range(rank)]
        while math.prod(shape) > MAX_ELEMENTS:
            i = shape.index(max(shape))
            shape[i] //= 2
        perm = list(range(rank))
        while perm == list(range(rank)):
            rng.shuffle(perm)
        return f"transpose_{'x'.join(map(str, shape))}_p{''.join(map(str, perm))}", transpose(shape, perm)
    raise ValueError(kind)


# Contractions and convolutions get every choice (36-37 samples each), the
# rest one: the mix gives both kinds of sample a fair share.
MIX = [("matmul", 3), ("batch_matmul", 2), ("conv", 4), ("dwconv", 2),
       ("pool", 2), ("reduction", 2), ("elementwise", 5), ("softmax", 1),
       ("layernorm", 1), ("transpose", 1)]


def kernels(seed, count):
    rng = random.Random(seed)
    kinds = [k for k, w in MIX for _ in range(w)]
    seen, out = set(), []
    tries = 0
    while len(out) < count and tries < count * 20:
        tries += 1
        name, text = sample(rng, rng.choice(kinds))
        if name in seen:
            continue
        seen.add(name)
        out.append((name, "synthetic", text))
    return out
