// EvalTokenize on a hand-made CoNLL-U fixture with known counts, and on EWT
// dev when ../shared is present (the accuracy floor).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "parley/eval.h"
#include "parley/pipeline.h"

namespace parley {
namespace {

Pipeline DefaultPipeline() {
  auto p = Pipeline::CreateDefault();
  EXPECT_TRUE(p.ok()) << p.status().ToString();
  return std::move(p).value();
}

TEST(EvalTokenize, CountsOnTheSmallFixture) {
  Pipeline pipeline = DefaultPipeline();
  auto s = EvalTokenize(PARLEY_SOURCE_DIR "/tests/data/eval/tokenize_small.conllu", pipeline);
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->documents, 2u);
  // doc1 "I saw Mr. Smith. It's fine\n\nCall me at 5pm today." (49 bytes),
  // doc2 "We met Dr. Jones there." (23 bytes).
  EXPECT_EQ(s->bytes, 72u);
  // Gold has 19 surface tokens ("It's" is one multi-word token). The
  // segmenter splits "5pm" (20 predicted) and rejoins It + 's.
  EXPECT_EQ(s->tokens.gold, 19u);
  EXPECT_EQ(s->tokens.predicted, 20u);
  EXPECT_EQ(s->tokens.correct, 18u);
  // Gold ends a sentence after "Dr." (an annotation the segmenter does not
  // follow: a title never ends a sentence).
  EXPECT_EQ(s->sentences.gold, 5u);
  EXPECT_EQ(s->sentences.predicted, 4u);
  EXPECT_EQ(s->sentences.correct, 3u);
  EXPECT_NEAR(s->sentences.f1(), 2.0 * 0.75 * 0.6 / 1.35, 1e-9);
}

TEST(EvalTokenize, MissingFileIsNotFound) {
  Pipeline pipeline = DefaultPipeline();
  auto s = EvalTokenize("/nonexistent/gold.conllu", pipeline);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), StatusCode::kNotFound);
}

TEST(EvalTokenize, FormThatIsNotInTheTextIsAnError) {
  std::string path = ::testing::TempDir() + "/parley_bad_text.conllu";
  {
    std::ofstream out(path);
    out << "# text = Hello world\n1\tHello\t_\t_\t_\t_\t0\troot\t_\t_\n"
           "2\tplanet\t_\t_\t_\t_\t1\tdep\t_\t_\n\n";
  }
  Pipeline pipeline = DefaultPipeline();
  auto s = EvalTokenize(path, pipeline);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(s.status().message().find("parley_bad_text.conllu:1"), std::string::npos)
      << s.status().message();
  std::filesystem::remove(path);
}

// The accuracy floor on EWT dev: about one point under what was measured
// when the segmenter landed (tokens 0.9936, sentences 0.8840).
TEST(EvalTokenize, EwtDevAccuracyFloor) {
  std::string path = PARLEY_SHARED_DIR "/data/ud-en-ewt/en_ewt-ud-dev.conllu";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << path << " not found";
  Pipeline pipeline = DefaultPipeline();
  auto s = EvalTokenize(path, pipeline);
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_GE(s->tokens.f1(), 0.983);
  EXPECT_GE(s->sentences.f1(), 0.874);
  EXPECT_GT(s->documents, 300u);
}

}  // namespace
}  // namespace parley
