#include "cli/common.h"
#include "cli/model_commands.h"

namespace parley::cli {

void AddPosCommands(CLI::App*, CLI::App*, int*) {}

}  // namespace parley::cli
