#include "word_clusters/context_vectors.h"

#include <algorithm>
#include <cmath>
#include <random>

namespace parley::tools {

CorpusIds::CorpusIds() {
  words_.push_back("<s>");  // id 0: sentence edge
  counts_.push_back(0);
}

void CorpusIds::Add(std::string_view word) {
  auto [it, fresh] = index_.try_emplace(std::string(word), static_cast<uint32_t>(words_.size()));
  if (fresh) {
    words_.emplace_back(word);
    counts_.push_back(0);
  }
  ++counts_[it->second];
  ids_.push_back(it->second);
}

namespace {

// Ids sorted by falling count (ties by word, for a stable order).
std::vector<uint32_t> ByFrequency(const CorpusIds& c) {
  std::vector<uint32_t> ids(c.types() - 1);
  for (size_t i = 0; i < ids.size(); ++i) ids[i] = static_cast<uint32_t>(i + 1);
  std::sort(ids.begin(), ids.end(), [&](uint32_t a, uint32_t b) {
    if (c.counts()[a] != c.counts()[b]) return c.counts()[a] > c.counts()[b];
    return c.words()[a] < c.words()[b];
  });
  return ids;
}

}  // namespace

ContextVectors BuildContextVectors(const CorpusIds& corpus, const ContextOptions& o) {
  std::vector<uint32_t> freq = ByFrequency(corpus);
  constexpr int32_t kNo = -1;
  std::vector<int32_t> row(corpus.types(), kNo), near(corpus.types(), kNo),
      far(corpus.types(), kNo);
  ContextVectors out;
  for (uint32_t id : freq) {
    if (corpus.counts()[id] < o.min_count || out.words.size() >= o.max_vocab) break;
    row[id] = static_cast<int32_t>(out.words.size());
    out.words.push_back(corpus.words()[id]);
    out.counts.push_back(corpus.counts()[id]);
  }
  // Context slots: the sentence edge, then the most frequent words.
  near[0] = 0;
  far[0] = 0;
  for (size_t k = 0; k + 1 < o.near_contexts && k < freq.size(); ++k) {
    near[freq[k]] = static_cast<int32_t>(k + 1);
  }
  for (size_t k = 0; k + 1 < o.far_contexts && k < freq.size(); ++k) {
    far[freq[k]] = static_cast<int32_t>(k + 1);
  }
  // Blocks: left-1, right-1 (near_contexts each), left-2, right-2 (far).
  const size_t nc = o.near_contexts, fc = o.far_contexts;
  const size_t cdim = 2 * nc + 2 * fc;
  const size_t v = out.words.size();
  std::vector<uint32_t> counts(v * cdim, 0);
  const std::vector<uint32_t>& ids = corpus.ids();
  auto at = [&](size_t i, long d) -> uint32_t {
    long j = static_cast<long>(i) + d;
    return j < 0 || j >= static_cast<long>(ids.size()) ? 0 : ids[static_cast<size_t>(j)];
  };
  for (size_t i = 0; i < ids.size(); ++i) {
    if (ids[i] == 0 || row[ids[i]] == kNo) continue;
    uint32_t* r = counts.data() + static_cast<size_t>(row[ids[i]]) * cdim;
    uint32_t l1 = at(i, -1), r1 = at(i, 1);
    // Beyond a sentence edge there is only the edge.
    uint32_t l2 = l1 == 0 ? 0 : at(i, -2), r2 = r1 == 0 ? 0 : at(i, 2);
    if (near[l1] != kNo) ++r[static_cast<size_t>(near[l1])];
    if (near[r1] != kNo) ++r[nc + static_cast<size_t>(near[r1])];
    if (far[l2] != kNo) ++r[2 * nc + static_cast<size_t>(far[l2])];
    if (far[r2] != kNo) ++r[2 * nc + fc + static_cast<size_t>(far[r2])];
  }
  // Smoothed context probabilities per block (Levy et al. 2015: alpha 0.75).
  std::vector<double> pc(cdim, 0.0);
  size_t block_start[5] = {0, nc, 2 * nc, 2 * nc + fc, cdim};
  for (size_t w = 0; w < v; ++w) {
    for (size_t c = 0; c < cdim; ++c) pc[c] += counts[w * cdim + c];
  }
  for (int b = 0; b < 4; ++b) {
    double z = 0;
    for (size_t c = block_start[b]; c < block_start[b + 1]; ++c) z += std::pow(pc[c], 0.75);
    for (size_t c = block_start[b]; c < block_start[b + 1]; ++c) {
      pc[c] = z > 0 ? std::pow(pc[c], 0.75) / z : 0;
    }
  }
  // Random +-1 projection, one row per context slot.
  std::mt19937_64 rng(o.seed);
  std::vector<float> proj(cdim * o.dim);
  for (float& x : proj) x = (rng() & 1) ? 1.0f : -1.0f;
  out.dim = o.dim;
  out.rows.assign(v * o.dim, 0.0f);
  for (size_t w = 0; w < v; ++w) {
    const uint32_t* r = counts.data() + w * cdim;
    float* dst = out.rows.data() + w * o.dim;
    for (int b = 0; b < 4; ++b) {
      double total = 0;
      for (size_t c = block_start[b]; c < block_start[b + 1]; ++c) total += r[c];
      if (total == 0) continue;
      for (size_t c = block_start[b]; c < block_start[b + 1]; ++c) {
        if (r[c] == 0 || pc[c] == 0) continue;
        double pmi = std::log(r[c] / (total * pc[c]));
        if (pmi <= 0) continue;
        auto x = static_cast<float>(pmi);
        const float* p = proj.data() + c * o.dim;
        for (size_t k = 0; k < o.dim; ++k) dst[k] += x * p[k];
      }
    }
    double norm = 0;
    for (size_t k = 0; k < o.dim; ++k) norm += double(dst[k]) * dst[k];
    if (norm > 0) {
      auto inv = static_cast<float>(1.0 / std::sqrt(norm));
      for (size_t k = 0; k < o.dim; ++k) dst[k] *= inv;
    }
  }
  return out;
}

}  // namespace parley::tools
