#!/usr/bin/env python3
"""Reference interpreter of `dfg` IR in numpy.

Reads the generic op form that `dfg-translate --import-onnx ...
--mlir-print-op-generic` prints (one `func.func` of `"dfg.*"` ops, with the
`{-# dialect_resources #-}` trailer holding the `dense_resource` blobs) and
evaluates the function on numpy arrays, following the op descriptions of
dialects/include/dfg/Dialect/DFG/IR/*.td. It is a checking tool, not a
runtime: clarity over speed, float convolutions and resampling accumulate in
float64 and round to the result type at the end.

Used as a library by utils/onnx-import-numerics.py, or on its own:

    dfg-interp.py model.mlir [input.pb|input.npy ...]

which prints every result. An op the interpreter does not implement raises
`UnsupportedOp`, never a silent pass.
"""
import itertools
import math
import re
import struct
import sys

import numpy as np

INT64_MAX = 2**63 - 1


class UnsupportedOp(Exception):
    """The IR holds an op (or an op form) this interpreter does not know."""


class InterpError(Exception):
    """The IR cannot be evaluated: a computed value disagrees with its type,
    an index is out of range, ..."""


# ---------------------------------------------------------------------------
# Types and element types
# ---------------------------------------------------------------------------

# bf16 has no numpy dtype: its values are held as float32 rounded to bf16.
DTYPES = {
    "f16": np.float16, "bf16": np.float32, "f32": np.float32, "f64": np.float64,
    "i1": np.bool_, "i8": np.int8, "i16": np.int16, "i32": np.int32,
    "i64": np.int64, "si8": np.int8, "si16": np.int16, "si32": np.int32,
    "si64": np.int64, "ui8": np.uint8, "ui16": np.uint16, "ui32": np.uint32,
    "ui64": np.uint64,
}


class TensorType:
    def __init__(self, shape, elem):
        self.shape = shape  # list of int, None for `?`
        self.elem = elem    # MLIR element type spelling

    @property
    def dtype(self):
        if self.elem not in DTYPES:
            raise UnsupportedOp("element type " + self.elem)
        return DTYPES[self.elem]

    def static(self):
        return all(d is not None for d in self.shape)

    def __str__(self):
        return "x".join(["?" if d is None else str(d) for d in self.shape] +
                        [self.elem])


def parse_type(text):
    text = text.strip()
    m = re.fullmatch(r"tensor<((?:[0-9?]+x)*)([a-z0-9]+)>", text)
    if not m:
        raise UnsupportedOp("type " + text)
    dims = [None if d == "?" else int(d) for d in m.group(1).split("x") if d]
    return TensorType(dims, m.group(2))


def round_bf16(a):
    """Rounds float32 values to bfloat16 precision (nearest even)."""
    a = np.asarray(a, np.float32)
    bits = a.view(np.uint32).astype(np.uint64)
    rounded = (bits + 0x7FFF + ((bits >> 16) & 1)) & 0xFFFF0000
    out = rounded.astype(np.uint32).view(np.float32)
    return np.where(np.isnan(a), a, out).astype(np.float32)


def bf16_from_bits(bits):
    return (np.asarray(bits).astype(np.uint32) << 16).view(np.float32)


def to_type(value, ttype):
    """Converts a computed value to the element type of `ttype`."""
    value = np.asarray(value)
    if ttype.elem == "bf16":
        return round_bf16(value.astype(np.float32))
    return value.astype(ttype.dtype, copy=False)


# ---------------------------------------------------------------------------
# Parsing the generic op form
# ---------------------------------------------------------------------------

def split_top(text, sep=","):
    """Splits at `sep` outside brackets and quotes."""
    out, depth, cur, quote, i = [], 0, [], False, 0
    while i < len(text):
        c = text[i]
        if quote:
            cur.append(c)
            if c == "\\":
                cur.append(text[i + 1])
                i += 1
            elif c == '"':
                quote = False
        elif c == '"':
            quote = True
            cur.append(c)
        elif c in "<([{":
            depth += 1
            cur.append(c)
        elif c in ">)]}" and not (c == ">" and i > 0 and text[i - 1] == "-"):
            depth -= 1
            cur.append(c)
        elif c == sep and depth == 0:
            out.append("".join(cur))
            cur = []
        else:
            cur.append(c)
        i += 1
    if "".join(cur).strip():
        out.append("".join(cur))
    return [s.strip() for s in out]


def parse_float(token, elem):
    token = token.strip()
    if token.lower().startswith("0x"):
        h = token[2:]
        if elem in ("f64",) or len(h) == 16:
            return struct.unpack(">d", bytes.fromhex(h.rjust(16, "0")))[0]
        if elem == "f16" or (elem != "bf16" and len(h) == 4):
            return float(np.frombuffer(bytes.fromhex(h)[::-1], np.float16)[0])
        if elem == "bf16":
            return float(bf16_from_bits(np.array([int(h, 16)]))[0])
        return struct.unpack(">f", bytes.fromhex(h.rjust(8, "0")))[0]
    return float(token)


class Dense:
    """A `dense<...>` or `dense_resource<...>` literal, decoded on demand."""

    def __init__(self, body, ttype, resource=None):
        self.body, self.type, self.resource = body, ttype, resource


def parse_attr(text):
    text = text.strip()
    m = re.fullmatch(r"array<i(?:64|32)(?::(.*))?>", text, re.S)
    if m:
        return [int(v) for v in m.group(1).split(",")] if m.group(1) else []
    m = re.fullmatch(r"#dfg<\w+ (\w+)>", text)
    if m:
        return m.group(1)
    if text in ("true", "false"):
        return text == "true"
    m = re.fullmatch(r"(dense_resource|dense)<(.*)> : (tensor<[^>]*>)", text,
                     re.S)
    if m:
        ttype = parse_type(m.group(3))
        if m.group(1) == "dense_resource":
            return Dense(None, ttype, m.group(2).strip().strip('"'))
        return Dense(m.group(2), ttype)
    m = re.fullmatch(r"(\S+) : (\w+)", text)
    if m:
        if m.group(2).startswith(("f", "bf")):
            return parse_float(m.group(1), m.group(2))
        return int(m.group(1))
    if text.startswith('"'):
        return text[1:-1]
    if re.fullmatch(r"-?\d+", text):
        return int(text)
    return text


def parse_dict(text):
    out = {}
    for item in split_top(text):
        if "=" not in item:
            out[item] = True
            continue
        k, v = item.split("=", 1)
        out[k.strip()] = parse_attr(v)
    return out


class Op:
    def __init__(self, results, name, operands, attrs, operand_types,
                 result_types, line):
        self.results, self.name, self.operands = results, name, operands
        self.attrs, self.operand_types = attrs, operand_types
        self.result_types, self.line = result_types, line


class Function:
    def __init__(self):
        self.args = []          # (ssa name, TensorType)
        self.arg_names = []     # ONNX names from dfg.name
        self.result_names = []
        self.ops = []
        self.returns = []
        self.return_types = []
        self.resources = {}


OP_RE = re.compile(r'^(?:(%[\w]+)(?::(\d+))? = )?"([\w.]+)"\((.*?)\)(.*)$')


def parse_types_list(text):
    text = text.strip()
    if text.startswith("(") and text.endswith(")"):
        text = text[1:-1]
    return [parse_type(t) for t in split_top(text)] if text.strip() else []


def parse_module(text):
    """Parses what `dfg-translate --mlir-print-op-generic` prints."""
    fn = Function()
    body, _, trailer = text.partition("{-#")
    for name, blob in re.findall(r'"?([^"\s:]+)"?\s*:\s*"(0x[0-9A-Fa-f]*)"',
                                 trailer):
        fn.resources[name] = blob
    seen_func = False
    for lineno, raw in enumerate(body.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("//"):
            continue
        if line.startswith('"func.func"'):
            if seen_func:
                raise UnsupportedOp("more than one function")
            seen_func = True
            m = re.search(r"arg_attrs = \[(.*?)\], function_type", line)
            if m:
                fn.arg_names = [parse_dict(d.strip()[1:-1]).get("dfg.name")
                                for d in split_top(m.group(1))]
            m = re.search(r"res_attrs = \[(.*?)\], sym_name", line)
            if m:
                fn.result_names = [parse_dict(d.strip()[1:-1]).get("dfg.name")
                                   for d in split_top(m.group(1))]
            continue
        m = re.match(r"\^bb0\((.*)\):$", line)
        if m:
            for a in split_top(m.group(1)):
                name, ty = a.split(":", 1)
                fn.args.append((name.strip(), parse_type(ty)))
            continue
        if line.startswith("^"):
            raise UnsupportedOp("more than one block")
        if line.startswith(('"builtin.module"', "})", "}")):
            continue
        m = OP_RE.match(line)
        if not m:
            raise UnsupportedOp("unparsed line %d: %s" % (lineno, line[:80]))
        res, nres, name, operands, rest = m.groups()
        operands = [o.strip() for o in operands.split(",") if o.strip()]
        cut = rest.rfind(" : (")
        if cut < 0:
            raise UnsupportedOp("no type on line %d" % lineno)
        head, sig = rest[:cut].strip(), rest[cut + 3:].strip()
        sig = re.sub(r"\s+loc\(.*\)$", "", sig)
        ins, _, outs = sig.rpartition(" -> ")
        attrs = {}
        if head.startswith("<{"):
            end = head.find("}>")
            while end >= 0 and len(split_top(head[:end + 2])) != 1:
                end = head.find("}>", end + 1)
            attrs.update(parse_dict(head[2:end]))
            head = head[end + 2:].strip()
        if head.startswith("{"):
            attrs.update(parse_dict(head[1:-1]))
        if name == "func.return":
            fn.returns = operands
            fn.return_types = parse_types_list(ins)
            continue
        if not name.startswith("dfg."):
            raise UnsupportedOp("op " + name)
        result_types = parse_types_list(outs)
        if res is None:
            results = []
        elif nres is None:
            results = [res]
        else:
            results = ["%s#%d" % (res, i) for i in range(int(nres))]
        fn.ops.append(Op(results, name, operands, attrs,
                         parse_types_list(ins), result_types, lineno))
    if not seen_func:
        raise UnsupportedOp("no func.func")
    return fn


def decode_dense(d, resources):
    """Turns a Dense attribute into a numpy array of its type."""
    t = d.type
    shape = tuple(t.shape)
    elem = t.elem
    if d.resource is not None:
        blob = resources.get(d.resource)
        if blob is None:
            raise InterpError("missing resource blob " + d.resource)
        raw = bytes.fromhex(blob[2:])[4:]  # 4 bytes of alignment first
        if elem == "bf16":
            a = bf16_from_bits(np.frombuffer(raw, np.uint16))
        elif elem == "i1":
            a = np.frombuffer(raw, np.uint8) != 0
        else:
            a = np.frombuffer(raw, t.dtype)
        count = int(np.prod(shape))
        if a.size == 1 and count != 1:
            return np.full(shape, a[0], a.dtype)
        return a.reshape(shape).copy()
    body = d.body.strip()
    if body.startswith('"0x'):
        raw = bytes.fromhex(body.strip('"')[2:])
        if elem == "bf16":
            a = bf16_from_bits(np.frombuffer(raw, np.uint16))
        elif elem == "i1":
            a = np.frombuffer(raw, np.uint8) != 0
        else:
            a = np.frombuffer(raw, t.dtype)
        if a.size == 1:
            return np.full(shape, a[0], a.dtype)
        return a.reshape(shape).copy()
    tokens = [x for x in re.split(r"[\[\],\s]+", body) if x]
    if elem == "i1":
        vals = np.array([x == "true" or x == "1" for x in tokens], np.bool_)
    elif elem.startswith(("f", "bf")):
        vals = np.array([parse_float(x, elem) for x in tokens], np.float64)
    elif elem.startswith(("i", "si", "ui")):
        vals = np.array([int(x, 0) for x in tokens], object)
    else:
        raise UnsupportedOp("dense literal of " + elem)
    if elem.startswith(("i", "si", "ui")) and elem != "i1":
        bits = int(re.sub(r"\D", "", elem))
        mask = (1 << bits) - 1
        vals = np.array([v & mask for v in vals], np.uint64)
        vals = vals.astype(np.dtype("u%d" % (bits // 8))).view(t.dtype) \
            if bits >= 8 else vals.astype(t.dtype)
    if vals.size == 1:
        return to_type(np.full(shape, vals[0]), t)
    return to_type(vals.reshape(shape), t)


# ---------------------------------------------------------------------------
# Op semantics
# ---------------------------------------------------------------------------

OPS = {}


def op(*names):
    def register(fn):
        for n in names:
            OPS["dfg." + n] = fn
        return fn
    return register


def is_float(a):
    return np.issubdtype(np.asarray(a).dtype, np.floating)


def is_int(a):
    return np.issubdtype(np.asarray(a).dtype, np.integer)


UNARY = {
    "acos": np.arccos, "acosh": np.arccosh, "asin": np.arcsin,
    "asinh": np.arcsinh, "atan": np.arctan, "atanh": np.arctanh,
    "ceil": np.ceil, "cos": np.cos, "cosh": np.cosh, "exp": np.exp,
    "floor": np.floor, "log": np.log, "sin": np.sin, "sinh": np.sinh,
    "sqrt": np.sqrt, "tan": np.tan, "tanh": np.tanh, "neg": np.negative,
    "abs": np.abs, "sign": np.sign, "round": np.rint,
}


def _unary(name):
    f = UNARY[name]
    return lambda o, a: [f(a[0])]


for _n in UNARY:
    OPS["dfg." + _n] = _unary(_n)


@op("reciprocal")
def _reciprocal(o, a):
    return [np.asarray(1, a[0].dtype) / a[0]]


@op("rsqrt")
def _rsqrt(o, a):
    return [np.asarray(1, a[0].dtype) / np.sqrt(a[0])]


@op("sigmoid")
def _sigmoid(o, a):
    x = a[0]
    one = np.asarray(1, x.dtype)
    return [one / (one + np.exp(-x))]


@op("erf")
def _erf(o, a):
    x = a[0]
    return [np.vectorize(math.erf, otypes=[np.float64])(x.astype(np.float64))
            if x.size else x.astype(np.float64)]


@op("not")
def _not(o, a):
    return [np.logical_not(a[0])]


@op("and", "or", "xor")
def _logical(o, a):
    f = {"dfg.and": np.logical_and, "dfg.or": np.logical_or,
         "dfg.xor": np.logical_xor}[o.name]
    return [f(a[0], a[1])]


def _trunc_div(x, y):
    if not is_int(x):
        return np.divide(x, y)
    q = np.floor_divide(x, np.where(y == 0, 1, y))
    if np.issubdtype(x.dtype, np.signedinteger):
        r = x - q * np.where(y == 0, 1, y)
        q = np.where((r != 0) & ((x < 0) != (y < 0)), q + 1, q)
    return np.where(y == 0, 0, q).astype(np.result_type(x, y))


BINARY = {
    "add": np.add, "sub": np.subtract, "mul": np.multiply,
    "div": _trunc_div, "rem": np.fmod, "pow": np.power,
    "max": np.maximum, "min": np.minimum,
}


def _binary(name):
    f = BINARY[name]
    return lambda o, a: [f(a[0], a[1])]


for _n in BINARY:
    OPS["dfg." + _n] = _binary(_n)


def _bits(dtype):
    return np.dtype(dtype).itemsize * 8


@op("shift_left", "shift_right")
def _shift(o, a):
    x, s = np.broadcast_arrays(a[0], a[1])
    bits = _bits(x.dtype)
    amount = s.astype(np.uint64)  # amounts are read as unsigned
    big = amount >= bits
    safe = np.where(big, 0, amount).astype(x.dtype)
    if o.name == "dfg.shift_left":
        r = np.left_shift(x, safe)
        return [np.where(big, np.zeros_like(x), r)]
    r = np.right_shift(x, safe)
    if np.issubdtype(x.dtype, np.signedinteger):
        fill = np.where(x < 0, np.array(-1, x.dtype), np.array(0, x.dtype))
    else:
        fill = np.zeros_like(x)
    return [np.where(big, fill, r)]


@op("compare")
def _compare(o, a):
    f = {"eq": np.equal, "ne": np.not_equal, "lt": np.less,
         "le": np.less_equal, "gt": np.greater,
         "ge": np.greater_equal}[o.attrs["predicate"]]
    return [f(a[0], a[1])]


@op("select")
def _select(o, a):
    return [np.where(a[0], a[1], a[2])]


@op("clamp")
def _clamp(o, a):
    x = a[0]
    lo, hi = o.attrs["min"], o.attrs["max"]
    if is_int(x):
        info = np.iinfo(x.dtype)
        lo = info.min if lo < info.min else int(math.ceil(lo))
        hi = info.max if hi > info.max else int(math.floor(hi))
        return [np.minimum(np.maximum(x, np.array(lo).astype(x.dtype)),
                           np.array(hi).astype(x.dtype))]
    return [np.minimum(np.maximum(x, np.asarray(lo, x.dtype)),
                       np.asarray(hi, x.dtype))]


@op("cast")
def _cast(o, a):
    x, t = a[0], o.result_types[0]
    if t.elem == "i1":
        return [x != 0]
    if is_float(x) and np.issubdtype(t.dtype, np.integer):
        return [np.trunc(x)]
    return [x]  # to_type() converts (and rounds to bf16)


@op("constant")
def _constant(o, a):
    return [o.attrs["value"]]  # decoded once, before interpretation


@op("reshape")
def _reshape(o, a):
    t = o.result_types[0]
    if t.static():
        return [a[0].reshape(t.shape)]
    if len(a) > 1:
        shape = [int(v) if d is None else d for d, v in zip(t.shape, a[1])]
    else:
        shape = [-1 if d is None else d for d in t.shape]
    return [a[0].reshape(shape)]


@op("broadcast_to")
def _broadcast_to(o, a):
    t = o.result_types[0]
    if len(a) > 1:
        shape = [int(v) if d is None else d for d, v in zip(t.shape, a[1])]
    elif t.static():
        shape = t.shape
    else:
        raise InterpError("broadcast_to with a dynamic result and no shape")
    return [np.broadcast_to(a[0], shape).copy()]


@op("transpose")
def _transpose(o, a):
    return [np.transpose(a[0], o.attrs["permutation"])]


@op("concat")
def _concat(o, a):
    return [np.concatenate(a, axis=o.attrs["axis"])]


@op("slice")
def _slice(o, a):
    idx = []
    for s, l, st in zip(o.attrs["starts"], o.attrs["limits"],
                        o.attrs["strides"]):
        idx.append(slice(s, None if l == INT64_MAX else l, st))
    return [a[0][tuple(idx)]]


@op("pad")
def _pad(o, a):
    x = a[0]
    low, high = o.attrs["low"], o.attrs["high"]
    crop = tuple(slice(max(0, -l), x.shape[i] - max(0, -h))
                 for i, (l, h) in enumerate(zip(low, high)))
    x = x[crop]
    widths = [(max(0, l), max(0, h)) for l, h in zip(low, high)]
    mode = o.attrs.get("mode", "constant")
    if mode == "constant":
        value = np.asarray(o.attrs["value"]).astype(x.dtype)
        return [np.pad(x, widths, constant_values=value)]
    if mode in ("reflect", "edge"):
        return [np.pad(x, widths, mode=mode)]
    raise UnsupportedOp("dfg.pad mode " + mode)


@op("matmul")
def _matmul(o, a):
    return [np.matmul(a[0], a[1])]


@op("reduce")
def _reduce(o, a):
    x = a[0]
    axes = tuple(o.attrs["axes"])
    keep = o.attrs["keep_dims"]
    if not axes:
        return [x]
    kind = o.attrs["kind"]
    empty = any(x.shape[i] == 0 for i in axes)
    if kind in ("max", "min") and empty:
        if is_float(x):
            init = -np.inf if kind == "max" else np.inf
        else:
            info = np.iinfo(x.dtype)
            init = info.min if kind == "max" else info.max
        f = np.max if kind == "max" else np.min
        return [f(x, axis=axes, keepdims=keep, initial=init)]
    f = {"sum": np.sum, "prod": np.prod, "max": np.max, "min": np.min,
         "mean": np.mean}[kind]
    if kind in ("sum", "prod") and not is_float(x):
        return [f(x, axis=axes, keepdims=keep, dtype=x.dtype)]
    return [f(x, axis=axes, keepdims=keep)]


@op("arg_reduce")
def _arg_reduce(o, a):
    x = a[0]
    axis = o.attrs["axis"]
    f = np.argmax if o.attrs["kind"] == "argmax" else np.argmin
    if o.attrs.get("select_last_index"):
        r = x.shape[axis] - 1 - f(np.flip(x, axis), axis=axis)
    else:
        r = f(x, axis=axis)
    if o.attrs["keep_dims"]:
        r = np.expand_dims(r, axis)
    return [r.astype(np.int64)]


@op("cumsum")
def _cumsum(o, a):
    x = a[0]
    axis = o.attrs["axis"]
    if o.attrs.get("reverse"):
        x = np.flip(x, axis)
    r = np.cumsum(x, axis=axis, dtype=x.dtype)
    if o.attrs.get("exclusive"):
        r = r - x
        # exact for integers; for floats, recompute by shifting instead
        if is_float(x):
            shifted = np.zeros_like(x)
            src = [slice(None)] * x.ndim
            dst = [slice(None)] * x.ndim
            src[axis], dst[axis] = slice(0, -1), slice(1, None)
            shifted[tuple(dst)] = x[tuple(src)]
            r = np.cumsum(shifted, axis=axis, dtype=x.dtype)
    if o.attrs.get("reverse"):
        r = np.flip(r, axis)
    return [r]


def _norm_index(idx, size):
    idx = np.asarray(idx).astype(np.int64)
    idx = np.where(idx < 0, idx + size, idx)
    if idx.size and (idx.min() < 0 or idx.max() >= size):
        raise InterpError("index out of range [0, %d)" % size)
    return idx


@op("gather")
def _gather(o, a):
    x, i = a
    axis = o.attrs["axis"]
    return [np.take(x, _norm_index(i, x.shape[axis]), axis=axis)]


@op("gather_elements")
def _gather_elements(o, a):
    x, i = a
    axis = o.attrs["axis"]
    return [np.take_along_axis(x, _norm_index(i, x.shape[axis]), axis=axis)]


@op("gather_nd")
def _gather_nd(o, a):
    x, idx = a
    b = o.attrs.get("batch_dims", 0)
    d = idx.shape[-1]
    xb = x.reshape((-1,) + x.shape[b:])
    ib = idx.reshape((-1,) + idx.shape[b:])
    outs = []
    for n in range(xb.shape[0]):
        xi, ii = xb[n], ib[n]
        flat = ii.reshape(-1, d)
        coords = tuple(_norm_index(flat[:, k], xi.shape[k]) for k in range(d))
        outs.append(xi[coords].reshape(ii.shape[:-1] + xi.shape[d:]))
    return [np.stack(outs).reshape(idx.shape[:-1] + x.shape[b + d:])]


def _combine(out, key, upd, reduction):
    if reduction == "none":
        out[key] = upd
    elif reduction == "add":
        np.add.at(out, key, upd)
    elif reduction == "mul":
        np.multiply.at(out, key, upd)
    elif reduction == "max":
        np.maximum.at(out, key, upd)
    elif reduction == "min":
        np.minimum.at(out, key, upd)
    else:
        raise UnsupportedOp("scatter reduction " + reduction)


@op("scatter_elements")
def _scatter_elements(o, a):
    x, idx, upd = a
    axis = o.attrs["axis"]
    out = x.copy()
    key = list(np.indices(idx.shape))
    key[axis] = _norm_index(idx, x.shape[axis])
    _combine(out, tuple(key), upd, o.attrs.get("reduction", "none"))
    return [out]


@op("scatter_nd")
def _scatter_nd(o, a):
    x, idx, upd = a
    out = x.copy()
    d = idx.shape[-1]
    flat = idx.reshape(-1, d)
    u = upd.reshape((-1,) + x.shape[d:])
    reduction = o.attrs.get("reduction", "none")
    for n in range(flat.shape[0]):
        key = tuple(int(_norm_index(flat[n, k], x.shape[k])) for k in range(d))
        if reduction == "none":
            out[key] = u[n]
        else:
            _combine(out, key, u[n], reduction)
    return [out]


@op("non_zero")
def _non_zero(o, a):
    x = a[0]
    if x.ndim == 0:
        return [np.zeros((0, 1 if x else 0), np.int64)]
    return [np.array(np.nonzero(x), np.int64).reshape(x.ndim, -1)]


@op("top_k")
def _top_k(o, a):
    x = a[0]
    axis, k = o.attrs["axis"], o.attrs["k"]
    keys = x.astype(np.int64) if np.issubdtype(x.dtype, np.unsignedinteger) \
        else x
    if o.attrs.get("largest", True):
        keys = -keys
    order = np.argsort(keys, axis=axis, kind="stable")
    order = np.take(order, np.arange(k), axis=axis)
    return [np.take_along_axis(x, order, axis=axis), order.astype(np.int64)]


# -- convolution and pooling --------------------------------------------------

def _window(k, dil, stride, count):
    return slice(k * dil, k * dil + stride * (count - 1) + 1, stride)


@op("conv")
def _conv(o, a):
    x, w = a[0], a[1]
    b = a[2] if len(a) > 2 else None
    strides, pads = o.attrs["strides"], o.attrs["pads"]
    dil, groups = o.attrs["dilations"], o.attrs["groups"]
    n = x.ndim - 2
    xp = np.pad(x.astype(np.float64),
                [(0, 0), (0, 0)] + [(pads[i], pads[n + i]) for i in range(n)])
    K = w.shape[2:]
    outs = [(xp.shape[2 + i] - dil[i] * (K[i] - 1) - 1) // strides[i] + 1
            for i in range(n)]
    N, C = x.shape[:2]
    O = w.shape[0]
    y = np.zeros((N, O) + tuple(outs), np.float64)
    cg, og = C // groups, O // groups
    wf = w.astype(np.float64)
    for g in range(groups):
        for k in itertools.product(*[range(kk) for kk in K]):
            sl = tuple(_window(k[i], dil[i], strides[i], outs[i])
                       for i in range(n))
            patch = xp[(slice(None), slice(g * cg, (g + 1) * cg)) + sl]
            wk = wf[(slice(g * og, (g + 1) * og), slice(None)) + k]
            y[:, g * og:(g + 1) * og] += np.einsum("nc...,oc->no...", patch, wk)
    if b is not None:
        y += b.astype(np.float64).reshape((1, -1) + (1,) * n)
    return [y]


@op("conv_transpose")
def _conv_transpose(o, a):
    x, w = a[0], a[1]
    b = a[2] if len(a) > 2 else None
    strides, pads = o.attrs["strides"], o.attrs["pads"]
    dil, groups = o.attrs["dilations"], o.attrs["groups"]
    opad = o.attrs["output_padding"]
    n = x.ndim - 2
    N, C = x.shape[:2]
    K = w.shape[2:]
    og = w.shape[1]
    O = og * groups
    cg = C // groups
    full = [strides[i] * (x.shape[2 + i] - 1) + dil[i] * (K[i] - 1) + 1 +
            opad[i] for i in range(n)]
    y = np.zeros((N, O) + tuple(full), np.float64)
    xf, wf = x.astype(np.float64), w.astype(np.float64)
    for g in range(groups):
        for k in itertools.product(*[range(kk) for kk in K]):
            sl = tuple(_window(k[i], dil[i], strides[i], x.shape[2 + i])
                       for i in range(n))
            wk = wf[(slice(g * cg, (g + 1) * cg), slice(None)) + k]
            y[(slice(None), slice(g * og, (g + 1) * og)) + sl] += np.einsum(
                "nc...,co->no...", xf[:, g * cg:(g + 1) * cg], wk)
    y = y[(slice(None), slice(None)) +
          tuple(slice(pads[i], full[i] - pads[n + i]) for i in range(n))]
    if b is not None:
        y = y + b.astype(np.float64).reshape((1, -1) + (1,) * n)
    return [y]


@op("pool")
def _pool(o, a):
    x = a[0]
    kind = o.attrs["kind"]
    kernel, strides = o.attrs["kernel"], o.attrs["strides"]
    pads, dil = o.attrs["pads"], o.attrs["dilations"]
    cip, ceil = o.attrs["count_include_pad"], o.attrs["ceil_mode"]
    n = x.ndim - 2
    outs = []
    for i in range(n):
        span = x.shape[2 + i] + pads[i] + pads[n + i] - dil[i] * (kernel[i] - 1) - 1
        outs.append((-(-span // strides[i]) if ceil else span // strides[i]) + 1)
    extra = [max(0, strides[i] * (outs[i] - 1) + dil[i] * (kernel[i] - 1) + 1 -
                 (x.shape[2 + i] + pads[i] + pads[n + i])) for i in range(n)]
    fill = -np.inf if kind == "max" else 0.0
    xp = np.pad(x.astype(np.float64),
                [(0, 0), (0, 0)] + [(pads[i], pads[n + i] + extra[i])
                                    for i in range(n)],
                constant_values=fill)
    ones = np.pad(np.ones(x.shape[2:]),
                  [(pads[i], pads[n + i]) for i in range(n)],
                  constant_values=1.0 if cip else 0.0)
    ones = np.pad(ones, [(0, extra[i]) for i in range(n)])
    acc = np.full(x.shape[:2] + tuple(outs), fill, np.float64)
    cnt = np.zeros(tuple(outs), np.float64)
    for k in itertools.product(*[range(kk) for kk in kernel]):
        sl = tuple(_window(k[i], dil[i], strides[i], outs[i]) for i in range(n))
        if kind == "max":
            acc = np.maximum(acc, xp[(slice(None), slice(None)) + sl])
        else:
            acc += xp[(slice(None), slice(None)) + sl]
            cnt += ones[sl]
    return [acc if kind == "max" else acc / cnt]


# -- resize ------------------------------------------------------------------

def _resize_coeffs(mode, ratio, nearest_mode, a):
    if mode == "nearest":
        if ratio == 1:
            return [0.0, 1.0]
        return {"round_prefer_floor": [ratio <= 0.5, ratio > 0.5],
                "round_prefer_ceil": [ratio < 0.5, ratio >= 0.5],
                "floor": [1.0, 0.0], "ceil": [0.0, 1.0]}[nearest_mode]
    if mode == "linear":
        return [1 - ratio, ratio]
    r = ratio
    return [((a * (r + 1) - 5 * a) * (r + 1) + 8 * a) * (r + 1) - 4 * a,
            ((a + 2) * r - (a + 3)) * r * r + 1,
            ((a + 2) * (1 - r) - (a + 3)) * (1 - r) * (1 - r) + 1,
            ((a * ((1 - r) + 1) - 5 * a) * ((1 - r) + 1) + 8 * a) *
            ((1 - r) + 1) - 4 * a]


def _resize_matrix(n, m_out, scale, roi_lo, roi_hi, attrs):
    """Weights [m_out, n] of one dimension, and the rows that extrapolate."""
    mode = attrs["mode"]
    cmode = attrs["coordinate_mode"]
    W = np.zeros((m_out, n))
    ext = np.zeros(m_out, bool)
    m = scale * n
    for x in range(m_out):
        if cmode == "align_corners":
            xo = 0.0 if m == 1 else x * (n - 1) / (m - 1)
        elif cmode == "asymmetric":
            xo = x / scale
        elif cmode == "tf_crop_and_resize":
            if m == 1:
                xo = (roi_hi - roi_lo) * (n - 1) / 2
            else:
                xo = x * (roi_hi - roi_lo) * (n - 1) / (m - 1)
            xo += roi_lo * (n - 1)
            if xo < 0 or xo > n - 1:
                ext[x] = True
                continue
        elif cmode == "tf_half_pixel_for_nn":
            xo = (x + 0.5) / scale
        elif cmode == "pytorch_half_pixel":
            xo = -0.5 if m == 1 else (x + 0.5) / scale - 0.5
        elif cmode == "half_pixel":
            xo = (x + 0.5) / scale - 0.5
        else:
            raise UnsupportedOp("dfg.resize coordinate mode " + cmode)
        ratio = 1.0 if float(xo).is_integer() else xo - math.floor(xo)
        coeffs = np.array(_resize_coeffs(mode, ratio, attrs["nearest_mode"],
                                         attrs["cubic_coeff_a"]), np.float64)
        cnt = len(coeffs)
        pw = int(math.ceil(cnt / 2))
        xp = xo + pw
        limit = n + 2 * pw
        base = int(math.floor(xp))
        cand = [i for i in range(base - cnt - 1, base + cnt + 2)
                if 0 <= i < limit]
        idxes = sorted(sorted(cand, key=lambda i: (abs(xp - i), i))[:cnt])
        orig = [i - pw for i in idxes]
        if attrs.get("exclude_outside"):
            for j, i in enumerate(orig):
                if i < 0 or i >= n:
                    coeffs[j] = 0
            coeffs = coeffs / coeffs.sum()
        for c, i in zip(coeffs, orig):
            W[x, min(max(i, 0), n - 1)] += c
    return W, ext


@op("resize")
def _resize(o, a):
    seg = o.attrs.get("operandSegmentSizes", [1, len(a) - 1, 0])
    x = a[0]
    scales = a[1] if seg[1] else None
    roi = a[1 + seg[1]] if seg[2] else None
    t = o.result_types[0]
    if not t.static():
        raise UnsupportedOp("dfg.resize with a dynamic result")
    rank = x.ndim
    y = x.astype(np.float64)
    value = o.attrs.get("extrapolation_value", 0.0)
    # innermost dimension first, as the ONNX reference recurses
    for i in reversed(range(rank)):
        n, m_out = x.shape[i], t.shape[i]
        scale = float(scales[i]) if scales is not None else m_out / n
        lo = float(roi[i]) if roi is not None else 0.0
        hi = float(roi[rank + i]) if roi is not None else 1.0
        W, ext = _resize_matrix(n, m_out, scale, lo, hi, o.attrs)
        y = np.moveaxis(np.tensordot(W, np.moveaxis(y, i, 0), axes=1), 0, i)
        if ext.any():
            shape = [1] * rank
            shape[i] = m_out
            y = np.where(ext.reshape(shape), value, y)
    if np.issubdtype(t.dtype, np.integer):
        y = np.rint(y)
    return [y]


# -- training updates ---------------------------------------------------------

@op("sgd_update")
def _sgd(o, a):
    p, g, lr = a
    wd = o.attrs.get("weight_decay", 0.0)
    return [p - lr * (g + wd * p)]


@op("momentum_update")
def _momentum(o, a):
    p, g, v, lr, t = a
    al, be, nc = o.attrs["alpha"], o.attrs["beta"], o.attrs["norm_coefficient"]
    gr = g + nc * p
    bp = be if t > 0 else 1.0
    nv = al * v + bp * gr
    if o.attrs.get("mode", "standard") == "nesterov":
        np_ = p - lr * (gr + al * nv)
    else:
        np_ = p - lr * nv
    return [np_, nv]


@op("adagrad_update")
def _adagrad(o, a):
    p, g, h, lr, t = a
    df, eps, nc = (o.attrs["decay_factor"], o.attrs["epsilon"],
                   o.attrs["norm_coefficient"])
    r = lr / (1 + t * df)
    gr = g + nc * p
    nh = h + gr * gr
    return [p - r * gr / (np.sqrt(nh) + eps), nh]


@op("adam_update")
def _adam(o, a):
    p, g, m, v, lr, t = a
    al, be, eps = o.attrs["alpha"], o.attrs["beta"], o.attrs["epsilon"]
    nc, ncp = o.attrs["norm_coefficient"], o.attrs["norm_coefficient_post"]
    gr = g + nc * p
    nm = al * m + (1 - al) * gr
    nv = be * v + (1 - be) * gr * gr
    r = lr * np.sqrt(1 - be ** t) / (1 - al ** t) if t > 0 else lr
    pp = p - r * nm / (np.sqrt(nv) + eps)
    return [(1 - ncp) * pp, nm, nv]


# -- random number generation -------------------------------------------------

# The ops that draw random values. Their values depend on the generator: this
# interpreter uses numpy's default_rng (seeded with the bits of the `seed`
# attribute when there is one), not the legacy numpy.random functions the
# ONNX reference implementation calls, so it cannot reproduce the values of
# the ONNX backend tests.
RANDOM_OPS = ("dfg.random_uniform", "dfg.random_normal")


def _rng(o):
    seed = o.attrs.get("seed")
    if seed is None:
        return np.random.default_rng()
    return np.random.default_rng(
        int(np.array(seed, np.float64).view(np.uint64)))


def _random_shape(o, a):
    return a[0].shape if a else tuple(o.result_types[0].shape)


@op("random_uniform")
def _random_uniform(o, a):
    return [_rng(o).uniform(o.attrs["low"], o.attrs["high"],
                            _random_shape(o, a))]


@op("random_normal")
def _random_normal(o, a):
    return [_rng(o).normal(o.attrs["mean"], o.attrs["scale"],
                           _random_shape(o, a))]


def uses_random(fn):
    """Whether `fn` draws random values."""
    return any(o.name in RANDOM_OPS for o in fn.ops)


# ---------------------------------------------------------------------------
# Evaluation
# ---------------------------------------------------------------------------

def unknown_ops(fn):
    """The op names of `fn` that the interpreter does not implement."""
    return sorted({o.name for o in fn.ops if o.name not in OPS})


def check_value(value, ttype, what):
    value = np.asarray(value)
    if value.ndim != len(ttype.shape) or any(
            d is not None and d != s for d, s in zip(ttype.shape, value.shape)):
        raise InterpError("%s: computed shape %s, but the IR declares %s" %
                          (what, "x".join(map(str, value.shape)) or "scalar",
                           ttype))
    return to_type(value, ttype)


def run(fn, inputs):
    """Evaluates `fn` on `inputs` (numpy arrays in argument order)."""
    missing = unknown_ops(fn)
    if missing:
        raise UnsupportedOp("op " + ", ".join(missing))
    if len(inputs) != len(fn.args):
        raise InterpError("%d inputs for %d arguments" %
                          (len(inputs), len(fn.args)))
    env = {}
    for (name, ttype), value in zip(fn.args, inputs):
        env[name] = check_value(value, ttype, "argument " + name)
    with np.errstate(all="ignore"):
        for o in fn.ops:
            if o.name == "dfg.constant" and isinstance(o.attrs.get("value"),
                                                       Dense):
                o.attrs["value"] = decode_dense(o.attrs["value"],
                                                fn.resources)
            args = [env[v] for v in o.operands]
            try:
                outs = OPS[o.name](o, args)
            except (UnsupportedOp, InterpError):
                raise
            except Exception as e:  # numpy's own complaints
                raise InterpError("%s (line %d): %s: %s" %
                                  (o.name, o.line, type(e).__name__, e))
            if len(outs) != len(o.results):
                raise InterpError("%s: %d results, %d declared" %
                                  (o.name, len(outs), len(o.results)))
            for res, val, ttype in zip(o.results, outs, o.result_types):
                env[res] = check_value(
                    val, ttype, "%s = %s (line %d)" % (res, o.name, o.line))
    return [env[v] for v in fn.returns]


def load_input(path):
    if path.endswith(".npy"):
        return np.load(path)
    import onnx
    import onnx.numpy_helper
    tensor = onnx.load_tensor(path)
    value = onnx.numpy_helper.to_array(tensor)
    if tensor.data_type == onnx.TensorProto.BFLOAT16:
        value = bf16_from_bits(value.view(np.uint16))
    return value


def main(argv):
    if len(argv) < 2 or argv[1] in ("-h", "--help"):
        print(__doc__)
        return 0 if len(argv) > 1 else 2
    with open(argv[1]) as f:
        fn = parse_module(f.read())
    inputs = [load_input(p) for p in argv[2:]]
    for name, value in zip(fn.result_names or [None] * len(fn.returns),
                           run(fn, inputs)):
        print("%s: %s %s" % (name, value.dtype, value.shape))
        print(value)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
