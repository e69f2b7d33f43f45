//===- TileAndVectorize.cpp - the code generation passes in order ---------===//
//
// `dfg-tile-and-vectorize` is a pipeline alias: each step is its own pass
// (see Passes.td), so that a step can be tested alone and the choices a
// cost model makes (tile sizes, im2col or direct, packing) are options.
//
//===----------------------------------------------------------------------===//

#include "dfg/Transforms/Codegen/Passes.h"
#include "dfg/Transforms/Memory/Passes.h"

#include "mlir/Pass/PassRegistry.h"

using namespace mlir;
using namespace mlir::dfg;

void mlir::dfg::buildTileAndVectorizePipeline(
    OpPassManager &pm, const TileAndVectorizeOptions &options) {
  if (options.convToContraction) {
    DFGConvToContractionPassOptions conv;
    conv.im2col = options.im2col;
    conv.copyTile = options.elementwiseTile;
    pm.addPass(createDFGConvToContractionPass(conv));
  }
  if (options.windowOps) {
    DFGWindowToElementwisePassOptions window;
    window.vectorTile = options.elementwiseTile;
    pm.addPass(createDFGWindowToElementwisePass(window));
  }
  pm.addPass(createDFGSpecializeContractionsPass());
  DFGTileContractionsPassOptions tile;
  tile.tileM = options.tileM;
  tile.tileN = options.tileN;
  tile.tileK = options.tileK;
  tile.packRhs = options.packRhs;
  pm.addPass(createDFGTileContractionsPass(tile));
  // The tile loops' sizes read from where they come from: hoisting compares
  // slices, and sizes of different tensors (a dynamic batch) compare by
  // walking the IR between them (resnet18: 6 s of the 6.4 s of
  // dfg-vectorize-tiles).
  pm.addPass(createDFGResolveTensorDimsPass());
  pm.addPass(createDFGVectorizeTilesPass());
  pm.addPass(createDFGLowerContractionsToFMAPass());
  pm.addPass(createDFGWriteInPlacePass());
}

void mlir::dfg::registerDFGCodegenPassesAndPipelines() {
  registerDFGCodegenPasses();
  PassPipelineRegistration<TileAndVectorizeOptions>(
      "dfg-tile-and-vectorize",
      "The CPU code generation passes on linalg on tensors, in order "
      "(dfg-conv-to-contraction, dfg-window-to-elementwise, "
      "dfg-specialize-contractions, dfg-tile-contractions, "
      "dfg-resolve-tensor-dims, dfg-vectorize-tiles, "
      "dfg-lower-contractions-to-fma, "
      "dfg-write-in-place); anchored on func.func",
      buildTileAndVectorizePipeline);
}
