#include "ner/ner_trainer.h"

#include <algorithm>
#include <chrono>
#include <numeric>
#include <random>

#include "learn/perceptron.h"
#include "ner/doc_context.h"
#include "ner/ner_eval.h"

namespace parley::ner {

NerInput InputOf(const NerDocument& doc) {
  NerInput in;
  for (const NerSentence& s : doc.sentences) {
    auto b = static_cast<uint32_t>(in.forms.size());
    for (const std::string& w : s.words) in.forms.emplace_back(w);
    in.sentences.emplace_back(b, static_cast<uint32_t>(in.forms.size()));
  }
  return in;
}

namespace {

struct Example {
  NerInput input;
  std::vector<uint8_t> gold;
  DocFeatures features;
};

// Fisher-Yates by hand: std::shuffle's algorithm differs between libraries.
void Shuffle(std::vector<size_t>* order, std::mt19937_64* rng) {
  for (size_t i = order->size(); i > 1; --i) std::swap((*order)[i - 1], (*order)[(*rng)() % i]);
}

// Epochs of greedy perceptron training over `docs` (indices into ex).
learn::SparseLinearModel TrainPass(std::vector<Example>& ex, std::vector<size_t> docs,
                                   bool with_doc, int epochs, const NerTrainOptions& o) {
  learn::AveragedPerceptron p(kNumLabels);
  std::mt19937_64 rng(o.seed);
  const auto drop_threshold = static_cast<uint64_t>(o.dropout * 0x1p64);
  std::vector<learn::FeatureId> feats;
  uint8_t allowed[kNumLabels];
  for (int epoch = 0; epoch < epochs; ++epoch) {
    Shuffle(&docs, &rng);
    size_t errors = 0, tokens = 0;
    for (size_t d : docs) {
      const Example& x = ex[d];
      for (const auto& [b, e] : x.input.sentences) {
        uint32_t prev = kStartLabel, prev2 = kStartLabel;
        for (uint32_t i = b; i < e; ++i) {
          GatherFeatures(x.features, with_doc, i, prev, prev2, &feats);
          if (drop_threshold > 0) {
            std::erase_if(feats, [&](learn::FeatureId) { return rng() < drop_threshold; });
          }
          AllowedAfter(prev == kStartLabel ? kOutside : prev, i + 1 == e, allowed);
          uint32_t guess = p.Predict(feats.data(), feats.size(), allowed);
          if (guess != x.gold[i]) {
            p.Update(feats.data(), feats.size(), x.gold[i], guess);
            ++errors;
          }
          p.Tick();
          ++tokens;
          prev2 = prev;
          prev = guess;
        }
      }
    }
    if (o.log) {
      std::fprintf(o.log, "  %s epoch %d: %.2f%% token errors, %zu features\n",
                   with_doc ? "second pass" : "first pass", epoch + 1,
                   100.0 * double(errors) / double(std::max<size_t>(tokens, 1)), p.num_features());
    }
  }
  return p.Finalize(o.min_weight);
}

void Report(const char* what, const NerModel& m, const std::vector<NerDocument>* dev,
            const NerTrainOptions& o) {
  if (!dev || !o.log) return;
  NerScores s = ScoreDocuments(m, *dev);
  std::fprintf(o.log, "  dev (%s): P %.2f R %.2f F1 %.2f\n", what, 100 * s.overall.precision(),
               100 * s.overall.recall(), 100 * s.overall.f1());
}

}  // namespace

StatusOr<NerModel> TrainNer(const std::vector<NerDocument>& train, const NerTrainOptions& o,
                            const std::vector<NerDocument>* dev) {
  if (!(o.dropout >= 0 && o.dropout < 1)) return InvalidArgument("dropout must be in [0, 1)");
  NerModel m;
  auto gaz = Gazetteer::FromDirectory(o.gazetteer_dir);
  if (!gaz.ok()) return gaz.status();
  m.gazetteer = std::move(*gaz);
  auto lex = Lexicon::FromClusterFile(o.clusters_path);
  if (!lex.ok()) return lex.status();
  m.lexicon = std::move(*lex);

  FeatureExtractor fx(&m.gazetteer, &m.lexicon);
  std::vector<Example> ex(train.size());
  for (size_t d = 0; d < train.size(); ++d) {
    ex[d].input = InputOf(train[d]);
    ex[d].gold.clear();
    for (const NerSentence& s : train[d].sentences) {
      std::vector<uint8_t> g = EncodeBilou(s.words.size(), s.gold);
      ex[d].gold.insert(ex[d].gold.end(), g.begin(), g.end());
    }
    fx.Extract(ex[d].input, &ex[d].features);
  }
  std::vector<size_t> all(ex.size());
  std::iota(all.begin(), all.end(), size_t{0});

  if (o.folds >= 2) {
    for (int k = 0; k < o.folds; ++k) {
      std::vector<size_t> in_fold, rest;
      for (size_t d : all) (int(d % size_t(o.folds)) == k ? in_fold : rest).push_back(d);
      if (o.log) std::fprintf(o.log, "jackknife fold %d/%d\n", k + 1, o.folds);
      NerWeights fold = NerWeights::Pack(TrainPass(ex, rest, false, o.epochs, o), nullptr);
      for (size_t d : in_fold) {
        std::vector<uint8_t> labels;
        DecodeDocument(fold, 0, ex[d].input, ex[d].features, nullptr, &labels);
        AddDocumentFeatures(ex[d].input, labels, &ex[d].features);
      }
    }
  }
  if (o.log) std::fprintf(o.log, "first pass on all %zu documents\n", ex.size());
  m.first = TrainPass(ex, all, false, o.epochs, o);
  m.Pack();
  Report("first pass", m, dev, o);
  if (o.folds >= 2) {
    if (o.log) std::fprintf(o.log, "second pass\n");
    m.second = TrainPass(ex, all, true, o.second_epochs, o);
    m.has_second = true;
    m.Pack();
    Report("both passes", m, dev, o);
  }
  return m;
}

}  // namespace parley::ner
