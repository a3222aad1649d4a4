// Training the cue model (cue_model.h) and the content-end model
// (content_model.h) from documents with gold attributions: every verb
// candidate the parse offers is a cue example, labelled yes when its cue
// token lies in a gold cue span; a yes candidate whose content follows the
// cue is also an end example, whose best end is the one whose content
// overlaps the gold content most (token Jaccard, the PolNeAR scorer's
// measure). Averaged perceptrons over the examples in a seeded shuffle:
// deterministic for a given input order.
#pragma once

#include <cstdint>
#include <vector>

#include "parley/document.h"
#include "quotes/content_model.h"
#include "quotes/cue_lexicon.h"
#include "quotes/cue_model.h"

namespace parley::quotes {

struct LabelledCue {
  learn::FeatureVector features;
  std::string lemma;
  bool in_lexicon = false;
  bool cue = false;
};

// One gold attribution's cue and content (byte spans of the original text;
// either may have several pieces).
struct GoldQuote {
  std::vector<Span> cue, content;
};

// A content's possible ends with their features, and how well each would
// match the gold content (token Jaccard).
struct LabelledEnd {
  std::vector<learn::FeatureVector> ends;
  std::vector<float> gain;
  size_t parse_end = 0;  // the parse's own end
};

// Appends doc's verb candidates (the document needs the quote stage's
// annotations: tokens to parse and NER mentions), labelled by `gold`, to
// *cues, and the end examples of those that are gold cues to *ends.
void AddCueExamples(Document& doc, const CueLexicon& lexicon, const std::vector<GoldQuote>& gold,
                    std::vector<LabelledCue>* cues, std::vector<LabelledEnd>* ends);

struct CueTrainOptions {
  int epochs = 7;  // 7 to 20 score alike on PolNeAR dev; 7 varies least across seeds
  uint64_t seed = 1;
  float min_weight = 1e-3f;
  // Margin above which a candidate is accepted. Below zero: on PolNeAR dev
  // a little recall is worth more than the precision it costs (the
  // training command's sweep shows the trade).
  float threshold = -2;
  // A verb outside the lexicon becomes a candidate at run time when it was a
  // gold cue at least `min_lemma_cues` times and in `min_lemma_share` of its
  // candidates.
  uint32_t min_lemma_cues = 1;
  double min_lemma_share = 0.1;
};

struct CueTrainReport {
  uint64_t examples = 0, positives = 0;  // those trained on
  size_t lemmas = 0;                     // verbs outside the lexicon kept as cues
  double last_epoch_accuracy = 0;        // training accuracy of the last epoch's online predictions
  size_t features = 0;                   // in the finished model
};

CueModel TrainCueModel(const std::vector<LabelledCue>& examples, const CueTrainOptions& options,
                       CueTrainReport* report = nullptr);

struct EndTrainReport {
  uint64_t examples = 0;       // with at least one end that overlaps the gold content
  double parse_gain = 0;       // mean Jaccard of the parse's ends
  double best_gain = 0;        // mean Jaccard of the best ends (the ceiling)
  double last_epoch_gain = 0;  // mean Jaccard of the last epoch's online choices
  size_t features = 0;         // in the finished model
};

// Mean Jaccard with gold of the ends `model` chooses on `examples`, and of
// the parse's ends in *parse (for a dev split).
double ScoreContentEnds(const ContentEndModel& model, const std::vector<LabelledEnd>& examples,
                        double* parse);

// Uses options.epochs, seed and min_weight.
ContentEndModel TrainContentEndModel(const std::vector<LabelledEnd>& examples,
                                     const CueTrainOptions& options,
                                     EndTrainReport* report = nullptr);

}  // namespace parley::quotes
