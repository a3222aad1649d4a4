// Parser training: averaged perceptron over arc-hybrid transitions with a
// dynamic oracle and error exploration, projective sentences only.
//
// Deterministic: the same sentences, options and seed give the same model
// bytes (shuffling and exploration draw from one seeded mt19937_64 with no
// library distributions; the model is written in sorted order).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "learn/oracle_trainer.h"
#include "parley/parser.h"
#include "parse/parse_model.h"
#include "parse/word_classes.h"

namespace parley::parse {

struct ParseTrainOptions {
  int epochs = 15;
  uint64_t seed = 1;
  learn::ExplorationOptions explore;
  // Above 1: train globally for beam search of this width (max-violation
  // updates on the static oracle's derivation; `explore` is not used) and
  // decode with it. 1: greedy, dynamic oracle with exploration.
  uint32_t beam_width = 1;
  // Features seen fewer times in the gold configurations are never
  // weighted (model size and speed vs accuracy).
  uint32_t min_feature_count = 3;
  // Averaged weights below this are dropped.
  float min_weight = 1e-3f;
  std::string provenance;  // stored in the model file
  // Ambiguity classes from gold tags; when null they are built from the
  // training data, whose tags must then be gold.
  const WordClasses* word_classes = nullptr;
  // Progress lines (one per epoch); may be empty.
  std::function<void(const std::string&)> log;
};

struct ParseTrainReport {
  uint64_t sentences = 0;              // trained on
  uint64_t skipped_nonprojective = 0;  // not trainable by the arc oracle
  uint64_t tokens = 0;
  uint64_t distinct_features = 0, kept_features = 0;  // after the count cut-off
  int best_epoch = 0;                                 // 1-based; the model kept
  double dev_uas = 0, dev_las = 0;                    // of the model kept (0 without dev)
};

// Trains on `train`; when `dev` is non-empty the epoch with the best dev LAS
// is kept, otherwise the last. Tags are taken as given in both.
StatusOr<ParseModel> TrainParser(const std::vector<TreebankSentence>& train,
                                 const std::vector<TreebankSentence>& dev,
                                 const ParseTrainOptions& options, ParseTrainReport* report);

// UAS and LAS of `model` over `gold` with the tags as given (no Document,
// no stages: the training loop's quick check).
struct QuickScores {
  double uas = 0, las = 0;
  uint64_t tokens = 0;
  uint64_t distinct_features = 0, kept_features = 0;  // after the count cut-off
};
QuickScores ScoreModel(const ParseModel& model, const std::vector<TreebankSentence>& gold);

}  // namespace parley::parse
