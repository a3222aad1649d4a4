#include "parley/tagger.h"

namespace parley {

StatusOr<std::unique_ptr<Stage>> MakeTagStage(const std::string&) {
  return FailedPrecondition("the 'tag' stage is not built yet");
}

}  // namespace parley
