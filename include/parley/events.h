// Political events: who did what to whom, when and where (CAMEO / PLOVER).
#pragma once

#include <memory>
#include <string>

#include "parley/stage.h"

namespace parley {

// The "events" stage: sets times() and events() (needs tokens, sentences,
// tags, lemmas, the parse and NER mentions; uses document entities and links,
// and quotes, when those stages ran before it). Loads models_dir +
// "/events/{cameo,agents,verbs,triggers}.tsv" (format in docs/events.md).
StatusOr<std::unique_ptr<Stage>> MakeEventStage(const std::string& models_dir);

}  // namespace parley
