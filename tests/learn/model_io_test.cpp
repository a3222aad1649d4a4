#include "learn/model_io.h"

#include <gtest/gtest.h>

#include "learn/perceptron.h"

namespace parley::learn {
namespace {

TEST(ModelIo, SparseModelRoundTrips) {
  AveragedPerceptron p(4);
  std::vector<FeatureId> f = {HashFeature(0, "a"), HashFeature(1, "b"), HashFeature(2, 7)};
  p.Update(f.data(), f.size(), 2, 0);
  p.Tick();
  p.Update(f.data() + 1, 2, 3, 2);
  p.Tick();
  SparseLinearModel m = p.Finalize(0.0f);
  ModelWriter w("pos", "test-features/1");
  w.Strings({"A", "B", "C", "D"});
  m.Save(w);

  auto r = ModelReader::FromBytes(w.bytes(), "mem", "pos", "test-features/1");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  std::vector<std::string> labels;
  ASSERT_TRUE(r->Strings(&labels).ok());
  EXPECT_EQ(labels.size(), 4u);
  SparseLinearModel back;
  ASSERT_TRUE(back.Load(*r).ok());
  EXPECT_TRUE(r->at_end());
  float s1[4] = {0, 0, 0, 0}, s2[4] = {0, 0, 0, 0};
  m.Score(f.data(), f.size(), s1);
  back.Score(f.data(), f.size(), s2);
  for (int c = 0; c < 4; ++c) EXPECT_FLOAT_EQ(s1[c], s2[c]);
}

TEST(ModelIo, HeaderIsChecked) {
  ModelWriter w("pos", "feat/1");
  auto wrong_kind = ModelReader::FromBytes(w.bytes(), "m.bin", "ner", "feat/1");
  EXPECT_FALSE(wrong_kind.ok());
  EXPECT_NE(wrong_kind.status().message().find("m.bin"), std::string::npos);
  auto wrong_features = ModelReader::FromBytes(w.bytes(), "m.bin", "pos", "feat/2");
  EXPECT_FALSE(wrong_features.ok());
  EXPECT_NE(wrong_features.status().message().find("retrain"), std::string::npos);
  auto junk = ModelReader::FromBytes("not a model at all", "x", "pos", "feat/1");
  EXPECT_FALSE(junk.ok());
  std::string truncated = w.bytes().substr(0, 10);
  EXPECT_FALSE(ModelReader::FromBytes(truncated, "t", "pos", "feat/1").ok());
}

TEST(ModelIo, CorruptBodyIsAnErrorNotACrash) {
  ModelWriter w("pos", "feat/1");
  w.U32(3);
  w.U64(1ull << 60);  // an absurd array length
  auto r = ModelReader::FromBytes(w.bytes(), "m", "pos", "feat/1");
  ASSERT_TRUE(r.ok());
  SparseLinearModel m;
  EXPECT_FALSE(m.Load(*r).ok());
  EXPECT_FALSE(ModelReader::Open("/nonexistent/model.bin", "pos", "feat/1").ok());
}

}  // namespace
}  // namespace parley::learn
