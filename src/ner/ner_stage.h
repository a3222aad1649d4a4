// The NER stage's two halves, exposed for tests: the model input read from
// a Document (normalised token forms, sentences) and the application of
// predicted entities as the Document's mentions.
#pragma once

#include <vector>

#include "ner/ner_model.h"
#include "parley/document.h"

namespace parley::ner {

// Views point into `doc`, which must outlive the result.
NerInput InputOfDocument(const Document& doc);
// Replaces doc.mentions() with `spans` (document token offsets).
void ApplyEntities(const std::vector<EntitySpan>& spans, Document& doc);

}  // namespace parley::ner
