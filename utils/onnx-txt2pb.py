#!/usr/bin/python3
"""Turns a readable text-format ONNX ModelProto into a binary .onnx file.

Used by the importer's lit tests, whose fixtures are text protos:
    onnx-txt2pb.py model.txtpb model.onnx
The model is written as given (no checking), so that tests can also build
deliberately malformed models.
"""
import sys

import onnx
from google.protobuf import text_format


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: onnx-txt2pb.py INPUT.txtpb OUTPUT.onnx")
    model = onnx.ModelProto()
    with open(sys.argv[1]) as f:
        text_format.Parse(f.read(), model)
    with open(sys.argv[2], "wb") as f:
        f.write(model.SerializeToString())


if __name__ == "__main__":
    main()
