//===- PlanMemory.cpp - static arena planning of bufferized functions -----===//
//
// dfg-plan-memory: gives every non-escaping top-level allocation of a
// bufferized function a lifetime and an offset in one arena per memory
// space, computed by the DFGMemoryPlanning library, and replaces the
// allocations by views into the arena. See Passes.td for the contract.
//
//===----------------------------------------------------------------------===//

#include "dfg/Transforms/Memory/Passes.h"

#include "dfg/Analysis/MemoryPlanning/MemoryMap.h"
#include "dfg/Analysis/MemoryPlanning/Planner.h"

#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/Builders.h"
#include "mlir/Interfaces/CallInterfaces.h"
#include "mlir/Interfaces/DataLayoutInterfaces.h"
#include "mlir/Interfaces/ViewLikeInterface.h"
#include "mlir/Support/FileUtilities.h"

#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/Support/CheckedArithmetic.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/ToolOutputFile.h"

namespace mlir::dfg {
#define GEN_PASS_DEF_DFGPLANMEMORYPASS
#include "dfg/Transforms/Memory/Passes.h.inc"
} // namespace mlir::dfg

using namespace mlir;
using namespace mlir::dfg;
namespace memplan = mlir::dfg::memplan;

namespace {

/// Dimension `dim` of function argument `arg`.
using ArgDim = std::pair<unsigned, int64_t>;

/// `coefficient * product(dims)`, with `dims` sorted.
struct Monomial {
  int64_t coefficient = 1;
  SmallVector<ArgDim> dims;
};

std::optional<Monomial> multiply(const Monomial &a, const Monomial &b) {
  Monomial product;
  if (llvm::MulOverflow(a.coefficient, b.coefficient, product.coefficient))
    return std::nullopt;
  product.dims.append(a.dims);
  product.dims.append(b.dims);
  llvm::sort(product.dims);
  return product;
}

/// Expresses index values and memref dimensions as monomials of the
/// dimensions of the arguments of `body`, looking through `arith.constant`,
/// `arith.muli`, `memref.dim`, allocations and the views that state their
/// sizes; std::nullopt for anything else (a size computed from data).
class SizeTracer {
public:
  explicit SizeTracer(Block &body) : body(body) {}

  std::optional<Monomial> traceIndex(Value value, unsigned depth = 0);
  std::optional<Monomial> traceDim(Value source, int64_t index,
                                   unsigned depth = 0);

private:
  std::optional<Monomial> traceDimUncached(Value source, int64_t index,
                                           unsigned depth);
  std::optional<Monomial> traceFoldResult(OpFoldResult size, unsigned depth);

  Block &body;
  DenseMap<std::pair<Value, int64_t>, std::optional<Monomial>> dims;
};

std::optional<Monomial> SizeTracer::traceFoldResult(OpFoldResult size,
                                                    unsigned depth) {
  if (std::optional<int64_t> constant = getConstantIntValue(size)) {
    if (*constant < 0)
      return std::nullopt;
    return Monomial{*constant, {}};
  }
  return traceIndex(cast<Value>(size), depth);
}

/// Expresses dimension `index` of the memref `source` as a monomial of
/// argument dimensions, looking through allocations and the views that
/// state their sizes.
std::optional<Monomial> SizeTracer::traceDim(Value source, int64_t index,
                                             unsigned depth) {
  auto key = std::make_pair(source, index);
  if (auto it = dims.find(key); it != dims.end())
    return it->second;
  std::optional<Monomial> result = traceDimUncached(source, index, depth);
  dims[key] = result;
  return result;
}

std::optional<Monomial>
SizeTracer::traceDimUncached(Value source, int64_t index, unsigned depth) {
  auto type = dyn_cast<MemRefType>(source.getType());
  if (!type || index < 0 || index >= type.getRank() || depth > 4096)
    return std::nullopt;
  if (!type.isDynamicDim(index))
    return Monomial{type.getDimSize(index), {}};
  if (auto arg = dyn_cast<BlockArgument>(source)) {
    if (arg.getOwner() != &body)
      return std::nullopt;
    return Monomial{1, {{arg.getArgNumber(), index}}};
  }
  Operation *def = source.getDefiningOp();
  if (auto alloc = dyn_cast_or_null<memref::AllocOp>(def))
    return traceIndex(alloc.getDynamicSizes()[type.getDynamicDimIndex(index)],
                      depth + 1);
  if (auto castOp = dyn_cast_or_null<memref::CastOp>(def))
    return traceDim(castOp.getSource(), index, depth + 1);
  if (auto expand = dyn_cast_or_null<memref::ExpandShapeOp>(def))
    return traceFoldResult(expand.getMixedOutputShape()[index],
                           depth + 1);
  if (auto collapse = dyn_cast_or_null<memref::CollapseShapeOp>(def)) {
    Monomial product;
    // A named vector: iterating `getReassociationIndices()[index]` directly
    // would read a temporary destroyed before the loop body runs.
    SmallVector<ReassociationIndices> groups =
        collapse.getReassociationIndices();
    for (int64_t sourceIndex : groups[index]) {
      std::optional<Monomial> factor =
          traceDim(collapse.getSrc(), sourceIndex, depth + 1);
      std::optional<Monomial> next =
          factor ? multiply(product, *factor) : std::nullopt;
      if (!next)
        return std::nullopt;
      product = *next;
    }
    return product;
  }
  if (auto subview = dyn_cast_or_null<memref::SubViewOp>(def)) {
    if (subview.getSourceType().getRank() != type.getRank())
      return std::nullopt; // rank-reducing: dimensions shift
    return traceFoldResult(subview.getMixedSizes()[index], depth + 1);
  }
  if (auto view = dyn_cast_or_null<memref::ViewOp>(def))
    return traceIndex(view.getSizes()[type.getDynamicDimIndex(index)],
                      depth + 1);
  return std::nullopt;
}

/// Expresses an index value as a monomial of argument dimensions, looking
/// through `arith.constant`, `arith.muli`, exact `arith.divsi`/`divui` by a
/// constant and `memref.dim`; std::nullopt for anything else.
std::optional<Monomial> SizeTracer::traceIndex(Value value, unsigned depth) {
  if (depth > 4096)
    return std::nullopt;
  if (std::optional<int64_t> constant = getConstantIntValue(value)) {
    if (*constant < 0)
      return std::nullopt;
    return Monomial{*constant, {}};
  }
  if (auto mul = value.getDefiningOp<arith::MulIOp>()) {
    std::optional<Monomial> lhs = traceIndex(mul.getLhs(), depth + 1);
    if (!lhs)
      return std::nullopt;
    std::optional<Monomial> rhs = traceIndex(mul.getRhs(), depth + 1);
    if (!rhs)
      return std::nullopt;
    return multiply(*lhs, *rhs);
  }
  // An exact division by a constant (the dynamic size of a reshape is the
  // element count over the static sizes).
  Operation *def = value.getDefiningOp();
  if (isa_and_present<arith::DivSIOp, arith::DivUIOp>(def)) {
    std::optional<int64_t> divisor = getConstantIntValue(def->getOperand(1));
    if (!divisor || *divisor <= 0)
      return std::nullopt;
    std::optional<Monomial> dividend =
        traceIndex(def->getOperand(0), depth + 1);
    if (!dividend || dividend->coefficient % *divisor != 0)
      return std::nullopt;
    dividend->coefficient /= *divisor;
    return dividend;
  }
  auto dimOp = value.getDefiningOp<memref::DimOp>();
  if (!dimOp)
    return std::nullopt;
  std::optional<int64_t> index = dimOp.getConstantIndex();
  if (!index)
    return std::nullopt;
  return traceDim(dimOp.getSource(), *index, depth + 1);
}

/// The last top-level position (in `positions`) at which `root` or a value
/// that may alias it is used, or failure when the buffer escapes.
FailureOr<int64_t>
lastUseOf(Value root, Block &body,
          const DenseMap<Operation *, int64_t> &positions) {
  int64_t last = positions.lookup(root.getDefiningOp());
  SmallVector<Value> worklist = {root};
  llvm::SmallPtrSet<Value, 16> seen = {root};
  auto alias = [&](Value value) {
    if (seen.insert(value).second)
      worklist.push_back(value);
  };
  while (!worklist.empty()) {
    Value value = worklist.pop_back_val();
    for (OpOperand &use : value.getUses()) {
      Operation *user = use.getOwner();
      Operation *ancestor = body.findAncestorOpInBlock(*user);
      if (!ancestor)
        return failure();
      last = std::max(last, positions.lookup(ancestor));
      if (isa<memref::DeallocOp, memref::ReallocOp, CallOpInterface,
              RegionBranchTerminatorOpInterface>(user) &&
          !isa<scf::YieldOp>(user))
        return failure();
      if (user->hasTrait<OpTrait::ReturnLike>() && !isa<scf::YieldOp>(user))
        return failure();
      // A view aliases its source only; any other operand of it (the shape
      // of a memref.reshape) is read.
      if (auto view = dyn_cast<ViewLikeOpInterface>(user)) {
        if (view.getViewSource() == value)
          for (Value result : user->getResults())
            if (isa<BaseMemRefType>(result.getType()))
              alias(result);
        continue;
      }
      if (auto forOp = dyn_cast<scf::ForOp>(user)) {
        OpResult result = forOp.getTiedLoopResult(&use);
        if (!result)
          return failure(); // a bound cannot be a memref; be safe anyway
        alias(result);
        alias(forOp.getTiedLoopRegionIterArg(&use));
        continue;
      }
      if (auto yield = dyn_cast<scf::YieldOp>(user)) {
        Operation *parent = yield->getParentOp();
        unsigned index = use.getOperandNumber();
        if (auto forOp = dyn_cast<scf::ForOp>(parent)) {
          alias(forOp.getResult(index));
          alias(forOp.getRegionIterArg(index));
          continue;
        }
        if (isa<scf::IfOp>(parent)) {
          alias(parent->getResult(index));
          continue;
        }
        return failure();
      }
      // Any other op may read and write the buffer but must not hand it
      // on: a memref or tensor result could alias it in ways not modelled.
      if (llvm::any_of(user->getResultTypes(), [](Type type) {
            return isa<BaseMemRefType, TensorType>(type);
          }))
        return failure();
    }
  }
  return last;
}

/// A planned allocation.
struct Candidate {
  memref::AllocOp alloc;
  memplan::Buffer buffer; // size in bytes at unit dimensions
  Monomial size;
};

/// Buffers of one memory space with one product of argument dimensions.
struct Group {
  Attribute memorySpace;
  SmallVector<ArgDim> dims;
  SmallVector<unsigned> members; // indices into the candidates
  memplan::Plan plan;
  /// The group's bytes per unit of its dimension product: the planned
  /// arena size rounded up to the alignment.
  int64_t bytes = 0;
};

/// The ONNX node a location names ("name (OpType)" from the importer),
/// without the op type when the name already ends with it (exporters name
/// nodes "/layer1/conv/Conv").
std::string nodeLabel(Location loc) {
  if (auto name = dyn_cast<NameLoc>(loc)) {
    StringRef text = name.getName().strref();
    size_t open = text.rfind(" (");
    if (open != StringRef::npos && text.ends_with(")")) {
      StringRef opType = text.slice(open + 2, text.size() - 1);
      if (text.take_front(open).ends_with(opType))
        return text.take_front(open).str();
    }
    return text.str();
  }
  if (auto fused = dyn_cast<FusedLoc>(loc))
    for (Location inner : fused.getLocations()) {
      std::string label = nodeLabel(inner);
      if (!label.empty())
        return label;
    }
  if (auto callSite = dyn_cast<CallSiteLoc>(loc))
    return nodeLabel(callSite.getCallee());
  if (auto file = dyn_cast<FileLineColLoc>(loc))
    return llvm::formatv("{0}:{1}", llvm::sys::path::filename(
                                        file.getFilename().getValue()),
                         file.getLine())
        .str();
  return "";
}

std::string formatBytes(int64_t bytes) {
  if (bytes >= (int64_t(1) << 20))
    return llvm::formatv("{0:F2} MiB", double(bytes) / (1 << 20)).str();
  if (bytes >= 1024)
    return llvm::formatv("{0:F1} KiB", double(bytes) / 1024).str();
  return llvm::formatv("{0} B", bytes).str();
}

/// `path` with `-name` inserted before the extension.
std::string perFunctionPath(StringRef path, StringRef name) {
  StringRef extension = llvm::sys::path::extension(path);
  return (path.drop_back(extension.size()) + "-" + name + extension).str();
}

struct PlanMemoryPass
    : public dfg::impl::DFGPlanMemoryPassBase<PlanMemoryPass> {
  using DFGPlanMemoryPassBase::DFGPlanMemoryPassBase;

  void runOnOperation() override;
  LogicalResult planFunction(func::FuncOp func, StringRef mapPath,
                             StringRef csvPath);
};

void PlanMemoryPass::runOnOperation() {
  std::optional<memplan::SolverKind> kind = memplan::parseSolverKind(solver);
  if (!kind) {
    getOperation().emitError() << "dfg-plan-memory: unknown solver '"
                               << solver << "' (expected greedy or search)";
    return signalPassFailure();
  }
  if (alignment <= 0 || !llvm::isPowerOf2_64(alignment) || timeLimit < 0) {
    getOperation().emitError()
        << "dfg-plan-memory: alignment must be a power of two and "
           "time-limit non-negative";
    return signalPassFailure();
  }
  SmallVector<func::FuncOp> funcs;
  for (auto func : getOperation().getOps<func::FuncOp>())
    if (!func.isExternal())
      funcs.push_back(func);
  for (func::FuncOp func : funcs) {
    std::string mapPath = memoryMap, csvPath = buffersCSV;
    if (funcs.size() > 1) {
      if (!mapPath.empty())
        mapPath = perFunctionPath(mapPath, func.getSymName());
      if (!csvPath.empty())
        csvPath = perFunctionPath(csvPath, func.getSymName());
    }
    if (failed(planFunction(func, mapPath, csvPath)))
      return signalPassFailure();
  }
}

LogicalResult PlanMemoryPass::planFunction(func::FuncOp func,
                                           StringRef mapPath,
                                           StringRef csvPath) {
  if (!func.getBody().hasOneBlock())
    return success(); // unstructured control flow: left alone
  Block &body = func.getBody().front();
  if (func.walk([](memref::DeallocOp) { return WalkResult::interrupt(); })
          .wasInterrupted())
    return func.emitError()
           << "dfg-plan-memory runs before deallocation: the function "
              "already has memref.dealloc ops";

  DenseMap<Operation *, int64_t> positions;
  for (auto [index, op] : llvm::enumerate(body))
    positions[&op] = static_cast<int64_t>(index);

  DataLayout layout = DataLayout::closest(func);
  SizeTracer tracer(body);
  SmallVector<Candidate> candidates;
  // Why allocations stay allocations, for the report.
  enum Reason { kLayout, kSize, kEscapes, kAlignment, kNumReasons };
  static constexpr const char *kReasonNames[] = {
      "a non-identity layout", "a size computed from data", "escaping",
      "an alignment above the arena's"};
  unsigned unplanned[kNumReasons] = {};
  int64_t unplannedStaticBytes = 0;
  for (auto alloc : body.getOps<memref::AllocOp>()) {
    MemRefType type = alloc.getType();
    auto skip = [&](Reason reason) {
      ++unplanned[reason];
      if (type.hasStaticShape())
        unplannedStaticBytes += static_cast<int64_t>(
            type.getNumElements() *
            layout.getTypeSize(type.getElementType()).getFixedValue());
    };
    if (!type.getLayout().isIdentity() || !alloc.getSymbolOperands().empty()) {
      skip(kLayout);
      continue;
    }
    Monomial size{static_cast<int64_t>(
                      layout.getTypeSize(type.getElementType()).getFixedValue()),
                  {}};
    bool traced = true;
    unsigned dynamic = 0;
    for (int64_t dim : type.getShape()) {
      std::optional<Monomial> factor =
          ShapedType::isDynamic(dim)
              ? tracer.traceIndex(alloc.getDynamicSizes()[dynamic++])
              : std::optional<Monomial>(Monomial{dim, {}});
      std::optional<Monomial> product =
          factor ? multiply(size, *factor) : std::nullopt;
      if (!product) {
        traced = false;
        break;
      }
      size = *product;
    }
    if (!traced) {
      skip(kSize);
      continue;
    }
    FailureOr<int64_t> last = lastUseOf(alloc, body, positions);
    if (failed(last)) {
      skip(kEscapes);
      continue;
    }
    int64_t align = std::max<int64_t>(alignment, alloc.getAlignment().value_or(1));
    if (align != alignment) { // an unusual request: leave it to the allocator
      skip(kAlignment);
      continue;
    }
    Candidate candidate;
    candidate.alloc = alloc;
    candidate.size = size;
    candidate.buffer.id = static_cast<int64_t>(candidates.size());
    candidate.buffer.lower = positions.lookup(alloc);
    candidate.buffer.upper = *last + 1;
    candidate.buffer.size = llvm::alignTo(size.coefficient, alignment);
    candidate.buffer.alignment = alignment;
    candidates.push_back(std::move(candidate));
  }
  if (candidates.empty())
    return success();

  // Groups, in order of first appearance.
  std::vector<Group> groups;
  for (auto [index, candidate] : llvm::enumerate(candidates)) {
    Attribute space = candidate.alloc.getType().getMemorySpace();
    auto it = llvm::find_if(groups, [&](const Group &group) {
      return group.memorySpace == space && group.dims == candidate.size.dims;
    });
    if (it == groups.end()) {
      groups.push_back(Group{space, candidate.size.dims, {}, {}, 0});
      it = std::prev(groups.end());
    }
    it->members.push_back(static_cast<unsigned>(index));
  }

  memplan::PlanOptions options;
  options.solver = *memplan::parseSolverKind(solver);
  options.timeLimitSeconds = timeLimit;
  auto planGroup = [&](Group &group) -> LogicalResult {
    std::vector<memplan::Buffer> buffers;
    for (unsigned member : group.members)
      buffers.push_back(candidates[member].buffer);
    llvm::Expected<memplan::Plan> plan = memplan::planMemory(buffers, options);
    if (!plan)
      return func.emitError()
             << "dfg-plan-memory: " << llvm::toString(plan.takeError());
    if (llvm::Error error = memplan::validatePlan(buffers, plan->offsets))
      return func.emitError() << "dfg-plan-memory: invalid plan: "
                              << llvm::toString(std::move(error));
    group.plan = std::move(*plan);
    group.bytes = llvm::alignTo(group.plan.arenaSize, alignment);
    return success();
  };
  for (Group &group : groups)
    if (failed(planGroup(group)))
      return failure();

  // A group's unit is max(1, product of its dimensions), so a buffer of
  // fixed size may join a scaled group: at offset o * unit it occupies
  // [o * unit, o * unit + size), inside its unit-scaled slot. The static
  // buffers of a memory space join its largest scaled group when the joint
  // plan is smaller at unit dimensions than the two apart (it may then be
  // larger for big dynamic dimensions: the plan favours batch 1).
  for (auto staticIt = groups.begin(); staticIt != groups.end();) {
    auto largest = groups.end();
    if (staticIt->dims.empty())
      for (auto it = groups.begin(); it != groups.end(); ++it)
        if (!it->dims.empty() && it->memorySpace == staticIt->memorySpace &&
            (largest == groups.end() || it->bytes > largest->bytes))
          largest = it;
    if (largest == groups.end()) {
      ++staticIt;
      continue;
    }
    Group joint = *largest;
    joint.members.append(staticIt->members);
    if (failed(planGroup(joint)))
      return failure();
    if (joint.bytes >= largest->bytes + staticIt->bytes) {
      ++staticIt;
      continue;
    }
    *largest = std::move(joint);
    staticIt = groups.erase(staticIt);
  }
  // The static group first, then by number of dimensions.
  std::stable_sort(groups.begin(), groups.end(),
                   [](const Group &a, const Group &b) {
                     return a.dims.size() < b.dims.size();
                   });

  // Figures at unit dimensions, over all planned buffers together.
  std::vector<memplan::Buffer> all;
  std::vector<int64_t> allOffsets(candidates.size());
  for (const Candidate &candidate : candidates)
    all.push_back(candidate.buffer);
  int64_t sumBytes = 0;
  for (const memplan::Buffer &buffer : all)
    sumBytes += buffer.size;

  // Rewrite: one arena per memory space, its groups one after the other.
  OpBuilder builder = OpBuilder::atBlockBegin(&body);
  Location loc = func.getLoc();
  // Index arithmetic folded as it is built, constants created once at the
  // top of the function (they dominate every allocation site).
  OpBuilder top = OpBuilder::atBlockBegin(&body);
  DenseMap<int64_t, Value> constants;
  auto indexConstant = [&](int64_t value) -> Value {
    Value &constant = constants[value];
    if (!constant)
      constant = arith::ConstantIndexOp::create(top, loc, value);
    return constant;
  };
  auto add = [&](Value lhs, Value rhs) -> Value {
    std::optional<int64_t> l = getConstantIntValue(lhs);
    std::optional<int64_t> r = getConstantIntValue(rhs);
    if (l && r)
      return indexConstant(*l + *r);
    if (l == 0)
      return rhs;
    if (r == 0)
      return lhs;
    return arith::AddIOp::create(builder, loc, lhs, rhs);
  };
  auto mul = [&](Value lhs, Value rhs) -> Value {
    std::optional<int64_t> l = getConstantIntValue(lhs);
    std::optional<int64_t> r = getConstantIntValue(rhs);
    if (l && r)
      return indexConstant(*l * *r);
    if (l == 0 || r == 0)
      return indexConstant(0);
    if (l == 1)
      return rhs;
    if (r == 1)
      return lhs;
    return arith::MulIOp::create(builder, loc, lhs, rhs);
  };
  auto dimsProduct = [&](ArrayRef<ArgDim> dims) -> Value {
    Value product;
    for (auto [arg, dim] : dims) {
      Value size = memref::DimOp::create(builder, loc, body.getArgument(arg),
                                         indexConstant(dim));
      product = product ? mul(product, size) : size;
    }
    if (!product)
      return product;
    return arith::MaxUIOp::create(builder, loc, product, indexConstant(1))
        .getResult();
  };
  llvm::MapVector<Attribute, SmallVector<unsigned>> spaces;
  for (auto [index, group] : llvm::enumerate(groups))
    spaces[group.memorySpace].push_back(static_cast<unsigned>(index));

  SmallVector<Attribute> arenaTerms;
  int64_t unitArena = 0;
  for (auto &[space, members] : spaces) {
    // Group bases and the total, in bytes, at run time.
    SmallVector<Value> bases, units;
    Value total = indexConstant(0);
    for (unsigned index : members) {
      Group &group = groups[index];
      Value unit = dimsProduct(group.dims);
      units.push_back(unit);
      bases.push_back(total);
      Value bytes = indexConstant(group.bytes);
      if (unit)
        bytes = mul(unit, bytes);
      total = add(total, bytes);
      if (!space) {
        SmallVector<int64_t> term = {group.bytes};
        for (auto [arg, dim] : group.dims) {
          term.push_back(arg);
          term.push_back(dim);
        }
        arenaTerms.push_back(builder.getDenseI64ArrayAttr(term));
      }
      unitArena += group.bytes;
    }
    auto arenaType =
        MemRefType::get({ShapedType::kDynamic}, builder.getI8Type(),
                        MemRefLayoutAttrInterface(), space);
    Value arena;
    // Only a public function nothing in the module calls can take the arena
    // from its caller; any other allocates its own.
    bool takesArgument =
        !space && arenaArgument && func.isPublic() &&
        SymbolTable::symbolKnownUseEmpty(func, func->getParentOp());
    if (takesArgument) {
      unsigned position = func.getNumArguments();
      // No argument attribute: the LLVM translation would warn about it;
      // the function's dfg.arena attribute says there is an arena.
      if (failed(func.insertArgument(position, arenaType,
                                     builder.getDictionaryAttr({}), loc)))
        return failure();
      arena = body.getArgument(position);
    } else {
      arena = memref::AllocOp::create(builder, loc, arenaType, total,
                                      builder.getI64IntegerAttr(alignment));
    }
    for (auto [slot, index] : llvm::enumerate(members)) {
      Group &group = groups[index];
      for (auto [i, member] : llvm::enumerate(group.members)) {
        Candidate &candidate = candidates[member];
        int64_t offset = group.plan.offsets[i];
        allOffsets[member] = offset; // rebased below
        OpBuilder::InsertionGuard guard(builder);
        builder.setInsertionPoint(candidate.alloc);
        Value shift = indexConstant(offset);
        if (units[slot])
          shift = mul(units[slot], shift);
        shift = add(bases[slot], shift);
        auto view = memref::ViewOp::create(
            builder, candidate.alloc.getLoc(), candidate.alloc.getType(),
            arena, shift, candidate.alloc.getDynamicSizes());
        candidate.alloc.replaceAllUsesWith(view.getResult());
      }
    }
  }
  // Unit-dimension offsets over the whole arena, for the picture and CSV.
  {
    int64_t base = 0;
    for (auto &[space, members] : spaces)
      for (unsigned index : members) {
        for (unsigned member : groups[index].members)
          allOffsets[member] += base;
        base += groups[index].bytes;
      }
  }
  SmallVector<std::string> labels;
  for (Candidate &candidate : candidates) {
    labels.push_back(nodeLabel(candidate.alloc.getLoc()));
    candidate.alloc.erase();
  }
  func->setAttr("dfg.arena", builder.getArrayAttr(arenaTerms));

  int64_t lowerBound = memplan::computeLowerBound(all);
  if (report) {
    InFlightDiagnostic remark = mlir::emitRemark(func.getLoc());
    remark << "dfg-plan-memory: " << candidates.size()
           << " buffers in an arena of " << unitArena << " bytes at unit "
           << "dimensions (lower bound " << lowerBound << ", sum " << sumBytes
           << ", " << groups.size() << " group(s)"
           << (llvm::all_of(groups,
                            [](const Group &g) { return g.plan.optimal; })
                   ? ", optimal"
                   : "")
           << ")";
    for (unsigned reason = 0; reason < kNumReasons; ++reason)
      if (unplanned[reason])
        remark << "; " << unplanned[reason] << " left to the allocator for "
               << kReasonNames[reason];
    if (unplannedStaticBytes)
      remark << " (" << unplannedStaticBytes << " bytes of them static)";
  }

  auto openOutput = [&](StringRef path)
      -> std::unique_ptr<llvm::ToolOutputFile> {
    std::string message;
    auto file = openOutputFile(path, &message);
    if (!file)
      func.emitError() << "dfg-plan-memory: cannot write '" << path
                       << "': " << message;
    return file;
  };
  if (!mapPath.empty()) {
    auto file = openOutput(mapPath);
    if (!file)
      return failure();
    memplan::MemoryMapOptions mapOptions;
    mapOptions.title =
        llvm::formatv("@{0}: {1} buffers, arena {2}, lower bound {3}, sum {4}",
                      func.getSymName(), candidates.size(),
                      formatBytes(unitArena), formatBytes(lowerBound),
                      formatBytes(sumBytes))
            .str();
    mapOptions.labels.assign(labels.begin(), labels.end());
    mapOptions.lowerBound = lowerBound;
    memplan::writeMemoryMapSVG(file->os(), all, allOffsets, unitArena,
                               mapOptions);
    file->keep();
  }
  if (!csvPath.empty()) {
    auto file = openOutput(csvPath);
    if (!file)
      return failure();
    file->os() << "id,lower,upper,size,alignment,offset\n";
    for (auto [buffer, offset] : llvm::zip(all, allOffsets))
      file->os() << buffer.id << "," << buffer.lower << "," << buffer.upper
                 << "," << buffer.size << "," << buffer.alignment << ","
                 << offset << "\n";
    file->keep();
  }
  return success();
}

} // namespace
