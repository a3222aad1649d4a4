// WordClasses: the ambiguity class of each frequent training word, i.e. the
// set of Penn tags the gold data gives it ("VBD|VBN" for "used",
// "DT|IN|WDT" for "that").
//
// Why: at run time the parser sees predicted tags, and about one word in
// twenty is mistagged. A word's ambiguity class does not depend on the
// tagger, so the parser can learn, for example, that a word which may be a
// past participle after an auxiliary attaches as one whatever the tagger
// said. Keyed by the hash of the lowercased form (TokenAttrs::word).
// Immutable after Build/Load.
#pragma once

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "parley/parser.h"
#include "parley/status.h"

namespace parley::learn {
class ModelWriter;
class ModelReader;
}  // namespace parley::learn

namespace parley::parse {

class WordClasses {
 public:
  // Words seen at least `min_count` times; tags below `min_share` of a
  // word's occurrences are left out of its class. Uses the xpos column of
  // `gold`, which must hold gold tags.
  static WordClasses Build(const std::vector<TreebankSentence>& gold, uint32_t min_count = 3,
                           double min_share = 0.05);

  // The class of the word whose lowercased-form hash is `word`, 0 if none.
  uint64_t Find(uint64_t word) const {
    auto it = classes_.find(word);
    return it == classes_.end() ? 0 : it->second;
  }
  size_t size() const { return classes_.size(); }

  void Save(learn::ModelWriter& w) const;
  Status Load(learn::ModelReader& r);

 private:
  std::unordered_map<uint64_t, uint64_t> classes_;  // word hash -> class hash
};

}  // namespace parley::parse
