// Sparse features for the linear models: each feature is a 64-bit hash of a
// template id and its value, so no feature string is ever stored.
#pragma once

#include <xxhash.h>

#include <cstdint>
#include <string_view>
#include <vector>

namespace parley::learn {

using FeatureId = uint64_t;

// Hash of (template, value). Templates are small integers per model.
inline FeatureId HashFeature(uint32_t tmpl, std::string_view value) {
  return XXH3_64bits_withSeed(value.data(), value.size(), tmpl);
}
// Hash of (template, two values), e.g. a word with the previous tag.
inline FeatureId HashFeature(uint32_t tmpl, std::string_view a, std::string_view b) {
  FeatureId ha = XXH3_64bits_withSeed(a.data(), a.size(), tmpl);
  return XXH3_64bits_withSeed(b.data(), b.size(), ha);
}
// Hash of (template, integers): tag ids, distances, valencies.
inline FeatureId HashFeature(uint32_t tmpl, uint64_t a, uint64_t b = 0, uint64_t c = 0) {
  uint64_t v[3] = {a, b, c};
  return XXH3_64bits_withSeed(v, sizeof v, 0x9E3779B97F4A7C15ull ^ tmpl);
}

// The features of one decision.
class FeatureVector {
 public:
  void clear() { ids_.clear(); }
  void Add(FeatureId id) { ids_.push_back(id); }
  const FeatureId* data() const { return ids_.data(); }
  size_t size() const { return ids_.size(); }
  const std::vector<FeatureId>& ids() const { return ids_; }

 private:
  std::vector<FeatureId> ids_;
};

}  // namespace parley::learn
