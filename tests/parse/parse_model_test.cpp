// ParseModel: training on the fixture is reproducible, a saved model parses
// exactly as the one in memory, and a corrupt or foreign file is refused.
#include "parse/parse_model.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "parse/parse_test_util.h"
#include "parse/parse_train.h"

namespace parley::parse {
namespace {

ParseModel TrainOnFixture(uint64_t seed) {
  ParseTrainOptions options;
  options.epochs = 4;
  options.seed = seed;
  options.min_feature_count = 1;  // the fixture is tiny
  ParseTrainReport report;
  auto model = TrainParser(testing::Fixture(), {}, options, &report);
  EXPECT_TRUE(model.ok()) << model.status().ToString();
  EXPECT_EQ(report.skipped_nonprojective, 1u);
  EXPECT_EQ(report.sentences, 6u);
  return std::move(*model);
}

// Heads and labels of every fixture sentence.
std::vector<std::pair<int32_t, uint32_t>> ParseAll(const ParseModel& model) {
  return testing::ParseFixture(model).arcs;
}

TEST(ParseModel, TrainingIsDeterministic) {
  std::string a = TrainOnFixture(5).Serialize();
  std::string b = TrainOnFixture(5).Serialize();
  EXPECT_EQ(a, b);
}

TEST(ParseModel, LearnsTheFixture) {
  ParseModel model = TrainOnFixture(1);
  QuickScores q = ScoreModel(model, testing::Fixture());
  EXPECT_GT(q.las, 0.8);  // it has seen every projective sentence four times
}

TEST(ParseModel, RoundTripGivesIdenticalParses) {
  ParseModel model = TrainOnFixture(1);
  auto bytes = ParseModel::FromBytes(model.Serialize(), "memory");
  ASSERT_TRUE(bytes.ok()) << bytes.status().ToString();
  EXPECT_EQ(ParseAll(*bytes), ParseAll(model));
  EXPECT_EQ(bytes->Serialize(), model.Serialize());

  const std::string path = ::testing::TempDir() + "/parse_round_trip.model";
  ASSERT_TRUE(model.Save(path).ok());
  auto loaded = ParseModel::Load(path);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_EQ(ParseAll(*loaded), ParseAll(model));
  EXPECT_EQ(loaded->labels(), model.labels());
  std::filesystem::remove(path);
}

TEST(ParseModel, RefusesDamagedFiles) {
  std::string bytes = TrainOnFixture(1).Serialize();
  // Truncated anywhere past the header: an error naming the file.
  for (size_t cut : {bytes.size() / 3, bytes.size() - 1}) {
    auto m = ParseModel::FromBytes(bytes.substr(0, cut), "cut.model");
    ASSERT_FALSE(m.ok());
    EXPECT_NE(m.status().message().find("cut.model"), std::string::npos);
  }
  auto trailing = ParseModel::FromBytes(bytes + "x", "long.model");
  EXPECT_FALSE(trailing.ok());
  auto missing = ParseModel::Load("/nonexistent/parse.model");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("/nonexistent/parse.model"), std::string::npos);
}

}  // namespace
}  // namespace parley::parse
