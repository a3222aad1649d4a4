// The quotes stage's whole job on one document, for callers that hold their
// own lexicon and models (the trainer scores models it has just made).
#pragma once

#include "parley/document.h"
#include "quotes/attribution.h"
#include "quotes/cue_lexicon.h"

namespace parley::quotes {

// Sets doc.quotes(); either model may be null (attribution.h).
void ExtractQuotes(Document& doc, const CueLexicon& lexicon, QuoteModels models);

}  // namespace parley::quotes
