// WordTable (see word_table.h).
#include "tag/word_table.h"

#include <xxhash.h>

#include "learn/model_io.h"

namespace parley::tag {

WordTable::WordTable(const std::map<std::string, uint64_t>& entries) {
  words_.reserve(entries.size());
  values_.reserve(entries.size());
  for (const auto& [word, value] : entries) {
    words_.push_back(word);
    values_.push_back(value);
  }
  Index();
}

uint64_t WordTable::Find(std::string_view form) const {
  return Find(form, XXH3_64bits(form.data(), form.size()));
}

void WordTable::Index() {
  chars_.clear();
  size_t cap = 16;
  while (cap < words_.size() * 2) cap <<= 1;  // load factor <= 0.5
  slots_.assign(cap, Slot{0, 0, kEmpty, 0});
  mask_ = cap - 1;
  for (uint32_t w = 0; w < words_.size(); ++w) {
    const std::string& word = words_[w];
    uint64_t hash = XXH3_64bits(word.data(), word.size());
    size_t i = hash & mask_;
    while (slots_[i].length != kEmpty) i = (i + 1) & mask_;
    slots_[i] = {hash, static_cast<uint32_t>(chars_.size()), static_cast<uint32_t>(word.size()), w};
    chars_ += word;
  }
}

void WordTable::Save(learn::ModelWriter& w) const {
  w.Strings(words_);
  w.Array(values_);
}

Status WordTable::Load(learn::ModelReader& r) {
  PARLEY_RETURN_IF_ERROR(r.Strings(&words_));
  PARLEY_RETURN_IF_ERROR(r.Array(&values_));
  if (values_.size() != words_.size()) return r.Corrupt("word table columns differ in length");
  size_t total = 0;
  for (const std::string& w : words_) total += w.size();
  if (total >= WordTable::kEmpty) return r.Corrupt("word table too large");
  Index();
  return Status::Ok();
}

}  // namespace parley::tag
