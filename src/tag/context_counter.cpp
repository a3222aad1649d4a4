// ContextCounter (see context_counter.h). A word's context vector holds the
// positive PMI of each frequent word seen just before or after it: PMI
// rather than counts, or "the" and "," would dominate every vector.
#include "tag/context_counter.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

#include "tag/pos_features.h"
#include "tag/word_clusters.h"

namespace parley::tag {
namespace {

uint16_t CapitalisedBucket(uint32_t capitalised, uint32_t noninitial) {
  if (noninitial < 5) return 0;
  double f = double(capitalised) / double(noninitial);
  return f < 0.02 ? 1 : f < 0.3 ? 2 : f < 0.7 ? 3 : f <= 0.95 ? 4 : 5;
}

}  // namespace

ContextCounter::ContextCounter() {
  words_.emplace_back();  // id 0: the sentence boundary
  count_.push_back(0);
  noninitial_.push_back(0);
  capitalised_.push_back(0);
}

void ContextCounter::Add(std::span<const std::string_view> forms) {
  sequence_.push_back(kBoundary);
  ++count_[kBoundary];
  for (size_t i = 0; i < forms.size(); ++i) {
    std::string_view form = forms[i];
    buf_.clear();
    AppendNormalForm(form, &buf_);
    auto [it, added] = ids_.try_emplace(buf_, static_cast<uint32_t>(words_.size()));
    if (added) {
      words_.push_back(buf_);
      count_.push_back(0);
      noninitial_.push_back(0);
      capitalised_.push_back(0);
    }
    uint32_t id = it->second;
    sequence_.push_back(id);
    ++count_[id];
    char c = form.empty() ? ' ' : form[0];
    bool upper = c >= 'A' && c <= 'Z';
    if (i > 0 && (upper || (c >= 'a' && c <= 'z'))) {
      ++noninitial_[id];
      capitalised_[id] += upper;
    }
  }
  tokens_ += forms.size();
}

ContextLexicon ContextCounter::Build(const ContextOptions& o) const {
  // Ids by frequency, ties by spelling, so numbering depends only on counts.
  std::vector<uint32_t> by_count(words_.size() - 1);
  for (uint32_t id = 1; id < words_.size(); ++id) by_count[id - 1] = id;
  std::sort(by_count.begin(), by_count.end(), [&](uint32_t a, uint32_t b) {
    return count_[a] != count_[b] ? count_[a] > count_[b] : words_[a] < words_[b];
  });
  const uint32_t boundary_context = o.context_words + 1;
  std::vector<uint16_t> context(words_.size(), 0);  // 0: not a context word
  context[kBoundary] = static_cast<uint16_t>(boundary_context);
  std::vector<uint32_t> context_count(boundary_context + 1, 0);
  context_count[boundary_context] = count_[kBoundary];
  for (uint32_t r = 0; r < o.context_words && r < by_count.size(); ++r) {
    context[by_count[r]] = static_cast<uint16_t>(r + 1);
    context_count[r + 1] = count_[by_count[r]];
  }
  std::vector<int32_t> target(words_.size(), -1);
  std::vector<uint32_t> target_id;
  for (uint32_t id : by_count) {
    if (count_[id] < o.min_count || target_id.size() >= o.max_words) break;
    target[id] = static_cast<int32_t>(target_id.size());
    target_id.push_back(id);
  }

  // (target, side, context) -> co-occurrences.
  std::unordered_map<uint64_t, uint32_t> pairs;
  pairs.reserve(size_t{1} << 24);
  auto key = [&](int32_t t, uint32_t side, uint32_t c) {
    return (static_cast<uint64_t>(t) << 20) | (side << 16) | c;
  };
  for (size_t p = 1; p < sequence_.size(); ++p) {
    int32_t t = target[sequence_[p]];
    if (t < 0) continue;
    if (uint16_t c = context[sequence_[p - 1]]) ++pairs[key(t, 0, c)];
    uint32_t next = p + 1 < sequence_.size() ? sequence_[p + 1] : kBoundary;
    if (uint16_t c = context[next]) ++pairs[key(t, 1, c)];
  }
  std::vector<std::tuple<uint64_t, uint32_t>> sorted(pairs.begin(), pairs.end());
  std::sort(sorted.begin(), sorted.end());

  const double total = double(sequence_.size());
  std::vector<WordProfile> profiles(target_id.size());
  SparseRows rows;
  std::vector<uint32_t> row_target;
  const uint32_t side_dims = boundary_context + 1;
  for (size_t i = 0; i < sorted.size();) {
    auto t = static_cast<size_t>(std::get<0>(sorted[i]) >> 20);
    size_t row_start = rows.value.size();
    for (; i < sorted.size() && (std::get<0>(sorted[i]) >> 20) == t; ++i) {
      auto [k, n] = sorted[i];
      auto c = static_cast<uint16_t>(k & 0xffff);
      uint32_t side = (k >> 16) & 1;
      double pmi = std::log(double(n) * total / (double(count_[target_id[t]]) * context_count[c]));
      if (pmi <= 0 || n < o.min_pair_count) continue;
      rows.dim.push_back(side * side_dims + c);
      rows.value.push_back(static_cast<float>(pmi));
    }
    double norm = 0;
    for (size_t j = row_start; j < rows.value.size(); ++j)
      norm += double(rows.value[j]) * rows.value[j];
    if (norm > 0) {
      for (size_t j = row_start; j < rows.value.size(); ++j) {
        rows.value[j] = static_cast<float>(rows.value[j] / std::sqrt(norm));
      }
      rows.begin.push_back(static_cast<uint32_t>(rows.value.size()));
      row_target.push_back(static_cast<uint32_t>(t));
    }
  }
  WordClusters clusters = ClusterRows(rows, 2 * side_dims);
  for (size_t r = 0; r < row_target.size(); ++r) {
    profiles[row_target[r]].coarse = static_cast<uint16_t>(clusters.coarse[r] + 1);
    profiles[row_target[r]].fine = static_cast<uint16_t>(clusters.fine[r] + 1);
  }
  std::map<std::string, uint64_t> index;
  std::vector<WordProfile> ordered;
  for (size_t t = 0; t < target_id.size(); ++t) index[words_[target_id[t]]] = t;
  for (auto& [word, t] : index) {
    uint32_t id = target_id[t];
    WordProfile p = profiles[t];
    p.capitalised = CapitalisedBucket(capitalised_[id], noninitial_[id]);
    t = ordered.size();
    ordered.push_back(p);
  }
  return ContextLexicon(WordTable(index), std::move(ordered));
}

}  // namespace parley::tag
