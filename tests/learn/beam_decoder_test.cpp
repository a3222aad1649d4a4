// The beam decoder and trainer on a toy tagging system whose locally best
// first decision is globally wrong: greedy decoding must fall into it, a
// beam of two must not, and max-violation training must learn the weights
// that make the beam (and only the beam) right.
#include "learn/beam_decoder.h"

#include <gtest/gtest.h>

#include <map>

#include "learn/beam_trainer.h"
#include "learn/greedy_decoder.h"
#include "learn/perceptron.h"

namespace parley::learn {
namespace {

// Tags tokens left to right, one TAG(label) class per label: the
// configuration's label of the buffer front is set, then it advances.
class ToyTagger final : public TransitionSystem {
 public:
  ToyTagger() : TransitionSystem(TransitionSet({true}, 2)) {}
  void Initialize(Configuration& c, uint32_t n) const override { c.Reset(n, false); }
  bool IsTerminal(const Configuration& c) const override { return c.buffer_size() == 0; }
  void Legal(const Configuration&, uint8_t* legal) const override { legal[0] = legal[1] = 1; }
  void Apply(Configuration& c, uint32_t k) const override {
    c.SetLabel(c.buffer_front(), k);
    c.Advance();
  }
};

// One feature: (position, previous label).
class ToyFeatures final : public TransitionFeatures {
 public:
  void Extract(const Configuration& c, FeatureVector* out) const override {
    out->clear();
    const int32_t i = c.buffer_front();
    const uint64_t prev = i == 0 ? 9 : c.label(i - 1);
    out->Add(static_cast<FeatureId>(i) * 16 + prev + 1);
  }
};

// Fixed weights: at token 0, label 0 scores 1.0 and label 1 0.9; at token 1
// only after label 1 does anything score (label 0: 5.0).
struct ToyModel {
  std::map<std::pair<FeatureId, uint32_t>, float> w;
  void Score(const FeatureId* f, size_t n, float* scores) const {
    for (size_t i = 0; i < n; ++i) {
      for (uint32_t k = 0; k < 2; ++k) {
        auto it = w.find({f[i], k});
        if (it != w.end()) scores[k] += it->second;
      }
    }
  }
};

ToyModel Trap() {
  ToyModel m;
  m.w[{0 * 16 + 9 + 1, 0}] = 1.0f;
  m.w[{0 * 16 + 9 + 1, 1}] = 0.9f;
  m.w[{1 * 16 + 1 + 1, 0}] = 5.0f;
  return m;
}

std::vector<uint32_t> Labels(const Configuration& c) {
  std::vector<uint32_t> out;
  for (uint32_t i = 0; i < c.size(); ++i) out.push_back(c.label(static_cast<int32_t>(i)));
  return out;
}

TEST(BeamDecoder, AvoidsTheGreedyTrap) {
  ToyTagger system;
  ToyFeatures features;
  ToyModel model = Trap();
  Configuration greedy, beam1, beam2;
  DecodeScratch<float> gs;
  DecodeGreedy(system, features, model, 2, greedy, gs);
  EXPECT_EQ(Labels(greedy), (std::vector<uint32_t>{0, 0}));
  BeamScratch<float> bs;
  DecodeBeam(system, features, model, 2, 1, beam1, bs);
  EXPECT_EQ(Labels(beam1), Labels(greedy));  // a beam of one is greedy
  DecodeBeam(system, features, model, 2, 2, beam2, bs);
  EXPECT_EQ(Labels(beam2), (std::vector<uint32_t>{1, 0}));
}

TEST(BeamTrainer, LearnsWhatOnlyTheBeamCanUse) {
  // Gold is (1, 0) after any start. Max-violation updates from zero weights
  // must end with the beam decoding it.
  ToyTagger system;
  ToyFeatures features;
  AveragedPerceptron perceptron(2);
  BeamTrainer trainer(system, perceptron, 2);
  BeamTrainStats stats;
  for (int epoch = 0; epoch < 10; ++epoch) trainer.Train(features, 2, {1, 0}, &stats);
  EXPECT_GT(stats.updates, 0u);
  EXPECT_EQ(stats.sentences, 10u);
  SparseLinearModel m = perceptron.Finalize(0.0f);
  Configuration out;
  BeamScratch<float> bs;
  DecodeBeam(system, features, m, 2, 2, out, bs);
  EXPECT_EQ(Labels(out), (std::vector<uint32_t>{1, 0}));
}

}  // namespace
}  // namespace parley::learn
