# The tail of dfg-lower-to-llvm from bufferization on (BASE: the kernel as
# loops) and the same with dfg-tile-and-vectorize first (VEC): both use the
# registered dfg-bufferize-to-llvm pipeline, the one dfg-compile runs.
# Sourced by run.sh and build-exes.sh.
BASE="builtin.module(dfg-bufferize-to-llvm)"
VEC="builtin.module(func.func(dfg-tile-and-vectorize{${PASS_OPTS:-}}),dfg-bufferize-to-llvm)"
