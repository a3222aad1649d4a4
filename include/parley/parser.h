// Labelled dependency parser (UD relations), transition-based.
#pragma once

#include <memory>
#include <string>

#include "parley/stage.h"

namespace parley {

// The "parse" stage: sets tokens().head and deprel (needs tags).
StatusOr<std::unique_ptr<Stage>> MakeParseStage(const std::string& models_dir);

}  // namespace parley
