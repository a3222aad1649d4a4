// JSON rows of the corpus store's query results (parley/store.h),
// one writer per row type, shared by `parley query … --json` and the HTTP
// API so the two cannot drift apart. docs/store.md lists the fields.
#pragma once

#include "output/json_writer.h"
#include "parley/store.h"

namespace parley {

// Each writes one JSON object.
void WriteQuoteHit(JsonWriter& w, const QuoteHit& h);
void WriteEntityCount(JsonWriter& w, const EntityCount& e);
void WriteSpeakerSummary(JsonWriter& w, const SpeakerSummary& s);
void WriteQuoteGroup(JsonWriter& w, const QuoteGroup& g);
void WriteCooccurrenceNode(JsonWriter& w, const CooccurrenceNode& n);
void WriteCooccurrencePair(JsonWriter& w, const CooccurrencePair& p);
void WriteEventHit(JsonWriter& w, const EventHit& e);
// The group's counts and mean Goldstein score, then its first event's fields.
void WriteEventGroup(JsonWriter& w, const EventGroup& g);
void WriteDyadSummary(JsonWriter& w, const DyadSummary& d);
void WriteDyadPoint(JsonWriter& w, const DyadPoint& p);

}  // namespace parley
