// NerWeights: the two passes' linear models repacked for scoring speed.
//
// Why: with SparseLinearModel each feature costs dependent cache misses
// (slot, row index, entries), per pass; most features of new text are not
// in the model at all, and the static features are scored by both passes.
// Here one table serves both passes (a feature's slot holds both rows), a
// 256 KB bit filter answers "not in the model" from cache for most absent
// features, and pass one's lookups also fill pass two's static scores.
//
// Built from the SparseLinearModels at load (they stay the file format);
// immutable afterwards and shared by all threads.
#pragma once

#include <bit>
#include <cstdint>
#include <vector>

#include "learn/features.h"
#include "learn/linear_model.h"
#include "ner/labels.h"

namespace parley::ner {

class NerWeights {
 public:
  NerWeights() = default;
  // `second` may be null (a one-pass model).
  static NerWeights Pack(const learn::SparseLinearModel& first,
                         const learn::SparseLinearModel* second);

  // Adds pass `pass`'s weights of feats[0, n) into scores[0, kNumLabels).
  void Score(int pass, const learn::FeatureId* feats, size_t n, float* scores) const;
  // Adds both passes' weights at once (pass two into `second_scores`).
  void ScoreBoth(const learn::FeatureId* feats, size_t n, float* first_scores,
                 float* second_scores) const;

 private:
  // 16 bytes, four to a cache line. A key's pass-1 row follows its pass-0
  // row in entries_, so one offset serves both.
  struct Slot {
    uint64_t key;
    uint32_t begin;   // pass 0's row; pass 1's starts at begin + size[0]
    uint8_t size[2];  // rows have at most kNumLabels entries
    uint16_t pad;
  };
  // A weight with its class in the low mantissa bits (the 2^-18 relative
  // error this costs is far below what the averaged weights mean): half the
  // size of a (class, float) pair, so twice the rows per cache line.
  static constexpr uint32_t kClassBits = 5;
  static_assert(kNumLabels <= (1u << kClassBits));
  using Entry = uint32_t;
  static Entry MakeEntry(uint32_t cls, float weight) {
    return (std::bit_cast<uint32_t>(weight) & ~((1u << kClassBits) - 1)) | cls;
  }
  static uint32_t ClassOf(Entry e) { return e & ((1u << kClassBits) - 1); }
  static float WeightOf(Entry e) { return std::bit_cast<float>(e & ~((1u << kClassBits) - 1)); }
  static constexpr uint32_t kFilterBits = 1u << 21;

  static uint64_t FilterHash(learn::FeatureId f) { return f ^ (f >> 31); }
  static size_t Home(learn::FeatureId f) { return size_t(f * 0x9E3779B97F4A7C15ull >> 20); }
  bool InFilter(learn::FeatureId f) const {
    uint64_t h = FilterHash(f);
    return (filter_[(h >> 6) & (kFilterBits / 64 - 1)] >> (h & 63)) & 1;
  }
  const Slot* Probe(learn::FeatureId f) const {
    const size_t mask = slots_.size() - 1;
    for (size_t i = Home(f) & mask;; i = (i + 1) & mask) {
      const Slot& s = slots_[i];
      if (s.key == f) return &s;
      if (s.key == 0) return nullptr;
    }
  }
  template <int kPasses>
  void ScoreChunked(int pass, const learn::FeatureId* feats, size_t n, float* scores0,
                    float* scores1) const;

  std::vector<uint64_t> filter_;
  std::vector<Slot> slots_;
  std::vector<Entry> entries_;
};

}  // namespace parley::ner
