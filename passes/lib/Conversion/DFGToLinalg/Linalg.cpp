//===- Linalg.cpp - lowering of matmul, conv, conv_transpose and pool ----------------------------===//

#include "Common.h"

#include "dfg/Conversion/DFGToLinalg/DFGToLinalg.h"
#include "dfg/Dialect/DFG/IR/DFGOps.h"

using namespace mlir;
using namespace mlir::dfg;
using namespace mlir::dfg::lowering;

void mlir::dfg::populateLinalgOpsToLinalgPatterns(const TypeConverter &converter,
                                      RewritePatternSet &patterns) {}
