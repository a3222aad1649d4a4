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
inline constexpr char kNerFeatureSet[] = "ner-bilou-v3";

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
// (A beam was tried: the models are trained greedily, and summed scores
// ranked whole sequences so badly that dev F1 fell from 89.6 to 54.)
void DecodeDocument(const NerWeights& weights, int pass, const NerInput& in, const DocFeatures& df,
                    std::vector<float>* second_static, std::vector<uint8_t>* labels);

// The features of token i given its history: static, (document), history.
void GatherFeatures(const DocFeatures& df, bool with_doc, uint32_t i, uint32_t prev, uint32_t prev2,
                    std::vector<learn::FeatureId>* out);

// The start-of-sentence history symbol (not a label).
inline constexpr uint32_t kStartLabel = kNumLabels;

}  // namespace parley::ner
