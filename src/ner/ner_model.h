// NerModel: everything the NER stage needs in one immutable object, loaded
// from one self-contained file (models/ner.model): the gazetteers and word
// clusters it was trained with, and two linear models, the first pass over
// local features and the second over local plus document-level features.
//
// Predict is pure and thread-safe; the stage (ner_stage.cpp) applies its
// result to a Document.
#pragma once

#include <string>
#include <vector>

#include "learn/linear_model.h"
#include "ner/features.h"
#include "ner/gazetteer.h"
#include "ner/labels.h"
#include "ner/lexicon.h"
#include "ner/ner_weights.h"

namespace parley::ner {

// Bumped whenever features.cpp or doc_context.cpp change what they extract.
inline constexpr char kNerFeatureSet[] = "ner-bilou-v4";

struct NerModel {
  Gazetteer gazetteer;
  Lexicon lexicon;
  learn::SparseLinearModel first;   // local features
  learn::SparseLinearModel second;  // local + document features
  bool has_second = false;
  NerWeights packed;  // first and second, repacked for speed (see Pack)

  // Builds `packed` from first/second; call after setting them.
  void Pack() { packed = NerWeights::Pack(first, has_second ? &second : nullptr); }

  static StatusOr<NerModel> Load(const std::string& path);
  Status Save(const std::string& path) const;

  // Entities of one document (token offsets into in.forms).
  std::vector<EntitySpan> Predict(const NerInput& in) const;
  // The same, keeping the per-token labels of each pass (for tests).
  std::vector<uint8_t> PredictLabels(const NerInput& in, std::vector<uint8_t>* first_pass) const;
};

// Greedy left-to-right decoding of every sentence of `in` with pass `pass`
// (0 or 1) of `weights`. Pass 0 also fills *second_static (when given) with
// pass 1's scores of the static features, which pass 1 then reads.
// Each decision may also take back the previous token's end (ToggleEnd in
// labels.h): after B-ORG "Open" the next word can only be I- or L-ORG, so
// "Texas Open and" used to run on; the token is scored after U-ORG too, and
// a label only that history allows wins if it scores best, turning the B
// into a U (the trainer learns with the same choice: +0.6 dev F1 over
// plain greedy, +0.3 more for U -> B and L -> I as well).
// (A beam was tried: the models are trained greedily, and summed scores
// ranked whole sequences so badly that dev F1 fell from 89.6 to 54.)
void DecodeDocument(const NerWeights& weights, int pass, const NerInput& in, const DocFeatures& df,
                    std::vector<float>* second_static, std::vector<uint8_t>* labels);

// Moves *best to the label c with allowed[c] and not exclude[c] (exclude may
// be null) scoring above *best_score, if any; true if it moved.
inline bool ImproveBestLabel(const float* scores, const uint8_t* allowed, const uint8_t* exclude,
                             uint32_t* best, float* best_score) {
  bool found = false;
  for (uint32_t c = 0; c < kNumLabels; ++c) {
    if (allowed[c] && !(exclude && exclude[c]) && scores[c] > *best_score) {
      *best_score = scores[c], *best = c, found = true;
    }
  }
  return found;
}

// The features of token i that do not depend on its history: static and,
// with_doc, document features (the history's come from AddHistory).
void GatherStatic(const DocFeatures& df, bool with_doc, uint32_t i,
                  std::vector<learn::FeatureId>* out);

// The start-of-sentence history symbol (not a label).
inline constexpr uint32_t kStartLabel = kNumLabels;

}  // namespace parley::ner
