// Feature frequency cut-off for transition models: count the features of the
// gold configurations once, then train on those seen at least k times only.
//
// Why: most distinct features (word pairs, rare words with a tag) occur once
// or twice. Their weights barely generalise but make up most of a model's
// size, and a model that fits the cache decodes several times faster. Cutting
// them before training lets the frequent features absorb what they knew.
#pragma once

#include <cstdint>
#include <unordered_map>
#include <unordered_set>

#include "learn/features.h"
#include "learn/transition_system.h"

namespace parley::learn {

class FeatureCounts {
 public:
  void Add(const FeatureVector& f) {
    for (FeatureId id : f.ids()) ++counts_[id];
  }
  size_t distinct() const { return counts_.size(); }
  // The features seen at least `min_count` times.
  std::unordered_set<FeatureId> Frequent(uint32_t min_count) const {
    std::unordered_set<FeatureId> keep;
    for (const auto& [id, n] : counts_) {
      if (n >= min_count) keep.insert(id);
    }
    return keep;
  }

 private:
  std::unordered_map<FeatureId, uint32_t> counts_;
};

// Wraps a feature extractor and drops every feature not in `keep`.
class FilteredFeatures final : public TransitionFeatures {
 public:
  FilteredFeatures(const TransitionFeatures& inner, const std::unordered_set<FeatureId>& keep)
      : inner_(inner), keep_(keep) {}
  void Extract(const Configuration& c, FeatureVector* out) const override {
    inner_.Extract(c, &all_);
    out->clear();
    for (FeatureId id : all_.ids()) {
      if (keep_.count(id)) out->Add(id);
    }
  }

 private:
  const TransitionFeatures& inner_;
  const std::unordered_set<FeatureId>& keep_;
  mutable FeatureVector all_;  // scratch; one FilteredFeatures per thread
};

}  // namespace parley::learn
