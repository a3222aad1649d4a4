// Bisecting spherical k-means: splits a set of unit vectors in two, again
// and again, so each word ends up with a root-to-leaf path of 0/1 choices.
// The paths play the part of Brown-cluster bit strings: words sharing a
// long prefix were kept together by many splits.
//
// Deterministic: the only randomness is a seeded std::mt19937_64 and the
// recursion visits nodes in a fixed order.
#pragma once

#include <cstddef>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace parley::tools {

struct BisectOptions {
  int max_depth = 16;    // longest bit string (at most 32)
  size_t min_size = 12;  // nodes smaller than this are leaves
  int iterations = 12;   // Lloyd iterations per split
  uint64_t seed = 20250816;
};

// rows: n vectors of `dim` floats each (row-major), L2-normalised.
// Returns each row's bit string.
std::vector<std::string> BisectingKMeans(const std::vector<float>& rows, size_t n, size_t dim,
                                         const BisectOptions& options);

}  // namespace parley::tools
