// BeamTrainer: global training of a beam-search transition model with the
// max-violation perceptron update (Huang, Fayong & Guo 2012).
//
// For each sentence the beam decodes as at run time (beam_decoder.h) while
// the gold derivation's running score is kept beside it. At the step where
// the best item outscores the gold prefix by the most, the weights move
// towards the gold prefix's transitions and away from that item's (only
// from where the two first differ: before it, the updates cancel). The
// whole derivation is scored, not single decisions, so the model learns to
// rank partial trees as the beam will compare them.
//
// Deterministic: no randomness inside; candidates are ranked as the decoder
// ranks them.
#pragma once

#include <cstdint>
#include <vector>

#include "learn/beam_decoder.h"
#include "learn/oracle_trainer.h"
#include "learn/perceptron.h"

namespace parley::learn {

struct BeamTrainStats {
  uint64_t sentences = 0;
  uint64_t updates = 0;      // sentences with a violation
  uint64_t steps = 0;        // beam steps taken
  uint64_t gold_on_top = 0;  // steps after which the gold prefix ranked first
  double accuracy() const { return steps ? double(gold_on_top) / double(steps) : 0.0; }
};

class BeamTrainer {
 public:
  BeamTrainer(const TransitionSystem& system, AveragedPerceptron& model, size_t width)
      : system_(system), model_(model), width_(width < 1 ? 1 : width) {}

  // Trains on one sentence of n tokens whose gold transition sequence from
  // the initial configuration is `gold`; `features` must be bound to it.
  void Train(const TransitionFeatures& features, uint32_t n, const std::vector<uint32_t>& gold,
             BeamTrainStats* stats);

 private:
  // Score of class k in `c` under the current weights (0 when forced).
  double StepScore(const TransitionFeatures& features, const Configuration& c, uint32_t k);
  // Adds `delta` to the weights of `actions[from, to)` taken from the
  // initial configuration, skipping forced steps.
  void Replay(const TransitionFeatures& features, uint32_t n, const std::vector<uint32_t>& actions,
              size_t from, size_t to, float delta);

  const TransitionSystem& system_;
  AveragedPerceptron& model_;
  size_t width_;
  BeamScratch<float> scratch_;
  Configuration gold_config_, replay_;
  // parent_[t * width + j], class_[...]: how item j of the beam after step
  // t + 1 was made from the beam before it.
  std::vector<uint32_t> parent_, class_;
  std::vector<uint32_t> predicted_;
};

}  // namespace parley::learn
