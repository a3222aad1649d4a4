// ContextLexicon: what unlabelled text says about a word, for words the
// annotated data has rarely or never seen. For each word (normal form) it
// holds its cluster among words used in similar contexts ("the X of" makes a
// noun whatever X's spelling; see word_clusters.h) and how often it is
// capitalised away from the sentence start (the best evidence that a word is
// a proper noun).
//
// Built by ContextCounter (context_counter.h) from a corpus at training time
// and stored in the model; immutable afterwards.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "parley/status.h"
#include "tag/word_table.h"

namespace parley::learn {
class ModelWriter;
class ModelReader;
}  // namespace parley::learn

namespace parley::tag {

struct WordProfile {
  // Capitalisation away from the sentence start: 1 (< 2%) .. 5 (> 95%) of
  // the word's occurrences; 0 when it was too rare to say.
  uint16_t capitalised = 0;
  // Word clusters (word_clusters.h), 1-based; 0 = none.
  uint16_t coarse = 0, fine = 0;
};
static_assert(sizeof(WordProfile) == 6, "no padding: the model file must be reproducible");

class ContextLexicon {
 public:
  ContextLexicon() = default;
  ContextLexicon(WordTable index, std::vector<WordProfile> profiles)
      : index_(std::move(index)), profiles_(std::move(profiles)) {}

  // The profile of a normal form (whose XXH3 hash is `hash`), or null.
  const WordProfile* Find(std::string_view norm, uint64_t hash) const {
    uint64_t i = index_.Find(norm, hash);
    return i == WordTable::kNone ? nullptr : &profiles_[i];
  }
  const WordProfile* Find(std::string_view norm) const {
    uint64_t i = index_.Find(norm);
    return i == WordTable::kNone ? nullptr : &profiles_[i];
  }
  size_t size() const { return profiles_.size(); }
  // The words themselves (normal forms), e.g. for the lemmatizer to tell a
  // word from a clipped stem.
  const WordTable& words() const { return index_; }

  void Save(learn::ModelWriter& w) const;
  Status Load(learn::ModelReader& r);

 private:
  WordTable index_;  // normal form -> index into profiles_
  std::vector<WordProfile> profiles_;
};

}  // namespace parley::tag
