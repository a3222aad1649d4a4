// Builds a stage by name (internal; the Pipeline uses it).
#pragma once

#include <memory>
#include <string>

#include "parley/pipeline.h"

namespace parley {

StatusOr<std::unique_ptr<Stage>> MakeStage(const std::string& name, const PipelineOptions& options);

}  // namespace parley
