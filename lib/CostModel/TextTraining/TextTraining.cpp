//===- TextTraining.cpp - Training the text cost model (LibTorch) ---------===//
//
// The only file that includes LibTorch (built with exceptions, which
// LibTorch throws; none escape). Sequences of a batch are padded with id 0,
// whose embedding is zero, and every layer's output is masked at padded
// positions, so a padded sequence computes exactly what textNetForward
// computes on the sequence alone ("same" zero padding at both ends).
//
//===----------------------------------------------------------------------===//

#include "dfg/CostModel/TextTraining.h"

#include <torch/torch.h>

#include <algorithm>
#include <limits>
#include <random>

using namespace mlir::dfg::cost;

namespace {
struct NetImpl : torch::nn::Module {
  NetImpl(const TextNetShape &shape) : shape(shape) {
    embedding = register_module(
        "embedding",
        torch::nn::Embedding(
            torch::nn::EmbeddingOptions(shape.vocabularySize, shape.embedding)
                .padding_idx(0)));
    int64_t in = shape.embedding;
    for (size_t layer = 0; layer < shape.channels.size(); ++layer) {
      convs.push_back(register_module(
          "conv" + std::to_string(layer),
          torch::nn::Conv1d(torch::nn::Conv1dOptions(in, shape.channels[layer],
                                                     shape.kernelWidth)
                                .padding(shape.kernelWidth / 2))));
      in = shape.channels[layer];
    }
    hidden = register_module(
        "hidden", torch::nn::Linear(in + shape.numScalars, shape.hidden));
    out = register_module("out", torch::nn::Linear(shape.hidden, 1));
  }

  /// ids [B, L] (int64), mask [B, L] (1 for tokens), scalars [B, S].
  torch::Tensor forward(torch::Tensor ids, torch::Tensor mask,
                        torch::Tensor scalars) {
    torch::Tensor x = embedding(ids).transpose(1, 2); // [B, E, L]
    torch::Tensor m = mask.unsqueeze(1);
    for (torch::nn::Conv1d &conv : convs)
      x = torch::relu(conv(x)) * m;
    // After ReLU every value is >= 0, so the zeros of padded positions never
    // exceed the maximum over the real ones.
    torch::Tensor pooled = std::get<0>(x.max(2));
    if (shape.numScalars)
      pooled = torch::cat({pooled, scalars}, 1);
    return out(torch::relu(hidden(pooled))).squeeze(1);
  }

  TextNetShape shape;
  torch::nn::Embedding embedding{nullptr};
  std::vector<torch::nn::Conv1d> convs;
  torch::nn::Linear hidden{nullptr}, out{nullptr};
};
TORCH_MODULE(Net);

struct Batch {
  torch::Tensor ids, mask, scalars, target;
};
} // namespace

static Batch makeBatch(const std::vector<TextTrainingSample> &samples,
                       const std::vector<size_t> &order, size_t begin,
                       size_t end, unsigned numScalars) {
  size_t size = end - begin, length = 1;
  for (size_t i = begin; i < end; ++i)
    length = std::max(length, samples[order[i]].ids.size());
  std::vector<int64_t> ids(size * length, 0);
  std::vector<float> mask(size * length, 0), scalars(size * numScalars),
      target(size);
  for (size_t row = 0; row < size; ++row) {
    const TextTrainingSample &sample = samples[order[begin + row]];
    for (size_t t = 0; t < sample.ids.size(); ++t) {
      ids[row * length + t] = sample.ids[t];
      mask[row * length + t] = 1;
    }
    std::copy_n(sample.scalars.begin(), numScalars,
                scalars.begin() + row * numScalars);
    target[row] = sample.target;
  }
  int64_t b = size, l = length, s = numScalars;
  return {torch::tensor(ids).reshape({b, l}),
          torch::tensor(mask).reshape({b, l}),
          s ? torch::tensor(scalars).reshape({b, s}) : torch::zeros({b, 0}),
          torch::tensor(target)};
}

static void copyOut(torch::Tensor tensor, std::vector<float> &values) {
  tensor = tensor.detach().contiguous().to(torch::kFloat32);
  values.assign(tensor.data_ptr<float>(),
                tensor.data_ptr<float>() + tensor.numel());
}

static TextNetWeights weightsOf(Net &net) {
  TextNetWeights weights;
  copyOut(net->embedding->weight, weights.embedding);
  for (torch::nn::Conv1d &conv : net->convs) {
    weights.convWeight.emplace_back();
    weights.convBias.emplace_back();
    copyOut(conv->weight, weights.convWeight.back());
    copyOut(conv->bias, weights.convBias.back());
  }
  copyOut(net->hidden->weight, weights.hiddenWeight);
  copyOut(net->hidden->bias, weights.hiddenBias);
  copyOut(net->out->weight, weights.outWeight);
  copyOut(net->out->bias, weights.outBias);
  return weights;
}

static void copyIn(const std::vector<float> &values, torch::Tensor tensor) {
  torch::NoGradGuard noGrad;
  tensor.copy_(torch::tensor(values).reshape(tensor.sizes()));
}

static void setWeights(Net &net, const TextNetWeights &weights) {
  copyIn(weights.embedding, net->embedding->weight);
  for (size_t layer = 0; layer < net->convs.size(); ++layer) {
    copyIn(weights.convWeight[layer], net->convs[layer]->weight);
    copyIn(weights.convBias[layer], net->convs[layer]->bias);
  }
  copyIn(weights.hiddenWeight, net->hidden->weight);
  copyIn(weights.hiddenBias, net->hidden->bias);
  copyIn(weights.outWeight, net->out->weight);
  copyIn(weights.outBias, net->out->bias);
}

static double meanLoss(Net &net, const std::vector<TextTrainingSample> &samples,
                       unsigned batchSize, unsigned numScalars) {
  if (samples.empty())
    return 0;
  torch::NoGradGuard noGrad;
  std::vector<size_t> order(samples.size());
  for (size_t i = 0; i < order.size(); ++i)
    order[i] = i;
  double sum = 0;
  for (size_t begin = 0; begin < order.size(); begin += batchSize) {
    size_t end = std::min(order.size(), begin + batchSize);
    Batch batch = makeBatch(samples, order, begin, end, numScalars);
    torch::Tensor error =
        net->forward(batch.ids, batch.mask, batch.scalars) - batch.target;
    sum += error.pow(2).sum().item<double>();
  }
  return sum / samples.size();
}

TextTrainingResult mlir::dfg::cost::trainTextNet(
    const TextNetShape &shape, const std::vector<TextTrainingSample> &train,
    const std::vector<TextTrainingSample> &validation,
    const TextTrainingOptions &options,
    const std::function<void(unsigned, double, double)> &progress) {
  TextTrainingResult result;
  try {
    // One thread and a seeded generator: the same corpus and seed give the
    // same weights, bit for bit.
    torch::set_num_threads(1);
    torch::manual_seed(options.seed);
    Net net(shape);
    torch::optim::Adam optimizer(net->parameters(),
                                 torch::optim::AdamOptions(options.learningRate)
                                     .weight_decay(options.weightDecay));
    std::mt19937_64 random(options.seed);
    std::vector<size_t> order(train.size());
    for (size_t i = 0; i < order.size(); ++i)
      order[i] = i;
    double best = std::numeric_limits<double>::infinity();
    for (unsigned epoch = 1; epoch <= options.epochs; ++epoch) {
      // Fisher-Yates with our own draws: std::shuffle's sequence is the
      // library's choice.
      for (size_t i = order.size(); i > 1; --i)
        std::swap(order[i - 1], order[random() % i]);
      net->train();
      double sum = 0;
      for (size_t begin = 0; begin < order.size(); begin += options.batchSize) {
        size_t end = std::min(order.size(), begin + options.batchSize);
        Batch batch = makeBatch(train, order, begin, end, shape.numScalars);
        optimizer.zero_grad();
        torch::Tensor loss = torch::mse_loss(
            net->forward(batch.ids, batch.mask, batch.scalars), batch.target);
        loss.backward();
        optimizer.step();
        sum += loss.item<double>() * (end - begin);
      }
      net->eval();
      double trainLoss = train.empty() ? 0 : sum / train.size();
      double validationLoss =
          meanLoss(net, validation, options.batchSize, shape.numScalars);
      if (progress)
        progress(epoch, trainLoss, validationLoss);
      double score = validation.empty() ? -double(epoch) : validationLoss;
      if (score < best) {
        best = score;
        result.weights = weightsOf(net);
        result.bestEpoch = epoch;
        result.trainLoss = trainLoss;
        result.validationLoss = validationLoss;
      }
    }
    if (options.epochs == 0)
      result.weights = weightsOf(net);
  } catch (const std::exception &error) {
    result.error = error.what();
  }
  return result;
}

std::vector<double> mlir::dfg::cost::torchTextNetForward(
    const TextNetShape &shape, const TextNetWeights &weights,
    const std::vector<TextTrainingSample> &samples) {
  std::vector<double> outputs;
  try {
    Net net(shape);
    setWeights(net, weights);
    net->eval();
    torch::NoGradGuard noGrad;
    std::vector<size_t> order(samples.size());
    for (size_t i = 0; i < order.size(); ++i)
      order[i] = i;
    for (size_t begin = 0; begin < order.size(); begin += 64) {
      size_t end = std::min(order.size(), begin + 64);
      Batch batch = makeBatch(samples, order, begin, end, shape.numScalars);
      torch::Tensor out = net->forward(batch.ids, batch.mask, batch.scalars)
                              .contiguous()
                              .to(torch::kFloat64);
      outputs.insert(outputs.end(), out.data_ptr<double>(),
                     out.data_ptr<double>() + out.numel());
    }
  } catch (const std::exception &) {
    outputs.clear();
  }
  return outputs;
}
