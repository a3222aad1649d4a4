#include "learn/linear_model.h"

#include <cstring>

#include "learn/model_io.h"

namespace parley::learn {

SparseLinearModel SparseLinearModel::Build(
    uint32_t num_classes, const std::vector<std::pair<FeatureId, std::vector<Entry>>>& rows) {
  SparseLinearModel m;
  m.num_classes_ = num_classes;
  m.num_features_ = rows.size();
  std::vector<FeatureId> keys;
  keys.reserve(rows.size());
  m.row_begin_.reserve(rows.size() + 1);
  m.row_begin_.push_back(0);
  for (const auto& [f, entries] : rows) {
    keys.push_back(f);
    m.entries_.insert(m.entries_.end(), entries.begin(), entries.end());
    m.row_begin_.push_back(static_cast<uint32_t>(m.entries_.size()));
  }
  m.BuildIndex(keys);
  return m;
}

void SparseLinearModel::BuildIndex(const std::vector<FeatureId>& keys) {
  size_t cap = 16;
  while (cap < keys.size() * 2) cap <<= 1;  // load factor <= 0.5
  slots_.assign(cap, Slot{0, kNone});
  size_t mask = cap - 1;
  for (uint32_t row = 0; row < keys.size(); ++row) {
    size_t i = Mix(keys[row]) & mask;
    while (slots_[i].row != kNone) i = (i + 1) & mask;
    slots_[i] = {keys[row], row};
  }
}

void SparseLinearModel::Save(ModelWriter& w) const {
  w.U32(num_classes_);
  std::vector<FeatureId> keys(num_features_);
  for (const Slot& s : slots_) {
    if (s.row != kNone) keys[s.row] = s.key;
  }
  w.Array(keys);
  w.Array(row_begin_);
  // Copy into zeroed memory so the padding bytes of Entry are zero and the
  // same weights always give the same file.
  std::vector<Entry> clean(entries_.size());
  if (!clean.empty()) {  // an empty model has no data() to clear
    std::memset(static_cast<void*>(clean.data()), 0, clean.size() * sizeof(Entry));
  }
  for (size_t k = 0; k < entries_.size(); ++k) {
    clean[k].cls = entries_[k].cls;
    clean[k].weight = entries_[k].weight;
  }
  w.Array(clean);
}

Status SparseLinearModel::Load(ModelReader& r) {
  std::vector<FeatureId> keys;
  PARLEY_RETURN_IF_ERROR(r.U32(&num_classes_));
  PARLEY_RETURN_IF_ERROR(r.Array(&keys));
  PARLEY_RETURN_IF_ERROR(r.Array(&row_begin_));
  PARLEY_RETURN_IF_ERROR(r.Array(&entries_));
  if (row_begin_.size() != keys.size() + 1 || row_begin_.front() != 0 ||
      row_begin_.back() != entries_.size()) {
    return r.Corrupt("row index does not match the weights");
  }
  for (size_t i = 1; i < row_begin_.size(); ++i) {
    if (row_begin_[i] < row_begin_[i - 1]) return r.Corrupt("row index not sorted");
  }
  for (const Entry& e : entries_) {
    if (e.cls >= num_classes_) return r.Corrupt("class id out of range");
  }
  num_features_ = keys.size();
  BuildIndex(keys);
  return Status::Ok();
}

}  // namespace parley::learn
