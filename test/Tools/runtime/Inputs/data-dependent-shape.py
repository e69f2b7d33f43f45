"""Writes ../size-guards.test's model and inputs into sys.argv[1]: y =
ReduceSum(Relu(ConstantOfShape(s))), whose intermediate's shape is the
input's data, and one input per case (s as a .npy file)."""
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper

out = sys.argv[1]
graph = helper.make_graph(
    [helper.make_node("ConstantOfShape", ["s"], ["c"],
                      value=helper.make_tensor("v", TensorProto.FLOAT, [1],
                                               [1.0])),
     helper.make_node("Relu", ["c"], ["r"]),
     helper.make_node("ReduceSum", ["r"], ["y"], keepdims=0)],
    "g", [helper.make_tensor_value_info("s", TensorProto.INT64, [2])],
    [helper.make_tensor_value_info("y", TensorProto.FLOAT, [])])
onnx.save(helper.make_model(graph,
                            opset_imports=[helper.make_opsetid("", 17)]),
          os.path.join(out, "model.onnx"))
for name, dims in (("small", [3, 4]), ("empty", [5, 0]),
                   ("empty-huge", [2**62, 0]),
                   ("mega", [1000, 1000]), ("huge", [2**20, 2**20]),
                   ("overflow", [2**31, 2**31]), ("negative", [-1, 4]),
                   ("negative-empty", [0, -3])):
    np.save(os.path.join(out, name + ".npy"), np.array(dims, dtype=np.int64))
