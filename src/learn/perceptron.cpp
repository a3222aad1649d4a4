#include "learn/perceptron.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace parley::learn {

void AveragedPerceptron::Score(const FeatureId* feats, size_t n, float* scores) const {
  for (size_t i = 0; i < n; ++i) {
    auto it = rows_.find(feats[i]);
    if (it == rows_.end()) continue;
    for (const Cell& c : it->second) scores[c.cls] += c.weight;
  }
}

uint32_t AveragedPerceptron::Predict(const FeatureId* feats, size_t n,
                                     const uint8_t* allowed) const {
  std::vector<float> scores(num_classes_, 0.0f);
  Score(feats, n, scores.data());
  uint32_t best = 0;
  float best_score = -std::numeric_limits<float>::infinity();
  for (uint32_t c = 0; c < num_classes_; ++c) {
    if (allowed && !allowed[c]) continue;
    if (scores[c] > best_score) {
      best_score = scores[c];
      best = c;
    }
  }
  return best;
}

void AveragedPerceptron::Add(std::vector<Cell>& row, uint32_t cls, float delta) {
  for (Cell& c : row) {
    if (c.cls == cls) {
      c.total += static_cast<double>(clock_ - c.stamp) * c.weight;
      c.stamp = clock_;
      c.weight += delta;
      return;
    }
  }
  row.push_back({static_cast<uint16_t>(cls), delta, 0.0, clock_});
}

void AveragedPerceptron::Update(const FeatureId* feats, size_t n, uint32_t right, uint32_t wrong) {
  if (right == wrong) return;
  for (size_t i = 0; i < n; ++i) {
    std::vector<Cell>& row = rows_[feats[i]];
    Add(row, right, 1.0f);
    Add(row, wrong, -1.0f);
  }
}

void AveragedPerceptron::Nudge(const FeatureId* feats, size_t n, uint32_t cls, float delta) {
  for (size_t i = 0; i < n; ++i) Add(rows_[feats[i]], cls, delta);
}

SparseLinearModel AveragedPerceptron::Finalize(float min_weight) const {
  std::vector<std::pair<FeatureId, std::vector<SparseLinearModel::Entry>>> rows;
  rows.reserve(rows_.size());
  for (const auto& [f, cells] : rows_) {
    std::vector<SparseLinearModel::Entry> entries;
    for (const Cell& c : cells) {
      double total = c.total + static_cast<double>(clock_ - c.stamp) * c.weight;
      auto avg = static_cast<float>(total / static_cast<double>(clock_));
      if (std::fabs(avg) >= min_weight) entries.push_back({c.cls, avg});
    }
    if (entries.empty()) continue;
    std::sort(entries.begin(), entries.end(),
              [](const auto& a, const auto& b) { return a.cls < b.cls; });
    rows.emplace_back(f, std::move(entries));
  }
  // Sorted by feature so a retrain from the same data gives the same file.
  std::sort(rows.begin(), rows.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  return SparseLinearModel::Build(num_classes_, rows);
}

}  // namespace parley::learn
