// CueModel: a learned yes/no decision on "this verb introduces an
// attribution", over features of the verb, its complement and its subject
// (attribution.cpp extracts them). Trained on PolNeAR train by
// `parley train quotes` (cue_trainer.h).
//
// Why learned: PolNeAR counts as attributions not only verbs of saying but
// beliefs, wishes, criticism and endorsements ("Trump is demanding …",
// "the group views …", "Pence defended …"), a long tail no hand-kept list
// covers, while many of those verbs are not attributions in other uses.
// The cue lexicon (cue_lexicon.h) stays: its class is one of the features,
// and without a model file the stage decides by the lexicon alone.
//
// Immutable after Train/Load: one instance serves every thread.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "learn/features.h"
#include "learn/linear_model.h"
#include "parley/status.h"

namespace parley::learn {
class ModelReader;
}  // namespace parley::learn

namespace parley::quotes {

class CueModel {
 public:
  // The feature templates of attribution.cpp; bumped when they change.
  static constexpr const char* kFeatureSet = "cue-features-4";

  CueModel() = default;
  // `lemmas`: verbs outside the cue lexicon that may be cues (sorted here).
  CueModel(learn::SparseLinearModel weights, std::vector<std::string> lemmas, float threshold)
      : weights_(std::move(weights)), lemmas_(std::move(lemmas)), threshold_(threshold) {
    std::sort(lemmas_.begin(), lemmas_.end());
  }

  static StatusOr<CueModel> Load(const std::string& path);
  // The same from a file's bytes; `name` is used in messages.
  static StatusOr<CueModel> FromBytes(std::string bytes, std::string name);
  static StatusOr<CueModel> FromReader(learn::ModelReader& reader);
  Status Save(const std::string& path) const;

  // Margin of "attribution" over "not": accept when above threshold().
  float Margin(const learn::FeatureVector& features) const {
    float scores[2] = {0, 0};
    weights_.Score(features.data(), features.size(), scores);
    return scores[1] - scores[0];
  }
  bool Accept(const learn::FeatureVector& features) const { return Margin(features) > threshold_; }
  float threshold() const { return threshold_; }
  CueModel WithThreshold(float threshold) const { return CueModel(weights_, lemmas_, threshold); }
  // A verb the lexicon does not list is a candidate only when training saw
  // it as a cue often enough ("demand", "endorse" are; "paint" is not).
  bool IsCueLemma(std::string_view lemma) const {
    return std::binary_search(lemmas_.begin(), lemmas_.end(), lemma);
  }
  const std::vector<std::string>& lemmas() const { return lemmas_; }
  size_t num_features() const { return weights_.num_features(); }

 private:
  learn::SparseLinearModel weights_;
  std::vector<std::string> lemmas_;  // sorted
  float threshold_ = 0;
};

}  // namespace parley::quotes
