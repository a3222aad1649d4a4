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
  std::vector<std::pair<int32_t, uint32_t>> out;
  ParseScratch scratch;
  for (const TreebankSentence& s : testing::Fixture()) {
    const auto n = static_cast<uint32_t>(s.size());
    scratch.tokens.clear();
    for (size_t i = 0; i < s.size(); ++i) {
      scratch.tokens.push_back(model.Attrs(s.form[i], s.upos[i], s.xpos[i]));
    }
    std::vector<int32_t> head(n);
    std::vector<uint32_t> label(n);
    model.Parse(n, scratch, head.data(), label.data());
    int roots = 0;
    for (uint32_t i = 0; i < n; ++i) {
      roots += head[i] < 0;
      EXPECT_EQ(head[i] < 0, model.labels()[label[i]] == "root");
      // Walking up from every token reaches the root without a cycle.
      int32_t at = static_cast<int32_t>(i);
      uint32_t steps = 0;
      while (at >= 0 && steps++ <= n) at = head[static_cast<size_t>(at)];
      EXPECT_LE(steps, n) << "cycle through token " << i;
      out.emplace_back(head[i], label[i]);
    }
    EXPECT_EQ(roots, 1);
  }
  return out;
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
