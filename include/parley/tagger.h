// Part-of-speech tagger (UPOS + Penn XPOS) and lemmatiser.
#pragma once

#include <memory>
#include <string>

#include "parley/stage.h"

namespace parley {

// The "tag" stage: sets tokens().upos, xpos and lemma from the models in
// `models_dir` (pos.model). Fails with a message naming the file when the
// model is missing or from another version.
StatusOr<std::unique_ptr<Stage>> MakeTagStage(const std::string& models_dir);

}  // namespace parley
