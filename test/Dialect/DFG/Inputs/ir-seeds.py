#!/usr/bin/env python3
"""Writes the seeds of the IR fuzzer: every case of the dfg dialect's tests
(the files given, split at `// -----`), valid and invalid, one file each."""
import os
import sys

out, files = sys.argv[1], sys.argv[2:]
n = 0
for path in files:
    with open(path) as f:
        for case in f.read().split("// -----"):
            lines = [l for l in case.splitlines()
                     if not l.lstrip().startswith("// RUN")]
            text = "\n".join(lines).strip()
            if not text:
                continue
            with open(os.path.join(out, f"seed{n}.mlir"), "w") as seed:
                seed.write(text + "\n")
            n += 1
print(f"{n} seeds")
