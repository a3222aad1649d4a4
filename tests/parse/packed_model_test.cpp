// PackedLinearModel, the parser's run-time weights, against the
// SparseLinearModel it is packed from: the same scores up to int16
// rounding, the same after a file round trip, and damaged files refused.
#include "learn/packed_model.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "learn/model_io.h"
#include "learn/perceptron.h"

namespace parley::learn {
namespace {

// A perceptron trained on random data over `classes` classes: rows of every
// density, from one class to all of them.
SparseLinearModel RandomModel(uint32_t classes, std::mt19937& rng) {
  AveragedPerceptron p(classes);
  for (int i = 0; i < 3000; ++i) {
    std::vector<FeatureId> f;
    for (int k = 0; k < 12; ++k) f.push_back(HashFeature(1, rng() % 400));
    auto right = static_cast<uint32_t>(rng() % classes);
    uint32_t wrong = p.Predict(f.data(), f.size());
    p.Update(f.data(), f.size(), right, wrong);
    p.Tick();
  }
  return p.Finalize();
}

void ExpectSameScores(const SparseLinearModel& sparse, const PackedLinearModel& packed,
                      std::mt19937& rng) {
  const uint32_t classes = sparse.num_classes();
  for (int trial = 0; trial < 200; ++trial) {
    std::vector<FeatureId> f;
    for (int k = 0; k < 40; ++k) f.push_back(HashFeature(1, rng() % 500));  // some unknown
    std::vector<float> want(classes, 0.0f);
    std::vector<int32_t> got(classes, 0);
    sparse.Score(f.data(), f.size(), want.data());
    packed.Score(f.data(), f.size(), got.data());
    for (uint32_t c = 0; c < classes; ++c) {
      // Each weight is off by at most half a quantum.
      EXPECT_NEAR(static_cast<double>(got[c]) / packed.scale(), want[c],
                  0.5 * 40 / packed.scale() + 1e-4)
          << "class " << c;
    }
  }
}

TEST(PackedLinearModel, ScoresLikeTheSparseModel) {
  std::mt19937 rng(1);
  for (uint32_t classes : {3u, 17u, 103u}) {
    SparseLinearModel sparse = RandomModel(classes, rng);
    PackedLinearModel packed = PackedLinearModel::Pack(sparse);
    EXPECT_EQ(packed.num_classes(), classes);
    EXPECT_GT(packed.num_features(), 100u);
    ExpectSameScores(sparse, packed, rng);
  }
}

TEST(PackedLinearModel, RoundTripsThroughAFile) {
  std::mt19937 rng(2);
  SparseLinearModel sparse = RandomModel(51, rng);
  PackedLinearModel packed = PackedLinearModel::Pack(sparse);
  ModelWriter w("test", "packed");
  packed.Save(w);
  auto r = ModelReader::FromBytes(w.bytes(), "mem", "test", "packed");
  ASSERT_TRUE(r.ok());
  PackedLinearModel loaded;
  ASSERT_TRUE(loaded.Load(*r).ok());
  EXPECT_TRUE(r->at_end());
  ExpectSameScores(sparse, loaded, rng);
  ModelWriter again("test", "packed");
  loaded.Save(again);
  EXPECT_EQ(again.bytes(), w.bytes());
}

TEST(PackedLinearModel, RefusesDamagedRows) {
  std::mt19937 rng(3);
  PackedLinearModel packed = PackedLinearModel::Pack(RandomModel(7, rng));
  ModelWriter w("test", "packed");
  packed.Save(w);
  std::string bytes = w.bytes();
  // Flip bytes through the body; every load either fails cleanly or, when
  // the flip hit a weight, succeeds. Never a crash.
  for (size_t at = 40; at < bytes.size(); at += 97) {
    std::string bad = bytes;
    bad[at] = static_cast<char>(bad[at] ^ 0x5a);
    auto r = ModelReader::FromBytes(bad, "bad", "test", "packed");
    ASSERT_TRUE(r.ok());
    PackedLinearModel m;
    (void)m.Load(*r);
  }
  auto cut = ModelReader::FromBytes(bytes.substr(0, bytes.size() / 2), "cut", "test", "packed");
  ASSERT_TRUE(cut.ok());
  PackedLinearModel m;
  EXPECT_FALSE(m.Load(*cut).ok());
}

}  // namespace
}  // namespace parley::learn
