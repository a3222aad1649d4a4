// The cue model: its file round trip, its checks at load, and training
// (lemmas kept beyond the lexicon, determinism) on synthetic examples.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "file_bytes.h"
#include "learn/features.h"
#include "quotes/cue_trainer.h"

namespace parley::quotes {
namespace {

LabelledCue Example(std::string lemma, bool in_lexicon, bool cue, std::string_view frame) {
  LabelledCue e;
  e.features.Add(learn::HashFeature(1, lemma));
  e.features.Add(learn::HashFeature(5, frame));
  e.lemma = std::move(lemma);
  e.in_lexicon = in_lexicon;
  e.cue = cue;
  return e;
}

std::vector<LabelledCue> Examples() {
  std::vector<LabelledCue> out;
  for (int i = 0; i < 6; ++i) out.push_back(Example("say", true, true, "ccomp"));
  out.push_back(Example("say", true, false, "obj"));
  // "praise": outside the lexicon, a cue 3 times in 4.
  for (int i = 0; i < 3; ++i) out.push_back(Example("praise", false, true, "obj"));
  out.push_back(Example("praise", false, false, "obj"));
  // "build": outside the lexicon, a cue once in 12 (under the 10% share).
  out.push_back(Example("build", false, true, "obj"));
  for (int i = 0; i < 11; ++i) out.push_back(Example("build", false, false, "obj"));
  return out;
}

TEST(CueModel, KeepsLemmasThatAreCuesOftenEnough) {
  CueTrainReport report;
  CueModel m = TrainCueModel(Examples(), CueTrainOptions{}, &report);
  EXPECT_TRUE(m.IsCueLemma("praise"));
  EXPECT_FALSE(m.IsCueLemma("build"));
  EXPECT_FALSE(m.IsCueLemma("say"));  // the lexicon's own verbs are not repeated
  EXPECT_EQ(report.lemmas, 1u);
  // "build" does not train: 7 "say" + 4 "praise" examples.
  EXPECT_EQ(report.examples, 11u);
  EXPECT_EQ(report.positives, 9u);
  EXPECT_TRUE(m.Accept(Examples()[0].features));
}

TEST(CueModel, RoundTripAndDeterminism) {
  namespace fs = std::filesystem;
  const std::string a = (fs::temp_directory_path() / "parley_cue_a.model").string();
  const std::string b = (fs::temp_directory_path() / "parley_cue_b.model").string();
  CueTrainOptions options;
  options.threshold = 0.5f;
  ASSERT_TRUE(TrainCueModel(Examples(), options).Save(a).ok());
  ASSERT_TRUE(TrainCueModel(Examples(), options).Save(b).ok());
  EXPECT_EQ(test::FileBytes(a), test::FileBytes(b));
  auto loaded = CueModel::Load(a);
  ASSERT_TRUE(loaded.ok()) << loaded.status().message();
  const CueModel trained = TrainCueModel(Examples(), options);
  EXPECT_FLOAT_EQ(loaded->threshold(), 0.5f);
  EXPECT_EQ(loaded->lemmas(), trained.lemmas());
  for (const LabelledCue& e : Examples()) {
    EXPECT_FLOAT_EQ(loaded->Margin(e.features), trained.Margin(e.features));
  }
}

TEST(CueModel, RefusesOtherFilesByName) {
  namespace fs = std::filesystem;
  const std::string path = (fs::temp_directory_path() / "parley_cue_bad.model").string();
  {
    std::ofstream out(path, std::ios::binary);
    out << "not a model";
  }
  auto bad = CueModel::Load(path);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find(path), std::string::npos);
  // A truncated file.
  ASSERT_TRUE(TrainCueModel(Examples(), CueTrainOptions{}).Save(path).ok());
  const std::string bytes = test::FileBytes(path);
  {
    std::ofstream out(path, std::ios::binary);
    out << bytes.substr(0, bytes.size() - 5);
  }
  EXPECT_FALSE(CueModel::Load(path).ok());
  EXPECT_FALSE(CueModel::Load(path + ".missing").ok());
}

}  // namespace
}  // namespace parley::quotes
