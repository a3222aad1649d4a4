// The event coder: reads triggers, their arguments, negation and modality
// off the dependency parse and turns linked entities into actors.
#pragma once

#include "events/event_dictionary.h"
#include "parley/document.h"

namespace parley::events {

// Fills doc.events() (needs tokens, sentences, tags, lemmas, the parse and
// NER mentions; uses entities and links, quotes and times when present).
void CodeEvents(Document& doc, const EventDictionary& dict);

}  // namespace parley::events
