// The NER stage's two halves, exposed for tests: the model input read from
// a Document (normalised token forms, sentences) and the application of
// predicted entities as the Document's mentions.
#pragma once

#include <string>
#include <vector>

#include "ner/ner_model.h"
#include "parley/document.h"

namespace parley::ner {

// Views point into `doc` and `storage`, which must outlive the result. With
// `storage` and the tagger's annotations, the words of a title-case
// headline that the tagger read as common words are read in lower case
// (their lowered forms kept in *storage).
NerInput InputOfDocument(const Document& doc, std::vector<std::string>* storage = nullptr);
// Replaces doc.mentions() with `spans` (document token offsets).
void ApplyEntities(const std::vector<EntitySpan>& spans, Document& doc);

}  // namespace parley::ner
