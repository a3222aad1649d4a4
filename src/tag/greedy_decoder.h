// Greedy left-to-right decoding, shared by the tagger and its trainer so the
// two cannot drift apart: dictionary words take their label, every other
// word's features (with the labels already chosen as history) go to
// `choose`, which scores them (and, in training, updates the weights).
#pragma once

#include <cstdint>

#include "tag/pos_features.h"
#include "tag/word_table.h"

namespace parley::tag {

// Labels tokens [0, n) of the sentence prepared in *s into out[0, n).
// `parts`: which of each word's features go to `choose` (FeaturePart; the
// tagger scores those that read one word apart).
template <typename Choose>
void DecodeGreedy(PosScratch* s, size_t n, const WordTable& dictionary, Choose&& choose,
                  uint16_t* out, uint32_t parts = kAllParts) {
  uint32_t prev1 = kStartLabel, prev2 = kStartLabel;
  for (size_t i = 0; i < n; ++i) {
    const TokenFacts& t = s->toks[i + PosScratch::kPad];
    uint64_t label = dictionary.Find(t.form, t.h_form);
    if (label == WordTable::kNone) {
      s->feats.clear();
      ExtractFeatures(*s, i, prev1, prev2, &s->feats, parts);
      label = choose(i, s->feats);
    }
    out[i] = static_cast<uint16_t>(label);
    prev2 = prev1;
    prev1 = static_cast<uint32_t>(label);
  }
}

}  // namespace parley::tag
