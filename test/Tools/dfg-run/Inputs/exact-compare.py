"""Writes ../exact-compare.test's models and data sets into sys.argv[1]."""
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

out = sys.argv[1]


def save(graph_op, dtype, name, shape):
    graph = helper.make_graph(
        [helper.make_node(graph_op, ["x"], ["y"])], name,
        [helper.make_tensor_value_info("x", dtype, shape)],
        [helper.make_tensor_value_info("y", dtype, shape)])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    onnx.save(model, os.path.join(out, name + ".onnx"))


def data(folder, x, y):
    onnx.save_tensor(numpy_helper.from_array(x, "x"),
                     os.path.join(out, folder, "input_0.pb"))
    onnx.save_tensor(numpy_helper.from_array(y, "y"),
                     os.path.join(out, folder, "output_0.pb"))


save("Identity", TensorProto.INT64, "int64", [3])
x = np.array([-7, 2**60, 5], dtype=np.int64)
data("ok", x, x)
data("off-by-one", x, x + np.array([0, 1, 0], dtype=np.int64))

save("Not", TensorProto.BOOL, "bool", [2, 2])
b = np.array([[True, False], [False, True]])
data("bool-ok", b, ~b)
flipped = ~b
flipped[1, 0] = False
data("bool-flipped", b, flipped)
