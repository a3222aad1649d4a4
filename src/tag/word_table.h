// WordTable: an immutable map from word forms to 64-bit values, looked up by
// the form's XXH3 hash (which the feature extractor has already computed)
// and checked against the stored form, so a hash collision can never hand
// one word another's value.
//
// The tagger keeps two: the tag dictionary (frequent words the training data
// always tags the same way -> that label; they skip scoring, which is most of
// the tagger's speed and costs no accuracy) and the ambiguity lexicon (word
// -> hash of the set of labels it takes, a preview of what the words to the
// right can be).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "parley/status.h"

namespace parley::learn {
class ModelWriter;
class ModelReader;
}  // namespace parley::learn

namespace parley::tag {

class WordTable {
 public:
  static constexpr uint64_t kNone = ~uint64_t{0};

  WordTable() = default;
  // From (word, value) pairs; the map's order makes model files reproducible.
  explicit WordTable(const std::map<std::string, uint64_t>& entries);

  // The value of `form` (whose XXH3_64bits hash is `hash`), or kNone.
  uint64_t Find(std::string_view form, uint64_t hash) const {
    if (slots_.empty()) return kNone;
    for (size_t i = hash & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.hash == hash && s.length == form.size() && Same(chars_.data() + s.offset, form)) {
        return values_[s.index];
      }
      if (s.length == kEmpty) return kNone;
    }
  }
  uint64_t Find(std::string_view form) const;
  size_t size() const { return words_.size(); }
  const std::vector<uint64_t>& values() const { return values_; }

  void Save(learn::ModelWriter& w) const;
  Status Load(learn::ModelReader& r);

 private:
  // Words are short: a loop beats a call into the C library's memcmp.
  static bool Same(const char* stored, std::string_view form) {
    for (size_t k = 0; k < form.size(); ++k) {
      if (stored[k] != form[k]) return false;
    }
    return true;
  }
  void Index();
  // Open addressing over the words' hashes; a slot also locates its word in
  // chars_, so a lookup touches the slot and the word's bytes, nothing else.
  struct Slot {
    uint64_t hash;
    uint32_t offset;  // into chars_
    uint32_t length;  // kEmpty: unused slot
    uint32_t index;   // into words_ / values_
  };
  static constexpr uint32_t kEmpty = 0xffffffffu;
  std::vector<std::string> words_;
  std::vector<uint64_t> values_;
  std::string chars_;  // every word, concatenated
  std::vector<Slot> slots_;
  size_t mask_ = 0;
};

}  // namespace parley::tag
