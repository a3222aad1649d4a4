// The content-end model: training on synthetic end examples (it learns the
// best end, ties go to the parse's end), its file round trip and checks at
// load, and determinism.
#include <gtest/gtest.h>

#include <filesystem>

#include "file_bytes.h"
#include "learn/features.h"
#include "quotes/cue_trainer.h"

namespace parley::quotes {
namespace {

learn::FeatureVector Features(std::string_view next, std::string_view side) {
  learn::FeatureVector f;
  f.Add(learn::HashFeature(4, next));
  f.Add(learn::HashFeature(20, next, side));
  return f;
}

// Three ends each: the parse's (the middle one, followed by "in"), one
// shorter (followed by "and") and one longer (the sentence's end). The best
// end is the one before "in" when "in" follows the parse's end, the longer
// one when "to" follows it.
std::vector<LabelledEnd> Examples() {
  std::vector<LabelledEnd> out;
  for (int i = 0; i < 5; ++i) {
    LabelledEnd cut;  // "attacked Machado | in early-morning tweets"
    cut.ends = {Features("and", "shorter"), Features("in", "parse"), Features("<end>", "longer")};
    cut.gain = {0.4f, 1.0f, 0.3f};
    cut.parse_end = 1;
    out.push_back(cut);
    LabelledEnd grow;  // "called for the nominee | to be taken …"
    grow.ends = {Features("and", "shorter"), Features("to", "parse"), Features("<end>", "longer")};
    grow.gain = {0.2f, 0.4f, 0.9f};
    grow.parse_end = 1;
    out.push_back(grow);
  }
  return out;
}

TEST(ContentEndModel, LearnsTheBestEnd) {
  EndTrainReport report;
  const ContentEndModel m = TrainContentEndModel(Examples(), CueTrainOptions{}, &report);
  const std::vector<LabelledEnd> x = Examples();
  EXPECT_EQ(m.Best(x[0].ends, x[0].parse_end), 1u);
  EXPECT_EQ(m.Best(x[1].ends, x[1].parse_end), 2u);
  EXPECT_EQ(report.examples, 10u);
  EXPECT_NEAR(report.parse_gain, 0.7, 1e-6);
  EXPECT_NEAR(report.best_gain, 0.95, 1e-6);
  double parse = 0;
  EXPECT_NEAR(ScoreContentEnds(m, x, &parse), 0.95, 1e-6);
  EXPECT_NEAR(parse, 0.7, 1e-6);
}

TEST(ContentEndModel, TiesGoToTheParsesEnd) {
  const ContentEndModel empty;  // no weights: every end scores 0
  const std::vector<LabelledEnd> x = Examples();
  EXPECT_EQ(empty.Best(x[0].ends, 1), 1u);
  EXPECT_EQ(empty.Best(x[0].ends, 2), 2u);
  EXPECT_EQ(empty.Best(x[0].ends, 7), 0u);  // out of range: the first
  EXPECT_EQ(empty.Best({}, 0), 0u);
}

TEST(ContentEndModel, RoundTripDeterminismAndChecks) {
  namespace fs = std::filesystem;
  const std::string a = (fs::temp_directory_path() / "parley_content_a.model").string();
  const std::string b = (fs::temp_directory_path() / "parley_content_b.model").string();
  ASSERT_TRUE(TrainContentEndModel(Examples(), CueTrainOptions{}).Save(a).ok());
  ASSERT_TRUE(TrainContentEndModel(Examples(), CueTrainOptions{}).Save(b).ok());
  EXPECT_EQ(test::FileBytes(a), test::FileBytes(b));
  auto loaded = ContentEndModel::Load(a);
  ASSERT_TRUE(loaded.ok()) << loaded.status().message();
  const ContentEndModel trained = TrainContentEndModel(Examples(), CueTrainOptions{});
  for (const LabelledEnd& x : Examples()) {
    for (const learn::FeatureVector& f : x.ends)
      EXPECT_FLOAT_EQ(loaded->Score(f), trained.Score(f));
  }
  // A cue model is not a content-end model, nor is a truncated file.
  ASSERT_TRUE(CueModel().Save(b).ok());
  auto wrong = ContentEndModel::Load(b);
  ASSERT_FALSE(wrong.ok());
  EXPECT_NE(wrong.status().message().find(b), std::string::npos);
  const std::string bytes = test::FileBytes(a);
  EXPECT_FALSE(ContentEndModel::FromBytes(bytes.substr(0, bytes.size() - 3), "cut.model").ok());
  EXPECT_FALSE(ContentEndModel::Load(a + ".missing").ok());
  fs::remove(a);
  fs::remove(b);
}

}  // namespace
}  // namespace parley::quotes
