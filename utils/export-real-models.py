#!/usr/bin/python3
"""Exports the real models of DFG's CPU end-to-end work to ONNX.

Writes, for each model, the ONNX backend-test layout under the output
directory (default build/models/):

  <model>/model.onnx
  <model>/test_data_set_0/input_0.pb, output_0.pb   (batch 1)
  <model>/test_data_set_1/input_0.pb, output_0.pb   (batch 4)

The models are torchvision's resnet18, mobilenet_v2 and squeezenet1_1 with
random weights (weights=None; no download) and a small transformer encoder;
--models also takes four architectures the code generator was not tuned on
(UNSEEN) and the small models bundled in examples/models (BUNDLED).
Weights come from a fixed torch seed and inputs from a fixed numpy seed, so
a rerun writes the same bytes where torch allows it. Batch-norm statistics
come from one batch of random inputs (see calibrate_batch_norm). The batch dimension of
input and output is dynamic. Reference outputs are PyTorch's, computed on
one thread.

Named with --models, three more reproduce exporter habits the importer once
failed on (deeplabv3_mobilenet_v3_large_dynhw, whose second data set has
another height and width, vit_b_16, swin_t; see HABITS below), exported
with --opset 14 in docs/onnx-import.md.

Needs python3-torch and python3-torchvision (scripts/setup-models.sh) and
numpy and onnx (scripts/setup.sh); run it with /usr/bin/python3.

  utils/export-real-models.py [-o DIR] [--models NAME,...] [--opset N]
                              [--list-ops]

--list-ops prints only the union of the op types of the exported models.
"""

import argparse
import collections
import os
import sys
import time
import warnings

import numpy as np
import onnx
from onnx import numpy_helper
import torch
import torchvision

TORCH_SEED = 0
NUMPY_SEED = 20240601
CALIBRATION_SEED = 7
CALIBRATION_BATCH = 8
BATCHES = (1, 4)
SEQ_LEN = 16
D_MODEL = 64


def make_transformer_encoder():
    layer = torch.nn.TransformerEncoderLayer(
        d_model=D_MODEL, nhead=4, dim_feedforward=128, activation="gelu",
        batch_first=True)
    # No nested tensors: they are an inference fast path for padded batches
    # that the ONNX exporter does not handle.
    return torch.nn.TransformerEncoder(
        layer, num_layers=2, norm=torch.nn.LayerNorm(D_MODEL),
        enable_nested_tensor=False)


# name -> (constructor, input shape without the batch dimension)
MODELS = {
    "resnet18": (lambda: torchvision.models.resnet18(weights=None),
                 (3, 224, 224)),
    "mobilenet_v2": (lambda: torchvision.models.mobilenet_v2(weights=None),
                     (3, 224, 224)),
    "squeezenet1_1": (lambda: torchvision.models.squeezenet1_1(weights=None),
                      (3, 224, 224)),
    "transformer_encoder": (make_transformer_encoder, (SEQ_LEN, D_MODEL)),
}

# Models the code generator was not tuned on, for checking that a change
# holds beyond the four above; exported only when named with --models. The
# "_dynhw" variant has a dynamic height and width as well as batch.
UNSEEN = {
    "mobilenet_v3_small": (
        lambda: torchvision.models.mobilenet_v3_small(weights=None),
        (3, 224, 224)),
    "shufflenet_v2_x0_5": (
        lambda: torchvision.models.shufflenet_v2_x0_5(weights=None),
        (3, 224, 224)),
    "efficientnet_b0": (
        lambda: torchvision.models.efficientnet_b0(weights=None),
        (3, 224, 224)),
    "mobilenet_v3_small_dynhw": (
        lambda: torchvision.models.mobilenet_v3_small(weights=None),
        (3, 224, 224)),
}
# Models whose export the importer once failed on (docs/onnx-import.md,
# "Exporters' habits"): a Resize whose sizes are computed from the input's
# dynamic height and width, an Expand whose shape is computed (the class
# token), a Dropout whose mask output needs a static shape. Exported only
# when named with --models; big, so not part of the test suite.
class OutOnly(torch.nn.Module):
    """A segmentation model's "out" entry, the only tensor output."""

    def __init__(self, model):
        super().__init__()
        self.model = model

    def forward(self, x):
        return self.model(x)["out"]


def make_vit_b_16():
    model = torchvision.models.vit_b_16(weights=None)
    # torchvision zeroes the classifier head, which makes every logit 0
    # whatever the input: a random head makes the output check mean something.
    torch.nn.init.normal_(model.heads.head.weight, std=0.02)
    torch.nn.init.normal_(model.heads.head.bias, std=0.02)
    return model


HABITS = {
    "deeplabv3_mobilenet_v3_large_dynhw": (
        lambda: OutOnly(torchvision.models.segmentation
                        .deeplabv3_mobilenet_v3_large(
                            weights=None, weights_backbone=None)),
        (3, 224, 224)),
    "vit_b_16": (make_vit_b_16, (3, 224, 224)),
    "swin_t": (lambda: torchvision.models.swin_t(weights=None),
               (3, 224, 224)),
}

# Small models bundled in examples/models for the test suite (exported there
# with -o examples/models): torchvision architectures at a reduced width so
# that the repository stays small, one with a dynamic height and width.
BUNDLED = {
    "mobilenet_v3_tiny_dynhw": (
        lambda: torchvision.models.mobilenet_v3_small(
            weights=None, width_mult=0.25, num_classes=10),
        (3, 96, 96)),
    "shufflenet_v2_tiny": (
        lambda: torchvision.models.ShuffleNetV2(
            [2, 2, 2], [16, 32, 64, 128, 256], num_classes=10),
        (3, 64, 64)),
}
# After BUNDLED, so that the bundled models' seeds (their index here) stay
# those their committed data were made with.
ALL_MODELS = {**MODELS, **UNSEEN, **BUNDLED, **HABITS}

# The input shape (batch included) of each data set where it is not the
# model's shape at BATCHES: a model with a dynamic height and width is
# checked at two image sizes.
DATASET_SHAPES = {
    "mobilenet_v3_tiny_dynhw": ((1, 3, 96, 96), (2, 3, 64, 80)),
    "deeplabv3_mobilenet_v3_large_dynhw": ((1, 3, 224, 224), (4, 3, 160, 192)),
}


def pick_opset():
    """Opset 17 if this torch exports it, else the highest it has (>= 13)."""
    try:
        from torch.onnx import _constants
        highest = _constants.ONNX_MAX_OPSET
    except (ImportError, AttributeError):
        highest = max(v for v in range(13, 18)
                      if v in getattr(torch.onnx, "_supported_opsets", [v]))
    opset = min(17, highest)
    if opset < 13:
        sys.exit(f"error: torch {torch.__version__} exports only up to "
                 f"opset {highest}; need >= 13")
    return opset


def make_input(model_index, dataset_index, shape):
    rng = np.random.default_rng([NUMPY_SEED, model_index, dataset_index])
    return rng.standard_normal(shape, dtype=np.float32)


def calibrate_batch_norm(model, shape):
    """Sets batch-norm running statistics from one batch of random inputs.

    Fresh modules have mean 0 and variance 1, which leaves the activations of
    a deep random network unnormalized: mobilenet_v2's logits come out near
    1e-9, too small for a numerical check to mean anything, and every folded
    conv bias is zero. Statistics from real activations keep the outputs near
    unit scale, as in a trained model. Only the batch-norm layers run in
    training mode, so dropout stays off.
    """
    norms = [m for m in model.modules()
             if isinstance(m, torch.nn.modules.batchnorm._BatchNorm)]
    if not norms:
        return
    for m in norms:
        m.reset_running_stats()
        m.momentum = None  # cumulative average: exactly this batch's stats
        m.train()
    rng = np.random.default_rng([NUMPY_SEED, CALIBRATION_SEED])
    x = rng.standard_normal((CALIBRATION_BATCH,) + shape, dtype=np.float32)
    with torch.no_grad():
        model(torch.from_numpy(x))
    model.eval()


def write_tensor(path, array, name):
    tensor = numpy_helper.from_array(np.ascontiguousarray(array), name)
    with open(path, "wb") as f:
        f.write(tensor.SerializeToString())


def op_counts(model):
    counts = collections.Counter()

    def visit(graph):
        for node in graph.node:
            key = node.op_type if node.domain in ("", "ai.onnx") \
                else f"{node.domain}.{node.op_type}"
            counts[key] += 1
            for attr in node.attribute:
                if attr.type == onnx.AttributeProto.GRAPH:
                    visit(attr.g)
                for g in attr.graphs:
                    visit(g)

    visit(model.graph)
    return counts


def export(name, index, out_dir, opset):
    ctor, shape = ALL_MODELS[name]
    torch.manual_seed(TORCH_SEED)
    model = ctor()
    model.eval()
    calibrate_batch_norm(model, shape)

    model_dir = os.path.join(out_dir, name)
    os.makedirs(model_dir, exist_ok=True)
    model_path = os.path.join(model_dir, "model.onnx")

    example = torch.from_numpy(make_input(index, 0, (BATCHES[0],) + shape))
    start = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(
            model, (example,), model_path, export_params=True,
            opset_version=opset, do_constant_folding=True,
            input_names=["input"], output_names=["output"],
            dynamic_axes=(
                {"input": {0: "batch", 2: "height", 3: "width"},
                 "output": ({0: "batch", 2: "height", 3: "width"}
                            if name.startswith("deeplab") else
                            {0: "batch"})} if "_dynhw" in name else
                {"input": {0: "batch"}, "output": {0: "batch"}}))
    export_s = time.perf_counter() - start

    onnx.checker.check_model(model_path, full_check=True)
    proto = onnx.load(model_path)
    in_name = proto.graph.input[0].name
    out_name = proto.graph.output[0].name

    shapes = DATASET_SHAPES.get(name, [(b,) + shape for b in BATCHES])
    for dataset_index, full_shape in enumerate(shapes):
        data_dir = os.path.join(model_dir, f"test_data_set_{dataset_index}")
        os.makedirs(data_dir, exist_ok=True)
        x = make_input(index, dataset_index, full_shape)
        with torch.no_grad():
            y = model(torch.from_numpy(x)).numpy()
        write_tensor(os.path.join(data_dir, "input_0.pb"), x, in_name)
        write_tensor(os.path.join(data_dir, "output_0.pb"), y, out_name)

    return proto, os.path.getsize(model_path), export_s


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-o", "--output-dir",
                        default=os.path.join(root, "build", "models"),
                        help="where to write the models (default: %(default)s)")
    parser.add_argument("--models", default=",".join(MODELS),
                        help="comma-separated subset (default: %(default)s)")
    parser.add_argument("--opset", type=int, default=0,
                        help="the ONNX opset to export (default: 17, or "
                        "the highest this torch exports)")
    parser.add_argument("--list-ops", action="store_true",
                        help="print only the union of the op types")
    args = parser.parse_args()

    names = [n for n in args.models.split(",") if n]
    unknown = [n for n in names if n not in ALL_MODELS]
    if unknown or not names:
        parser.error(f"unknown model(s) {', '.join(unknown) or '(none)'}; "
                     f"known: {', '.join(ALL_MODELS)}")

    # One thread: reference outputs do not depend on the machine's core count.
    torch.set_num_threads(1)
    opset = args.opset or pick_opset()
    if not args.list_ops:
        print(f"torch {torch.__version__}, torchvision "
              f"{torchvision.__version__}, onnx {onnx.__version__}, "
              f"opset {opset}, output {args.output_dir}")

    union = set()
    for name in names:
        proto, size, export_s = export(name, list(ALL_MODELS).index(name),
                                       args.output_dir, opset)
        counts = op_counts(proto)
        union.update(counts)
        if args.list_ops:
            continue
        ops = ", ".join(f"{op} x{n}" for op, n in sorted(counts.items()))
        print(f"{name}: {size} bytes, export {export_s:.2f} s, "
              f"{sum(counts.values())} nodes: {ops}")

    if args.list_ops:
        print("\n".join(sorted(union)))
    else:
        print(f"op-type union ({len(union)}): {' '.join(sorted(union))}")


if __name__ == "__main__":
    main()
