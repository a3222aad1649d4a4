// AveragedPerceptron: the training half of the linear models (Collins 2002,
// with lazy averaging). Multi-class; rows are sparse per feature so memory
// stays proportional to the weights actually touched.
//
// Finalize() averages the weights and drops near-zero ones, giving the
// immutable SparseLinearModel used at run time.
#pragma once

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "learn/features.h"
#include "learn/linear_model.h"

namespace parley::learn {

class AveragedPerceptron {
 public:
  explicit AveragedPerceptron(uint32_t num_classes) : num_classes_(num_classes) {}

  uint32_t num_classes() const { return num_classes_; }
  // Current (non-averaged) scores into scores[0 .. num_classes).
  void Score(const FeatureId* feats, size_t n, float* scores) const;
  // Best class among those with allowed[c] (all when allowed is null).
  uint32_t Predict(const FeatureId* feats, size_t n, const uint8_t* allowed = nullptr) const;
  // Moves weight from `wrong` to `right` for these features (one example).
  void Update(const FeatureId* feats, size_t n, uint32_t right, uint32_t wrong);
  // Adds `delta` to class `cls`'s weight of each of these features (for an
  // update whose right and wrong answers were scored on different features).
  void Nudge(const FeatureId* feats, size_t n, uint32_t cls, float delta);
  // Call once per example, after any Update, to advance the averaging clock.
  void Tick() { ++clock_; }

  // Averaged weights; features whose largest |weight| < min_weight dropped.
  SparseLinearModel Finalize(float min_weight = 1e-3f) const;
  size_t num_features() const { return rows_.size(); }

 private:
  struct Cell {
    uint16_t cls;
    float weight;
    double total;  // sum of weight over time, up to `stamp`
    uint64_t stamp;
  };
  void Add(std::vector<Cell>& row, uint32_t cls, float delta);

  uint32_t num_classes_;
  uint64_t clock_ = 1;
  std::unordered_map<FeatureId, std::vector<Cell>> rows_;
};

}  // namespace parley::learn
