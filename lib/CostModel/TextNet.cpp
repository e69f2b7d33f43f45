//===- TextNet.cpp - The text cost model's network, evaluated ------------===//
//
// The forward pass in plain C++, so that the compiler predicts without
// LibTorch. Activations are kept time-major ([position][channel]) so that
// the inner loops run over contiguous channels.
//
//===----------------------------------------------------------------------===//

#include "dfg/CostModel/TextNet.h"

#include <algorithm>

using namespace mlir::dfg::cost;

std::vector<std::pair<std::string, size_t>>
mlir::dfg::cost::textNetParameterSizes(const TextNetShape &shape) {
  std::vector<std::pair<std::string, size_t>> sizes;
  sizes.push_back(
      {"embedding", size_t(shape.vocabularySize) * shape.embedding});
  unsigned in = shape.embedding;
  for (size_t layer = 0; layer < shape.channels.size(); ++layer) {
    unsigned out = shape.channels[layer];
    std::string name = "conv" + std::to_string(layer);
    sizes.push_back({name + ".weight", size_t(out) * in * shape.kernelWidth});
    sizes.push_back({name + ".bias", out});
    in = out;
  }
  sizes.push_back(
      {"hidden.weight", size_t(shape.hidden) * (in + shape.numScalars)});
  sizes.push_back({"hidden.bias", shape.hidden});
  sizes.push_back({"out.weight", shape.hidden});
  sizes.push_back({"out.bias", 1});
  return sizes;
}

std::vector<std::vector<float> *>
mlir::dfg::cost::textNetParameters(TextNetWeights &weights) {
  std::vector<std::vector<float> *> parameters = {&weights.embedding};
  for (size_t layer = 0; layer < weights.convWeight.size(); ++layer) {
    parameters.push_back(&weights.convWeight[layer]);
    parameters.push_back(&weights.convBias[layer]);
  }
  parameters.push_back(&weights.hiddenWeight);
  parameters.push_back(&weights.hiddenBias);
  parameters.push_back(&weights.outWeight);
  parameters.push_back(&weights.outBias);
  return parameters;
}

bool mlir::dfg::cost::checkTextNetWeights(const TextNetShape &shape,
                                          const TextNetWeights &weights,
                                          std::string &why) {
  if (shape.vocabularySize < 2 || shape.embedding == 0 || shape.hidden == 0 ||
      shape.channels.empty() || shape.kernelWidth % 2 == 0) {
    why = "the network's shape is invalid";
    return false;
  }
  if (weights.convWeight.size() != shape.channels.size() ||
      weights.convBias.size() != shape.channels.size()) {
    why = "expected " + std::to_string(shape.channels.size()) +
          " convolution layers";
    return false;
  }
  auto sizes = textNetParameterSizes(shape);
  auto parameters = textNetParameters(const_cast<TextNetWeights &>(weights));
  for (size_t i = 0; i < sizes.size(); ++i) {
    if (parameters[i]->size() != sizes[i].second) {
      why = "'" + sizes[i].first + "' has " +
            std::to_string(parameters[i]->size()) + " values, expected " +
            std::to_string(sizes[i].second);
      return false;
    }
  }
  return true;
}

double mlir::dfg::cost::textNetForward(const TextNetShape &shape,
                                       const TextNetWeights &weights,
                                       const int32_t *ids, size_t numTokens,
                                       const float *scalars) {
  const size_t length = numTokens;
  const unsigned width = shape.kernelWidth, pad = width / 2;
  // Embeddings, time-major.
  unsigned channels = shape.embedding;
  std::vector<float> x(length * channels);
  for (size_t t = 0; t < length; ++t)
    std::copy_n(&weights.embedding[size_t(ids[t]) * channels], channels,
                &x[t * channels]);

  std::vector<float> y, w;
  for (size_t layer = 0; layer < shape.channels.size(); ++layer) {
    const unsigned in = channels, out = shape.channels[layer];
    const std::vector<float> &weight = weights.convWeight[layer];
    // [out][in][k] to [k][in][out]: the inner loop adds one input times a
    // row of weights to all outputs, which vectorizes without reordering
    // any sum (a dot product over `in` would not, without fast-math).
    w.assign(size_t(width) * out * in, 0);
    for (unsigned o = 0; o < out; ++o)
      for (unsigned i = 0; i < in; ++i)
        for (unsigned k = 0; k < width; ++k)
          w[(size_t(k) * in + i) * out + o] =
              weight[(size_t(o) * in + i) * width + k];
    y.assign(length * out, 0);
    for (size_t t = 0; t < length; ++t) {
      float *row = &y[t * out];
      for (unsigned o = 0; o < out; ++o)
        row[o] = weights.convBias[layer][o];
      for (unsigned k = 0; k < width; ++k) {
        // Input position t + k - pad; outside the sequence it is zero.
        if (t + k < pad || t + k - pad >= length)
          continue;
        const float *input = &x[(t + k - pad) * in];
        for (unsigned i = 0; i < in; ++i) {
          const float *wrow = &w[(size_t(k) * in + i) * out];
          const float value = input[i];
          for (unsigned o = 0; o < out; ++o)
            row[o] += wrow[o] * value;
        }
      }
      for (unsigned o = 0; o < out; ++o)
        row[o] = std::max(row[o], 0.0f);
    }
    x.swap(y);
    channels = out;
  }

  // Max-pool over positions, then the scalars.
  std::vector<float> pooled(channels + shape.numScalars, 0.0f);
  for (size_t t = 0; t < length; ++t)
    for (unsigned c = 0; c < channels; ++c)
      pooled[c] = std::max(pooled[c], x[t * channels + c]);
  std::copy_n(scalars, shape.numScalars, pooled.begin() + channels);

  const size_t inputs = pooled.size();
  double result = weights.outBias[0];
  for (unsigned h = 0; h < shape.hidden; ++h) {
    const float *wrow = &weights.hiddenWeight[h * inputs];
    float sum = weights.hiddenBias[h];
    for (size_t i = 0; i < inputs; ++i)
      sum += wrow[i] * pooled[i];
    result += double(weights.outWeight[h]) * std::max(sum, 0.0f);
  }
  return result;
}
