#include "ner/ner_weights.h"

#include <algorithm>

#include "learn/model_io.h"

namespace parley::ner {
namespace {

struct Rows {
  std::vector<learn::FeatureId> keys;
  std::vector<uint32_t> row_begin;
  std::vector<learn::SparseLinearModel::Entry> entries;
};

// A SparseLinearModel's rows, read back through its own file format (the
// only public view of them).
Rows Unpack(const learn::SparseLinearModel& m) {
  learn::ModelWriter w("ner-weights", "rows");
  m.Save(w);
  Rows rows;
  auto r = learn::ModelReader::FromBytes(w.bytes(), "weights", "ner-weights", "rows");
  uint32_t classes = 0;
  if (!r.ok() || !r->U32(&classes).ok() || !r->Array(&rows.keys).ok() ||
      !r->Array(&rows.row_begin).ok() || !r->Array(&rows.entries).ok()) {
    return {};
  }
  return rows;
}

}  // namespace

NerWeights NerWeights::Pack(const learn::SparseLinearModel& first,
                            const learn::SparseLinearModel* second) {
  Rows rows[2] = {Unpack(first), second ? Unpack(*second) : Rows{}};
  // (key, pass-0 row, pass-1 row), sorted by key: a deterministic order.
  struct KeyRows {
    learn::FeatureId key;
    int64_t first, second;
  };
  std::vector<KeyRows> tagged;
  for (int p = 0; p < 2; ++p) {
    for (size_t k = 0; k < rows[p].keys.size(); ++k) {
      auto r = static_cast<int64_t>(k);
      tagged.push_back({rows[p].keys[k], p == 0 ? r : -1, p == 1 ? r : -1});
    }
  }
  std::sort(tagged.begin(), tagged.end(), [](const KeyRows& a, const KeyRows& b) {
    return a.key != b.key ? a.key < b.key : a.first > b.first;
  });
  std::vector<std::pair<learn::FeatureId, std::pair<int64_t, int64_t>>> all;
  for (const KeyRows& t : tagged) {
    if (!all.empty() && all.back().first == t.key) {
      if (t.second >= 0) all.back().second.second = t.second;
      continue;
    }
    all.push_back({t.key, {t.first, t.second}});
  }
  NerWeights w;
  size_t cap = 16;
  while (cap < all.size() * 2) cap <<= 1;
  w.slots_.assign(cap, Slot{0, 0, {0, 0}, 0});
  w.filter_.assign(kFilterBits / 64, 0);
  const size_t mask = cap - 1;
  for (const auto& [key, row] : all) {
    Slot s{key, static_cast<uint32_t>(w.entries_.size()), {0, 0}, 0};
    int64_t r[2] = {row.first, row.second};
    for (int p = 0; p < 2; ++p) {
      if (r[p] < 0) continue;
      const Rows& src = rows[p];
      const size_t before = w.entries_.size();
      for (uint32_t k = src.row_begin[size_t(r[p])]; k < src.row_begin[size_t(r[p]) + 1]; ++k) {
        w.entries_.push_back(MakeEntry(src.entries[k].cls, src.entries[k].weight));
      }
      s.size[p] = static_cast<uint8_t>(w.entries_.size() - before);
    }
    if (key == 0) continue;  // 0 marks empty slots; a zero hash is not worth a special case
    size_t i = Home(key) & mask;
    while (w.slots_[i].key != 0) i = (i + 1) & mask;
    w.slots_[i] = s;
    uint64_t h = FilterHash(key);
    w.filter_[(h >> 6) & (kFilterBits / 64 - 1)] |= uint64_t{1} << (h & 63);
  }
  return w;
}

// Lookups go in three sweeps over a chunk of features: filter and prefetch
// the slots, find the slots and prefetch their entries, add the entries.
// The misses of a chunk then overlap instead of running one after another.
template <int kPasses>
void NerWeights::ScoreChunked(int pass, const learn::FeatureId* feats, size_t n, float* scores0,
                              float* scores1) const {
  constexpr size_t kChunk = 64;
  size_t idx[kChunk];
  const Slot* found[kChunk];
  const size_t mask = slots_.size() - 1;
  for (size_t base = 0; base < n; base += kChunk) {
    const size_t m = std::min(kChunk, n - base);
    size_t k = 0;
    for (size_t j = 0; j < m; ++j) {
      const learn::FeatureId f = feats[base + j];
      if (!InFilter(f)) continue;
      idx[k] = base + j;
      __builtin_prefetch(&slots_[Home(f) & mask]);
      ++k;
    }
    size_t nf = 0;
    for (size_t j = 0; j < k; ++j) {
      const Slot* s = Probe(feats[idx[j]]);
      if (!s) continue;
      found[nf++] = s;
      __builtin_prefetch(entries_.data() + s->begin + (kPasses == 1 && pass == 1 ? s->size[0] : 0));
    }
    for (size_t j = 0; j < nf; ++j) {
      const Slot* s = found[j];
      const int p0 = kPasses == 2 ? 0 : pass;
      const Entry* e = entries_.data() + s->begin + (p0 == 1 ? s->size[0] : 0);
      for (uint32_t c = 0; c < s->size[p0]; ++c) scores0[ClassOf(e[c])] += WeightOf(e[c]);
      if constexpr (kPasses == 2) {
        e += s->size[0];
        for (uint32_t c = 0; c < s->size[1]; ++c) scores1[ClassOf(e[c])] += WeightOf(e[c]);
      }
    }
  }
}

void NerWeights::Score(int pass, const learn::FeatureId* feats, size_t n, float* scores) const {
  ScoreChunked<1>(pass, feats, n, scores, nullptr);
}

void NerWeights::ScoreBoth(const learn::FeatureId* feats, size_t n, float* first_scores,
                           float* second_scores) const {
  ScoreChunked<2>(0, feats, n, first_scores, second_scores);
}

}  // namespace parley::ner
