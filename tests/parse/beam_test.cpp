// Beam search and its max-violation training: a beam-trained model is
// reproducible, records its width, learns the fixture and round-trips; any
// model decodes to a well-formed tree at any width.
#include <gtest/gtest.h>

#include "parse/parse_model.h"
#include "parse/parse_test_util.h"
#include "parse/parse_train.h"

namespace parley::parse {
namespace {

ParseModel Train(uint32_t beam, uint64_t seed = 1) {
  ParseTrainOptions options;
  options.epochs = 6;
  options.seed = seed;
  options.beam_width = beam;
  options.min_feature_count = 1;  // the fixture is tiny
  ParseTrainReport report;
  auto model = TrainParser(testing::Fixture(), {}, options, &report);
  EXPECT_TRUE(model.ok()) << model.status().ToString();
  return std::move(*model);
}

// Heads and labels of every fixture sentence; checks each is one tree.
std::vector<std::pair<int32_t, uint32_t>> ParseAll(const ParseModel& model) {
  const testing::FixtureParses p = testing::ParseFixture(model);
  size_t at = 0;
  for (uint32_t n : p.sizes) {
    int roots = 0;
    for (uint32_t i = 0; i < n; ++i) {
      const auto [head, label] = p.arcs[at + i];
      roots += head < 0;
      EXPECT_EQ(head < 0, model.labels()[label] == "root");
      // Walking up from every token reaches the root without a cycle.
      int32_t up = static_cast<int32_t>(i);
      uint32_t steps = 0;
      while (up >= 0 && steps++ <= n) up = p.arcs[at + static_cast<size_t>(up)].first;
      EXPECT_LE(steps, n) << "cycle through token " << i;
    }
    EXPECT_EQ(roots, 1);
    at += n;
  }
  return p.arcs;
}

TEST(BeamTraining, IsDeterministicAndRecordsItsWidth) {
  ParseModel a = Train(4);
  EXPECT_EQ(a.beam_width(), 4u);
  EXPECT_EQ(a.Serialize(), Train(4).Serialize());
  EXPECT_NE(a.Serialize(), Train(1).Serialize());
}

TEST(BeamTraining, LearnsTheFixture) {
  QuickScores q = ScoreModel(Train(4), testing::Fixture());
  EXPECT_GT(q.las, 0.8);
}

TEST(BeamTraining, RoundTripKeepsTheBeam) {
  ParseModel model = Train(4);
  auto copy = ParseModel::FromBytes(model.Serialize(), "memory");
  ASSERT_TRUE(copy.ok()) << copy.status().ToString();
  EXPECT_EQ(copy->beam_width(), 4u);
  EXPECT_EQ(ParseAll(*copy), ParseAll(model));
}

TEST(BeamDecoding, GivesOneTreeAtAnyWidth) {
  for (uint32_t trained : {1u, 4u}) {
    for (uint32_t width : {1u, 2u, 3u, 8u}) {
      ParseModel model = Train(trained).WithBeam(width);
      EXPECT_EQ(model.beam_width(), width);
      ParseAll(model);  // checks the trees
    }
  }
}

}  // namespace
}  // namespace parley::parse
