// Spherical k-means (see word_clusters.h).
#include "tag/word_clusters.h"

#include <cmath>

namespace parley::tag {
namespace {

// Clusters rows[members] into at most k groups; returns a label per member.
std::vector<uint16_t> KMeans(const SparseRows& rows, const std::vector<uint32_t>& members,
                             uint32_t dims, uint32_t k, int iterations) {
  std::vector<uint16_t> label(members.size(), 0);
  if (members.size() <= 1) return label;
  if (k > members.size()) k = static_cast<uint32_t>(members.size());
  // Centroids transposed (dims x k), so a sparse row's dot products with all
  // of them read contiguous memory.
  std::vector<float> centroid(size_t{dims} * k, 0.0f);
  for (uint32_t c = 0; c < k; ++c) {
    uint32_t r = members[members.size() * c / k];
    for (uint32_t j = rows.begin[r]; j < rows.begin[r + 1]; ++j) {
      centroid[size_t{rows.dim[j]} * k + c] = rows.value[j];
    }
  }
  std::vector<float> score(k);
  std::vector<double> sum(size_t{dims} * k), norm(k);
  for (int it = 0; it < iterations; ++it) {
    for (size_t m = 0; m < members.size(); ++m) {
      uint32_t r = members[m];
      std::fill(score.begin(), score.end(), 0.0f);
      for (uint32_t j = rows.begin[r]; j < rows.begin[r + 1]; ++j) {
        const float v = rows.value[j];
        const float* col = &centroid[size_t{rows.dim[j]} * k];
        for (uint32_t c = 0; c < k; ++c) score[c] += v * col[c];
      }
      uint32_t best = 0;
      for (uint32_t c = 1; c < k; ++c) {
        if (score[c] > score[best]) best = c;
      }
      label[m] = static_cast<uint16_t>(best);
    }
    // New centroids: normalised sums of their members (an empty cluster
    // keeps its old centroid).
    std::fill(sum.begin(), sum.end(), 0.0);
    for (size_t m = 0; m < members.size(); ++m) {
      uint32_t r = members[m];
      for (uint32_t j = rows.begin[r]; j < rows.begin[r + 1]; ++j) {
        sum[size_t{rows.dim[j]} * k + label[m]] += rows.value[j];
      }
    }
    std::fill(norm.begin(), norm.end(), 0.0);
    for (size_t i = 0; i < sum.size(); ++i) norm[i % k] += sum[i] * sum[i];
    for (size_t i = 0; i < sum.size(); ++i) {
      double n = norm[i % k];
      if (n > 0) centroid[i] = static_cast<float>(sum[i] / std::sqrt(n));
    }
  }
  return label;
}

}  // namespace

WordClusters ClusterRows(const SparseRows& rows, uint32_t dims, uint32_t coarse_k, uint32_t fine_k,
                         int iterations) {
  WordClusters out;
  std::vector<uint32_t> all(rows.size());
  for (uint32_t r = 0; r < all.size(); ++r) all[r] = r;
  out.coarse = KMeans(rows, all, dims, coarse_k, iterations);
  out.fine.assign(rows.size(), 0);
  std::vector<std::vector<uint32_t>> members(coarse_k);
  for (uint32_t r = 0; r < all.size(); ++r) members[out.coarse[r]].push_back(r);
  for (uint32_t c = 0; c < coarse_k; ++c) {
    std::vector<uint16_t> sub = KMeans(rows, members[c], dims, fine_k, iterations);
    for (size_t m = 0; m < sub.size(); ++m) {
      out.fine[members[c][m]] = static_cast<uint16_t>(c * fine_k + sub[m]);
    }
  }
  return out;
}

}  // namespace parley::tag
