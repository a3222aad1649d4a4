// FlatMap: an immutable open-addressing table from 64-bit keys to small
// trivially copyable values. Saved as its occupied (key, value) pairs only
// (half the table is empty) and rebuilt at load, which takes milliseconds.
#pragma once

#include <algorithm>
#include <cstdint>
#include <type_traits>
#include <unordered_map>
#include <vector>

#include "learn/model_io.h"
#include "ner/hashing.h"

namespace parley::ner {

template <typename V>
class FlatMap {
  static_assert(std::is_trivially_copyable_v<V>);

 public:
  FlatMap() = default;
  explicit FlatMap(const std::unordered_map<uint64_t, V>& m) {
    // Key order, so the table, and so the model file, do not depend on the
    // unordered_map's iteration order.
    std::vector<uint64_t> ks;
    std::vector<V> vs;
    ks.reserve(m.size());
    for (const auto& kv : m) ks.push_back(kv.first);
    std::sort(ks.begin(), ks.end());
    for (uint64_t k : ks) vs.push_back(m.at(k));
    Build(ks, vs);
  }

  // The value for `k`, or nullptr.
  const V* Find(uint64_t k) const {
    if (keys_.empty()) return nullptr;
    const uint64_t key = Key(k);
    const size_t mask = keys_.size() - 1;
    for (size_t i = Mix64(key) & mask;; i = (i + 1) & mask) {
      if (keys_[i] == key) return &vals_[i];
      if (keys_[i] == 0) return nullptr;
    }
  }
  size_t size() const {
    size_t n = 0;
    for (uint64_t k : keys_) n += k != 0;
    return n;
  }

  void Save(learn::ModelWriter& w) const {
    std::vector<uint64_t> ks;
    std::vector<V> vs;
    for (size_t i = 0; i < keys_.size(); ++i) {
      if (keys_[i] == 0) continue;
      ks.push_back(keys_[i]);
      vs.push_back(vals_[i]);
    }
    w.Array(ks);
    w.Array(vs);
  }
  Status Load(learn::ModelReader& r) {
    std::vector<uint64_t> ks;
    std::vector<V> vs;
    PARLEY_RETURN_IF_ERROR(r.Array(&ks));
    PARLEY_RETURN_IF_ERROR(r.Array(&vs));
    if (vs.size() != ks.size()) return r.Corrupt("hash table keys and values differ in number");
    Build(ks, vs);
    return Status::Ok();
  }

 private:
  void Build(const std::vector<uint64_t>& ks, const std::vector<V>& vs) {
    size_t cap = 16;
    while (cap < ks.size() * 2) cap <<= 1;  // load factor <= 0.5
    keys_.assign(cap, 0);
    vals_.assign(cap, V{});
    for (size_t j = 0; j < ks.size(); ++j) {
      size_t i = Slot(Key(ks[j]));
      keys_[i] = Key(ks[j]);
      vals_[i] = vs[j];
    }
  }

  static uint64_t Key(uint64_t k) { return k == 0 ? 1 : k; }  // 0 marks an empty slot
  size_t Slot(uint64_t key) const {
    const size_t mask = keys_.size() - 1;
    size_t i = Mix64(key) & mask;
    while (keys_[i] != 0) i = (i + 1) & mask;
    return i;
  }

  std::vector<uint64_t> keys_;
  std::vector<V> vals_;
};

}  // namespace parley::ner
