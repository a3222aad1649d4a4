// Speaker resolution: a quote's speaker mention (a name, a pronoun, a
// description such as "the expert") resolved to a document entity, or left
// unresolved with low confidence.
#pragma once

#include <vector>

#include "parley/document.h"
#include "quotes/attribution.h"

namespace parley::quotes {

// Sets speaker_entity (when the document has entities), speaker_name and
// confidence of every candidate.
void ResolveSpeakers(const Document& doc, std::vector<Candidate>& candidates);

}  // namespace parley::quotes
