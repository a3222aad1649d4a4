// `parley train X` and `parley eval X` for each trained model; one file per
// model family registers both.
#pragma once

#include <CLI/CLI.hpp>

namespace parley::cli {

void AddPosCommands(CLI::App* train, CLI::App* eval, int* exit_code);
void AddParseCommands(CLI::App* train, CLI::App* eval, int* exit_code);
void AddNerCommands(CLI::App* train, CLI::App* eval, int* exit_code);
// `parley train quotes` (its scorer is `parley eval quotes`, eval_command).
void AddQuoteCommands(CLI::App* train, int* exit_code);

}  // namespace parley::cli
