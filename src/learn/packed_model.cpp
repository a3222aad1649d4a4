// PackedLinearModel packing, scoring and files (see packed_model.h).
#include "learn/packed_model.h"

#include <algorithm>
#include <cmath>

#if defined(__x86_64__)
#include <immintrin.h>
#endif
#if defined(__linux__)
#include <sys/mman.h>
#endif

#include "learn/model_io.h"

namespace parley::learn {

void AdviseHugePages(void* p, size_t bytes) {
#if defined(MADV_HUGEPAGE)
  madvise(p, bytes, MADV_HUGEPAGE);  // advice only: failure changes nothing
#else
  (void)p;
  (void)bytes;
#endif
}

PackedLinearModel PackedLinearModel::Pack(const SparseLinearModel& m) {
  // SparseLinearModel exposes its rows only through its file layout, so read
  // them back from Save(): U32 classes, then keys, row starts and entries.
  ModelWriter w("packing", "rows");
  m.Save(w);
  PackedLinearModel p;
  p.num_classes_ = m.num_classes();
  StatusOr<ModelReader> reader = ModelReader::FromBytes(w.bytes(), "packing", "packing", "rows");
  std::vector<FeatureId> keys;
  std::vector<uint32_t> row_begin;
  std::vector<SparseLinearModel::Entry> entries;
  uint32_t classes = 0;
  if (!reader.ok() || !reader->U32(&classes).ok() || !reader->Array(&keys).ok() ||
      !reader->Array(&row_begin).ok() || !reader->Array(&entries).ok()) {
    return p;  // unreachable: the bytes were just written
  }
  float max_weight = 0;
  for (const auto& e : entries) max_weight = std::max(max_weight, std::fabs(e.weight));
  p.scale_ = max_weight > 0 ? 32767.0f / max_weight : 1.0f;

  // Sorted by key (and each row by class) so equal models give equal bytes
  // whatever the order they were built in.
  std::vector<size_t> order(keys.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return keys[a] < keys[b]; });
  std::vector<std::pair<uint16_t, int16_t>> row;
  p.row_begin_.push_back(0);
  for (size_t r : order) {
    row.clear();
    for (uint32_t k = row_begin[r]; k < row_begin[r + 1]; ++k) {
      auto q = static_cast<int16_t>(std::lround(entries[k].weight * p.scale_));
      if (q != 0) row.emplace_back(entries[k].cls, q);
    }
    if (row.empty()) continue;
    std::sort(row.begin(), row.end());
    p.keys_.push_back(keys[r]);
    for (auto [cls, q] : row) {
      p.pairs_.push_back(static_cast<int16_t>(cls));
      p.pairs_.push_back(q);
    }
    p.row_begin_.push_back(static_cast<uint32_t>(p.pairs_.size() / 2));
  }
  p.Layout();
  return p;
}

namespace {

// The hot loop: dense int16 rows widened and summed into int32 scores. The
// class axis is outer and the rows inner, so each group of 8 (or 4) scores
// stays in a register across all rows instead of being stored and reloaded
// once per row. GCC -O2 leaves such loops scalar, so they are written out:
// SSE2 is part of x86-64; AVX2 is used when the CPU has it (checked once).
void AddDensePortable(const int16_t* const* rows, size_t n, int32_t* scores, uint32_t first,
                      uint32_t classes) {
  for (uint32_t c = first; c < classes; ++c) {
    int32_t sum = scores[c];
    for (size_t r = 0; r < n; ++r) sum += rows[r][c];
    scores[c] = sum;
  }
}

#if defined(__x86_64__)
__attribute__((target("avx2"))) void AddDenseAvx2(const int16_t* const* rows, size_t n,
                                                  int32_t* scores, uint32_t classes) {
  uint32_t c = 0;
  for (; c + 8 <= classes; c += 8) {
    auto* out = reinterpret_cast<__m256i*>(scores + c);
    __m256i acc = _mm256_loadu_si256(out);
    for (size_t r = 0; r < n; ++r) {
      const auto* w = reinterpret_cast<const __m128i*>(rows[r] + c);
      acc = _mm256_add_epi32(acc, _mm256_cvtepi16_epi32(_mm_loadu_si128(w)));
    }
    _mm256_storeu_si256(out, acc);
  }
  AddDensePortable(rows, n, scores, c, classes);
}

void AddDenseSse2(const int16_t* const* rows, size_t n, int32_t* scores, uint32_t classes) {
  uint32_t c = 0;
  for (; c + 8 <= classes; c += 8) {
    auto* out = reinterpret_cast<__m128i*>(scores + c);
    __m128i lo = _mm_loadu_si128(out), hi = _mm_loadu_si128(out + 1);
    for (size_t r = 0; r < n; ++r) {
      __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(rows[r] + c));
      // Duplicate each int16 into both halves of an int32, then shift the
      // copy down arithmetically: sign extension without SSE4.1.
      lo = _mm_add_epi32(lo, _mm_srai_epi32(_mm_unpacklo_epi16(x, x), 16));
      hi = _mm_add_epi32(hi, _mm_srai_epi32(_mm_unpackhi_epi16(x, x), 16));
    }
    _mm_storeu_si128(out, lo);
    _mm_storeu_si128(out + 1, hi);
  }
  AddDensePortable(rows, n, scores, c, classes);
}

using AddDenseFn = void (*)(const int16_t* const*, size_t, int32_t*, uint32_t);
const AddDenseFn kAddDense = __builtin_cpu_supports("avx2") ? AddDenseAvx2 : AddDenseSse2;
#else
void AddDenseAny(const int16_t* const* rows, size_t n, int32_t* scores, uint32_t classes) {
  AddDensePortable(rows, n, scores, 0, classes);
}
constexpr auto kAddDense = AddDenseAny;
#endif

}  // namespace

void PackedLinearModel::Score(const FeatureId* feats, size_t n, int32_t* scores) const {
  // In passes over blocks of features: prefetch every slot, then resolve
  // them and prefetch the rows, then add. Misses issued together overlap
  // instead of queueing one behind another.
  constexpr size_t kBlock = 128;
  uint32_t rows[kBlock];
  const int16_t* dense[kBlock];
  for (size_t begin = 0; begin < n; begin += kBlock) {
    const size_t end = std::min(begin + kBlock, n);
    for (size_t i = begin; i < end; ++i) __builtin_prefetch(&slots_[Home(feats[i])]);
    size_t found = 0;
    for (size_t i = begin; i < end; ++i) {
      uint32_t row = Find(feats[i]);
      if (row == kNone) continue;
      const int16_t* p = &data_[row & ~kDenseRow];
      __builtin_prefetch(p);
      if (row & kDenseRow) {
        // A dense row spans several cache lines: fetch them all now.
        const char* first = reinterpret_cast<const char*>(p);
        const size_t bytes = DenseRowBytes();
        for (size_t b = 64; b < bytes; b += 64) __builtin_prefetch(first + b);
        __builtin_prefetch(first + bytes - 1);
      }
      rows[found++] = row & ~kDenseRow;
    }
    size_t num_dense = 0;
    for (size_t i = 0; i < found; ++i) {
      const int16_t* p = data_.data() + rows[i];
      const auto header = static_cast<uint16_t>(p[0]);
      if (header & kDense) {
        dense[num_dense++] = p + 1;
      } else {
        for (uint32_t e = 0; e < header; ++e) {
          scores[static_cast<uint16_t>(p[1 + 2 * e])] += p[2 + 2 * e];
        }
      }
    }
    kAddDense(dense, num_dense, scores, num_classes_);
  }
}

void PackedLinearModel::BuildIndex() {
  // Load factor ~0.6: short probe runs, and a table not much larger than
  // the keys it holds.
  capacity_ = keys_.size() + keys_.size() / 2 + 16;
  slots_.assign(capacity_, Slot{0, kNone});
  for (size_t k = 0; k < keys_.size(); ++k) {
    const auto check = static_cast<uint32_t>(keys_[k] >> 32);
    size_t i = Home(keys_[k]);
    // A key whose check already sits on its probe path would be shadowed by
    // the earlier one; keys are sorted, so which one wins is reproducible.
    bool shadowed = false;
    for (; slots_[i].row != kNone; i = Next(i)) shadowed |= slots_[i].check == check;
    if (!shadowed) {
      const bool dense = static_cast<uint16_t>(data_[offsets_[k]]) & kDense;
      slots_[i] = {check, offsets_[k] | (dense ? kDenseRow : 0u)};
    }
  }
}

void PackedLinearModel::Layout() {
  offsets_.clear();
  data_.clear();
  for (size_t r = 0; r + 1 < row_begin_.size(); ++r) {
    const uint32_t first = row_begin_[r], count = row_begin_[r + 1] - first;
    const int16_t* pair = pairs_.data() + 2 * size_t{first};
    offsets_.push_back(static_cast<uint32_t>(data_.size()));
    // Dense from a quarter full: adding a whole row with SIMD, in registers,
    // is then about as cheap as scattering its non-zero weights, and rows
    // stay small enough for the cache.
    if (4 * count >= num_classes_) {
      const size_t at = data_.size() + 1;
      data_.push_back(static_cast<int16_t>(kDense));
      data_.resize(at + num_classes_, 0);
      for (uint32_t e = 0; e < count; ++e)
        data_[at + static_cast<uint16_t>(pair[2 * e])] = pair[2 * e + 1];
    } else {
      data_.push_back(static_cast<int16_t>(count));
      data_.insert(data_.end(), pair, pair + 2 * count);
    }
  }
  BuildIndex();
}

void PackedLinearModel::Save(ModelWriter& w) const {
  w.U32(num_classes_);
  w.F32(scale_);
  w.Array(keys_);
  w.Array(row_begin_);
  w.Array(pairs_);
}

Status PackedLinearModel::Load(ModelReader& r) {
  PARLEY_RETURN_IF_ERROR(r.U32(&num_classes_));
  PARLEY_RETURN_IF_ERROR(r.F32(&scale_));
  PARLEY_RETURN_IF_ERROR(r.Array(&keys_));
  PARLEY_RETURN_IF_ERROR(r.Array(&row_begin_));
  PARLEY_RETURN_IF_ERROR(r.Array(&pairs_));
  if (num_classes_ == 0 || num_classes_ >= kDense) return r.Corrupt("class count out of range");
  if (!(scale_ > 0) || !std::isfinite(scale_)) return r.Corrupt("bad weight scale");
  if (!std::is_sorted(keys_.begin(), keys_.end())) return r.Corrupt("keys not sorted");
  if (row_begin_.size() != keys_.size() + 1 || row_begin_.front() != 0 ||
      row_begin_.back() != pairs_.size() / 2 || pairs_.size() % 2 != 0 ||
      !std::is_sorted(row_begin_.begin(), row_begin_.end())) {
    return r.Corrupt("row index does not match the weights");
  }
  // Within a row, classes strictly increase (so each is in range and once).
  for (size_t k = 0; k < keys_.size(); ++k) {
    int32_t last = -1;
    for (uint32_t e = row_begin_[k]; e < row_begin_[k + 1]; ++e) {
      const int32_t cls = static_cast<uint16_t>(pairs_[2 * size_t{e}]);
      if (cls <= last || cls >= static_cast<int32_t>(num_classes_)) {
        return r.Corrupt("class id out of range");
      }
      last = cls;
    }
  }
  Layout();
  if (data_.size() >= kDenseRow) return r.Corrupt("model too large");
  return Status::Ok();
}

}  // namespace parley::learn
