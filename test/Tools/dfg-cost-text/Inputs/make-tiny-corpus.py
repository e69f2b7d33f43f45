#!/usr/bin/env python3
"""Writes tiny-corpus.jsonl, the text model's test corpus: a few matmuls,
convolutions and elementwise kernels (shaped like bench/codegen/gen.py's)
under a few code-generation choices, with made-up times (a function of the
work and the tile, never measured), in the dfg-cost-corpus format.

  test/Tools/dfg-cost-text/Inputs/make-tiny-corpus.py > tiny-corpus.jsonl
"""
import json

MATMUL = """func.func @kernel(%a: tensor<{m}x{k}xf32>, %b: tensor<{k}x{n}xf32>) -> tensor<{m}x{n}xf32> {{
  %zero = arith.constant 0.000000e+00 : f32
  %e = tensor.empty() : tensor<{m}x{n}xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<{m}x{n}xf32>) -> tensor<{m}x{n}xf32>
  %r = linalg.matmul ins(%a, %b : tensor<{m}x{k}xf32>, tensor<{k}x{n}xf32>) outs(%f : tensor<{m}x{n}xf32>) -> tensor<{m}x{n}xf32>
  return %r : tensor<{m}x{n}xf32>
}}"""

CONV = """func.func @kernel(%x: tensor<1x{c}x{h}x{h}xf32>, %w: tensor<{f}x{c}x3x3xf32>) -> tensor<1x{f}x{o}x{o}xf32> {{
  %zero = arith.constant 0.000000e+00 : f32
  %e = tensor.empty() : tensor<1x{f}x{o}x{o}xf32>
  %z = linalg.fill ins(%zero : f32) outs(%e : tensor<1x{f}x{o}x{o}xf32>) -> tensor<1x{f}x{o}x{o}xf32>
  %r = linalg.conv_2d_nchw_fchw {{dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}} ins(%x, %w : tensor<1x{c}x{h}x{h}xf32>, tensor<{f}x{c}x3x3xf32>) outs(%z : tensor<1x{f}x{o}x{o}xf32>) -> tensor<1x{f}x{o}x{o}xf32>
  return %r : tensor<1x{f}x{o}x{o}xf32>
}}"""

ADD = """func.func @kernel(%a: tensor<{n}xf32>, %b: tensor<{n}xf32>) -> tensor<{n}xf32> {{
  %e = tensor.empty() : tensor<{n}xf32>
  %r = linalg.add ins(%a, %b : tensor<{n}xf32>, tensor<{n}xf32>) outs(%e : tensor<{n}xf32>) -> tensor<{n}xf32>
  return %r : tensor<{n}xf32>
}}"""

CHOICES = [(6, 16, True), (1, 16, False), (4, 8, True), (12, 32, False)]


def sample(family, key, op, mlir, flops, choice):
    tile_m, tile_n, pack = choice
    # Made up: 10 GFLOP/s at the default tile, slower for small tiles.
    time = 20 + flops / 10.0 * (6 * 16) / (tile_m * tile_n) ** 0.8
    name = f"m{tile_m}n{tile_n}p{int(pack)}i1v512"
    return {"id": f"{family}/{key}/{name}", "group": f"{family}/{key}",
            "family": family, "source": "generated", "op": op,
            "choice": {"tile_m": tile_m, "tile_n": tile_n, "pack_rhs": pack,
                       "im2col": True, "vector_bits": 512},
            "features": [], "analytic_ns": time / 2, "time_ns": time,
            "spread": 0.01, "reps": 10, "mlir": mlir}


def main():
    print(json.dumps({"format": "dfg-cost-corpus", "version": 1,
                      "feature_version": 1, "feature_names": [],
                      "machine": {"cpu": "", "features": [],
                                  "description": "made up for tests",
                                  "vector_bits": 512}}))
    kernels = []
    for family, shapes in [("alpha", [(8, 8, 8), (16, 32, 64)]),
                           ("beta", [(32, 32, 32), (64, 16, 8)]),
                           ("gamma", [(24, 48, 16)])]:
        for m, n, k in shapes:
            kernels.append((family, f"mm{m}x{n}x{k}", "linalg.matmul",
                            MATMUL.format(m=m, n=n, k=k), 2 * m * n * k))
    for family, (c, f, h) in [("alpha", (3, 8, 10)), ("beta", (4, 16, 8)),
                              ("gamma", (8, 8, 6))]:
        o = h - 2
        kernels.append((family, f"conv{c}x{f}x{h}",
                        "linalg.conv_2d_nchw_fchw",
                        CONV.format(c=c, f=f, h=h, o=o),
                        2 * c * f * 9 * o * o))
    for family, n in [("alpha", 64), ("beta", 256), ("gamma", 1024)]:
        kernels.append((family, f"add{n}", "linalg.add", ADD.format(n=n), n))
    for family, key, op, mlir, flops in kernels:
        for choice in CHOICES:
            print(json.dumps(sample(family, key, op, mlir, flops, choice)))


if __name__ == "__main__":
    main()
