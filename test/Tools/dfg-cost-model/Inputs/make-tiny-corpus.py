#!/usr/bin/env python3
"""Writes tiny-corpus.jsonl, the synthetic corpus of the dfg-cost-model
tests: three families (alpha, beta, gamma) of matmul-like kernels under 12
register tiles, with a made-up time law (a tile that uses more accumulators
is faster until it spills) that a model can learn and rank by. The numbers
are not measurements of any machine; its machine has an empty cpu, which
fits any machine, as does its profile (test/Transforms/Cost/Inputs/
portable-profile.json).

  python3 make-tiny-corpus.py > tiny-corpus.jsonl

The feature names are featureVectorNames() of feature version 1; the tools
refuse the file once the build's list changes, and this script must follow.
"""
import json
import math
import random

NAMES = """kind_contraction kind_convolution kind_depthwise kind_pooling
kind_elementwise kind_reduction kind_data_movement element_bits is_float
num_loops num_parallel_loops num_reduction_loops num_dynamic_loops
log_extent_0 log_extent_1 log_extent_2 log_extent_3 log_extent_4
log_extent_5 log_extent_6 log_iterations ops_per_iteration log_flops
log_bytes_read log_bytes_written log_footprint_bytes
log_arithmetic_intensity has_gemm_view log_batch log_m log_n log_k
log_lhs_bytes log_rhs_bytes log_acc_bytes is_pointwise filter_taps
log_innermost_extent m_mod_tile_m n_mod_tile_n n_mod_16 log_full_rows
log_full_cols tile_m tile_n tile_k im2col packing vector_bits vectorized
log_full_tiles log_partial_tiles lane_utilization accumulator_vectors spills
tile_efficiency log_im2col_bytes log_pack_bytes unaligned_panel_rows""".split()

PROFILE = {
    "format": "dfg-machine-profile", "version": 1, "cpu": "",
    "description": "round numbers for tests; an empty cpu fits any machine",
    "cores": 1, "features": [],
    "peak_flops": [{"vector_bits": 32, "f32_flops_per_second": 1e9},
                   {"vector_bits": 256, "f32_flops_per_second": 8e9}],
    "caches": [{"level": 1, "size_bytes": 32768,
                "read_bytes_per_second": 1e9},
               {"level": 2, "size_bytes": 1048576,
                "read_bytes_per_second": 5e8}],
    "memory": {"read_bytes_per_second": 1e8},
}


def lg(x):
    return math.log2(1 + max(0.0, x))


def main():
    rng = random.Random(11)
    print(json.dumps({
        "format": "dfg-cost-corpus", "version": 1, "feature_version": 1,
        "feature_names": NAMES,
        "machine": {"cpu": "", "features": [], "vector_bits": 256,
                    "description": "synthetic: no machine"},
        "profile": PROFILE}))
    shapes = {"alpha": [(64, 64, 64), (96, 48, 32), (128, 20, 64),
                        (30, 200, 16)],
              "beta": [(256, 32, 32), (48, 48, 48), (72, 100, 8),
                       (16, 512, 64)],
              "gamma": [(64, 96, 32), (120, 40, 40), (24, 300, 32),
                        (200, 64, 16)]}
    for family, kernels in shapes.items():
        for m, n, k in kernels:
            group = f"{family}/matmul_{m}x{n}x{k}"
            for tile_m in (1, 2, 4, 6):
                for tile_n in (8, 16, 32):
                    acc = tile_m * tile_n // 8
                    spills = acc + tile_n // 8 + 1 > 16
                    efficiency = min(1.0, acc / 8) * (0.5 if spills else 1)
                    flops = 2.0 * m * n * k
                    analytic = flops / (8e9 * efficiency) * 1e9
                    # The made-up machine: partial tiles cost extra, the
                    # analytic model does not know.
                    partial = (m % tile_m) / tile_m + (n % tile_n) / tile_n
                    time = analytic * (1.3 + 0.4 * partial) * (
                        1 + 0.02 * rng.random())
                    features = dict.fromkeys(NAMES, 0.0)
                    features.update(
                        kind_contraction=1, element_bits=32, is_float=1,
                        num_loops=3, num_parallel_loops=2,
                        num_reduction_loops=1, log_extent_0=lg(m),
                        log_extent_1=lg(n), log_extent_2=lg(k),
                        log_iterations=lg(m * n * k), ops_per_iteration=2,
                        log_flops=lg(flops), has_gemm_view=1, log_batch=1,
                        log_m=lg(m), log_n=lg(n), log_k=lg(k),
                        filter_taps=1, log_innermost_extent=lg(n),
                        m_mod_tile_m=m % tile_m, n_mod_tile_n=n % tile_n,
                        n_mod_16=n % 16, log_full_rows=lg(m // tile_m),
                        log_full_cols=lg(n // tile_n), tile_m=tile_m,
                        tile_n=tile_n, tile_k=1, im2col=1, vector_bits=256,
                        vectorized=1, accumulator_vectors=acc,
                        spills=1 if spills else 0,
                        tile_efficiency=efficiency, lane_utilization=1)
                    key = f"tm{tile_m}_tn{tile_n}"
                    # Every seventh sample is noisy: the trainer drops it.
                    noisy = rng.random() < 1 / 7
                    print(json.dumps({
                        "id": f"{group}/{key}", "group": group,
                        "family": family, "source": "generated",
                        "op": "linalg.matmul",
                        "choice": {"tile_m": tile_m, "tile_n": tile_n,
                                   "pack_rhs": False, "im2col": True,
                                   "vector_bits": 256},
                        "features": [round(features[name], 6)
                                     for name in NAMES],
                        "analytic_ns": round(analytic, 3),
                        "time_ns": round(time, 3),
                        "spread": 0.6 if noisy else 0.03, "reps": 5}))


if __name__ == "__main__":
    main()
