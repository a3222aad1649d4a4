// Quotation extraction and speaker attribution: who said what.
#pragma once

#include <memory>
#include <string>

#include "parley/stage.h"

namespace parley {

// The "quotes" stage: sets quotes() (needs tokens, sentences, paragraphs,
// tags, lemmas, the parse and NER mentions; uses document entities when the
// "entities" stage ran before it). Loads the cue lexicon models_dir +
// "/cues.tsv" (see docs/schema.md for its format).
StatusOr<std::unique_ptr<Stage>> MakeQuoteStage(const std::string& models_dir);

}  // namespace parley
