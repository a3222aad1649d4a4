// Training the cue model (cue_model.h) from documents with gold attribution
// cues: every verb candidate the parse offers is an example, labelled yes
// when its cue token lies in a gold cue span. An averaged perceptron over
// the examples in a seeded shuffle: deterministic for a given input order.
#pragma once

#include <cstdint>
#include <vector>

#include "parley/document.h"
#include "quotes/cue_lexicon.h"
#include "quotes/cue_model.h"

namespace parley::quotes {

struct LabelledCue {
  learn::FeatureVector features;
  std::string lemma;
  bool in_lexicon = false;
  bool cue = false;
};

// Appends doc's verb candidates (the document needs the quote stage's
// annotations: tokens to parse and NER mentions), labelled by `gold_cues`
// (byte spans of the original text).
void AddCueExamples(Document& doc, const CueLexicon& lexicon, const std::vector<Span>& gold_cues,
                    std::vector<LabelledCue>* out);

struct CueTrainOptions {
  int epochs = 10;
  uint64_t seed = 1;
  float min_weight = 1e-3f;
  float threshold = 0;  // margin above which a candidate is accepted
  // A verb outside the lexicon becomes a candidate at run time when it was a
  // gold cue at least `min_lemma_cues` times and in `min_lemma_share` of its
  // candidates.
  uint32_t min_lemma_cues = 2;
  double min_lemma_share = 0.15;
};

struct CueTrainReport {
  uint64_t examples = 0, positives = 0;  // those trained on
  size_t lemmas = 0;                     // verbs outside the lexicon kept as cues
  double last_epoch_accuracy = 0;        // training accuracy of the last epoch's online predictions
  size_t features = 0;                   // in the finished model
};

CueModel TrainCueModel(const std::vector<LabelledCue>& examples, const CueTrainOptions& options,
                       CueTrainReport* report = nullptr);

}  // namespace parley::quotes
