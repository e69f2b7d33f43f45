#!/usr/bin/env python3
"""Cuts an ONNX model into consecutive segments at the given tensors, for
timing a model part by part (e.g. a model and its twin with dynamic height
and width, to see which stage loses):

  /usr/bin/python3 bench/models/segments.py -o OUT --shapes-from STATIC.onnx \\
      MODEL.onnx CUT1 CUT2 ...

writes OUT/seg<i>.onnx (from the model's input, then from each cut, to the
next cut or the model's output) and OUT/seg<i>.pb, an input of batch 1 with
the sizes that STATIC.onnx's shape inference gives the segment's input
(random values, seed 0). Each segment has one input: a cut must separate the
graph (no tensor from before it used after it).
"""
import argparse
import os

import numpy as np
import onnx
from onnx import numpy_helper, shape_inference, utils


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", required=True)
    parser.add_argument("--shapes-from", required=True)
    parser.add_argument("model")
    parser.add_argument("cuts", nargs="+")
    args = parser.parse_args()
    os.makedirs(args.output, exist_ok=True)

    static = shape_inference.infer_shapes(onnx.load(args.shapes_from))
    shapes = {vi.name: [d.dim_value for d in vi.type.tensor_type.shape.dim]
              for vi in list(static.graph.value_info) +
              list(static.graph.input)}
    inferred = os.path.join(args.output, "inferred.onnx")
    model = shape_inference.infer_shapes(onnx.load(args.model))
    onnx.save(model, inferred)
    starts = [model.graph.input[0].name] + args.cuts
    ends = args.cuts + [model.graph.output[0].name]
    for i, (start, end) in enumerate(zip(starts, ends)):
        path = os.path.join(args.output, f"seg{i}.onnx")
        utils.extract_model(inferred, path, [start], [end], check_model=False)
        shape = [1] + shapes[start][1:]
        x = np.random.RandomState(0).rand(*shape).astype(np.float32)
        with open(os.path.join(args.output, f"seg{i}.pb"), "wb") as f:
            f.write(numpy_helper.from_array(x, start).SerializeToString())
        print(path, start, "->", end, shape)


if __name__ == "__main__":
    main()
