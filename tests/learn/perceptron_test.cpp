#include "learn/perceptron.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace parley::learn {
namespace {

// Three classes, each signalled by its own feature among noise features.
std::vector<FeatureId> Example(uint32_t cls, std::mt19937& rng) {
  std::vector<FeatureId> f = {HashFeature(1, "signal" + std::to_string(cls)),
                              HashFeature(0, "bias")};
  for (int i = 0; i < 3; ++i) f.push_back(HashFeature(2, std::to_string(rng() % 50)));
  return f;
}

TEST(AveragedPerceptron, LearnsASeparableProblem) {
  AveragedPerceptron p(3);
  std::mt19937 rng(1);
  for (int epoch = 0; epoch < 5; ++epoch) {
    for (int i = 0; i < 300; ++i) {
      auto cls = static_cast<uint32_t>(rng() % 3);
      auto f = Example(cls, rng);
      uint32_t guess = p.Predict(f.data(), f.size());
      p.Update(f.data(), f.size(), cls, guess);
      p.Tick();
    }
  }
  SparseLinearModel m = p.Finalize();
  int correct = 0;
  for (int i = 0; i < 300; ++i) {
    auto cls = static_cast<uint32_t>(rng() % 3);
    auto f = Example(cls, rng);
    std::vector<float> scores(3, 0.0f);
    m.Score(f.data(), f.size(), scores.data());
    uint32_t best =
        static_cast<uint32_t>(std::max_element(scores.begin(), scores.end()) - scores.begin());
    correct += best == cls;
  }
  EXPECT_GE(correct, 295);
}

TEST(AveragedPerceptron, RespectsAllowedClasses) {
  AveragedPerceptron p(2);
  FeatureId f = HashFeature(0, "x");
  p.Update(&f, 1, 1, 0);
  p.Tick();
  EXPECT_EQ(p.Predict(&f, 1), 1u);
  uint8_t allowed[2] = {1, 0};
  EXPECT_EQ(p.Predict(&f, 1, allowed), 0u);
}

TEST(AveragedPerceptron, AveragingDampsLateUpdates) {
  // A feature that pointed to class 0 for 99 ticks and class 1 for the last
  // tick averages towards class 0.
  AveragedPerceptron p(2);
  FeatureId f = HashFeature(0, "x");
  p.Update(&f, 1, 0, 1);
  for (int i = 0; i < 99; ++i) p.Tick();
  p.Update(&f, 1, 1, 0);
  p.Update(&f, 1, 1, 0);
  p.Tick();
  SparseLinearModel m = p.Finalize();
  float s[2] = {0, 0};
  m.Score(&f, 1, s);
  EXPECT_GT(s[0], s[1]);
}

}  // namespace
}  // namespace parley::learn
