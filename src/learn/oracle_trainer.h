// OracleTrainer: online training of a greedy transition model with a
// dynamic oracle and error exploration (Goldberg & Nivre 2012, 2013).
//
// At each step the perceptron scores every legal transition. When the best
// one costs more than the cheapest, the weights move from it towards the
// best-scoring cheapest transition. The walk then continues along the
// oracle's choice, or, when exploring, along the model's own (possibly
// wrong) prediction, so training sees the configurations its mistakes lead
// to, as decoding will. Deterministic for a given random generator state.
#pragma once

#include <cstdint>
#include <random>
#include <vector>

#include "learn/configuration.h"
#include "learn/features.h"
#include "learn/perceptron.h"
#include "learn/transition_system.h"

namespace parley::learn {

struct ExplorationOptions {
  // Epochs (0-based) before this one follow the oracle only.
  int explore_from_epoch = 1;
  // When exploring, the chance of following a costly prediction.
  double follow_prediction = 0.9;
};

struct TrainStats {
  uint64_t decisions = 0;  // scored steps
  uint64_t correct = 0;    // predictions of least cost
  double accuracy() const { return decisions ? double(correct) / double(decisions) : 0.0; }
};

class OracleTrainer {
 public:
  OracleTrainer(const TransitionSystem& system, const Oracle& oracle, AveragedPerceptron& model,
                ExplorationOptions options)
      : system_(system), oracle_(oracle), model_(model), options_(options) {}

  // Trains on one sentence; `features` must be bound to it and `c` is the
  // configuration the features read.
  void Train(const TransitionFeatures& features, const Gold& gold, int epoch, std::mt19937_64& rng,
             Configuration& c, TrainStats* stats);

 private:
  const TransitionSystem& system_;
  const Oracle& oracle_;
  AveragedPerceptron& model_;
  ExplorationOptions options_;
  FeatureVector feats_;
  std::vector<float> scores_;
  std::vector<uint8_t> legal_;
  std::vector<int32_t> costs_;
};

}  // namespace parley::learn
