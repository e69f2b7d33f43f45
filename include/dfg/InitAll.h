//===- InitAll.h - Register DFG and the upstream pieces it uses -*- C++ -*-===//

#ifndef DFG_INITALL_H
#define DFG_INITALL_H

namespace mlir {
class DialectRegistry;
} // namespace mlir

namespace mlir::dfg {

/// Adds the dfg dialect and the upstream dialects DFG produces or lowers
/// through to `registry`.
void registerAllDialects(DialectRegistry &registry);

/// Registers the dfg passes and the upstream passes used in DFG pipelines
/// with the global pass registry (for dfg-opt's command line).
void registerAllPasses();

} // namespace mlir::dfg

#endif // DFG_INITALL_H
