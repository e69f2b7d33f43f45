//===- InitAll.cpp - Register DFG and the upstream pieces it uses ---------===//

#include "dfg/InitAll.h"

#include "dfg/Conversion/Passes.h"
#include "dfg/Dialect/DFG/IR/DFGDialect.h"
#include "dfg/Pipelines/Pipelines.h"
#include "dfg/Transforms/Codegen/Passes.h"
#include "dfg/Transforms/Cost/Passes.h"
#include "dfg/Transforms/Memory/Passes.h"
#include "dfg/Transforms/Runtime/Passes.h"
#include "dfg/Transforms/Shape/Passes.h"

#include "mlir/InitAllDialects.h"
#include "mlir/InitAllExtensions.h"
#include "mlir/InitAllPasses.h"
#include "mlir/Target/LLVMIR/Dialect/All.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/Quant/IR/Quant.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/SparseTensor/IR/SparseTensor.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/Transforms/Passes.h"

void mlir::dfg::registerAllDialects(DialectRegistry &registry) {
  // The lowering goes through most of upstream (linalg, bufferization,
  // vector, LLVM), with the interface models bufferization and the LLVM
  // conversion look up at run time: register all of it.
  mlir::registerAllDialects(registry);
  mlir::registerAllExtensions(registry);
  mlir::registerAllToLLVMIRTranslations(registry);
  registry.insert<DFGDialect, arith::ArithDialect,
                  bufferization::BufferizationDialect, func::FuncDialect,
                  linalg::LinalgDialect, math::MathDialect,
                  memref::MemRefDialect, quant::QuantDialect, scf::SCFDialect,
                  sparse_tensor::SparseTensorDialect, tensor::TensorDialect>();
}

void mlir::dfg::registerAllPasses() {
  // Upstream: canonicalize, cse, inline, symbol-dce, ...
  mlir::registerAllPasses();
  registerDFGShapePasses();
  registerDFGCodegenPassesAndPipelines();
  registerDFGMemoryPasses();
  registerDFGRuntimePasses();
  registerDFGCostPasses();
  registerDFGConversionPasses();
  registerPipelines();
}
