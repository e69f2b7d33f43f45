//===- DataMovement.cpp - lowering of the data movement ops ----------------------------===//

#include "Common.h"

#include "dfg/Conversion/DFGToLinalg/DFGToLinalg.h"
#include "dfg/Dialect/DFG/IR/DFGOps.h"

using namespace mlir;
using namespace mlir::dfg;
using namespace mlir::dfg::lowering;

void mlir::dfg::populateDataMovementToLinalgPatterns(const TypeConverter &converter,
                                      RewritePatternSet &patterns) {}
