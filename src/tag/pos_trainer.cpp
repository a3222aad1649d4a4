// TrainPosModel (see pos_trainer.h).
#include "tag/pos_trainer.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <random>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "learn/perceptron.h"
#include "tag/greedy_decoder.h"
#include "tag/pos_lexicons.h"

namespace parley::tag {
namespace {

struct Labels {
  std::vector<std::string> upos, xpos;
  std::map<std::pair<std::string, std::string>, uint16_t> index;
};

// Labels sorted by (UPOS, XPOS): the numbering depends only on the data.
Labels CollectLabels(const std::vector<TaggedSentence>& data) {
  Labels l;
  for (const TaggedSentence& s : data) {
    for (size_t i = 0; i < s.size(); ++i) l.index[{s.upos[i], s.xpos[i]}] = 0;
  }
  uint16_t next = 0;
  for (auto& [pair, id] : l.index) {
    id = next++;
    l.upos.push_back(pair.first);
    l.xpos.push_back(pair.second);
  }
  return l;
}

// One sentence prepared for training: its forms as views, gold labels and
// lexicons (the ambiguity lexicon built without its fold).
struct Example {
  std::vector<std::string_view> forms;
  std::vector<uint16_t> gold;
  PosLexicons lexicons;
};

constexpr size_t kLexiconFolds = 10;

// Features seen at least `min_count` times in the training data, extracted
// with gold labels as history.
std::unordered_set<learn::FeatureId> FrequentFeatures(const std::vector<Example>& examples,
                                                      const WordTable& dictionary,
                                                      uint32_t min_count) {
  PosScratch s;
  std::vector<learn::FeatureId> all;
  for (const Example& ex : examples) {
    PrepareSentence(ex.forms, ex.lexicons, &s);
    s.labels.resize(ex.forms.size());
    DecodeGreedy(
        &s, ex.forms.size(), dictionary,
        [&](size_t i, const learn::FeatureVector& f) {
          all.insert(all.end(), f.ids().begin(), f.ids().end());
          return ex.gold[i];
        },
        s.labels.data());
  }
  std::sort(all.begin(), all.end());
  std::unordered_set<learn::FeatureId> kept;
  for (size_t i = 0; i < all.size();) {
    size_t j = i;
    while (j < all.size() && all[j] == all[i]) ++j;
    if (j - i >= min_count) kept.insert(all[i]);
    i = j;
  }
  return kept;
}

// The perceptron, trained on its own greedy predictions as history.
class Trainer {
 public:
  Trainer(uint32_t num_labels, const WordTable& dictionary,
          const std::unordered_set<learn::FeatureId>& kept, double dropout, uint64_t seed)
      : perceptron_(num_labels),
        dictionary_(dictionary),
        kept_(kept),
        scores_(num_labels),
        rng_(seed),
        drop_threshold_(static_cast<uint64_t>(dropout * 0x1p64)) {}

  // One epoch over examples[order]; returns the accuracy during it.
  double Epoch(const std::vector<Example>& examples, const std::vector<size_t>& order) {
    uint64_t correct = 0, total = 0;
    for (size_t k : order) {
      const Example& ex = examples[k];
      const size_t n = ex.forms.size();
      PrepareSentence(ex.forms, ex.lexicons, &s_);
      s_.labels.resize(n);
      DecodeGreedy(
          &s_, n, dictionary_,
          [&](size_t i, const learn::FeatureVector& f) { return Learn(f, ex.gold[i]); },
          s_.labels.data());
      for (size_t i = 0; i < n; ++i) correct += s_.labels[i] == ex.gold[i];
      total += n;
    }
    return total ? double(correct) / double(total) : 0.0;
  }
  learn::SparseLinearModel Finalize(float min_weight) const {
    return perceptron_.Finalize(min_weight);
  }

 private:
  uint16_t Learn(const learn::FeatureVector& f, uint16_t gold) {
    feats_.clear();
    for (learn::FeatureId id : f.ids()) {
      if (drop_threshold_ > 0 && rng_() < drop_threshold_) continue;
      if (kept_.count(id)) feats_.push_back(id);
    }
    std::fill(scores_.begin(), scores_.end(), 0.0f);
    perceptron_.Score(feats_.data(), feats_.size(), scores_.data());
    uint16_t guess = ArgMax(scores_.data(), scores_.size());
    perceptron_.Update(feats_.data(), feats_.size(), gold, guess);
    perceptron_.Tick();
    return guess;
  }

  learn::AveragedPerceptron perceptron_;
  const WordTable& dictionary_;
  const std::unordered_set<learn::FeatureId>& kept_;
  PosScratch s_;
  std::vector<learn::FeatureId> feats_;
  std::vector<float> scores_;
  std::mt19937_64 rng_;
  uint64_t drop_threshold_;  // a feature is dropped when rng_() falls below
};

// Fisher-Yates by hand: std::shuffle's algorithm differs between libraries.
void Shuffle(std::vector<size_t>* order, std::mt19937_64* rng) {
  for (size_t i = order->size(); i > 1; --i) std::swap((*order)[i - 1], (*order)[(*rng)() % i]);
}

double Since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

StatusOr<PosModel> TrainPosModel(const std::vector<TaggedSentence>& train,
                                 const std::vector<TaggedSentence>& dev,
                                 const PosTrainOptions& options,
                                 const std::function<void(const PosEpochReport&)>& on_epoch) {
  if (!(options.feature_dropout >= 0 && options.feature_dropout < 1)) {
    return InvalidArgument("feature dropout must be in [0, 1)");
  }
  Labels labels = CollectLabels(train);
  if (labels.upos.empty()) return InvalidArgument("no training words");
  if (labels.upos.size() >= kStartLabel) return InvalidArgument("too many UPOS+XPOS labels");
  const auto num_labels = static_cast<uint32_t>(labels.upos.size());

  std::vector<Example> examples;
  WordLabelCounts by_form, by_norm;
  std::vector<WordLabelCounts> by_norm_in_fold(kLexiconFolds);
  for (size_t k = 0; k < train.size(); ++k) {
    const TaggedSentence& s = train[k];
    Example& ex = examples.emplace_back();
    for (size_t i = 0; i < s.size(); ++i) {
      ex.forms.push_back(s.forms[i]);
      uint16_t label = labels.index.at({s.upos[i], s.xpos[i]});
      ex.gold.push_back(label);
      ++by_form[s.forms[i]][label];
      std::string norm = NormalForm(s.forms[i]);
      ++by_norm[norm][label];
      ++by_norm_in_fold[k % kLexiconFolds][norm][label];
    }
  }
  WordTable dictionary =
      BuildTagDictionary(by_form, options.dictionary_min_count, options.dictionary_min_share);
  WordTable ambiguity = BuildAmbiguityLexicon(by_norm, options.ambiguity_min_share);
  // Jackknifed: each training sentence sees the lexicon of the other folds,
  // so its rare words look as unknown as new words will at run time.
  std::vector<WordTable> fold_ambiguity;
  for (const WordLabelCounts& fold : by_norm_in_fold) {
    fold_ambiguity.push_back(
        BuildAmbiguityLexicon(Subtract(by_norm, fold), options.ambiguity_min_share));
  }
  const ContextLexicon no_contexts;
  const ContextLexicon& contexts = options.contexts ? *options.contexts : no_contexts;
  for (size_t k = 0; k < examples.size(); ++k) {
    examples[k].lexicons = {&fold_ambiguity[k % kLexiconFolds], &contexts};
  }
  Lemmatizer lemmatizer;
  lemmatizer.Learn(train);
  std::unordered_set<learn::FeatureId> kept =
      FrequentFeatures(examples, dictionary, options.min_feature_count);
  std::mt19937_64 rng(options.seed);  // fully specified by the standard
  Trainer trainer(num_labels, dictionary, kept, options.feature_dropout, options.seed ^ 0xd20b);
  std::vector<size_t> order(examples.size());
  for (size_t k = 0; k < order.size(); ++k) order[k] = k;
  PosModel model;
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    auto t0 = std::chrono::steady_clock::now();
    Shuffle(&order, &rng);
    PosEpochReport report;
    report.epoch = epoch;
    report.train_accuracy = trainer.Epoch(examples, order);
    model = PosModel(labels.upos, labels.xpos, dictionary, ambiguity, contexts,
                     trainer.Finalize(options.min_weight), lemmatizer);
    report.features = model.weights().num_features();
    if (!dev.empty()) {
      report.has_dev = true;
      report.dev = EvalPos(model, dev, /*measure_speed=*/false);
    }
    report.seconds = Since(t0);
    if (on_epoch) on_epoch(report);
  }
  return model;
}

}  // namespace parley::tag
