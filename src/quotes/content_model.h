// ContentEndModel: where an indirect quote's content ends. The parse gives
// a first guess (the complement's subtree), but annotators often end a
// content elsewhere: they keep a trailing "to …" clause or "and …" that the
// parse hung on the cue ("called for X to be taken …"), and drop an oblique
// the parse hung on the content ("attacked Machado in early-morning
// tweets"). The model scores the tokens near the parse's end that can close
// a phrase as the last one, over features of the words around
// the boundary and how the parse crosses it (attribution.cpp extracts
// them); the best-scoring end wins, the parse's end on ties.
//
// A ranking perceptron trained on PolNeAR train by `parley train quotes`
// (cue_trainer.h), beside the cue model. Optional: without
// `content.model` the parse's end stays.
//
// Immutable after Train/Load: one instance serves every thread.
#pragma once

#include <string>
#include <vector>

#include "learn/features.h"
#include "learn/linear_model.h"
#include "learn/packed_model.h"
#include "parley/status.h"

namespace parley::learn {
class ModelReader;
}  // namespace parley::learn

namespace parley::quotes {

class ContentEndModel {
 public:
  // The feature templates of attribution.cpp; bumped when they change.
  static constexpr const char* kFeatureSet = "content-end-features-2";

  ContentEndModel() = default;
  explicit ContentEndModel(learn::SparseLinearModel weights)
      : weights_(std::move(weights)), packed_(learn::PackedLinearModel::Pack(weights_)) {}

  static StatusOr<ContentEndModel> Load(const std::string& path);
  // The same from a file's bytes; `name` is used in messages.
  static StatusOr<ContentEndModel> FromBytes(std::string bytes, std::string name);
  Status Save(const std::string& path) const;

  float Score(const learn::FeatureVector& features) const {
    if (packed_.num_features() == 0) return 0;  // no weights
    int32_t score = 0;
    packed_.Score(features.data(), features.size(), &score);
    return static_cast<float>(score) / packed_.scale();
  }
  // The index of the best-scoring end; `fallback` (the parse's end) unless
  // another scores strictly higher.
  size_t Best(const std::vector<learn::FeatureVector>& ends, size_t fallback) const;
  size_t num_features() const { return weights_.num_features(); }

 private:
  learn::SparseLinearModel weights_;  // what the file holds
  learn::PackedLinearModel packed_;   // what scores (int16 weights, prefetched)
};

}  // namespace parley::quotes
