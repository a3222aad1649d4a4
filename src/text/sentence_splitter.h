// Sentence splitter: finds sentence boundaries among one paragraph's tokens.
//
// A boundary follows terminal punctuation (. ! ? and runs such as "?!" or
// "..."), after any closing quotes and brackets, when the next token can
// start a sentence. Abbreviations end a sentence only before a capitalised
// word that typically starts one (any capitalised word after "etc." or
// "Inc." is left to the model); titles and initials never do. Rules make a
// first decision; at candidate boundaries an averaged-perceptron model
// trained on EWT (tools/train_sentence_model.cpp) makes the final one. A
// line break inside a paragraph is a hint: it ends a sentence before a
// capitalised line when the line before is much shorter than the
// paragraph's longest (headings, lists, e-mail lines), not in wrapped prose.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "text/tokenizer.h"

namespace parley::text {

// Hashed feature space of the boundary model. Bump the version whenever a
// feature changes; the embedded model must then be retrained.
inline constexpr uint32_t kSentenceFeatureVersion = 1;
inline constexpr uint32_t kSentenceFeatureBits = 16;
inline constexpr size_t kMaxSentenceFeatures = 32;

// Decides candidate boundaries. The embedded model decides by default; the
// trainer (tools/train_sentence_model.cpp) passes its own to learn from the
// same candidates and features the runtime sees.
class BoundaryDecider {
 public:
  virtual ~BoundaryDecider() = default;
  // `features`: hashed ids (< 2^kSentenceFeatureBits) of the candidate
  // boundary after view offset `end`. Returns whether a sentence ends there.
  virtual bool Split(const uint32_t* features, size_t n, uint32_t end) = 0;
};

// Appends to *ends the index one past the last token of each sentence of
// *tokens (view offsets into `text`, one paragraph). The last value is always
// tokens->size(); no sentence is empty; nothing is appended for no tokens.
// A sentence-final abbreviation gives up its period, which becomes a token
// of its own as in EWT ("etc ." at the end, "etc." inside), so *tokens may
// grow.
void SplitSentences(std::string_view text, std::vector<TokenSpan>* tokens,
                    std::vector<uint32_t>* ends, BoundaryDecider* decider = nullptr);

}  // namespace parley::text
