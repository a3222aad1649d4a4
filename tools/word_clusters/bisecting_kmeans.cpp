#include "word_clusters/bisecting_kmeans.h"

#include <algorithm>
#include <cmath>

namespace parley::tools {
namespace {

float Dot(const float* a, const float* b, size_t dim) {
  float s = 0;
  for (size_t k = 0; k < dim; ++k) s += a[k] * b[k];
  return s;
}

void Normalise(float* v, size_t dim) {
  float norm = std::sqrt(Dot(v, v, dim));
  if (norm > 0) {
    for (size_t k = 0; k < dim; ++k) v[k] /= norm;
  }
}

class Bisector {
 public:
  Bisector(const std::vector<float>& rows, size_t dim, const BisectOptions& o,
           std::vector<uint32_t>* bits, std::vector<uint8_t>* lengths)
      : rows_(rows), dim_(dim), o_(o), bits_(bits), lengths_(lengths), rng_(o.seed) {}

  void Split(std::vector<uint32_t> members, int depth) {
    if (depth >= o_.max_depth || members.size() < o_.min_size) return;
    std::vector<float> c0(dim_), c1(dim_);
    // Seeds: a random member and the member least similar to it, which keeps
    // the first split from starting with two near-duplicates.
    std::uniform_int_distribution<size_t> pick(0, members.size() - 1);
    const float* first = Row(members[pick(rng_)]);
    size_t far = 0;
    float worst = 2;
    for (size_t i = 0; i < members.size(); ++i) {
      float s = Dot(first, Row(members[i]), dim_);
      if (s < worst) worst = s, far = i;
    }
    std::copy(first, first + dim_, c0.begin());
    std::copy(Row(members[far]), Row(members[far]) + dim_, c1.begin());

    std::vector<uint8_t> side(members.size(), 0);
    for (int it = 0; it < o_.iterations; ++it) {
      bool changed = false;
      for (size_t i = 0; i < members.size(); ++i) {
        const float* r = Row(members[i]);
        uint8_t s = Dot(r, c1.data(), dim_) > Dot(r, c0.data(), dim_) ? 1 : 0;
        changed |= s != side[i];
        side[i] = s;
      }
      if (it > 0 && !changed) break;
      std::fill(c0.begin(), c0.end(), 0.0f);
      std::fill(c1.begin(), c1.end(), 0.0f);
      for (size_t i = 0; i < members.size(); ++i) {
        float* c = side[i] ? c1.data() : c0.data();
        const float* r = Row(members[i]);
        for (size_t k = 0; k < dim_; ++k) c[k] += r[k];
      }
      Normalise(c0.data(), dim_);
      Normalise(c1.data(), dim_);
    }
    std::vector<uint32_t> left, right;
    for (size_t i = 0; i < members.size(); ++i) (side[i] ? right : left).push_back(members[i]);
    if (left.empty() || right.empty()) return;  // identical vectors: a leaf
    members.clear();
    members.shrink_to_fit();
    // Paths live as bit patterns until the end: depth <= 32.
    for (uint32_t m : left) ++(*lengths_)[m];
    for (uint32_t m : right) (*bits_)[m] |= 1u << (*lengths_)[m]++;
    Split(std::move(left), depth + 1);
    Split(std::move(right), depth + 1);
  }

 private:
  const float* Row(uint32_t i) const { return rows_.data() + size_t{i} * dim_; }

  const std::vector<float>& rows_;
  size_t dim_;
  const BisectOptions& o_;
  std::vector<uint32_t>* bits_;
  std::vector<uint8_t>* lengths_;
  std::mt19937_64 rng_;
};

}  // namespace

std::vector<std::string> BisectingKMeans(const std::vector<float>& rows, size_t n, size_t dim,
                                         const BisectOptions& options) {
  std::vector<uint32_t> bits(n, 0), all(n);
  std::vector<uint8_t> lengths(n, 0);
  for (size_t i = 0; i < n; ++i) all[i] = static_cast<uint32_t>(i);
  Bisector b(rows, dim, options, &bits, &lengths);
  b.Split(std::move(all), 0);
  std::vector<std::string> paths(n);
  for (size_t i = 0; i < n; ++i) {
    paths[i].resize(std::max<size_t>(lengths[i], 1), '0');
    for (size_t k = 0; k < lengths[i]; ++k) paths[i][k] = (bits[i] >> k) & 1 ? '1' : '0';
  }
  return paths;
}

}  // namespace parley::tools
