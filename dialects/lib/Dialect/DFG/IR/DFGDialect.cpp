//===- DFGDialect.cpp - The dfg dialect -----------------------------------===//

#include "dfg/Dialect/DFG/IR/DFGDialect.h"
#include "dfg/Dialect/DFG/IR/DFGOps.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectImplementation.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace mlir::dfg;

#include "dfg/Dialect/DFG/IR/DFGOpsDialect.cpp.inc"
#include "dfg/Dialect/DFG/IR/DFGOpsEnums.cpp.inc"

#define GET_ATTRDEF_CLASSES
#include "dfg/Dialect/DFG/IR/DFGOpsAttributes.cpp.inc"

#define GET_TYPEDEF_CLASSES
#include "dfg/Dialect/DFG/IR/DFGOpsTypes.cpp.inc"

void DFGDialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "dfg/Dialect/DFG/IR/DFGOps.cpp.inc"
      >();
  addAttributes<
#define GET_ATTRDEF_LIST
#include "dfg/Dialect/DFG/IR/DFGOpsAttributes.cpp.inc"
      >();
  addTypes<
#define GET_TYPEDEF_LIST
#include "dfg/Dialect/DFG/IR/DFGOpsTypes.cpp.inc"
      >();
}

Operation *DFGDialect::materializeConstant(OpBuilder &builder, Attribute value,
                                           Type type, Location loc) {
  auto elements = dyn_cast<ElementsAttr>(value);
  if (!elements || elements.getType() != type)
    return nullptr;
  return ConstantOp::create(builder, loc, type, elements);
}
