//===- DFGToLinalg.h - dfg to linalg/tensor patterns ------------*- C++ -*-===//
//
// The lowering of `dfg` to upstream tensor dialects, one populate function
// per op family so that a pipeline (or a test pass) can pick families.
//
//===----------------------------------------------------------------------===//

#ifndef DFG_CONVERSION_DFGTOLINALG_DFGTOLINALG_H
#define DFG_CONVERSION_DFGTOLINALG_DFGTOLINALG_H

#include "mlir/Transforms/DialectConversion.h"

namespace mlir::dfg {

/// Converts `dfg` value types to what upstream dialects accept: unsigned
/// integer element types become signless of the same width (arith and
/// linalg only know signless integers). Everything else is kept.
class DFGTypeConverter : public TypeConverter {
public:
  DFGTypeConverter();
};

/// Elementwise ops, clamp, cast, compare, select, constants, and the random
/// ops (a counter-based generator, one element per index).
void populateElementwiseToLinalgPatterns(const TypeConverter &converter,
                                         RewritePatternSet &patterns);
/// matmul, conv, conv_transpose and pool.
void populateLinalgOpsToLinalgPatterns(const TypeConverter &converter,
                                       RewritePatternSet &patterns);
/// reduce, arg_reduce.
void populateReductionToLinalgPatterns(const TypeConverter &converter,
                                       RewritePatternSet &patterns);
/// transpose, reshape, broadcast_to, concat, slice, pad, gather, shape_of,
/// dynamic_slice, dynamic_pad, range.
void populateDataMovementToLinalgPatterns(const TypeConverter &converter,
                                          RewritePatternSet &patterns);
/// gather_elements, scatter_elements, gather_nd, scatter_nd, cumsum, topk,
/// nonzero, resize.
void populateIndexingToLinalgPatterns(const TypeConverter &converter,
                                      RewritePatternSet &patterns);
/// The optimizer update ops (sgd, momentum, adagrad, adam).
void populateTrainingToLinalgPatterns(const TypeConverter &converter,
                                      RewritePatternSet &patterns);
/// non_max_suppression, unique, grid_sample, roi_align.
void populateVisionToLinalgPatterns(const TypeConverter &converter,
                                    RewritePatternSet &patterns);
/// if and loop, to scf.
void populateControlFlowToSCFPatterns(const TypeConverter &converter,
                                      RewritePatternSet &patterns);

/// All of the above.
void populateDFGToLinalgPatterns(const TypeConverter &converter,
                                 RewritePatternSet &patterns);

} // namespace mlir::dfg

#endif // DFG_CONVERSION_DFGTOLINALG_DFGTOLINALG_H
