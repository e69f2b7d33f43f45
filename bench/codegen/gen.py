#!/usr/bin/env python3
"""Writes an MLIR benchmark for one linalg kernel on tensors.

The kernel is `@kernel`, a function on tensors as dfg-lower-to-linalg emits
it; `@main` builds inputs that cannot be constant-folded, runs the kernel
REPS times between two rtclock() calls and prints GFLOP/s and a checksum
(the sum of the last result), so that a faster variant with wrong numbers
shows up as a different checksum.

  gen.py matmul M N K [--reps R] [--dyn]
  gen.py batch_matmul B M N K [--reps R] [--dyn]
  gen.py conv N C H W F KH KW STRIDE PAD [--reps R] [--dyn]
  gen.py dwconv N C H W KH KW STRIDE PAD [--reps R] [--dyn]

--dyn makes the leading (batch or M) dimension dynamic in @kernel's type.
"""
import argparse
import sys


def ty(shape):
    return "tensor<" + "x".join(str(d) for d in shape) + "xf32>"


def fill_fn(name, shape, scale):
    """A function returning a tensor whose values depend on the indices."""
    rank = len(shape)
    dims = ", ".join(f"d{i}" for i in range(rank))
    idx = "\n".join(f"      %i{i} = linalg.index {i} : index" for i in range(rank))
    lin = "%i0"
    lines = []
    for i in range(1, rank):
        lines.append(f"      %m{i} = arith.muli %l{i-1}, %c{shape[i]}_{i} : index")
        lines.append(f"      %l{i} = arith.addi %m{i}, %i{i} : index")
    consts = "\n".join(f"      %c{shape[i]}_{i} = arith.constant {shape[i]} : index"
                       for i in range(1, rank))
    body = "\n".join(lines)
    last = f"%l{rank-1}" if rank > 1 else "%l0"
    return f"""
func.func private @{name}() -> {ty(shape)} {{
  %e = tensor.empty() : {ty(shape)}
  %r = linalg.generic {{indexing_maps = [affine_map<({dims}) -> ({dims})>],
      iterator_types = [{", ".join(['"parallel"'] * rank)}]}} outs(%e : {ty(shape)}) {{
    ^bb0(%o: f32):
{idx}
{consts}
      %l0 = arith.addi %i0, %i0 : index
{body}
      %c7 = arith.constant 7 : index
      %rem = arith.remui {last}, %c7 : index
      %ii = arith.index_cast %rem : index to i32
      %f = arith.sitofp %ii : i32 to f32
      %s = arith.constant {scale} : f32
      %v = arith.mulf %f, %s : f32
      linalg.yield %v : f32
  }} -> {ty(shape)}
  return %r : {ty(shape)}
}}
"""


def main():
    p = argparse.ArgumentParser()
    p.add_argument("kind")
    p.add_argument("dims", type=int, nargs="+")
    p.add_argument("--reps", type=int, default=10)
    p.add_argument("--dyn", action="store_true")
    a = p.parse_args()
    d = a.dims
    if a.kind == "matmul":
        M, N, K = d
        ins = [[M, K], [K, N]]
        out = [M, N]
        flops = 2 * M * N * K
        op = "linalg.matmul ins(%a, %b : {ta}, {tb}) outs(%f : {to}) -> {to}"
    elif a.kind == "batch_matmul":
        B, M, N, K = d
        ins = [[B, M, K], [B, K, N]]
        out = [B, M, N]
        flops = 2 * B * M * N * K
        op = "linalg.batch_matmul ins(%a, %b : {ta}, {tb}) outs(%f : {to}) -> {to}"
    elif a.kind in ("conv", "dwconv"):
        if a.kind == "conv":
            N, C, H, W, F, KH, KW, S, P = d
            filt = [F, C, KH, KW]
        else:
            N, C, H, W, KH, KW, S, P = d
            F = C
            filt = [C, KH, KW]
        OH = (H + 2 * P - KH) // S + 1
        OW = (W + 2 * P - KW) // S + 1
        ins = [[N, C, H, W], filt]
        out = [N, F, OH, OW]
        flops = 2 * N * F * OH * OW * KH * KW * (C if a.kind == "conv" else 1)
        name = "conv_2d_nchw_fchw" if a.kind == "conv" else "depthwise_conv_2d_nchw_chw"
        op = ("linalg." + name + " {{dilations = dense<1> : tensor<2xi64>, strides = dense<"
              + str(S) + "> : tensor<2xi64>}} ins(%ap, %b : {tp}, {tb}) outs(%f : {to}) -> {to}")
    else:
        sys.exit("unknown kind " + a.kind)

    def dyn(shape, yes):
        return ["?"] + shape[1:] if yes else shape

    ta, tb, to = ty(dyn(ins[0], a.dyn)), ty(ins[1]), ty(dyn(out, a.dyn))
    dimline = ""
    dsize = ""
    if a.dyn:
        dimline = "  %c0 = arith.constant 0 : index\n  %d0 = tensor.dim %a, %c0 : " + ta + "\n"
        dsize = "%d0"
    pad = ""
    tp = ta
    if a.kind in ("conv", "dwconv") and P > 0:
        pshape = dyn([N, C, H + 2 * P, W + 2 * P], a.dyn)
        tp = ty(pshape)
        pad = (f"  %z = arith.constant 0.0 : f32\n"
               f"  %ap = tensor.pad %a low[0, 0, {P}, {P}] high[0, 0, {P}, {P}] {{\n"
               f"  ^bb0(%q0: index, %q1: index, %q2: index, %q3: index):\n"
               f"    tensor.yield %z : f32\n  }} : {ta} to {tp}\n")
    elif a.kind in ("conv", "dwconv"):
        pad = "  %ap = tensor.cast %a : " + ta + " to " + ta + "\n"
    text = op.format(ta=ta, tb=tb, to=to, tp=tp)
    kernel = f"""
func.func @kernel(%a: {ta}, %b: {tb}) -> {to} {{
  %zero = arith.constant 0.0 : f32
{dimline}  %e = tensor.empty({dsize}) : {to}
  %f = linalg.fill ins(%zero : f32) outs(%e : {to}) -> {to}
{pad}  %r = {text}
  return %r : {to}
}}
"""
    tin0, tout = ty(ins[0]), ty(out)
    print(fill_fn("in0", ins[0], "0.25"))
    print(fill_fn("in1", ins[1], "0.125"))
    print(kernel)
    cast_in = f"  %a = tensor.cast %a0 : {tin0} to {ta}\n" if a.dyn else "  %a = tensor.cast %a0 : " + tin0 + " to " + tin0 + "\n"
    cast_out = f"    %rs = tensor.cast %r : {to} to {tout}\n" if a.dyn else f"    %rs = tensor.cast %r : {to} to {tout}\n"
    rank = len(out)
    print(f"""
func.func private @rtclock() -> f64
func.func private @printF64(f64)
func.func private @printF32(f32)
func.func private @printNewline()
func.func private @printString(!llvm.ptr)

func.func @main() {{
  %a0 = call @in0() : () -> {tin0}
  %b = call @in1() : () -> {tb}
{cast_in}  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %reps = arith.constant {a.reps} : index
  %z = arith.constant 0.0 : f32
  %w = call @kernel(%a, %b) : ({ta}, {tb}) -> {to}
  %t0 = call @rtclock() : () -> f64
  %sum = scf.for %i = %c0 to %reps step %c1 iter_args(%acc = %z) -> f32 {{
    %r = func.call @kernel(%a, %b) : ({ta}, {tb}) -> {to}
{cast_out}    %init = tensor.empty() : tensor<f32>
    %i0 = linalg.fill ins(%z : f32) outs(%init : tensor<f32>) -> tensor<f32>
    %red = linalg.reduce ins(%rs : {tout}) outs(%i0 : tensor<f32>) dimensions = [{", ".join(str(i) for i in range(rank))}]
      (%x: f32, %y: f32) {{
        %s = arith.addf %x, %y : f32
        linalg.yield %s : f32
      }}
    %v = tensor.extract %red[] : tensor<f32>
    scf.yield %v : f32
  }}
  %t1 = call @rtclock() : () -> f64
  %dt = arith.subf %t1, %t0 : f64
  %n = arith.constant {float(flops * a.reps)} : f64
  %g = arith.divf %n, %dt : f64
  %giga = arith.constant 1.0e9 : f64
  %gf = arith.divf %g, %giga : f64
  call @printF64(%gf) : (f64) -> ()
  call @printNewline() : () -> ()
  call @printF32(%sum) : (f32) -> ()
  call @printNewline() : () -> ()
  return
}}
""")


if __name__ == "__main__":
    main()
