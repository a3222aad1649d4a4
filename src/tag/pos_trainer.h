// Training of the part-of-speech model: a greedy left-to-right averaged
// perceptron over combined UPOS+XPOS labels (one decision fixes both, so the
// pair is always one the treebank uses), trained on its own predicted tag
// history so that training sees the errors decoding will make.
//
// Regularised by feature dropout (see PosTrainOptions), which is worth
// +0.3 UPOS on EWT dev over the plain averaged perceptron.
//
// Reproducible: the same data and options give the same model bytes (the
// shuffle and dropout use a fixed-algorithm generator seeded by `seed`, and
// every table written to the model is sorted).
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "parley/status.h"
#include "tag/pos_eval.h"
#include "tag/pos_model.h"
#include "tag/tagged_sentence.h"

namespace parley::tag {

struct PosTrainOptions {
  int epochs = 24;  // tuned on EWT dev (flat from about 20 on)
  uint64_t seed = 1;
  // Features seen fewer times in the training data (with gold history) are
  // dropped: they barely generalise and would dominate the model's size.
  uint32_t min_feature_count = 3;
  // Share of features hidden from each training decision (dropout for the
  // perceptron, after Wang & Manning 2013): the model cannot lean on any one
  // feature, which helps on the many words seen only a few times.
  double feature_dropout = 0.55;
  // Averaged weights smaller than this (in update units) are dropped: with
  // the count cut-off it halves the model (10 -> 5 MB) for -0.05 UPOS on
  // EWT dev, and a smaller table scores faster.
  float min_weight = 1.0f;
  // Tag dictionary thresholds (see word_table.h).
  uint32_t dictionary_min_count = 10;
  double dictionary_min_share = 0.99;
  // Labels below this share of a word's occurrences are left out of its
  // ambiguity class.
  double ambiguity_min_share = 0.05;
  // Distributional profiles from unlabelled text (null: none; the model then
  // relies on spelling and the annotated data alone).
  const ContextLexicon* contexts = nullptr;
};

struct PosEpochReport {
  int epoch = 0;
  double train_accuracy = 0;  // of the (non-averaged) model during the epoch
  double seconds = 0;
  size_t features = 0;  // in the averaged model
  bool has_dev = false;
  PosScores dev;  // of the averaged model after the epoch
};

// Trains on `train`; after each epoch scores `dev` (when not empty) and calls
// `on_epoch`. Fails on data the model cannot represent (too many labels).
StatusOr<PosModel> TrainPosModel(const std::vector<TaggedSentence>& train,
                                 const std::vector<TaggedSentence>& dev,
                                 const PosTrainOptions& options,
                                 const std::function<void(const PosEpochReport&)>& on_epoch = {});

}  // namespace parley::tag
