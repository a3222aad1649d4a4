// NER scoring (library side of `parley eval ner`): exact-span matching as
// conlleval does it, micro-averaged over all entities and per type.
#pragma once

#include <string>
#include <vector>

#include "ner/conll.h"
#include "ner/ner_model.h"
#include "parley/ner.h"

namespace parley::ner {

// Adds one sentence's (or document's) gold and predicted entities.
void CountSpans(const std::vector<EntitySpan>& gold, const std::vector<EntitySpan>& predicted,
                NerScores* scores);

// Tags `docs` with `model` and scores them against their gold entities.
// When `predictions` is given, it receives "word gold predicted" lines (IOB2),
// for error analysis with conlleval or by eye.
NerScores ScoreDocuments(const NerModel& model, const std::vector<NerDocument>& docs,
                         std::string* predictions = nullptr);

}  // namespace parley::ner
