#include "parley/parser.h"

namespace parley {

StatusOr<std::unique_ptr<Stage>> MakeParseStage(const std::string&) {
  return FailedPrecondition("the 'parse' stage is not built yet");
}

}  // namespace parley
