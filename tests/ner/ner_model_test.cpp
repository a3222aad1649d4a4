// Training on a tiny hand-written fixture (tests/data/ner): determinism,
// model file round trip, gazetteer matching.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <fstream>

#include "core/ascii.h"
#include "file_bytes.h"
#include "learn/model_io.h"
#include "ner/doc_context.h"
#include "ner/hashing.h"
#include "ner/ner_eval.h"
#include "ner/ner_trainer.h"

namespace parley::ner {
namespace {

const std::string kData = std::string(PARLEY_SOURCE_DIR) + "/tests/data/ner";

NerTrainOptions TinyOptions() {
  NerTrainOptions o;
  o.epochs = 6;
  o.second_epochs = 6;
  o.folds = 2;
  o.seed = 3;
  o.gazetteer_dir = kData + "/gazetteers";
  o.clusters_path = kData + "/clusters.txt";
  return o;
}

std::vector<NerDocument> TinyDocs() {
  auto docs = ReadConll(kData + "/tiny.conll");
  EXPECT_TRUE(docs.ok()) << docs.status().ToString();
  return docs.ok() ? *docs : std::vector<NerDocument>{};
}

std::string TempPath(const char* name) {
  return ::testing::TempDir() + "/" + name + std::to_string(::getpid());
}

TEST(NerTraining, FixtureHasThreeDocuments) {
  std::vector<NerDocument> docs = TinyDocs();
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_EQ(docs[1].sentences[0].words[0], "PARIS");
}

// Model files are not compared byte for byte: SparseLinearModel writes its
// (class, weight) entries with their struct padding, which is not
// initialised. Every weight the fixture can reach is compared instead.
TEST(NerTraining, IsDeterministic) {
  std::vector<NerDocument> docs = TinyDocs();
  auto a = TrainNer(docs, TinyOptions());
  auto b = TrainNer(docs, TinyOptions());
  ASSERT_TRUE(a.ok() && b.ok());
  size_t compared = 0;
  for (const NerDocument& d : docs) {
    NerInput in = InputOf(d);
    DocFeatures df;
    FeatureExtractor(&a->gazetteer, &a->lexicon).Extract(in, &df);
    std::vector<uint8_t> first;
    std::vector<uint8_t> labels = a->PredictLabels(in, &first);
    EXPECT_EQ(labels, b->PredictLabels(in, nullptr));
    AddDocumentFeatures(in, first, &df);
    for (learn::FeatureId f : df.feats) {
      for (const learn::SparseLinearModel* m : {&a->first, &a->second}) {
        const learn::SparseLinearModel& other = m == &a->first ? b->first : b->second;
        std::vector<float> sa(kNumLabels, 0.0f), sb(kNumLabels, 0.0f);
        m->Score(&f, 1, sa.data());
        other.Score(&f, 1, sb.data());
        EXPECT_EQ(sa, sb);
        ++compared;
      }
    }
  }
  EXPECT_GT(compared, 100u);
  // Gazetteer and clusters are saved without padding: those bytes agree.
  learn::ModelWriter wa("ner", "t"), wb("ner", "t");
  a->gazetteer.Save(wa);
  a->lexicon.Save(wa);
  b->gazetteer.Save(wb);
  b->lexicon.Save(wb);
  EXPECT_EQ(wa.bytes(), wb.bytes());
}

TEST(NerTraining, LearnsTheFixture) {
  std::vector<NerDocument> docs = TinyDocs();
  auto m = TrainNer(docs, TinyOptions());
  ASSERT_TRUE(m.ok());
  EXPECT_GE(ScoreDocuments(*m, docs).overall.f1(), 0.8);
}

TEST(NerTraining, AddsTheTrainingNamesAsGazetteerLists) {
  std::vector<NerDocument> docs = TinyDocs();
  auto m = TrainNer(docs, TinyOptions());
  ASSERT_TRUE(m.ok());
  std::vector<std::string> names = m->gazetteer.list_names();
  ASSERT_GE(names.size(), 4u);
  std::vector<std::string> tail(names.end() - 4, names.end());
  std::vector<std::string> want = {"train_per", "train_org", "train_loc", "train_misc"};
  EXPECT_EQ(tail, want);
  // "acme corp" is an ORG of the fixture: matched whole, B then L.
  const std::vector<uint64_t> lower = {HashString("acme"), HashString("corp")};
  std::vector<uint8_t> parts(2 * names.size());
  m->gazetteer.Match(lower.data(), 2, parts.data());
  const size_t org = names.size() - 3;
  EXPECT_EQ(parts[org], uint8_t(Part::kB));
  EXPECT_EQ(parts[names.size() + org], uint8_t(Part::kL));

  NerTrainOptions none = TinyOptions();
  none.name_folds = 0;
  auto plain = TrainNer(docs, none);
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ(plain->gazetteer.list_names().size(), names.size() - 4);
}

TEST(NerModelFile, RoundTripsAndPredictsTheSame) {
  std::vector<NerDocument> docs = TinyDocs();
  auto m = TrainNer(docs, TinyOptions());
  ASSERT_TRUE(m.ok());
  std::string path = TempPath("ner_rt");
  ASSERT_TRUE(m->Save(path).ok());
  auto loaded = NerModel::Load(path);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_TRUE(loaded->has_second);
  for (const NerDocument& d : docs) {
    NerInput in = InputOf(d);
    EXPECT_EQ(m->Predict(in), loaded->Predict(in));
  }
  // A truncated file is reported, not read.
  std::string bytes = test::FileBytes(path);
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes.substr(0, bytes.size() / 2);
  auto broken = NerModel::Load(path);
  EXPECT_FALSE(broken.ok());
  std::remove(path.c_str());
}

// NerWeights packs each weight with its class into 32 bits; its scores must
// stay those of the SparseLinearModels it was built from.
TEST(NerWeights, ScoresLikeTheSparseModels) {
  std::vector<NerDocument> docs = TinyDocs();
  auto m = TrainNer(docs, TinyOptions());
  ASSERT_TRUE(m.ok());
  size_t nonzero = 0;
  for (const NerDocument& d : docs) {
    NerInput in = InputOf(d);
    DocFeatures df;
    FeatureExtractor(&m->gazetteer, &m->lexicon).Extract(in, &df);
    for (int pass = 0; pass < 2; ++pass) {
      const learn::SparseLinearModel& sparse = pass == 0 ? m->first : m->second;
      for (learn::FeatureId f : df.feats) {
        std::vector<float> want(kNumLabels, 0.0f), got(kNumLabels, 0.0f);
        sparse.Score(&f, 1, want.data());
        m->packed.Score(pass, &f, 1, got.data());
        for (uint32_t c = 0; c < kNumLabels; ++c) {
          EXPECT_NEAR(got[c], want[c], 1e-5f * std::fabs(want[c]));
          nonzero += want[c] != 0.0f;
        }
      }
    }
  }
  EXPECT_GT(nonzero, 50u);
}

TEST(NerModelFile, RefusesAnOlderFeatureSet) {
  std::string path = TempPath("ner_old");
  learn::ModelWriter w("ner", "ner-bilou-v2");
  w.U32(0);
  ASSERT_TRUE(w.WriteFile(path).ok());
  auto loaded = NerModel::Load(path);
  ASSERT_FALSE(loaded.ok());
  EXPECT_NE(loaded.status().ToString().find("retrain"), std::string::npos);
  std::remove(path.c_str());
}

TEST(Gazetteer, MarksLongestMatchesPerList) {
  Gazetteer g =
      Gazetteer::FromLists({{"city", {"new york", "york", "new york city"}}, {"first", {"new"}}});
  std::vector<std::string> words = {"in", "New", "York", "City", "today"};
  std::vector<uint64_t> h;
  for (const auto& w : words) h.push_back(HashString(AsciiLower(w)));
  std::vector<uint8_t> parts(words.size() * g.num_lists());
  g.Match(h.data(), h.size(), parts.data());
  auto at = [&](size_t i, size_t l) { return static_cast<Part>(parts[i * 2 + l]); };
  EXPECT_EQ(at(0, 0), Part::kO);
  EXPECT_EQ(at(1, 0), Part::kB);
  EXPECT_EQ(at(2, 0), Part::kI);
  EXPECT_EQ(at(3, 0), Part::kL);
  EXPECT_EQ(at(1, 1), Part::kU);
  EXPECT_EQ(at(2, 1), Part::kO);
}

}  // namespace
}  // namespace parley::ner
