#!/usr/bin/python3
"""Writes small ONNX models in the habits of converters other than PyTorch's.

tf2onnx, paddle2onnx and older converters export models unlike
torch.onnx.export's: opsets 7 to 11 (Slice, Squeeze, Unsqueeze, Resize and
Dropout in their old forms, Upsample), every weight and shape constant as a
Constant node instead of an initializer, batch, height and width all
dynamic (dim_param), and shapes computed at run time by chains such as
Shape -> Gather -> Unsqueeze -> Concat -> Reshape. Each model here exercises
some of those habits; the importer's lit test (test/Import/ONNX/
exporter-habits.test) compiles each one with dfg-compile and runs it with
dfg-run at two run-time shapes. Writes the ONNX backend-test layout:

  <dir>/<model>/model.onnx
  <dir>/<model>/test_data_set_0/input_*.pb, output_*.pb
  <dir>/<model>/test_data_set_1/input_*.pb, output_*.pb

Expected outputs come from numpy implementations of the operators below
(onnx 1.12 has no onnx.reference), at float64 and stored as float32; the
two data sets differ in every dynamic dimension the model allows.

  utils/exporter-habits.py -o DIR [--models NAME,...] [--list]

Needs numpy and onnx: run it with /usr/bin/python3.
"""

import argparse
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

SEED = 20261204
INT64_MAX = np.iinfo(np.int64).max


class Graph:
    """A graph under construction; constants become Constant nodes."""

    def __init__(self):
        self.nodes = []
        self.count = 0

    def name(self, op):
        self.count += 1
        return f"{op}_{self.count}"

    def node(self, op, inputs, outputs=1, **attrs):
        name = self.name(op)
        if isinstance(outputs, int):
            outputs = [f"{name}_out{i}" for i in range(outputs)]
        self.nodes.append(helper.make_node(op, inputs, outputs, name=name,
                                           **attrs))
        return outputs[0] if len(outputs) == 1 else outputs

    def const(self, array, dtype=None):
        array = np.asarray(array, dtype=dtype)
        return self.node("Constant", [], value=numpy_helper.from_array(
            array, self.name("value")))

    def dim(self, shape, index, opset):
        """Dimension `index` of a Shape output as a 1-element vector, the way
        converters spell it: a scalar Gather, then Unsqueeze."""
        scalar = self.node("Gather", [shape, self.const(index, np.int64)],
                           axis=0)
        return self.node("Unsqueeze", [scalar], axes=[0])


def value_info(name, elem_type, dims):
    return helper.make_tensor_value_info(name, elem_type, dims)


def make_model(graph, name, opset, inputs, outputs):
    model = helper.make_model(
        helper.make_graph(graph.nodes, name, inputs, outputs),
        opset_imports=[helper.make_opsetid("", opset)],
        producer_name="exporter-habits")
    model.ir_version = 6 if opset <= 11 else 7
    onnx.checker.check_model(model)
    return model


#===------------------------------------------------------------------------===#
# numpy references
#===------------------------------------------------------------------------===#


def conv2d(x, w, b, pad):
    """NCHW convolution, stride 1, symmetric zero padding."""
    n, c, h, wd = x.shape
    o, _, kh, kw = w.shape
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    oh, ow = h + 2 * pad - kh + 1, wd + 2 * pad - kw + 1
    y = np.zeros((n, o, oh, ow))
    for i in range(kh):
        for j in range(kw):
            y += np.einsum("nchw,oc->nohw", xp[:, :, i:i + oh, j:j + ow],
                           w[:, :, i, j])
    return y + b.reshape(1, o, 1, 1)


def max_pool(x, kh, kw):
    """Non-overlapping max pooling (kernel = stride), floor mode."""
    n, c, h, w = x.shape
    x = x[:, :, :h // kh * kh, :w // kw * kw]
    return x.reshape(n, c, h // kh, kh, w // kw, kw).max(axis=(3, 5))


def linear_half_pixel(x, axis, out):
    """ONNX Resize linear with half_pixel coordinates along one axis."""
    size = x.shape[axis]
    pos = (np.arange(out) + 0.5) * size / out - 0.5
    pos = np.clip(pos, 0, size - 1)
    lo = np.floor(pos).astype(np.int64)
    hi = np.minimum(lo + 1, size - 1)
    frac = pos - lo
    shape = [1] * x.ndim
    shape[axis] = out
    frac = frac.reshape(shape)
    return (np.take(x, lo, axis=axis) * (1 - frac) +
            np.take(x, hi, axis=axis) * frac)


def softmax(x, axis):
    e = np.exp(x - x.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)


#===------------------------------------------------------------------------===#
# Models: each returns (model, reference function, input shapes per data set)
#===------------------------------------------------------------------------===#

F = TensorProto.FLOAT


def reshape_chain():
    """Opset 9: Reshape to shapes computed from Shape, Flatten and the
    attribute form of Slice, on an input with dynamic N, H and W."""
    g = Graph()
    s = g.node("Shape", ["x"])
    n, h, w = (g.dim(s, i, 9) for i in (0, 2, 3))
    four = g.const([4], np.int64)
    hw = g.node("Mul", [h, w])
    flat = g.node("Reshape", ["x", g.node("Concat", [n, four, hw], axis=0)])
    act = g.node("Relu", [flat])
    g.node("Reshape", [act, g.node("Concat", [n, four, h, w], axis=0)],
           ["back"])
    g.node("Flatten", ["x"], ["rows"], axis=2)
    # tf2onnx's batch-preserving flatten: the batch read with Shape, -1 for
    # the rest; and the constant form, 0 copying the batch.
    g.node("Reshape", ["x", g.node("Concat", [n, g.const([-1], np.int64)],
                                   axis=0)], ["flat"])
    g.node("Reshape", ["x", g.const([0, 2, -1], np.int64)], ["halves"])
    g.node("Slice", ["x"], ["cut"], starts=[1, 0], ends=[-1, INT64_MAX],
           axes=[2, 3])
    model = make_model(
        g, "reshape_chain", 9,
        [value_info("x", F, ["N", 4, "H", "W"])],
        [value_info("back", F, ["N", 4, "H", "W"]),
         value_info("rows", F, [None, None]),
         value_info("flat", F, ["N", None]),
         value_info("halves", F, ["N", 2, None]),
         value_info("cut", F, ["N", 4, None, "W"])])

    def reference(x):
        n, c, h, w = x.shape
        return [np.maximum(x, 0), x.reshape(n * c, h * w),
                x.reshape(n, -1), x.reshape(n, 2, -1), x[:, :, 1:-1, :]]

    return model, reference, [[(1, 4, 3, 5)], [(3, 4, 6, 2)]]


def squeeze_expand():
    """Opset 11: Squeeze, Unsqueeze, Slice (input form) and Expand on
    tensors with several dynamic dimensions; shapes from Shape chains."""
    g = Graph()
    sq = g.node("Squeeze", ["x"], axes=[1])
    g.node("Unsqueeze", [sq], ["unsq"], axes=[0, -2])
    g.node("Slice", ["x", g.const([1, 0], np.int64),
                     g.const([-1, INT64_MAX], np.int64),
                     g.const([2, -1], np.int64), g.const([1, 2], np.int64)],
           ["cut"])
    # A class token broadcast over the batch (vit's habit), and a row
    # broadcast to the shape of the squeezed input.
    s = g.node("Shape", ["x"])
    n = g.dim(s, 0, 11)
    token = g.const(np.arange(1, 5, dtype=np.float32).reshape(1, 1, 4))
    g.node("Expand", [token, g.node("Concat", [n, g.const([1, 4], np.int64)],
                                    axis=0)], ["tokens"])
    row = g.node("ReduceMax", [sq], axes=[1], keepdims=1)
    g.node("Expand", [row, g.node("Shape", [sq])], ["rows"])
    model = make_model(
        g, "squeeze_expand", 11,
        [value_info("x", F, ["N", 1, "H", "W"])],
        [value_info("unsq", F, [1, "N", "H", 1, "W"]),
         value_info("cut", F, ["N", 1, None, None]),
         value_info("tokens", F, ["N", 1, 4]),
         value_info("rows", F, ["N", "H", "W"])])

    def reference(x):
        sq = x[:, 0]
        token = np.arange(1, 5).reshape(1, 1, 4)
        return [sq[None, :, :, None, :], x[:, :, 1:-1, ::2],
                np.broadcast_to(token, (x.shape[0], 1, 4)),
                np.broadcast_to(sq.max(axis=1, keepdims=True), sq.shape)]

    return model, reference, [[(2, 1, 3, 5)], [(1, 1, 4, 7)]]


def empty_slice():
    """Opset 11: shape arithmetic through an empty slice (swin_t's habit):
    Shape of a 2-D tensor sliced from index 2 is empty, concatenated to the
    shape again, and the result reshapes."""
    g = Graph()
    s = g.node("Shape", ["x"])
    tail = g.node("Slice", [s, g.const([2], np.int64),
                            g.const([INT64_MAX], np.int64)])
    target = g.node("Concat", [s, tail], axis=0)
    shaped = g.node("Reshape", [g.node("ConstantOfShape", [target],
                                       value=numpy_helper.from_array(
                                           np.ones(1, np.float32))), target])
    g.node("Add", ["x", shaped], ["y"])
    model = make_model(g, "empty_slice", 11,
                       [value_info("x", F, ["N", "W"])],
                       [value_info("y", F, ["N", "W"])])

    def reference(x):
        return [x + 1]

    return model, reference, [[(2, 3)], [(4, 1)]]


def upsample7():
    """Opset 7: Upsample with its scales attribute, bilinear (asymmetric
    coordinates, as Upsample defines them)."""
    g = Graph()
    g.node("Upsample", ["x"], ["y"], mode="linear", scales=[1.0, 1.0, 2.0, 2.0])
    model = make_model(g, "upsample7", 7,
                       [value_info("x", F, ["N", 2, "H", "W"])],
                       [value_info("y", F, ["N", 2, None, None])])

    def reference(x):
        def along(x, axis):
            size = x.shape[axis]
            pos = np.arange(2 * size) / 2.0
            lo = np.floor(pos).astype(np.int64)
            hi = np.minimum(lo + 1, size - 1)
            shape = [1] * x.ndim
            shape[axis] = 2 * size
            frac = (pos - lo).reshape(shape)
            return (np.take(x, lo, axis=axis) * (1 - frac) +
                    np.take(x, hi, axis=axis) * frac)
        return [along(along(x, 2), 3)]

    return model, reference, [[(1, 2, 3, 4)], [(2, 2, 5, 2)]]


def upsample9():
    """Opset 9: Upsample with a Constant scales input."""
    g = Graph()
    g.node("Upsample", ["x", g.const([1, 1, 2, 2], np.float32)], ["y"],
           mode="nearest")
    model = make_model(g, "upsample9", 9,
                       [value_info("x", F, ["N", 2, "H", "W"])],
                       [value_info("y", F, ["N", 2, None, None])])

    def reference(x):
        return [x.repeat(2, axis=2).repeat(2, axis=3)]

    return model, reference, [[(1, 2, 3, 4)], [(2, 2, 5, 2)]]


def resize10():
    """Opset 10: Resize with two inputs (scales), nearest."""
    g = Graph()
    g.node("Resize", ["x", g.const([1, 1, 2, 3], np.float32)], ["y"],
           mode="nearest")
    model = make_model(g, "resize10", 10,
                       [value_info("x", F, ["N", 2, "H", "W"])],
                       [value_info("y", F, ["N", 2, None, None])])

    def reference(x):
        return [x.repeat(2, axis=2).repeat(3, axis=3)]

    return model, reference, [[(1, 2, 3, 4)], [(2, 2, 5, 2)]]


def resize11():
    """Opset 11: Resize with sizes computed from the input's Shape
    (bilinear, half_pixel; twice the height, the width plus 3), and with
    constant scales (nearest)."""
    g = Graph()
    s = g.node("Shape", ["x"])
    nc = g.node("Slice", [s, g.const([0], np.int64), g.const([2], np.int64)])
    hw = g.node("Slice", [s, g.const([2], np.int64), g.const([4], np.int64)])
    grown = g.node("Add", [g.node("Mul", [hw, g.const([2, 1], np.int64)]),
                           g.const([0, 3], np.int64)])
    sizes = g.node("Concat", [nc, grown], axis=0)
    empty = g.const(np.zeros((0,), np.float32))
    g.node("Resize", ["x", empty, empty, sizes], ["linear"], mode="linear",
           coordinate_transformation_mode="half_pixel")
    g.node("Resize", ["x", empty, g.const([1, 1, 2, 2], np.float32)],
           ["nearest"], mode="nearest")
    model = make_model(g, "resize11", 11,
                       [value_info("x", F, ["N", 2, "H", "W"])],
                       [value_info("linear", F, ["N", 2, None, None]),
                        value_info("nearest", F, ["N", 2, None, None])])

    def reference(x):
        y = linear_half_pixel(x, 2, 2 * x.shape[2])
        return [linear_half_pixel(y, 3, x.shape[3] + 3),
                x.repeat(2, axis=2).repeat(2, axis=3)]

    return model, reference, [[(1, 2, 3, 4)], [(2, 2, 5, 2)]]


def dropout(opset):
    """Dropout at inference, with and without its mask output (of the
    input's type up to opset 9, boolean from opset 10)."""
    def make():
        g = Graph()
        plain = g.node("Dropout", ["x"], ratio=0.3)
        g.node("Dropout", [plain], ["y", "mask"], ratio=0.5)
        mask_type = F if opset < 10 else TensorProto.BOOL
        model = make_model(g, f"dropout{opset}", opset,
                           [value_info("x", F, ["N", "H", "W"])],
                           [value_info("y", F, ["N", "H", "W"]),
                            value_info("mask", mask_type, ["N", "H", "W"])])

        def reference(x):
            mask = np.ones(x.shape, np.float32 if opset < 10 else np.bool_)
            return [x, mask]

        return model, reference, [[(1, 2, 3)], [(3, 4, 2)]]
    return make


def ocr(opset):
    """A small text recognizer in paddle2onnx's habits: a conv stack with
    Constant weights over an image of dynamic batch, height and width,
    pooled to height 1, Squeeze of the height, Transpose to
    (batch, width, channels), a MatMul head and Softmax over the classes."""
    def make():
        rng = np.random.default_rng([SEED, opset])
        w1 = rng.standard_normal((8, 3, 3, 3)).astype(np.float32) * 0.3
        b1 = rng.standard_normal(8).astype(np.float32) * 0.1
        w2 = rng.standard_normal((16, 8, 3, 3)).astype(np.float32) * 0.2
        b2 = rng.standard_normal(16).astype(np.float32) * 0.1
        scale = rng.uniform(0.5, 1.5, 16).astype(np.float32)
        shift = rng.standard_normal(16).astype(np.float32) * 0.1
        mean = rng.standard_normal(16).astype(np.float32) * 0.1
        var = rng.uniform(0.5, 1.5, 16).astype(np.float32)
        head = rng.standard_normal((16, 10)).astype(np.float32) * 0.3
        bias = rng.standard_normal(10).astype(np.float32) * 0.1
        g = Graph()
        c1 = g.node("Conv", ["x", g.const(w1), g.const(b1)],
                    kernel_shape=[3, 3], pads=[1, 1, 1, 1])
        if opset >= 11:
            r1 = g.node("Clip", [c1, g.const(np.float32(0)),
                                 g.const(np.float32(6))])
        else:
            r1 = g.node("Clip", [c1], min=0.0, max=6.0)
        p1 = g.node("MaxPool", [r1], kernel_shape=[2, 2], strides=[2, 2])
        c2 = g.node("Conv", [p1, g.const(w2), g.const(b2)],
                    kernel_shape=[3, 3], pads=[1, 1, 1, 1])
        bn = g.node("BatchNormalization", [c2, g.const(scale), g.const(shift),
                                           g.const(mean), g.const(var)],
                    epsilon=1e-5)
        r2 = g.node("Relu", [bn])
        p2 = g.node("MaxPool", [r2], kernel_shape=[4, 1], strides=[4, 1])
        sq = g.node("Squeeze", [p2], axes=[2])
        seq = g.node("Transpose", [sq], perm=[0, 2, 1])
        logits = g.node("Add", [g.node("MatMul", [seq, g.const(head)]),
                                g.const(bias)])
        g.node("Softmax", [logits], ["probs"], axis=2)
        model = make_model(g, f"ocr{opset}", opset,
                           [value_info("x", F, ["N", 3, "H", "W"])],
                           [value_info("probs", F, ["N", None, 10])])

        def reference(x):
            y = np.clip(conv2d(x, w1, b1, 1), 0, 6)
            y = conv2d(max_pool(y, 2, 2), w2, b2, 1)
            y = (y - mean.reshape(1, 16, 1, 1)) / np.sqrt(
                var.reshape(1, 16, 1, 1) + 1e-5) * scale.reshape(
                    1, 16, 1, 1) + shift.reshape(1, 16, 1, 1)
            y = max_pool(np.maximum(y, 0), 4, 1)[:, :, 0, :]
            return [softmax(y.transpose(0, 2, 1) @ head + bias, 2)]

        return model, reference, [[(1, 3, 8, 16)], [(2, 3, 8, 24)]]
    return make


MODELS = {
    "reshape_chain": reshape_chain,
    "squeeze_expand": squeeze_expand,
    "empty_slice": empty_slice,
    "upsample7": upsample7,
    "upsample9": upsample9,
    "resize10": resize10,
    "resize11": resize11,
    "dropout9": dropout(9),
    "dropout10": dropout(10),
    "ocr9": ocr(9),
    "ocr11": ocr(11),
}


def write_tensor(path, array, name):
    with open(path, "wb") as f:
        f.write(numpy_helper.from_array(np.ascontiguousarray(array),
                                        name).SerializeToString())


def write(name, out_dir):
    model, reference, data_sets = MODELS[name]()
    model_dir = os.path.join(out_dir, name)
    os.makedirs(model_dir, exist_ok=True)
    onnx.save(model, os.path.join(model_dir, "model.onnx"))
    rng = np.random.default_rng([SEED, list(MODELS).index(name)])
    for index, shapes in enumerate(data_sets):
        data_dir = os.path.join(model_dir, f"test_data_set_{index}")
        os.makedirs(data_dir, exist_ok=True)
        inputs = [rng.standard_normal(shape).astype(np.float32)
                  for shape in shapes]
        outputs = reference(*[x.astype(np.float64) for x in inputs])
        for i, (x, info) in enumerate(zip(inputs, model.graph.input)):
            write_tensor(os.path.join(data_dir, f"input_{i}.pb"), x,
                         info.name)
        for i, (y, info) in enumerate(zip(outputs, model.graph.output)):
            y = np.asarray(y)
            if y.dtype != np.bool_:
                y = y.astype(np.float32)
            write_tensor(os.path.join(data_dir, f"output_{i}.pb"), y,
                         info.name)


def main():
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-o", "--output-dir", required=True)
    parser.add_argument("--models", default=",".join(MODELS),
                        help="comma-separated subset (default: all)")
    parser.add_argument("--list", action="store_true",
                        help="print the model names and exit")
    args = parser.parse_args()
    if args.list:
        print("\n".join(MODELS))
        return
    names = [n for n in args.models.split(",") if n]
    unknown = [n for n in names if n not in MODELS]
    if unknown or not names:
        parser.error(f"unknown model(s) {', '.join(unknown) or '(none)'}; "
                     f"known: {', '.join(MODELS)}")
    for name in names:
        write(name, args.output_dir)


if __name__ == "__main__":
    sys.exit(main())
