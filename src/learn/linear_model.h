// SparseLinearModel: the immutable scoring half of a trained linear model.
//
// Each feature maps to a short row of (class, weight) pairs; only non-zero
// weights are kept, so models with a hundred classes stay a few MB. Lookups
// use an open-addressing table keyed by the 64-bit feature hash. Immutable
// after construction: one instance serves every thread.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "learn/features.h"
#include "parley/status.h"

namespace parley::learn {

class ModelWriter;
class ModelReader;

class SparseLinearModel {
 public:
  struct Entry {
    uint16_t cls;
    float weight;
  };

  SparseLinearModel() = default;
  // Builds from per-feature rows (feature, entries).
  static SparseLinearModel Build(uint32_t num_classes,
                                 const std::vector<std::pair<FeatureId, std::vector<Entry>>>& rows);

  uint32_t num_classes() const { return num_classes_; }
  size_t num_features() const { return num_features_; }

  // Adds each feature's weights into scores[0 .. num_classes).
  void Score(const FeatureId* feats, size_t n, float* scores) const {
    for (size_t i = 0; i < n; ++i) {
      uint32_t row = Find(feats[i]);
      if (row == kNone) continue;
      for (uint32_t k = row_begin_[row]; k < row_begin_[row + 1]; ++k) {
        scores[entries_[k].cls] += entries_[k].weight;
      }
    }
  }

  void Save(ModelWriter& w) const;
  Status Load(ModelReader& r);

 private:
  static constexpr uint32_t kNone = 0xffffffffu;
  uint32_t Find(FeatureId f) const {
    if (slots_.empty()) return kNone;
    size_t mask = slots_.size() - 1;
    for (size_t i = Mix(f) & mask;; i = (i + 1) & mask) {
      const Slot& s = slots_[i];
      if (s.row == kNone) return kNone;
      if (s.key == f) return s.row;
    }
  }
  static size_t Mix(FeatureId f) { return static_cast<size_t>(f ^ (f >> 29)); }
  void BuildIndex(const std::vector<FeatureId>& keys);

  struct Slot {
    FeatureId key;
    uint32_t row;
  };
  uint32_t num_classes_ = 0;
  size_t num_features_ = 0;
  std::vector<Slot> slots_;
  std::vector<uint32_t> row_begin_;  // num_features + 1
  std::vector<Entry> entries_;
};

}  // namespace parley::learn
