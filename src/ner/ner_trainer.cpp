#include "ner/ner_trainer.h"

#include <algorithm>
#include <chrono>
#include <functional>
#include <limits>
#include <numeric>
#include <random>
#include <set>

#include "core/ascii.h"
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

// Epochs of greedy perceptron training over `docs` (indices into ex). Each
// decision is made as DecodeDocument makes it, taking back the previous
// token's end where that scores better, and learns from the features of the
// history its answer came with and of the history the gold label needs.
learn::SparseLinearModel TrainPass(std::vector<Example>& ex, std::vector<size_t> docs,
                                   bool with_doc, int epochs, const NerTrainOptions& o) {
  constexpr size_t kHist = FeatureExtractor::kHistoryFeatures;
  learn::AveragedPerceptron p(kNumLabels);
  std::mt19937_64 rng(o.seed);
  const auto drop_threshold = static_cast<uint64_t>(o.dropout * 0x1p64);
  std::vector<learn::FeatureId> feats, other_feats, hist;
  bool keep[kHist];
  float scores[kNumLabels];
  uint8_t allowed[kNumLabels], other_allowed[kNumLabels];
  for (int epoch = 0; epoch < epochs; ++epoch) {
    Shuffle(&docs, &rng);
    size_t errors = 0, tokens = 0;
    for (size_t d : docs) {
      const Example& x = ex[d];
      for (const auto& [b, e] : x.input.sentences) {
        uint32_t prev = kStartLabel, prev2 = kStartLabel;
        for (uint32_t i = b; i < e; ++i) {
          const TokenInfo& t = x.features.tokens[i];
          const bool last = i + 1 == e;
          // Dropout hides the same history features whichever the history.
          GatherStatic(x.features, with_doc, i, &feats);
          if (drop_threshold > 0) {
            std::erase_if(feats, [&](learn::FeatureId) { return rng() < drop_threshold; });
          }
          for (bool& k : keep) k = drop_threshold == 0 || rng() >= drop_threshold;
          other_feats = feats;
          auto add_history = [&](uint32_t h, std::vector<learn::FeatureId>* out) {
            hist.clear();
            FeatureExtractor::AddHistory(t, h, prev2, &hist);
            for (size_t k = 0; k < kHist; ++k) {
              if (keep[k]) out->push_back(hist[k]);
            }
          };
          add_history(prev, &feats);
          AllowedAfter(prev == kStartLabel ? kOutside : prev, last, allowed);
          std::fill(scores, scores + kNumLabels, 0.0f);
          p.Score(feats.data(), feats.size(), scores);
          uint32_t guess = kOutside;
          float best = -std::numeric_limits<float>::infinity();
          ImproveBestLabel(scores, allowed, nullptr, &guess, &best);
          const uint32_t gold = x.gold[i];
          const uint32_t other = ToggleEnd(prev);
          bool guess_other = false, gold_other = false;
          if (other != prev) {
            add_history(other, &other_feats);
            AllowedAfter(other, last, other_allowed);
            std::fill(scores, scores + kNumLabels, 0.0f);
            p.Score(other_feats.data(), other_feats.size(), scores);
            guess_other = ImproveBestLabel(scores, other_allowed, allowed, &guess, &best);
            gold_other = !allowed[gold] && other_allowed[gold];
          }
          if (guess != gold) {
            const auto& right = gold_other ? other_feats : feats;
            const auto& wrong = guess_other ? other_feats : feats;
            p.Nudge(right.data(), right.size(), gold, 1.0f);
            p.Nudge(wrong.data(), wrong.size(), guess, -1.0f);
            ++errors;
          }
          if (guess_other) prev = other;
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

// Lists "train_per" ... "train_misc" of the entity names in train[d] for
// every d with skip(d) false, lower-cased, each under every type it had.
// The names the training data shares with new text (teams, companies,
// agencies) then count whole, with their BILOU positions, as the other
// gazetteers do.
Gazetteer::Lists TrainingNames(const std::vector<NerDocument>& train,
                               const std::function<bool(size_t)>& skip) {
  std::vector<std::set<std::string>> names(kNumTypes);
  for (size_t d = 0; d < train.size(); ++d) {
    if (skip(d)) continue;
    for (const NerSentence& s : train[d].sentences) {
      for (const EntitySpan& e : s.gold) {
        std::string phrase;
        for (uint32_t i = e.begin; i < e.end; ++i) {
          if (i > e.begin) phrase += ' ';
          phrase += AsciiLower(s.words[i]);
        }
        names[size_t(e.type)].insert(phrase);
      }
    }
  }
  Gazetteer::Lists lists;
  for (int t = 0; t < kNumTypes; ++t) {
    std::string name = "train_" + AsciiLower(TypeName(t));
    lists.emplace_back(name,
                       std::vector<std::string>(names[size_t(t)].begin(), names[size_t(t)].end()));
  }
  return lists;
}

}  // namespace

StatusOr<NerModel> TrainNer(const std::vector<NerDocument>& train, const NerTrainOptions& o,
                            const std::vector<NerDocument>* dev) {
  if (!(o.dropout >= 0 && o.dropout < 1)) return InvalidArgument("dropout must be in [0, 1)");
  NerModel m;
  auto base_lists = Gazetteer::ReadDirectory(o.gazetteer_dir);
  if (!base_lists.ok()) return base_lists.status();
  const size_t name_folds = o.name_folds >= 2 ? size_t(o.name_folds) : 1;
  auto gazetteer = [&](const std::function<bool(size_t)>& skip) {
    Gazetteer::Lists lists = *base_lists;
    if (name_folds > 1) {
      Gazetteer::Lists names = TrainingNames(train, skip);
      lists.insert(lists.end(), names.begin(), names.end());
    }
    return Gazetteer::FromLists(lists);
  };
  m.gazetteer = gazetteer([](size_t) { return false; });
  auto lex = Lexicon::FromClusterFile(o.clusters_path);
  if (!lex.ok()) return lex.status();
  m.lexicon = std::move(*lex);

  std::vector<Example> ex(train.size());
  for (size_t d = 0; d < train.size(); ++d) {
    ex[d].input = InputOf(train[d]);
    ex[d].gold.clear();
    for (const NerSentence& s : train[d].sentences) {
      std::vector<uint8_t> g = EncodeBilou(s.words.size(), s.gold);
      ex[d].gold.insert(ex[d].gold.end(), g.begin(), g.end());
    }
  }
  // Each document sees the training names of the other folds only, as new
  // text sees those of the training set: they may well be missing.
  for (size_t f = 0; f < name_folds; ++f) {
    Gazetteer fold;
    if (name_folds > 1) fold = gazetteer([&](size_t d) { return d % name_folds == f; });
    FeatureExtractor fx(name_folds > 1 ? &fold : &m.gazetteer, &m.lexicon);
    for (size_t d = f; d < ex.size(); d += name_folds) fx.Extract(ex[d].input, &ex[d].features);
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
