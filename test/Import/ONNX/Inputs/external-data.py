"""Writes the models of ../external-data.test under sys.argv[1].

  good/model.onnx         a MatMul weight in good/weights.bin
  linked/model.onnx       the weight's location is a symbolic link in the
                          folder that points at a file outside it
  alias/model.onnx        a link that stays inside the folder (accepted)
  dotdot/model.onnx       location ../outside.bin
  absolute/model.onnx     an absolute location
  range/model.onnx        an offset past the end of the file
  many/model.onnx         10,000 initializers in one external file
  manyfiles/model.onnx    2,000 initializers, each in a file of its own
"""
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

out = sys.argv[1]


def matmul_model(weight_location, offset=None):
    w = numpy_helper.from_array(np.arange(6, dtype=np.float32).reshape(2, 3),
                                "w")
    w.ClearField("raw_data")
    w.data_location = TensorProto.EXTERNAL
    entries = [("location", weight_location)]
    if offset is not None:
        entries.append(("offset", str(offset)))
    for key, value in entries:
        entry = w.external_data.add()
        entry.key, entry.value = key, value
    graph = helper.make_graph(
        [helper.make_node("MatMul", ["x", "w"], ["y"])], "g",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 2])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1, 3])],
        initializer=[w])
    return helper.make_model(graph,
                             opset_imports=[helper.make_opsetid("", 17)])


def save(folder, model):
    os.makedirs(os.path.join(out, folder), exist_ok=True)
    with open(os.path.join(out, folder, "model.onnx"), "wb") as f:
        f.write(model.SerializeToString())


weights = np.arange(6, dtype=np.float32).tobytes()
# A file outside every model folder, of the right size: a model that
# reaches it would import without complaint.
with open(os.path.join(out, "outside.bin"), "wb") as f:
    f.write(np.full(6, 42, dtype=np.float32).tobytes())

save("good", matmul_model("weights.bin"))
with open(os.path.join(out, "good", "weights.bin"), "wb") as f:
    f.write(weights)

save("linked", matmul_model("weights.bin"))
os.symlink(os.path.join("..", "outside.bin"),
           os.path.join(out, "linked", "weights.bin"))

save("alias", matmul_model("alias.bin"))
os.makedirs(os.path.join(out, "alias", "data"), exist_ok=True)
with open(os.path.join(out, "alias", "data", "weights.bin"), "wb") as f:
    f.write(weights)
os.symlink(os.path.join("data", "weights.bin"),
           os.path.join(out, "alias", "alias.bin"))

save("dotdot", matmul_model("../outside.bin"))
save("absolute", matmul_model(os.path.join(os.path.abspath(out),
                                           "outside.bin")))
save("range", matmul_model("weights.bin", offset=4096))
with open(os.path.join(out, "range", "weights.bin"), "wb") as f:
    f.write(weights)


def sum_model(count, location_of):
    """y = x + w0 + w1 + ... with each w_i a [1] tensor stored externally."""
    inits, nodes, prev = [], [], "x"
    offsets = {}
    for i in range(count):
        w = helper.make_tensor(f"w{i}", TensorProto.FLOAT, [1], [0.0])
        w.ClearField("float_data")
        w.data_location = TensorProto.EXTERNAL
        location = location_of(i)
        offset = offsets.get(location, 0)
        offsets[location] = offset + 4
        for key, value in (("location", location), ("offset", str(offset)),
                           ("length", "4")):
            entry = w.external_data.add()
            entry.key, entry.value = key, value
        inits.append(w)
        nodes.append(helper.make_node("Add", [prev, f"w{i}"], [f"s{i}"]))
        prev = f"s{i}"
    nodes.append(helper.make_node("Identity", [prev], ["y"]))
    graph = helper.make_graph(
        nodes, "g",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1])],
        initializer=inits)
    return helper.make_model(graph,
                             opset_imports=[helper.make_opsetid("", 17)]), \
        offsets


for folder, count, location_of in (("many", 10000, lambda i: "all.bin"),
                                   ("manyfiles", 2000,
                                    lambda i: f"w/{i}.bin")):
    model, offsets = sum_model(count, location_of)
    save(folder, model)
    os.makedirs(os.path.join(out, folder, "w"), exist_ok=True)
    for location, size in offsets.items():
        with open(os.path.join(out, folder, location), "wb") as f:
            f.write(np.full(size // 4, 0.5, dtype=np.float32).tobytes())
