//===- Vision.cpp - lowering of the vision ops ----------------------------===//
//
// grid_sample and roi_align are one `linalg.generic` over the result whose
// body computes the sample positions and reads the input with
// `tensor.extract` (roi_align's samples per bin are an `scf.for` nest in the
// body: their number may be known only at run time).
//
// non_max_suppression and unique are sequential selections (each choice
// depends on the previous ones): `scf.for` nests over scalar `tensor.extract`
// and `tensor.insert`. Their results have data-dependent sizes; they are
// built in a tensor of the largest possible size whose used part is then
// taken with `tensor.extract_slice`.
//
// Positions are computed in f64. Every index computed from data is clamped
// into range (or its read guarded) before it is used, so that no input,
// however malformed, makes the program read or write outside a buffer.
//
//===----------------------------------------------------------------------===//

#include "Common.h"

#include "dfg/Conversion/DFGToLinalg/DFGToLinalg.h"
#include "dfg/Dialect/DFG/IR/DFGOps.h"

#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/SCF/IR/SCF.h"

using namespace mlir;
using namespace mlir::dfg;
using namespace mlir::dfg::lowering;

namespace {

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

Value indexConstant(OpBuilder &b, Location loc, int64_t value) {
  return arith::ConstantIndexOp::create(b, loc, value);
}

Value f64Constant(OpBuilder &b, Location loc, double value) {
  return scalarConstant(b, loc, b.getF64Type(), value);
}

/// The size of dimension `dim` of `value` as an index value.
Value dimSize(OpBuilder &b, Location loc, Value value, int64_t dim) {
  auto type = cast<RankedTensorType>(value.getType());
  if (type.isDynamicDim(dim))
    return tensor::DimOp::create(b, loc, value, dim);
  return indexConstant(b, loc, type.getDimSize(dim));
}

/// `value` with the type `type` when they differ only in static information.
Value castIfNeeded(OpBuilder &b, Location loc, Value value,
                   RankedTensorType type) {
  if (value.getType() == type)
    return value;
  return tensor::CastOp::create(b, loc, type, value);
}

/// An index value as f64.
Value indexToF64(OpBuilder &b, Location loc, Value index) {
  Value i64 = arith::IndexCastOp::create(b, loc, b.getI64Type(), index);
  return arith::SIToFPOp::create(b, loc, b.getF64Type(), i64);
}

/// Clamps `index` (index type) into `[0, size - 1]`.
Value clampIndex(OpBuilder &b, Location loc, Value index, Value size) {
  Value last = arith::SubIOp::create(b, loc, size, indexConstant(b, loc, 1));
  Value upper = arith::MinSIOp::create(b, loc, index, last);
  return arith::MaxSIOp::create(b, loc, upper, indexConstant(b, loc, 0));
}

/// `x` (f64) clamped into `[lo, hi]`, NaN giving `lo`.
Value clampFloat(OpBuilder &b, Location loc, Value x, Value lo, Value hi) {
  Value atLeast = arith::MaxNumFOp::create(b, loc, x, lo);
  return arith::MinNumFOp::create(b, loc, atLeast, hi);
}

/// `x` (f64) truncated towards zero to an index; callers keep `x` in a range
/// where the conversion is exact.
Value truncToIndex(OpBuilder &b, Location loc, Value x) {
  Value i64 = arith::FPToSIOp::create(b, loc, b.getI64Type(), x);
  return arith::IndexCastOp::create(b, loc, b.getIndexType(), i64);
}

/// Terse f64 arithmetic for the formulas below.
struct F64Builder {
  OpBuilder &b;
  Location loc;
  Value c(double v) { return f64Constant(b, loc, v); }
  Value add(Value x, Value y) { return arith::AddFOp::create(b, loc, x, y); }
  Value sub(Value x, Value y) { return arith::SubFOp::create(b, loc, x, y); }
  Value mul(Value x, Value y) { return arith::MulFOp::create(b, loc, x, y); }
  Value div(Value x, Value y) { return arith::DivFOp::create(b, loc, x, y); }
  Value min(Value x, Value y) { return arith::MinimumFOp::create(b, loc, x, y); }
  Value max(Value x, Value y) { return arith::MaximumFOp::create(b, loc, x, y); }
  Value cmp(arith::CmpFPredicate p, Value x, Value y) {
    return arith::CmpFOp::create(b, loc, p, x, y);
  }
  Value select(Value cond, Value x, Value y) {
    return arith::SelectOp::create(b, loc, cond, x, y);
  }
  Value floor(Value x) { return math::FloorOp::create(b, loc, x); }
};

//===----------------------------------------------------------------------===//
// grid_sample
//===----------------------------------------------------------------------===//

/// One input position an output element reads along a dimension: the
/// index (in range), its weight, and whether it is inside the input (only
/// `zeros` padding reads positions outside).
struct Tap {
  Value index;
  Value weight;
  Value inside;
};

/// ONNX's reflection of `x` at `lo` and `hi` (f64), repeated until inside.
Value reflect(F64Builder &f, Value x, Value lo, Value hi) {
  Value range = f.sub(hi, lo);
  // A single-element dimension (align_corners) has no range to reflect in.
  Value degenerate = f.cmp(arith::CmpFPredicate::OLE, range, f.c(0.0));
  Value safeRange = f.select(degenerate, f.c(1.0), range);
  auto fold = [&](Value distance, Value near, Value far, bool down) {
    Value n = f.floor(f.div(distance, safeRange));
    Value rest = f.sub(distance, f.mul(n, safeRange));
    Value half = f.mul(n, f.c(0.5));
    Value even = f.cmp(arith::CmpFPredicate::OEQ, f.floor(half), half);
    Value fromNear = down ? f.sub(near, rest) : f.add(near, rest);
    Value fromFar = down ? f.add(far, rest) : f.sub(far, rest);
    return f.select(even, fromNear, fromFar);
  };
  Value below = f.cmp(arith::CmpFPredicate::OLT, x, lo);
  Value above = f.cmp(arith::CmpFPredicate::OGT, x, hi);
  Value fromBelow = fold(f.sub(lo, x), lo, hi, /*down=*/false);
  Value fromAbove = fold(f.sub(x, hi), hi, lo, /*down=*/true);
  Value result = f.select(below, fromBelow, f.select(above, fromAbove, x));
  return f.select(degenerate, lo, result);
}

/// The cubic convolution weights (Keys, a = -0.75) of the four taps
/// around a position at fraction `t` past the second.
SmallVector<Value> cubicWeights(F64Builder &f, Value t) {
  const double a = -0.75;
  auto outer = [&](Value x) { // 1 < x < 2
    Value fiveA = f.c(5 * a);
    Value p = f.sub(f.mul(f.c(a), x), fiveA);
    Value eightA = f.c(8 * a);
    p = f.add(f.mul(p, x), eightA);
    Value fourA = f.c(4 * a);
    return f.sub(f.mul(p, x), fourA);
  };
  auto inner = [&](Value x) { // 0 <= x <= 1
    Value aPlus3 = f.c(a + 3);
    Value p = f.sub(f.mul(f.c(a + 2), x), aPlus3);
    Value one = f.c(1.0);
    return f.add(f.mul(f.mul(p, x), x), one);
  };
  Value one = f.c(1.0);
  return {outer(f.add(t, one)), inner(t), inner(f.sub(one, t)),
          outer(f.sub(f.c(2.0), t))};
}

struct GridSampleLowering : OpConversionPattern<GridSampleOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(GridSampleOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value input = adaptor.getInput();
    Value grid = adaptor.getGrid();
    auto inputType = cast<RankedTensorType>(input.getType());
    auto gridType = cast<RankedTensorType>(grid.getType());
    auto resultType =
        convertTensorType(*getTypeConverter(), op.getOutput().getType());
    int64_t r = inputType.getRank() - 2;
    if (!resultType || r < 1 || gridType.getRank() != r + 2 ||
        resultType.getRank() != r + 2 ||
        gridType.getDimSize(r + 1) != r)
      return rewriter.notifyMatchFailure(
          op, "expected input [N, C, D1..Dr], grid [N, O1..Or, r] with a "
              "static last dimension r");
    GridSampleMode mode = op.getMode();
    GridPaddingMode padding = op.getPaddingMode();
    bool alignCorners = op.getAlignCorners();

    SmallVector<Value> dynamicSizes;
    for (int64_t dim = 0; dim < r + 2; ++dim) {
      if (!resultType.isDynamicDim(dim))
        continue;
      dynamicSizes.push_back(dim < 2 ? dimSize(rewriter, loc, input, dim)
                                     : dimSize(rewriter, loc, grid, dim - 1));
    }
    Value init = emptyTensor(rewriter, loc, resultType, dynamicSizes);
    SmallVector<Value> sizes;
    for (int64_t i = 0; i < r; ++i)
      sizes.push_back(dimSize(rewriter, loc, input, i + 2));

    SmallVector<utils::IteratorType> iterators(r + 2,
                                               utils::IteratorType::parallel);
    auto generic = linalg::GenericOp::create(
        rewriter, loc, TypeRange{resultType}, ValueRange{}, ValueRange{init},
        ArrayRef<AffineMap>{rewriter.getMultiDimIdentityMap(r + 2)}, iterators,
        [&](OpBuilder &b, Location l, ValueRange) {
          F64Builder f{b, l};
          SmallVector<Value> ivs;
          for (int64_t dim = 0; dim < r + 2; ++dim)
            ivs.push_back(linalg::IndexOp::create(b, l, dim));
          SmallVector<SmallVector<Tap>> taps;
          for (int64_t i = 0; i < r; ++i) {
            // Grid entries list the innermost dimension first.
            SmallVector<Value> at = {ivs[0]};
            at.append(ivs.begin() + 2, ivs.end());
            at.push_back(indexConstant(b, l, r - 1 - i));
            Value g = convertScalar(
                b, l, tensor::ExtractOp::create(b, l, grid, at), b.getF64Type(),
                false, false);
            Value size = indexToF64(b, l, sizes[i]);
            Value x;
            if (alignCorners) {
              Value extent = f.sub(size, f.c(1.0));
              Value half = f.c(0.5);
              Value shifted = f.add(g, f.c(1.0));
              x = f.mul(f.mul(shifted, half), extent);
            } else {
              Value half = f.c(0.5);
              Value one = f.c(1.0);
              Value shifted = f.add(g, f.c(1.0));
              x = f.mul(f.sub(f.mul(shifted, size), one), half);
            }
            if (mode == GridSampleMode::Nearest) {
              // PyTorch rounds half to even in 2-d, away from zero in 3-d.
              if (r == 3)
                x = math::RoundOp::create(b, l, x);
              else
                x = math::RoundEvenOp::create(b, l, x);
            }
            Value lo = f.c(alignCorners ? 0.0 : -0.5);
            Value hi = alignCorners ? f.sub(size, f.c(1.0))
                                    : f.sub(size, f.c(0.5));
            if (padding == GridPaddingMode::Border) {
              Value aboveHi = f.cmp(arith::CmpFPredicate::OGT, x, hi);
              Value belowLo = f.cmp(arith::CmpFPredicate::OLT, x, lo);
              Value outside = arith::OrIOp::create(b, l, belowLo, aboveHi);
              Value last = f.sub(size, f.c(1.0));
              Value clamped = clampFloat(b, l, x, f.c(0.0), last);
              x = f.select(outside, clamped, x);
            } else if (padding == GridPaddingMode::Reflection) {
              x = reflect(f, x, lo, hi);
            }
            // Far outside every tap reads padding: keep the conversions to
            // integers exact (and NaN harmless).
            Value upper = f.add(size, f.c(8.0));
            x = clampFloat(b, l, x, f.c(-8.0), upper);

            // An integral position of a tap, resolved per padding mode.
            auto makeTap = [&](Value position, Value weight) {
              Value belowSize =
                  f.cmp(arith::CmpFPredicate::OLT, position, size);
              Value nonNegative =
                  f.cmp(arith::CmpFPredicate::OGE, position, f.c(0.0));
              Value inside =
                  arith::AndIOp::create(b, l, nonNegative, belowSize);
              if (padding == GridPaddingMode::Reflection)
                position = reflect(f, position, lo, hi);
              Value index =
                  clampIndex(b, l, truncToIndex(b, l, position), sizes[i]);
              return Tap{index, weight, inside};
            };
            SmallVector<Tap> dimTaps;
            if (mode == GridSampleMode::Nearest) {
              Value position = math::TruncOp::create(b, l, x);
              dimTaps.push_back(makeTap(position, f.c(1.0)));
            } else {
              Value base = f.floor(x);
              Value t = f.sub(x, base);
              if (mode == GridSampleMode::Linear) {
                dimTaps.push_back(makeTap(base, f.sub(f.c(1.0), t)));
                dimTaps.push_back(makeTap(f.add(base, f.c(1.0)), t));
              } else {
                SmallVector<Value> weights = cubicWeights(f, t);
                for (int64_t k = 0; k < 4; ++k)
                  dimTaps.push_back(
                      makeTap(f.add(base, f.c(k - 1.0)), weights[k]));
              }
            }
            taps.push_back(std::move(dimTaps));
          }

          // The sum over every combination of one tap per dimension.
          Value sum = f.c(0.0);
          SmallVector<int64_t> choice(r, 0);
          while (true) {
            SmallVector<Value> at = {ivs[0], ivs[1]};
            Value weight = f.c(1.0);
            Value inside;
            for (int64_t i = 0; i < r; ++i) {
              const Tap &tap = taps[i][choice[i]];
              at.push_back(tap.index);
              weight = f.mul(weight, tap.weight);
              inside = inside ? arith::AndIOp::create(b, l, inside, tap.inside)
                                    .getResult()
                              : tap.inside;
            }
            Value value = convertScalar(
                b, l, tensor::ExtractOp::create(b, l, input, at),
                b.getF64Type(), false, false);
            Value term = f.mul(weight, value);
            if (padding == GridPaddingMode::Zeros)
              term = f.select(inside, term, f.c(0.0));
            sum = f.add(sum, term);
            int64_t i = r - 1;
            while (i >= 0 && ++choice[i] == (int64_t)taps[i].size())
              choice[i--] = 0;
            if (i < 0)
              break;
          }
          Value result = convertScalar(b, l, sum, resultType.getElementType(),
                                       false, false);
          linalg::YieldOp::create(b, l, result);
        });
    rewriter.replaceOp(op, generic.getResult(0));
    return success();
  }
};

//===----------------------------------------------------------------------===//
// roi_align
//===----------------------------------------------------------------------===//

struct RoiAlignLowering : OpConversionPattern<RoiAlignOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(RoiAlignOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value input = adaptor.getInput();
    Value rois = adaptor.getRois();
    Value batchIndices = adaptor.getBatchIndices();
    auto resultType =
        convertTensorType(*getTypeConverter(), op.getOutput().getType());
    auto roisType = cast<RankedTensorType>(rois.getType());
    int64_t pooledHeight = op.getOutputHeight();
    int64_t pooledWidth = op.getOutputWidth();
    int64_t samplingRatio = op.getSamplingRatio();
    if (!resultType || resultType.getRank() != 4 ||
        cast<RankedTensorType>(input.getType()).getRank() != 4 ||
        roisType.getRank() != 2 || roisType.getDimSize(1) != 4 ||
        cast<RankedTensorType>(batchIndices.getType()).getRank() != 1 ||
        pooledHeight <= 0 || pooledWidth <= 0)
      return rewriter.notifyMatchFailure(
          op, "expected input [N, C, H, W], rois [R, 4], batch_indices [R] "
              "and positive output sizes");
    double scale = op.getSpatialScale().convertToDouble();
    bool halfPixel = op.getHalfPixel();
    bool isMax = op.getMode() == PoolKind::Max;

    SmallVector<Value> dynamicSizes;
    if (resultType.isDynamicDim(0))
      dynamicSizes.push_back(dimSize(rewriter, loc, rois, 0));
    if (resultType.isDynamicDim(1))
      dynamicSizes.push_back(dimSize(rewriter, loc, input, 1));
    Value init = emptyTensor(rewriter, loc, resultType, dynamicSizes);
    Value batch = dimSize(rewriter, loc, input, 0);
    Value height = dimSize(rewriter, loc, input, 2);
    Value width = dimSize(rewriter, loc, input, 3);
    Value numIndices = dimSize(rewriter, loc, batchIndices, 0);

    SmallVector<utils::IteratorType> iterators(4,
                                               utils::IteratorType::parallel);
    auto generic = linalg::GenericOp::create(
        rewriter, loc, TypeRange{resultType}, ValueRange{}, ValueRange{init},
        ArrayRef<AffineMap>{rewriter.getMultiDimIdentityMap(4)}, iterators,
        [&](OpBuilder &b, Location l, ValueRange) {
          F64Builder f{b, l};
          Value roi = linalg::IndexOp::create(b, l, 0);
          Value channel = linalg::IndexOp::create(b, l, 1);
          Value ph = indexToF64(b, l, linalg::IndexOp::create(b, l, 2));
          Value pw = indexToF64(b, l, linalg::IndexOp::create(b, l, 3));
          auto roiAt = [&](int64_t k) {
            Value v = tensor::ExtractOp::create(
                b, l, rois, ValueRange{roi, indexConstant(b, l, k)});
            Value scaleValue = f.c(scale);
            Value scaled = f.mul(
                convertScalar(b, l, v, b.getF64Type(), false, false),
                scaleValue);
            return f.sub(scaled, f.c(halfPixel ? 0.5 : 0.0));
          };
          Value startW = roiAt(0), startH = roiAt(1);
          Value roiW = f.sub(roiAt(2), startW);
          Value roiH = f.sub(roiAt(3), startH);
          if (!halfPixel) {
            roiW = f.max(roiW, f.c(1.0));
            roiH = f.max(roiH, f.c(1.0));
          }
          Value binH = f.div(roiH, f.c(pooledHeight));
          Value binW = f.div(roiW, f.c(pooledWidth));
          // ceil(bin size) samples when not given; bounded so that a
          // malformed box cannot ask for an endless loop.
          auto gridCount = [&](Value bin) -> Value {
            if (samplingRatio > 0)
              return indexConstant(b, l, samplingRatio);
            Value count = math::CeilOp::create(b, l, bin);
            Value most = f.c(1 << 16);
            return truncToIndex(b, l,
                                clampFloat(b, l, count, f.c(0.0), most));
          };
          Value gridH = gridCount(binH), gridW = gridCount(binW);
          Value gridHf = indexToF64(b, l, gridH);
          Value gridWf = indexToF64(b, l, gridW);
          Value atLeastOne = f.c(1.0);
          Value count = f.max(f.mul(gridHf, gridWf), atLeastOne);

          // The image of the box, clamped; with no image at all, nothing is
          // read.
          Value rawBatch = tensor::ExtractOp::create(
              b, l, batchIndices,
              ValueRange{clampIndex(b, l, roi, numIndices)});
          Value image = clampIndex(
              b, l,
              arith::IndexCastOp::create(b, l, b.getIndexType(), rawBatch),
              batch);
          Value zeroIndex = indexConstant(b, l, 0);
          Value hasWidth = arith::CmpIOp::create(
              b, l, arith::CmpIPredicate::sgt, width, zeroIndex);
          Value hasHeight = arith::CmpIOp::create(
              b, l, arith::CmpIPredicate::sgt, height, zeroIndex);
          Value hasImage = arith::AndIOp::create(b, l, hasHeight, hasWidth);
          Value hasBatch = arith::CmpIOp::create(
              b, l, arith::CmpIPredicate::sgt, batch, zeroIndex);
          Value hasData = arith::AndIOp::create(b, l, hasBatch, hasImage);
          Value heightF = indexToF64(b, l, height);
          Value widthF = indexToF64(b, l, width);
          Value one = indexConstant(b, l, 1);
          Value falseValue = scalarConstant(b, l, b.getI1Type(), 0.0);

          auto yLoop = scf::ForOp::create(
              b, l, zeroIndex, gridH, one,
              ValueRange{f.c(0.0), falseValue},
              [&](OpBuilder &yb, Location yl, Value iy, ValueRange yArgs) {
                F64Builder fy{yb, yl};
                Value half = fy.c(0.5);
                Value yStep = fy.add(indexToF64(yb, yl, iy), half);
                Value offset = fy.div(fy.mul(yStep, binH), gridHf);
                Value y = fy.add(fy.add(startH, fy.mul(ph, binH)), offset);
                auto xLoop = scf::ForOp::create(
                    yb, yl, zeroIndex, gridW, one, yArgs,
                    [&](OpBuilder &xb, Location xl, Value ix,
                        ValueRange xArgs) {
                      F64Builder fx{xb, xl};
                      Value half = fx.c(0.5);
                      Value xStep = fx.add(indexToF64(xb, xl, ix), half);
                      Value offset = fx.div(fx.mul(xStep, binW), gridWf);
                      Value x =
                          fx.add(fx.add(startW, fx.mul(pw, binW)), offset);
                      Value valid = hasData;
                      for (auto [p, v, bound] :
                           {std::tuple{arith::CmpFPredicate::OGE, y, fx.c(-1.0)},
                            std::tuple{arith::CmpFPredicate::OLE, y, heightF},
                            std::tuple{arith::CmpFPredicate::OGE, x, fx.c(-1.0)},
                            std::tuple{arith::CmpFPredicate::OLE, x, widthF}})
                        valid = arith::AndIOp::create(xb, xl, valid,
                                                      fx.cmp(p, v, bound));
                      auto sample = scf::IfOp::create(
                          xb, xl, valid,
                          [&](OpBuilder &sb, Location sl) {
                            F64Builder fs{sb, sl};
                            Value one = indexConstant(sb, sl, 1);
                            // Bilinear weights of the four neighbours, the
                            // position clamped to the last row/column.
                            auto axis = [&](Value v, Value size, Value sizeF) {
                              v = fs.max(v, fs.c(0.0));
                              Value last = arith::SubIOp::create(sb, sl, size,
                                                                 one);
                              Value low = arith::MinSIOp::create(
                                  sb, sl, truncToIndex(sb, sl, v), last);
                              Value atEnd = arith::CmpIOp::create(
                                  sb, sl, arith::CmpIPredicate::sge, low, last);
                              Value high = arith::SelectOp::create(
                                  sb, sl, atEnd, low,
                                  arith::AddIOp::create(sb, sl, low, one));
                              Value lowF = indexToF64(sb, sl, low);
                              v = fs.select(atEnd, lowF, v);
                              Value frac = fs.sub(v, lowF);
                              return std::tuple{low, high, frac,
                                                fs.sub(fs.c(1.0), frac)};
                            };
                            auto [yLow, yHigh, ly, hy] =
                                axis(y, height, heightF);
                            auto [xLow, xHigh, lx, hx] = axis(x, width, widthF);
                            auto read = [&](Value row, Value col, Value w) {
                              Value v = tensor::ExtractOp::create(
                                  sb, sl, input,
                                  ValueRange{image, channel, row, col});
                              return fs.mul(w, convertScalar(sb, sl, v,
                                                             sb.getF64Type(),
                                                             false, false));
                            };
                            Value v1 = read(yLow, xLow, fs.mul(hy, hx));
                            Value v2 = read(yLow, xHigh, fs.mul(hy, lx));
                            Value v3 = read(yHigh, xLow, fs.mul(ly, hx));
                            Value v4 = read(yHigh, xHigh, fs.mul(ly, lx));
                            // Max mode takes the largest weighted
                            // neighbour, as onnxruntime does.
                            Value result;
                            if (isMax) {
                              Value high = fs.max(v3, v4);
                              result = fs.max(fs.max(v1, v2), high);
                            } else {
                              Value high = fs.add(v3, v4);
                              result = fs.add(fs.add(v1, v2), high);
                            }
                            scf::YieldOp::create(sb, sl, result);
                          },
                          [&](OpBuilder &sb, Location sl) {
                            scf::YieldOp::create(sb, sl,
                                                 f64Constant(sb, sl, 0.0));
                          });
                      Value value = sample.getResult(0);
                      Value acc;
                      if (isMax) {
                        Value larger = fx.max(xArgs[0], value);
                        acc = fx.select(xArgs[1], larger, value);
                      } else {
                        acc = fx.add(xArgs[0], value);
                      }
                      Value seen = scalarConstant(xb, xl, xb.getI1Type(), 1.0);
                      scf::YieldOp::create(xb, xl, ValueRange{acc, seen});
                    });
                scf::YieldOp::create(yb, yl, xLoop.getResults());
              });
          Value acc = yLoop.getResult(0);
          if (!isMax)
            acc = f.div(acc, count);
          Value result = convertScalar(b, l, acc, resultType.getElementType(),
                                       false, false);
          linalg::YieldOp::create(b, l, result);
        });
    rewriter.replaceOp(op, generic.getResult(0));
    return success();
  }
};

//===----------------------------------------------------------------------===//
// non_max_suppression
//===----------------------------------------------------------------------===//

/// A box as its extents, whatever corners or centre form it came in.
struct Box {
  Value yMin, xMin, yMax, xMax;
};

struct NonMaxSuppressionLowering : OpConversionPattern<NonMaxSuppressionOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(NonMaxSuppressionOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value boxes = adaptor.getBoxes();
    Value scores = adaptor.getScores();
    auto boxesType = cast<RankedTensorType>(boxes.getType());
    auto scoresType = cast<RankedTensorType>(scores.getType());
    auto resultType =
        convertTensorType(*getTypeConverter(), op.getSelected().getType());
    if (!resultType || resultType.getRank() != 2 || boxesType.getRank() != 3 ||
        boxesType.getDimSize(2) != 4 || scoresType.getRank() != 3)
      return rewriter.notifyMatchFailure(
          op, "expected boxes [B, N, 4] with a static 4 and scores [B, C, N]");
    bool centerPointBox = op.getCenterPointBox();
    // onnxruntime computes overlaps in the boxes' type; narrower floats
    // go through f32.
    Type elementType = boxesType.getElementType();
    Type computeType = elementType.getIntOrFloatBitWidth() < 32
                           ? rewriter.getF32Type()
                           : elementType;
    auto toCompute = [&](OpBuilder &b, Location l, Value v) {
      return convertScalar(b, l, v, computeType, false, false);
    };
    Type i64 = rewriter.getI64Type();
    Type i1 = rewriter.getI1Type();

    // Sizes shared by both inputs are taken as the smaller, so that
    // mismatched inputs never read out of bounds.
    Value scoreBatches = dimSize(rewriter, loc, scores, 0);
    Value boxBatches = dimSize(rewriter, loc, boxes, 0);
    Value numBatches =
        arith::MinSIOp::create(rewriter, loc, boxBatches, scoreBatches);
    Value scoreBoxes = dimSize(rewriter, loc, scores, 2);
    Value boxBoxes = dimSize(rewriter, loc, boxes, 1);
    Value numBoxes = arith::MinSIOp::create(rewriter, loc, boxBoxes, scoreBoxes);
    Value numClasses = dimSize(rewriter, loc, scores, 1);
    Value zero = indexConstant(rewriter, loc, 0);
    Value one = indexConstant(rewriter, loc, 1);

    // At most min(max_output_boxes_per_class, N) per class.
    Value rawMax = tensor::ExtractOp::create(
        rewriter, loc, adaptor.getMaxOutputBoxesPerClass(), ValueRange{});
    Value numBoxes64 = arith::IndexCastOp::create(rewriter, loc, i64, numBoxes);
    Value zero64 = scalarConstant(rewriter, loc, i64, 0.0);
    Value maxPerClass = arith::MaxSIOp::create(
        rewriter, loc,
        arith::MinSIOp::create(rewriter, loc, rawMax, numBoxes64), zero64);
    maxPerClass = arith::IndexCastOp::create(rewriter, loc,
                                             rewriter.getIndexType(),
                                             maxPerClass);
    Value iouThreshold = toCompute(
        rewriter, loc,
        tensor::ExtractOp::create(rewriter, loc, adaptor.getIouThreshold(),
                                  ValueRange{}));
    Value scoreThreshold;
    if (adaptor.getScoreThreshold())
      scoreThreshold = toCompute(
          rewriter, loc,
          tensor::ExtractOp::create(rewriter, loc, adaptor.getScoreThreshold(),
                                    ValueRange{}));

    Value capacity = arith::MulIOp::create(
        rewriter, loc,
        arith::MulIOp::create(rewriter, loc, numBatches, numClasses),
        numBoxes);
    auto selectedType = RankedTensorType::get({ShapedType::kDynamic, 3}, i64);
    Value selected =
        tensor::EmptyOp::create(rewriter, loc, selectedType.getShape(), i64,
                                ValueRange{capacity});
    auto listType = RankedTensorType::get({ShapedType::kDynamic}, i64);
    auto flagsType = RankedTensorType::get({ShapedType::kDynamic}, i1);

    auto readBox = [&](OpBuilder &b, Location l, Value batch, Value index) {
      SmallVector<Value> v;
      for (int64_t k = 0; k < 4; ++k)
        v.push_back(toCompute(
            b, l,
            tensor::ExtractOp::create(
                b, l, boxes, ValueRange{batch, index, indexConstant(b, l, k)})));
      if (centerPointBox) {
        // [x_center, y_center, width, height].
        Value half = scalarConstant(b, l, computeType, 0.5);
        Value halfW = arith::MulFOp::create(b, l, v[2], half);
        Value halfH = arith::MulFOp::create(b, l, v[3], half);
        return Box{arith::SubFOp::create(b, l, v[1], halfH),
                   arith::SubFOp::create(b, l, v[0], halfW),
                   arith::AddFOp::create(b, l, v[1], halfH),
                   arith::AddFOp::create(b, l, v[0], halfW)};
      }
      // [y1, x1, y2, x2], any two opposite corners.
      return Box{arith::MinimumFOp::create(b, l, v[0], v[2]),
                 arith::MinimumFOp::create(b, l, v[1], v[3]),
                 arith::MaximumFOp::create(b, l, v[0], v[2]),
                 arith::MaximumFOp::create(b, l, v[1], v[3])};
    };
    // Whether `candidate` overlaps `kept` by more than the threshold, with
    // onnxruntime's rules for empty boxes and intersections.
    auto suppresses = [&](OpBuilder &b, Location l, const Box &kept,
                          const Box &candidate) -> Value {
      auto sub = [&](Value x, Value y) {
        return arith::SubFOp::create(b, l, x, y).getResult();
      };
      auto mul = [&](Value x, Value y) {
        return arith::MulFOp::create(b, l, x, y).getResult();
      };
      auto cmp = [&](arith::CmpFPredicate p, Value x, Value y) {
        return arith::CmpFOp::create(b, l, p, x, y).getResult();
      };
      Value zeroF = scalarConstant(b, l, computeType, 0.0);
      auto overlap = [&](Value lo1, Value hi1, Value lo2, Value hi2) {
        Value lo = arith::MaximumFOp::create(b, l, lo1, lo2);
        Value hi = arith::MinimumFOp::create(b, l, hi1, hi2);
        return arith::MaximumFOp::create(b, l, sub(hi, lo), zeroF).getResult();
      };
      Value overlapY =
          overlap(kept.yMin, kept.yMax, candidate.yMin, candidate.yMax);
      Value overlapX =
          overlap(kept.xMin, kept.xMax, candidate.xMin, candidate.xMax);
      Value intersection = mul(overlapX, overlapY);
      Value height1 = sub(kept.yMax, kept.yMin);
      Value area1 = mul(sub(kept.xMax, kept.xMin), height1);
      Value height2 = sub(candidate.yMax, candidate.yMin);
      Value area2 = mul(sub(candidate.xMax, candidate.xMin), height2);
      Value unionArea = sub(arith::AddFOp::create(b, l, area1, area2),
                            intersection);
      Value meaningful = cmp(arith::CmpFPredicate::OGT, intersection, zeroF);
      for (Value positive : {area1, area2, unionArea})
        meaningful = arith::AndIOp::create(
            b, l, meaningful, cmp(arith::CmpFPredicate::OGT, positive, zeroF));
      Value iou = arith::DivFOp::create(b, l, intersection, unionArea);
      return arith::AndIOp::create(
          b, l, meaningful, cmp(arith::CmpFPredicate::OGT, iou, iouThreshold));
    };

    auto batchLoop = scf::ForOp::create(
        rewriter, loc, zero, numBatches, one, ValueRange{selected, zero},
        [&](OpBuilder &bb, Location bl, Value batch, ValueRange bArgs) {
          auto classLoop = scf::ForOp::create(
              bb, bl, zero, numClasses, one, bArgs,
              [&](OpBuilder &cb, Location cl, Value cls, ValueRange cArgs) {
                Value falseValue = scalarConstant(cb, cl, i1, 0.0);
                Value trueValue = scalarConstant(cb, cl, i1, 1.0);
                Value visited =
                    linalg::FillOp::create(
                        cb, cl, falseValue,
                        tensor::EmptyOp::create(cb, cl, flagsType.getShape(),
                                                i1, ValueRange{numBoxes})
                            .getResult())
                        .getResult(0);
                Value kept = tensor::EmptyOp::create(
                    cb, cl, listType.getShape(), i64, ValueRange{numBoxes});
                // Each step visits the best remaining box, until there is
                // none or enough are kept.
                SmallVector<Value> init = {cArgs[0], cArgs[1], visited, kept,
                                           zero, falseValue};
                auto stepLoop = scf::ForOp::create(
                    cb, cl, zero, numBoxes, one, init,
                    [&](OpBuilder &sb, Location sl, Value, ValueRange sArgs) {
                      Value numKept = sArgs[4];
                      Value notDone =
                          arith::XOrIOp::create(sb, sl, sArgs[5], trueValue);
                      Value roomLeft = arith::CmpIOp::create(
                          sb, sl, arith::CmpIPredicate::slt, numKept,
                          maxPerClass);
                      Value active =
                          arith::AndIOp::create(sb, sl, roomLeft, notDone);
                      auto step = scf::IfOp::create(
                          sb, sl, active,
                          [&](OpBuilder &ab, Location al) {
                            Value visited = sArgs[2];
                            // The best unvisited box above the threshold;
                            // ties keep the lowest index.
                            auto search = scf::ForOp::create(
                                ab, al, zero, numBoxes, one,
                                ValueRange{scalarConstant(ab, al, computeType,
                                                          0.0),
                                           zero, falseValue},
                                [&](OpBuilder &ib, Location il, Value i,
                                    ValueRange iArgs) {
                                  Value score = toCompute(
                                      ib, il,
                                      tensor::ExtractOp::create(
                                          ib, il, scores,
                                          ValueRange{batch, cls, i}));
                                  Value seen = tensor::ExtractOp::create(
                                      ib, il, visited, ValueRange{i});
                                  Value eligible = arith::XOrIOp::create(
                                      ib, il, seen, trueValue);
                                  if (scoreThreshold)
                                    eligible = arith::AndIOp::create(
                                        ib, il, eligible,
                                        arith::CmpFOp::create(
                                            ib, il, arith::CmpFPredicate::OGT,
                                            score, scoreThreshold));
                                  Value higher = arith::CmpFOp::create(
                                      ib, il, arith::CmpFPredicate::OGT,
                                      score, iArgs[0]);
                                  Value noneYet = arith::XOrIOp::create(
                                      ib, il, iArgs[2], trueValue);
                                  Value better = arith::OrIOp::create(
                                      ib, il, noneYet, higher);
                                  Value take = arith::AndIOp::create(
                                      ib, il, eligible, better);
                                  scf::YieldOp::create(
                                      ib, il,
                                      ValueRange{
                                          arith::SelectOp::create(
                                              ib, il, take, score, iArgs[0]),
                                          arith::SelectOp::create(
                                              ib, il, take, i, iArgs[1]),
                                          arith::OrIOp::create(ib, il, take,
                                                               iArgs[2])});
                                });
                            Value best = search.getResult(1);
                            Value found = search.getResult(2);
                            auto visit = scf::IfOp::create(
                                ab, al, found,
                                [&](OpBuilder &vb, Location vl) {
                                  Value nowVisited = tensor::InsertOp::create(
                                      vb, vl, trueValue, visited,
                                      ValueRange{best});
                                  Box candidate = readBox(vb, vl, batch, best);
                                  auto check = scf::ForOp::create(
                                      vb, vl, zero, numKept, one,
                                      ValueRange{falseValue},
                                      [&](OpBuilder &kb, Location kl, Value t,
                                          ValueRange kArgs) {
                                        Value keptIndex =
                                            tensor::ExtractOp::create(
                                                kb, kl, sArgs[3],
                                                ValueRange{t});
                                        keptIndex = clampIndex(
                                            kb, kl,
                                            arith::IndexCastOp::create(
                                                kb, kl, kb.getIndexType(),
                                                keptIndex),
                                            numBoxes);
                                        Box other = readBox(kb, kl, batch,
                                                            keptIndex);
                                        Value hit = suppresses(kb, kl, other,
                                                               candidate);
                                        scf::YieldOp::create(
                                            kb, kl,
                                            arith::OrIOp::create(kb, kl,
                                                                 kArgs[0], hit)
                                                .getResult());
                                      });
                                  Value suppressed = check.getResult(0);
                                  auto keep = scf::IfOp::create(
                                      vb, vl, suppressed,
                                      [&](OpBuilder &nb, Location nl) {
                                        scf::YieldOp::create(
                                            nb, nl,
                                            ValueRange{sArgs[0], sArgs[1],
                                                       sArgs[3], numKept});
                                      },
                                      [&](OpBuilder &nb, Location nl) {
                                        Value row = sArgs[1];
                                        Value out = sArgs[0];
                                        Value entries[3] = {batch, cls, best};
                                        for (int64_t k = 0; k < 3; ++k) {
                                          Value column =
                                              indexConstant(nb, nl, k);
                                          Value entry =
                                              arith::IndexCastOp::create(
                                                  nb, nl, i64, entries[k]);
                                          out = tensor::InsertOp::create(
                                              nb, nl, entry, out,
                                              ValueRange{row, column});
                                        }
                                        Value list = tensor::InsertOp::create(
                                            nb, nl,
                                            arith::IndexCastOp::create(
                                                nb, nl, i64, best)
                                                .getResult(),
                                            sArgs[3], ValueRange{numKept});
                                        Value one = indexConstant(nb, nl, 1);
                                        scf::YieldOp::create(
                                            nb, nl,
                                            ValueRange{
                                                out,
                                                arith::AddIOp::create(
                                                    nb, nl, row, one),
                                                list,
                                                arith::AddIOp::create(
                                                    nb, nl, numKept, one)});
                                      });
                                  scf::YieldOp::create(
                                      vb, vl,
                                      ValueRange{keep.getResult(0),
                                                 keep.getResult(1), nowVisited,
                                                 keep.getResult(2),
                                                 keep.getResult(3),
                                                 falseValue});
                                },
                                [&](OpBuilder &vb, Location vl) {
                                  // Nothing left: the class is done.
                                  scf::YieldOp::create(
                                      vb, vl,
                                      ValueRange{sArgs[0], sArgs[1], visited,
                                                 sArgs[3], numKept,
                                                 trueValue});
                                });
                            scf::YieldOp::create(ab, al, visit.getResults());
                          },
                          [&](OpBuilder &ab, Location al) {
                            scf::YieldOp::create(ab, al, sArgs);
                          });
                      scf::YieldOp::create(sb, sl, step.getResults());
                    });
                scf::YieldOp::create(
                    cb, cl,
                    ValueRange{stepLoop.getResult(0), stepLoop.getResult(1)});
              });
          scf::YieldOp::create(bb, bl, classLoop.getResults());
        });

    Value used = batchLoop.getResult(1);
    SmallVector<OpFoldResult> offsets = {rewriter.getIndexAttr(0),
                                         rewriter.getIndexAttr(0)};
    SmallVector<OpFoldResult> sizes = {used, rewriter.getIndexAttr(3)};
    SmallVector<OpFoldResult> strides = {rewriter.getIndexAttr(1),
                                         rewriter.getIndexAttr(1)};
    Value result = tensor::ExtractSliceOp::create(
        rewriter, loc, selectedType, batchLoop.getResult(0), offsets, sizes,
        strides);
    rewriter.replaceOp(op, castIfNeeded(rewriter, loc, result, resultType));
    return success();
  }
};

//===----------------------------------------------------------------------===//
// unique
//===----------------------------------------------------------------------===//

/// A total order on scalars of one type: floats compare as numbers, NaN
/// equal to NaN and after everything (numpy's unique); integers by
/// signedness. Returns (less, equal).
std::pair<Value, Value> compareScalars(OpBuilder &b, Location loc, Value x,
                                       Value y, bool isUnsignedType) {
  if (isa<FloatType>(x.getType())) {
    auto cmp = [&](arith::CmpFPredicate p, Value u, Value v) {
      return arith::CmpFOp::create(b, loc, p, u, v).getResult();
    };
    Value xNaN = cmp(arith::CmpFPredicate::UNO, x, x);
    Value yNaN = cmp(arith::CmpFPredicate::UNO, y, y);
    Value trueValue = scalarConstant(b, loc, b.getI1Type(), 1.0);
    Value xNumber = arith::XOrIOp::create(b, loc, xNaN, trueValue);
    Value numberBeforeNaN = arith::AndIOp::create(b, loc, xNumber, yNaN);
    Value less = arith::OrIOp::create(
        b, loc, cmp(arith::CmpFPredicate::OLT, x, y), numberBeforeNaN);
    Value bothNaN = arith::AndIOp::create(b, loc, xNaN, yNaN);
    Value equal = arith::OrIOp::create(
        b, loc, cmp(arith::CmpFPredicate::OEQ, x, y), bothNaN);
    return {less, equal};
  }
  bool asUnsigned = isUnsignedType || x.getType().isInteger(1);
  Value less = arith::CmpIOp::create(
      b, loc, asUnsigned ? arith::CmpIPredicate::ult : arith::CmpIPredicate::slt,
      x, y);
  Value equal = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, x, y);
  return {less, equal};
}

struct UniqueLowering : OpConversionPattern<UniqueOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(UniqueOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value input = adaptor.getInput();
    auto inputType = dyn_cast<RankedTensorType>(input.getType());
    const TypeConverter &converter = *getTypeConverter();
    auto outputType = convertTensorType(converter, op.getOutput().getType());
    auto indicesType = convertTensorType(converter, op.getIndices().getType());
    auto inverseType =
        convertTensorType(converter, op.getInverseIndices().getType());
    auto countsType = convertTensorType(converter, op.getCounts().getType());
    if (!inputType || !outputType || !indicesType || !inverseType ||
        !countsType)
      return rewriter.notifyMatchFailure(op, "expected ranked tensors");
    int64_t rank = inputType.getRank();
    bool isUnsignedType = isUnsigned(op.getInput().getType());
    bool sorted = op.getSorted();
    Type i64 = rewriter.getI64Type();

    // Without an axis, the elements of the flattened input are the slices.
    int64_t axis = 0;
    if (std::optional<uint64_t> attr = op.getAxis()) {
      axis = static_cast<int64_t>(*attr);
      if (axis < 0)
        axis += rank;
      if (axis < 0 || axis >= rank)
        return rewriter.notifyMatchFailure(op, "axis out of range");
    } else if (rank == 0) {
      input = tensor::ExpandShapeOp::create(
          rewriter, loc, RankedTensorType::get({1}, inputType.getElementType()),
          input, ArrayRef<ReassociationIndices>{});
      rank = 1;
    } else if (rank > 1) {
      ReassociationIndices all = llvm::to_vector(llvm::seq<int64_t>(0, rank));
      input = tensor::CollapseShapeOp::create(
          rewriter, loc, input, ArrayRef<ReassociationIndices>{all});
      rank = 1;
    }
    if (outputType.getRank() != rank || indicesType.getRank() != 1 ||
        inverseType.getRank() != 1 || countsType.getRank() != 1)
      return rewriter.notifyMatchFailure(op, "unexpected result ranks");

    SmallVector<Value> sizes;
    for (int64_t dim = 0; dim < rank; ++dim)
      sizes.push_back(dimSize(rewriter, loc, input, dim));
    Value numSlices = sizes[axis];
    Value zero = indexConstant(rewriter, loc, 0);
    Value one = indexConstant(rewriter, loc, 1);
    auto listType = RankedTensorType::get({ShapedType::kDynamic}, i64);
    auto newList = [&]() -> Value {
      return tensor::EmptyOp::create(rewriter, loc, listType.getShape(), i64,
                                     ValueRange{numSlices});
    };

    // Lexicographic comparison of slices `j` and `k` along the axis:
    // (less, equal).
    auto compareSlices = [&](OpBuilder &b, Location l, Value j,
                             Value k) -> std::pair<Value, Value> {
      SmallVector<Value> lbs, ubs, steps;
      for (int64_t dim = 0; dim < rank; ++dim) {
        if (dim == axis)
          continue;
        lbs.push_back(indexConstant(b, l, 0));
        ubs.push_back(sizes[dim]);
        steps.push_back(indexConstant(b, l, 1));
      }
      auto compareAt = [&](OpBuilder &eb, Location el, ValueRange ivs) {
        SmallVector<Value> at(ivs.begin(), ivs.end());
        at.insert(at.begin() + axis, j);
        Value x = tensor::ExtractOp::create(eb, el, input, at);
        at[axis] = k;
        Value y = tensor::ExtractOp::create(eb, el, input, at);
        return compareScalars(eb, el, x, y, isUnsignedType);
      };
      if (lbs.empty())
        return compareAt(b, l, {});
      // The first differing element decides.
      Value falseValue = scalarConstant(b, l, b.getI1Type(), 0.0);
      scf::LoopNest nest = scf::buildLoopNest(
          b, l, lbs, ubs, steps, ValueRange{falseValue, falseValue},
          [&](OpBuilder &eb, Location el, ValueRange ivs,
              ValueRange args) -> scf::ValueVector {
            auto [less, equal] = compareAt(eb, el, ivs);
            Value decided = args[0];
            Value trueValue = scalarConstant(eb, el, eb.getI1Type(), 1.0);
            Value differs = arith::XOrIOp::create(eb, el, equal, trueValue);
            Value newLess =
                arith::SelectOp::create(eb, el, decided, args[1], less);
            Value newDecided = arith::OrIOp::create(eb, el, decided, differs);
            return {newDecided, newLess};
          });
      Value trueValue = scalarConstant(b, l, b.getI1Type(), 1.0);
      Value equal = arith::XOrIOp::create(b, l, nest.results[0], trueValue);
      return {nest.results[1], equal};
    };
    auto asIndex = [](OpBuilder &b, Location l, Value v) {
      return arith::IndexCastOp::create(b, l, b.getIndexType(), v).getResult();
    };
    auto asI64 = [&](OpBuilder &b, Location l, Value v) {
      return arith::IndexCastOp::create(b, l, i64, v).getResult();
    };

    // 1. The first occurrence of every slice.
    auto firstLoop = scf::ForOp::create(
        rewriter, loc, zero, numSlices, one, ValueRange{newList()},
        [&](OpBuilder &b, Location l, Value j, ValueRange args) {
          Value none = scalarConstant(b, l, i64, -1.0);
          auto search = scf::ForOp::create(
              b, l, zero, j, one, ValueRange{none},
              [&](OpBuilder &kb, Location kl, Value k, ValueRange kArgs) {
                Value missing = arith::CmpIOp::create(
                    kb, kl, arith::CmpIPredicate::slt, kArgs[0],
                    scalarConstant(kb, kl, i64, 0.0));
                auto look = scf::IfOp::create(
                    kb, kl, missing,
                    [&](OpBuilder &tb, Location tl) {
                      Value equal = compareSlices(tb, tl, k, j).second;
                      scf::YieldOp::create(
                          tb, tl,
                          arith::SelectOp::create(tb, tl, equal,
                                                  asI64(tb, tl, k), kArgs[0])
                              .getResult());
                    },
                    [&](OpBuilder &eb, Location el) {
                      scf::YieldOp::create(eb, el, kArgs[0]);
                    });
                scf::YieldOp::create(kb, kl, look.getResults());
              });
          Value found = search.getResult(0);
          Value isNew =
              arith::CmpIOp::create(b, l, arith::CmpIPredicate::slt, found,
                                    scalarConstant(b, l, i64, 0.0));
          Value first =
              arith::SelectOp::create(b, l, isNew, asI64(b, l, j), found);
          scf::YieldOp::create(
              b, l,
              tensor::InsertOp::create(b, l, first, args[0], ValueRange{j})
                  .getResult());
        });
    Value firstOf = firstLoop.getResult(0);
    auto isFirst = [&](OpBuilder &b, Location l, Value j) {
      Value first = tensor::ExtractOp::create(b, l, firstOf, ValueRange{j});
      return arith::CmpIOp::create(b, l, arith::CmpIPredicate::eq, first,
                                   asI64(b, l, j))
          .getResult();
    };

    // 2. The position in the output of every first occurrence: the number
    // of distinct slices before it, by value or by first occurrence.
    auto rankLoop = scf::ForOp::create(
        rewriter, loc, zero, numSlices, one, ValueRange{newList(), zero},
        [&](OpBuilder &b, Location l, Value j, ValueRange args) {
          auto ifFirst = scf::IfOp::create(
              b, l, isFirst(b, l, j),
              [&](OpBuilder &tb, Location tl) {
                Value position = args[1];
                if (sorted) {
                  auto count = scf::ForOp::create(
                      tb, tl, zero, numSlices, one, ValueRange{zero},
                      [&](OpBuilder &kb, Location kl, Value k,
                          ValueRange kArgs) {
                        auto ifBefore = scf::IfOp::create(
                            kb, kl, isFirst(kb, kl, k),
                            [&](OpBuilder &cb, Location cl) {
                              Value less = compareSlices(cb, cl, k, j).first;
                              Value plusOne = arith::AddIOp::create(
                                  cb, cl, kArgs[0], indexConstant(cb, cl, 1));
                              scf::YieldOp::create(
                                  cb, cl,
                                  arith::SelectOp::create(cb, cl, less,
                                                          plusOne, kArgs[0])
                                      .getResult());
                            },
                            [&](OpBuilder &cb, Location cl) {
                              scf::YieldOp::create(cb, cl, kArgs[0]);
                            });
                        scf::YieldOp::create(kb, kl, ifBefore.getResults());
                      });
                  position = count.getResult(0);
                }
                Value ranks = tensor::InsertOp::create(
                    tb, tl, asI64(tb, tl, position), args[0], ValueRange{j});
                Value distinct = arith::AddIOp::create(tb, tl, args[1],
                                                       indexConstant(tb, tl, 1));
                scf::YieldOp::create(tb, tl, ValueRange{ranks, distinct});
              },
              [&](OpBuilder &eb, Location el) {
                scf::YieldOp::create(eb, el, args);
              });
          scf::YieldOp::create(b, l, ifFirst.getResults());
        });
    Value positions = rankLoop.getResult(0);
    Value numDistinct = rankLoop.getResult(1);

    // 3. Scatter: every slice counts towards its value's position, and
    // first occurrences place their slice and index there.
    Value countsInit = newList();
    Value counts =
        linalg::FillOp::create(rewriter, loc,
                               scalarConstant(rewriter, loc, i64, 0.0),
                               countsInit)
            .getResult(0);
    auto bufferType = RankedTensorType::get(
        SmallVector<int64_t>(rank, ShapedType::kDynamic),
        inputType.getElementType());
    Value output = tensor::EmptyOp::create(rewriter, loc, bufferType.getShape(),
                                           bufferType.getElementType(), sizes);
    auto scatterLoop = scf::ForOp::create(
        rewriter, loc, zero, numSlices, one,
        ValueRange{newList(), counts, newList(), output},
        [&](OpBuilder &b, Location l, Value j, ValueRange args) {
          Value first = asIndex(
              b, l, tensor::ExtractOp::create(b, l, firstOf, ValueRange{j}));
          Value position = asIndex(
              b, l,
              tensor::ExtractOp::create(
                  b, l, positions,
                  ValueRange{clampIndex(b, l, first, numSlices)}));
          position = clampIndex(b, l, position, numSlices);
          Value inverse = tensor::InsertOp::create(
              b, l, asI64(b, l, position), args[0], ValueRange{j});
          Value count =
              tensor::ExtractOp::create(b, l, args[1], ValueRange{position});
          count = arith::AddIOp::create(b, l, count,
                                        scalarConstant(b, l, i64, 1.0));
          Value newCounts =
              tensor::InsertOp::create(b, l, count, args[1], ValueRange{position});
          Value isNew =
              arith::CmpIOp::create(b, l, arith::CmpIPredicate::eq, first, j);
          auto place = scf::IfOp::create(
              b, l, isNew,
              [&](OpBuilder &tb, Location tl) {
                Value indices = tensor::InsertOp::create(
                    tb, tl, asI64(tb, tl, j), args[2], ValueRange{position});
                SmallVector<OpFoldResult> offsets(rank, tb.getIndexAttr(0));
                SmallVector<OpFoldResult> sliceSizes(sizes.begin(),
                                                     sizes.end());
                SmallVector<OpFoldResult> strides(rank, tb.getIndexAttr(1));
                sliceSizes[axis] = tb.getIndexAttr(1);
                offsets[axis] = j;
                Value slice = tensor::ExtractSliceOp::create(
                    tb, tl, input, offsets, sliceSizes, strides);
                offsets[axis] = position;
                Value placed = tensor::InsertSliceOp::create(
                    tb, tl, slice, args[3], offsets, sliceSizes, strides);
                scf::YieldOp::create(tb, tl, ValueRange{indices, placed});
              },
              [&](OpBuilder &eb, Location el) {
                scf::YieldOp::create(eb, el, ValueRange{args[2], args[3]});
              });
          scf::YieldOp::create(b, l,
                               ValueRange{inverse, newCounts,
                                          place.getResult(0),
                                          place.getResult(1)});
        });

    // The used part of the largest-size results.
    auto prefix = [&](Value value, int64_t dim, RankedTensorType type) {
      int64_t valueRank = cast<RankedTensorType>(value.getType()).getRank();
      SmallVector<OpFoldResult> offsets(valueRank, rewriter.getIndexAttr(0));
      SmallVector<OpFoldResult> strides(valueRank, rewriter.getIndexAttr(1));
      SmallVector<OpFoldResult> sliceSizes =
          tensorSizes(rewriter, loc, value);
      sliceSizes[dim] = numDistinct;
      Value slice = tensor::ExtractSliceOp::create(rewriter, loc, value,
                                                   offsets, sliceSizes, strides);
      return castIfNeeded(rewriter, loc, slice, type);
    };
    rewriter.replaceOp(
        op, {prefix(scatterLoop.getResult(3), axis, outputType),
             prefix(scatterLoop.getResult(2), 0, indicesType),
             castIfNeeded(rewriter, loc, scatterLoop.getResult(0), inverseType),
             prefix(scatterLoop.getResult(1), 0, countsType)});
    return success();
  }
};

} // namespace

void mlir::dfg::populateVisionToLinalgPatterns(const TypeConverter &converter,
                                               RewritePatternSet &patterns) {
  patterns.add<NonMaxSuppressionLowering, GridSampleLowering, UniqueLowering,
               RoiAlignLowering>(converter, patterns.getContext());
}
