"""Seeds for ../fuzz-capi.test: inputs of tools/dfg-capi-fuzzer that
decode to a valid run of each model (so that mutations start next to one),
plus an all-zero input."""
import os
import struct
import sys

out = sys.argv[1]
DIMS = [-1, 0, 1, 2, 3, 4, 7, 16, 64]


def tensor(dtype, dims, payload):
    """count byte excluded: dtype, rank, dims, data bytes, mode (aligned)."""
    elements = 1
    for d in dims:
        elements *= max(d, 1)
    data = payload.ljust(elements * 8 + 1, b"\0")
    return (bytes([dtype, len(dims) + 1]) +
            bytes(DIMS.index(d) for d in dims) + data + bytes([1]))


def run(num_inputs):
    # rounds = 1, inputs, 1 output, inputs array given, a run, outputs given
    return bytes([0, num_inputs, 1, 0, 0, 0])


seeds = {
    # ConstantOfShape's shape [3, 4] as int64 (dtype 7).
    "shape-3x4": bytes([1]) + tensor(7, [2], struct.pack("<2q", 3, 4)) +
    run(1),
    # The transformer's input [1, 16, 64] as float32 (dtype 1).
    "encoder-1x16x64": bytes([1]) + tensor(1, [1, 16, 64], b"") + run(1),
    "zero": bytes(64),
}
for name, data in seeds.items():
    with open(os.path.join(out, name), "wb") as f:
        f.write(data)
