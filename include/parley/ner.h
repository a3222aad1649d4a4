// Named-entity recogniser: PER, ORG, LOC, MISC mentions.
#pragma once

#include <memory>
#include <string>

#include "parley/stage.h"

namespace parley {

// The "ner" stage: sets mentions() (needs tokens and sentences).
StatusOr<std::unique_ptr<Stage>> MakeNerStage(const std::string& models_dir);

}  // namespace parley
