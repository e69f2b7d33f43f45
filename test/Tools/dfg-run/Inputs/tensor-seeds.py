"""Seeds for ../fuzz-tensor-files.test: .npy and TensorProto files, each
prefixed with the byte that picks its parser (even: .npy, odd: .pb)."""
import os
import struct
import sys

import numpy as np
from onnx import numpy_helper

out = sys.argv[1]


def npy(shape, descr="<f4", payload=None, fortran="False"):
    header = "{'descr': '%s', 'fortran_order': %s, 'shape': (%s), }" % (
        descr, fortran, "".join(f"{d}, " for d in shape))
    header += " " * ((64 - (10 + len(header) + 1) % 64) % 64) + "\n"
    if payload is None:
        payload = bytes(int(np.prod(shape)) * int(descr[-1]))
    return (b"\x93NUMPY\x01\x00" + struct.pack("<H", len(header)) +
            header.encode() + payload)


seeds = {
    "npy-f32": b"\x00" + npy([2, 3]),
    "npy-i64": b"\x00" + npy([4], "<i8"),
    "npy-bool": b"\x00" + npy([3], "|b1"),
    "npy-scalar": b"\x00" + npy([]),
    "npy-overflow": b"\x00" + npy([2**62, 4], payload=b""),
    "npy-fortran": b"\x00" + npy([2], fortran="True"),
    "pb-f32": b"\x01" + numpy_helper.from_array(
        np.arange(6, dtype=np.float32).reshape(2, 3), "x").SerializeToString(),
    "pb-i64": b"\x01" + numpy_helper.from_array(
        np.array([1, -2, 2**40], dtype=np.int64), "y").SerializeToString(),
    "pb-f16": b"\x01" + numpy_helper.from_array(
        np.array([1.5, -2], dtype=np.float16), "h").SerializeToString(),
}
for name, data in seeds.items():
    with open(os.path.join(out, name), "wb") as f:
        f.write(data)
