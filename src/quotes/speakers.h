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

// Gives an unlinked person the role its resolved descriptions name ("the
// political analyst" said … → Baigaliyev's role "political analyst"): the
// longest description, without its determiner. Roles already set (from the
// knowledge base) are kept.
void RolesFromDescriptions(Document& doc, const std::vector<Candidate>& candidates);

}  // namespace parley::quotes
