// PosModel and its trainer on the hand-written fixture: training fits it,
// files round-trip exactly, training is reproducible, bad files are refused.
#include "tag/pos_model.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "tag/context_counter.h"
#include "tag/pos_eval.h"
#include "tag/pos_trainer.h"
#include "tag/tagged_corpus.h"

namespace parley::tag {
namespace {

std::vector<TaggedSentence> Fixture() {
  auto data = ReadTaggedConllu(PARLEY_SOURCE_DIR "/tests/data/tag/fixture.conllu");
  EXPECT_TRUE(data.ok()) << data.status().ToString();
  return data.ok() ? std::move(*data) : std::vector<TaggedSentence>{};
}

// A context lexicon from the fixture's own text, so the tests cover it too.
ContextLexicon FixtureContexts(const std::vector<TaggedSentence>& data) {
  ContextCounter counter;
  for (int copy = 0; copy < 5; ++copy) {
    for (const TaggedSentence& s : data) {
      std::vector<std::string_view> forms(s.forms.begin(), s.forms.end());
      counter.Add(forms);
    }
  }
  ContextOptions o;
  o.context_words = 20;
  o.min_count = 5;
  return counter.Build(o);
}

PosModel Train(const std::vector<TaggedSentence>& data, const ContextLexicon* contexts,
               uint64_t seed = 7) {
  PosTrainOptions o;
  o.epochs = 10;
  o.seed = seed;
  // The fixture is tiny: keep every feature and weight, and dropout light.
  o.min_feature_count = 1;
  o.min_weight = 0.0f;
  o.feature_dropout = 0.1;
  o.contexts = contexts;
  auto model = TrainPosModel(data, {}, o);
  EXPECT_TRUE(model.ok()) << model.status().ToString();
  return model.ok() ? std::move(*model) : PosModel();
}

std::vector<std::string> Upos(const PosModel& m, const std::vector<std::string>& words) {
  std::vector<std::string_view> forms(words.begin(), words.end());
  PosScratch scratch;
  m.Tag(forms, &scratch);
  std::vector<std::string> out;
  for (uint16_t label : scratch.labels) out.emplace_back(m.upos(label));
  return out;
}

TEST(PosModel, FixtureModelTagsItsTrainingData) {
  std::vector<TaggedSentence> data = Fixture();
  ContextLexicon contexts = FixtureContexts(data);
  EXPECT_GT(contexts.size(), 0u);
  PosModel model = Train(data, &contexts);
  PosScores s = EvalPos(model, data);
  EXPECT_EQ(s.tokens, 144u);
  EXPECT_GE(s.upos_accuracy(), 0.98);
  EXPECT_GE(s.xpos_accuracy(), 0.98);
  EXPECT_EQ(Upos(model, {"She", "went", "to", "the", "market", "yesterday", "."}),
            (std::vector<std::string>{"PRON", "VERB", "ADP", "DET", "NOUN", "NOUN", "PUNCT"}));
}

TEST(PosModel, SaveLoadRoundTripGivesIdenticalPredictions) {
  std::vector<TaggedSentence> data = Fixture();
  ContextLexicon contexts = FixtureContexts(data);
  PosModel model = Train(data, &contexts);
  std::string bytes = model.Serialize();
  auto back = PosModel::FromBytes(bytes, "fixture.model");
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->Serialize(), bytes);
  PosScratch a, b;
  LemmaScratch la, lb;
  for (const TaggedSentence& s : data) {
    std::vector<std::string_view> forms(s.forms.begin(), s.forms.end());
    model.Tag(forms, &a);
    back->Tag(forms, &b);
    ASSERT_EQ(a.labels, b.labels);
    for (size_t i = 0; i < forms.size(); ++i) {
      EXPECT_EQ(model.Lemma(forms[i], a.labels[i], &la), back->Lemma(forms[i], b.labels[i], &lb));
    }
  }
  // Words never seen in training go through the same code paths.
  EXPECT_EQ(Upos(model, {"Zork", "blorfed", "the", "quuxes", "."}),
            Upos(*back, {"Zork", "blorfed", "the", "quuxes", "."}));
}

TEST(PosModel, TrainingIsReproducible) {
  std::vector<TaggedSentence> data = Fixture();
  ContextLexicon contexts = FixtureContexts(data);
  EXPECT_EQ(Train(data, &contexts, 3).Serialize(), Train(data, &contexts, 3).Serialize());
  EXPECT_EQ(Train(data, nullptr, 3).Serialize(), Train(data, nullptr, 3).Serialize());
}

TEST(PosModel, DamagedFilesAreRefusedWithTheirName) {
  PosModel model = Train(Fixture(), nullptr);
  std::string bytes = model.Serialize();
  auto cut = PosModel::FromBytes(bytes.substr(0, bytes.size() / 2), "cut.model");
  ASSERT_FALSE(cut.ok());
  EXPECT_NE(cut.status().message().find("cut.model"), std::string::npos);
  auto missing = PosModel::Load("/nonexistent/pos.model");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("/nonexistent/pos.model"), std::string::npos);
  std::string other = bytes;
  other[8] = 99;  // format version
  EXPECT_FALSE(PosModel::FromBytes(other, "v.model").ok());
}

// A model whose labels include (PUNCT, HYPH), (PUNCT, ,) and (NUM, CD).
PosModel HyphenModel() {
  auto sentence = [](std::vector<std::string> forms, std::vector<std::string> upos,
                     std::vector<std::string> xpos) {
    TaggedSentence t;
    t.forms = std::move(forms);
    t.upos = std::move(upos);
    t.xpos = std::move(xpos);
    t.lemmas = t.forms;
    return t;
  };
  std::vector<TaggedSentence> data;
  for (int k = 0; k < 5; ++k) {
    data.push_back(sentence({"a", "long", "-", "term", "plan"},
                            {"DET", "ADJ", "PUNCT", "NOUN", "NOUN"},
                            {"DT", "JJ", "HYPH", "NN", "NN"}));
    data.push_back(sentence({"he", "left", "-", "she", "stayed"},
                            {"PRON", "VERB", "PUNCT", "PRON", "VERB"},
                            {"PRP", "VBD", ",", "PRP", "VBD"}));
    data.push_back(sentence({"it", "was", "5", "-", "4"}, {"PRON", "AUX", "NUM", "PUNCT", "NUM"},
                            {"PRP", "VBD", "CD", ",", "CD"}));
  }
  return Train(data, nullptr);
}

TEST(PosModel, HyphenGluedToWordsIsAHyphen) {
  PosModel m = HyphenModel();
  auto xpos = [&](std::vector<std::string_view> forms, std::vector<uint8_t> space_after) {
    PosScratch scratch;
    m.Tag(forms, &scratch);
    m.MarkGluedHyphens(forms, space_after, scratch.labels.data());
    std::vector<std::string> out;
    for (uint16_t label : scratch.labels) out.emplace_back(m.xpos(label));
    return out;
  };
  // Tagged as the dash of "he left - she stayed" when spaced ...
  const std::vector<std::string_view> forms = {"he", "left", "-", "she", "stayed"};
  EXPECT_EQ(xpos(forms, {1, 1, 1, 1, 1})[2], ",");
  // ... and a hyphen when glued on both sides ("left-she").
  EXPECT_EQ(xpos(forms, {1, 0, 0, 1, 1})[2], "HYPH");
  // Glued on one side only, or between digits (a score, a range): as tagged.
  EXPECT_EQ(xpos(forms, {1, 0, 1, 1, 1})[2], ",");
  EXPECT_EQ(xpos({"it", "was", "5", "-", "4"}, {1, 1, 0, 0, 1})[3], ",");
  // No spacing given: nothing changes.
  EXPECT_EQ(xpos(forms, {})[2], ",");
}

TEST(PosModel, EmptySentenceTagsNothing) {
  PosModel model = Train(Fixture(), nullptr);
  PosScratch scratch;
  model.Tag({}, &scratch);
  EXPECT_TRUE(scratch.labels.empty());
}

TEST(PosModel, TheFeaturePartsAreAllTheFeatures) {
  // The tagger scores the parts that read one word once per word form, the
  // joint part per use: together they must be exactly the features it was
  // trained on.
  std::vector<TaggedSentence> data = Fixture();
  ContextLexicon contexts = FixtureContexts(data);
  PosModel model = Train(data, &contexts);
  std::vector<std::string_view> forms = {"Well-known", "reporters", "didn't", "say",    "3.5",
                                         "words",      "to",        "Ms.",    "O'Neil", "."};
  PosScratch s;
  PrepareSentence(forms, {&model.ambiguity(), &model.contexts()}, &s);
  for (size_t i = 0; i < forms.size(); ++i) {
    learn::FeatureVector all;
    ExtractFeatures(s, i, 3, 5, &all);
    std::vector<learn::FeatureId> a(all.ids().begin(), all.ids().end()), b;
    for (uint32_t part : {kWordPart, kBeforePart, kAfterPart, kJointPart}) {
      learn::FeatureVector f;
      ExtractFeatures(s, i, 3, 5, &f, part);
      EXPECT_GT(f.size(), 0u) << forms[i] << " part " << part;
      b.insert(b.end(), f.ids().begin(), f.ids().end());
    }
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    EXPECT_EQ(a, b) << forms[i];
  }
}

TEST(PosModel, TheWordCacheChangesNoLabel) {
  // Tagging the same words again (cached scores), after another model used
  // the scratch, or with a cache of one slot that every lookup evicts,
  // gives the labels a fresh scratch gives.
  std::vector<TaggedSentence> data = Fixture();
  PosModel a = Train(data, nullptr, 7), b = Train(data, nullptr, 8);
  PosScratch shared, tiny;
  tiny.word_scores.slots = 1;
  for (const TaggedSentence& sentence : data) {
    std::vector<std::string_view> forms(sentence.forms.begin(), sentence.forms.end());
    for (const PosModel* m : {&a, &b, &a}) {
      PosScratch fresh;
      m->Tag(forms, &fresh);
      m->Tag(forms, &shared);
      EXPECT_EQ(fresh.labels, shared.labels);
      m->Tag(forms, &tiny);
      EXPECT_EQ(fresh.labels, tiny.labels);
    }
  }
}

TEST(PosModel, CachedLemmasAreTheLemmas) {
  // Through the thread's cache, of the default size or of one slot that
  // every other (form, label) evicts: the lemmatiser's answer.
  std::vector<TaggedSentence> data = Fixture();
  PosModel model = Train(data, nullptr);
  PosScratch shared, tiny;
  tiny.lemmas.slots = 1;
  LemmaScratch ls;
  size_t checked = 0;
  for (int round = 0; round < 2; ++round) {
    for (const TaggedSentence& sentence : data) {
      std::vector<std::string_view> forms(sentence.forms.begin(), sentence.forms.end());
      for (PosScratch* s : {&shared, &tiny}) {
        model.Tag(forms, s);
        for (size_t i = 0; i < forms.size(); ++i) {
          const std::string want(model.Lemma(forms[i], s->labels[i], &ls));
          EXPECT_EQ(model.CachedLemma(s, i, forms[i], s->labels[i], &ls), want) << forms[i];
          ++checked;
        }
      }
    }
  }
  EXPECT_GT(checked, 100u);
}

}  // namespace
}  // namespace parley::tag
