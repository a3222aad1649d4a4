#include "cli/common.h"
#include "cli/model_commands.h"

namespace parley::cli {

void AddNerCommands(CLI::App*, CLI::App*, int*) {}

}  // namespace parley::cli
