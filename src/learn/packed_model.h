// PackedLinearModel: a SparseLinearModel laid out for scoring speed.
//
// Why: a greedy parser scores ~100 features per transition over a model of
// several MB; with the sparse layout each feature cost three dependent cache
// misses (slot, row index, entries) and decoding ran at ~35k tokens/s,
// nearly all of it waiting on memory. Here
//   - weights are int16, quantised against the largest |weight| (scores are
//     int32 sums, so ranking is exact up to the rounding of each weight);
//   - a slot holds a 32-bit check of the key and the row's offset, so one
//     probe reaches the row, whose header says how long it is;
//   - in memory a row is dense (one weight per class, added with SIMD) from
//     a quarter full, else (class, weight) pairs; the file keeps only pairs;
//   - the slots and rows of a whole feature vector are prefetched before
//     any is read, so their cache misses overlap; a slot marks a dense
//     row, so that all its cache lines are fetched, not only the first
//     (measured on the parser: ~15% faster).
// (A separate small table for the most frequent features was tried and was
// slower: those already stay in cache.)
// A key matches when its table position and its top 32 bits agree; a
// feature absent from the model matches a stored one with probability
// ~2^-32 per lookup, which changes nothing measurable. Immutable after
// Pack()/Load(); the rows and the table are laid out at load.
#pragma once

#include <cstdint>
#include <cstdlib>
#include <new>
#include <vector>

#include "learn/features.h"
#include "learn/linear_model.h"
#include "parley/status.h"

namespace parley::learn {

// madvise(MADV_HUGEPAGE) where the platform has it; a no-op elsewhere.
void AdviseHugePages(void* p, size_t bytes);

// Allocates large arrays on 2 MB boundaries and asks Linux for transparent
// huge pages: a table probed at random over megabytes otherwise also pays
// for TLB misses (measured: ~10% of scoring time).
template <typename T>
struct HugePageAllocator {
  using value_type = T;
  HugePageAllocator() = default;
  template <typename U>
  HugePageAllocator(const HugePageAllocator<U>&) {}  // NOLINT(google-explicit-constructor)
  T* allocate(size_t n);
  void deallocate(T* p, size_t) { std::free(p); }
  friend bool operator==(const HugePageAllocator&, const HugePageAllocator&) { return true; }
};

class ModelWriter;
class ModelReader;

class PackedLinearModel {
 public:
  PackedLinearModel() = default;
  // Packs `m`. Weights that round to zero are dropped.
  static PackedLinearModel Pack(const SparseLinearModel& m);

  uint32_t num_classes() const { return num_classes_; }
  size_t num_features() const { return keys_.size(); }
  // Score sums are weights times scale().
  float scale() const { return scale_; }

  // Adds each feature's weights into scores[0 .. num_classes).
  void Score(const FeatureId* feats, size_t n, int32_t* scores) const;

  void Save(ModelWriter& w) const;
  Status Load(ModelReader& r);

 private:
  static constexpr uint32_t kNone = 0xffffffffu;
  static constexpr uint16_t kDense = 0x8000;  // row header flag

  // A slot's row offset has this bit set when the row is dense, so that
  // scoring can fetch all of its cache lines before reading its header.
  static constexpr uint32_t kDenseRow = 0x80000000u;

  struct Slot {
    uint32_t check;  // top 32 bits of the key
    uint32_t row;    // offset of the row in data_ (| kDenseRow), kNone when empty
  };
  // The first slot to probe: the low 32 bits of the key scaled onto the
  // table (any size, not only powers of two, so the load factor is chosen).
  size_t Home(FeatureId f) const {
    return static_cast<size_t>((static_cast<uint64_t>(static_cast<uint32_t>(f)) * capacity_) >> 32);
  }
  size_t Next(size_t i) const { return i + 1 == capacity_ ? 0 : i + 1; }
  // Bytes of a dense row: its header and one weight per class.
  size_t DenseRowBytes() const { return (size_t{num_classes_} + 1) * sizeof(int16_t); }
  uint32_t Find(FeatureId f) const {
    const auto check = static_cast<uint32_t>(f >> 32);
    for (size_t i = Home(f);; i = Next(i)) {
      const Slot& s = slots_[i];
      if (s.row == kNone) return kNone;
      if (s.check == check) return s.row;
    }
  }
  // Builds the run-time rows (offsets_, data_) and the table.
  void Layout();
  void BuildIndex();

  uint32_t num_classes_ = 0;
  float scale_ = 1;  // weight = quantised / scale_
  // What the file holds: sorted keys and each one's (class, weight) pairs.
  std::vector<FeatureId> keys_;
  std::vector<uint32_t> row_begin_;  // pair index of each row, plus the end
  std::vector<int16_t> pairs_;       // class, weight, class, weight, ...
  // Run time: a row per key, a header then all weights (dense) or pairs.
  std::vector<uint32_t> offsets_;
  std::vector<int16_t> data_;
  size_t capacity_ = 0;
  std::vector<Slot, HugePageAllocator<Slot>> slots_;
};

template <typename T>
T* HugePageAllocator<T>::allocate(size_t n) {
  constexpr size_t kHuge = size_t{2} << 20;
  size_t bytes = n * sizeof(T);
  void* p = nullptr;
  if (bytes >= kHuge) {
    size_t rounded = (bytes + kHuge - 1) / kHuge * kHuge;
    p = std::aligned_alloc(kHuge, rounded);
    if (p) AdviseHugePages(p, rounded);
  } else {
    p = std::malloc(bytes ? bytes : 1);
  }
  if (!p) throw std::bad_alloc();
  return static_cast<T*>(p);
}

}  // namespace parley::learn
