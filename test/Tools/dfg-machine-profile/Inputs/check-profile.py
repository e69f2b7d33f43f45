"""Sanity checks of a machine profile written by dfg-machine-profile on
whatever machine runs the test: every number positive, widths and levels
sorted, wider vectors at least as fast as scalar code, the first cache level
at least as fast as memory. Exits 1 with the failed check."""

import json
import sys


def check(condition, message):
    if not condition:
        sys.exit("check-profile: " + message)


profile = json.load(open(sys.argv[1]))
check(profile["format"] == "dfg-machine-profile", "format")
check(profile["version"] == 1, "version")
check(profile["cpu"], "cpu is empty: the profile would fit any machine")
check(profile["cores"] >= 1, "cores")
peaks = profile["peak_flops"]
check(peaks and peaks[0]["vector_bits"] == 32, "no scalar peak")
widths = [p["vector_bits"] for p in peaks]
check(widths == sorted(set(widths)), "vector widths not sorted: %s" % widths)
check(all(p["f32_flops_per_second"] > 0 for p in peaks), "peak <= 0")
check(peaks[-1]["f32_flops_per_second"] >= peaks[0]["f32_flops_per_second"],
      "widest vectors slower than scalar code")
caches = profile["caches"]
check(caches, "no caches")
check([c["level"] for c in caches] == list(range(1, len(caches) + 1)),
      "cache levels not 1..n")
check(all(c["size_bytes"] > 0 and c["read_bytes_per_second"] > 0
          for c in caches), "cache size or bandwidth <= 0")
check(all(a["size_bytes"] < b["size_bytes"] for a, b in zip(caches, caches[1:])),
      "cache sizes not increasing")
memory = profile["memory"]["read_bytes_per_second"]
check(memory > 0, "memory bandwidth <= 0")
check(caches[0]["read_bytes_per_second"] >= memory,
      "L1 slower than memory")
for feature in ("avx512f", "avx2"):
    if feature in profile["features"]:
        bits = 512 if feature == "avx512f" else 256
        check(bits in widths, "%s but no %d-bit peak" % (feature, bits))
