// Word clusters for the tagger: spherical k-means over words' context
// vectors, run twice to give a two-level hierarchy (like the prefixes of
// Brown clusters): 32 coarse classes, each split into up to 32 fine ones.
// Clusters pool evidence: a word the annotated data never saw still shares
// a cluster with words it did see in the same kind of contexts.
//
// Deterministic: initial centroids are rows spread evenly through the input
// order, and every sum runs in a fixed order.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace parley::tag {

// Rows of a sparse matrix (compressed sparse rows), each L2-normalised.
struct SparseRows {
  std::vector<uint32_t> begin = {0};  // row r spans [begin[r], begin[r + 1])
  std::vector<uint32_t> dim;
  std::vector<float> value;
  size_t size() const { return begin.size() - 1; }
};

struct WordClusters {
  std::vector<uint16_t> coarse, fine;  // per row; fine is unique across coarse
};

WordClusters ClusterRows(const SparseRows& rows, uint32_t dims, uint32_t coarse_k = 32,
                         uint32_t fine_k = 32, int iterations = 12);

}  // namespace parley::tag
