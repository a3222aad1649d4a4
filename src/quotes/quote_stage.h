// The quotes stage's whole job on one document, for callers that hold their
// own lexicon and model (the trainer scores a model it has just made).
#pragma once

#include "parley/document.h"
#include "quotes/cue_lexicon.h"
#include "quotes/cue_model.h"

namespace parley::quotes {

// Sets doc.quotes(); `model` may be null (the lexicon decides verb cues).
void ExtractQuotes(Document& doc, const CueLexicon& lexicon, const CueModel* model);

}  // namespace parley::quotes
