// The NER stage's two halves, exposed for tests: the model input read from
// a Document (normalised token forms, sentences) and the application of
// predicted entities as the Document's mentions.
#pragma once

#include <deque>
#include <string>
#include <vector>

#include "ner/ner_model.h"
#include "parley/document.h"

namespace parley::ner {

// Views point into `doc` and `storage`, which must outlive the result. An
// honorific or abbreviated title before a name ("Mr. Rahami", "Gov. Kay
// Ivey") is read as "President", the title the model knows from its
// training copy. With `storage` and the tagger's
// annotations, the words of a title-case headline that the tagger read as
// common words are read in lower case (their lowered forms appended to
// *storage, a deque: views stay valid).
NerInput InputOfDocument(const Document& doc, std::deque<std::string>* storage = nullptr);

// The model's reading of a document, closer to CoNLL-2003 tokens: there a
// hyphenated name is one token ("Gartenstein-Ross", "AFL-CIO"), where
// parley's tokens split it as UD does. Split, the model saw "Daveed
// Gartenstein" and "Ross" as two people. Only names are joined: a
// lower-case part ("Iran-linked") or a one-letter one ("D-Fla.") keeps the
// words apart, so that "Iran" and "Fla." are still read as names of their
// own. input.forms[k] reads document tokens first[k] .. end[k] - 1.
struct NerView {
  NerInput input;
  std::vector<uint32_t> first, end;
  std::deque<std::string> storage;  // forms not in the text as they are read
};
// The view of `doc`: InputOfDocument's forms, then "X-Y" joined where the
// hyphen is glued to capitalised words of two or more letters on both
// sides. Views point into `doc` and into the result's own storage (a
// deque: they stay valid).
void ViewOfDocument(const Document& doc, NerView* view);
// Spans over view tokens as spans over document tokens.
std::vector<EntitySpan> ToDocumentTokens(const NerView& view, std::vector<EntitySpan> spans);

// Replaces doc.mentions() with `spans` (document token offsets).
void ApplyEntities(const std::vector<EntitySpan>& spans, Document& doc);

}  // namespace parley::ner
