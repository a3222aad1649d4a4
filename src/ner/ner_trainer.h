// Training the NER tagger: greedy averaged-perceptron passes over CoNLL
// documents, learning from the tagger's own label history.
//
// The second (document-level) model needs first-pass labels on the training
// documents that are as wrong as they will be on new text, so they come
// from K-fold jackknifing: each fold is labelled by a first-pass model
// trained on the other folds. The shipped first-pass model is then trained
// on everything. Deterministic for a given seed.
#pragma once

#include <cstdio>
#include <string>
#include <vector>

#include "ner/conll.h"
#include "ner/ner_model.h"

namespace parley::ner {

struct NerTrainOptions {
  int epochs = 10;         // first pass
  int second_epochs = 10;  // second pass
  int folds = 5;           // jackknife folds (0 or 1: no second pass)
  // The entity names of the training data become four more gazetteer lists
  // (train_per ...); a training document sees only those of the other
  // name_folds - 1 folds, as new text sees names it may not have. 0 or 1:
  // none. +0.3 to +0.6 dev F1.
  int name_folds = 5;
  uint64_t seed = 8;  // the shipped model's (data/ner/NOTICE)
  // Averaged weights below this are dropped: 0.5 takes 1.9 MB off the model
  // (dropout keeps many small weights) for about -0.06 dev F1.
  float min_weight = 0.5f;
  // Share of features hidden from each training decision (dropout for the
  // perceptron, after Wang & Manning 2013, as in src/tag): 0.2 and 0.3 are
  // both worth about +0.5 dev F1 over none; 0.5 is too much.
  double dropout = 0.2;
  std::string gazetteer_dir;  // data/ner/gazetteers
  std::string clusters_path;  // data/ner/clusters.txt
  FILE* log = nullptr;        // progress lines, or none
};

StatusOr<NerModel> TrainNer(const std::vector<NerDocument>& train, const NerTrainOptions& options,
                            const std::vector<NerDocument>* dev = nullptr);

// A document's NerInput; views point into `doc`, which must outlive it.
NerInput InputOf(const NerDocument& doc);

}  // namespace parley::ner
