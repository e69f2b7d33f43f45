# The tail of dfg-lower-to-llvm from bufferization on (BASE) and the same
# with dfg-tile-and-vectorize first and the vector lowering stages its
# output needs (VEC). Sourced by run.sh and build-exes.sh.
BUF='one-shot-bufferize{bufferize-function-boundaries function-boundary-type-conversion=identity-layout-map},buffer-deallocation-pipeline,canonicalize,convert-linalg-to-loops'
TAIL='expand-strided-metadata,lower-affine,convert-scf-to-cf,convert-math-to-llvm,convert-math-to-libm,convert-to-llvm,reconcile-unrealized-casts'
TAILV='expand-strided-metadata,lower-affine,convert-scf-to-cf,convert-vector-to-llvm,convert-math-to-llvm,convert-math-to-libm,convert-to-llvm,reconcile-unrealized-casts'
BASE="builtin.module($BUF,$TAIL)"
VEC="builtin.module(func.func(dfg-tile-and-vectorize{${PASS_OPTS:-}}),$BUF,func.func(convert-vector-to-scf{full-unroll=true}),$TAILV)"
