// Document-level features for the second decoding pass (Ratinov & Roth 2009,
// "extended prediction history" and "context aggregation", simplified):
// after a first pass has labelled the whole document, each token learns how
// the same word, and the same multi-word name, was labelled elsewhere in
// that document, so "Merkel" alone inherits PER from "Angela Merkel" and a
// headline's "MERKEL" from the body. A token's own first-pass label is not
// counted among the "elsewhere" votes, but it is a feature of its own, with
// its neighbours' (stacking).
#pragma once

#include <cstdint>
#include <vector>

#include "ner/features.h"

namespace parley::ner {

// Fills out->doc_feats/doc_offset from first-pass labels (one per token).
void AddDocumentFeatures(const NerInput& in, const std::vector<uint8_t>& first_pass,
                         DocFeatures* out);

}  // namespace parley::ner
