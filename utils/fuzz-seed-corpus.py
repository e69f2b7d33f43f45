#!/usr/bin/python3
"""Copies the small ONNX backend test models into a fuzzing seed corpus."""
import glob
import os
import shutil
import sys

DATA = "/usr/share/libonnx-testdata/data"
out = sys.argv[1]
os.makedirs(out, exist_ok=True)
# Every third small model: enough variety of operators for a short run,
# few enough that loading the corpus takes seconds.
small = [p for p in sorted(glob.glob(DATA + "/*/*/model.onnx"))
         if os.path.getsize(p) <= 2048]
for path in small[::3]:
    name = path[len(DATA) + 1:].replace("/", "_")
    shutil.copy(path, os.path.join(out, name))
