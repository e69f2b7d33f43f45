//===- Reduction.cpp - lowering of reduce and arg_reduce ----------------------------===//

#include "Common.h"

#include "dfg/Conversion/DFGToLinalg/DFGToLinalg.h"
#include "dfg/Dialect/DFG/IR/DFGOps.h"

using namespace mlir;
using namespace mlir::dfg;
using namespace mlir::dfg::lowering;

void mlir::dfg::populateReductionToLinalgPatterns(const TypeConverter &converter,
                                      RewritePatternSet &patterns) {}
