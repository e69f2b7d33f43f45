"""Writes a large ONNX graph and a data set (input, numpy's output) for
../large-graphs.test.

  large-graph.py chain N DIR   N elementwise nodes in one chain (depth N)
  large-graph.py wide N DIR    N nodes side by side: N / 2 branches of two
                               nodes each, summed pairwise in a tree
"""
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

kind, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
os.makedirs(os.path.join(out, "test_data_set_0"), exist_ok=True)
rng = np.random.default_rng(1234)
x = rng.standard_normal((4, 8)).astype(np.float32)
nodes = []
ops = {
    "Relu": lambda v: np.maximum(v, 0),
    "Neg": np.negative,
    "Abs": np.abs,
    "Sigmoid": lambda v: (1 / (1 + np.exp(-v))).astype(np.float32),
}
names = list(ops)

if kind == "chain":
    prev, y = "x", x
    for i in range(n):
        op = names[i % len(names)]
        nodes.append(helper.make_node(op, [prev], [f"t{i}"], name=f"n{i}"))
        prev, y = f"t{i}", ops[op](y)
    nodes.append(helper.make_node("Identity", [prev], ["y"], name="out"))
else:
    leaves, values = [], []
    for b in range(n // 2):
        op = names[b % len(names)]
        nodes.append(helper.make_node(op, ["x"], [f"a{b}"], name=f"a{b}"))
        nodes.append(helper.make_node("Neg", [f"a{b}"], [f"b{b}"],
                                      name=f"b{b}"))
        leaves.append(f"b{b}")
        values.append(-ops[op](x))
    level = 0
    while len(leaves) > 1:
        next_leaves, next_values = [], []
        for i in range(0, len(leaves) - 1, 2):
            name = f"s{level}_{i}"
            nodes.append(helper.make_node("Add", [leaves[i], leaves[i + 1]],
                                          [name], name=name))
            next_leaves.append(name)
            next_values.append(values[i] + values[i + 1])
        if len(leaves) % 2:
            next_leaves.append(leaves[-1])
            next_values.append(values[-1])
        leaves, values, level = next_leaves, next_values, level + 1
    nodes.append(helper.make_node("Identity", [leaves[0]], ["y"], name="out"))
    y = values[0]

graph = helper.make_graph(
    nodes, "g", [helper.make_tensor_value_info("x", TensorProto.FLOAT, [4, 8])],
    [helper.make_tensor_value_info("y", TensorProto.FLOAT, [4, 8])])
onnx.save(helper.make_model(graph,
                            opset_imports=[helper.make_opsetid("", 17)]),
          os.path.join(out, "model.onnx"))
onnx.save_tensor(numpy_helper.from_array(x, "x"),
                 os.path.join(out, "test_data_set_0", "input_0.pb"))
onnx.save_tensor(numpy_helper.from_array(np.asarray(y, np.float32), "y"),
                 os.path.join(out, "test_data_set_0", "output_0.pb"))
