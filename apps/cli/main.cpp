// parley: the command-line tool. Each subcommand lives in its own file.
#include <CLI/CLI.hpp>

#include "cli/common.h"
#include "cli/model_commands.h"
#include "cli/store_commands.h"

int main(int argc, char** argv) {
  CLI::App app{"parley: who said what, who did what to whom, when and where, from news text"};
  app.set_version_flag("--version,-V", std::string("parley ") + PARLEY_VERSION);
  app.require_subcommand(1);
  app.footer(
      "Run 'parley COMMAND --help' for a command's options.\n"
      "Exit status: 0 ok, 1 some records rejected, 2 usage error, 3 I/O error.");
  int exit_code = parley::cli::kExitOk;
  parley::cli::AddExtractCommand(app, &exit_code);
  CLI::App* eval = parley::cli::AddEvalCommand(app, &exit_code);
  parley::cli::AddBenchCommand(app, &exit_code);
  parley::cli::AddIngestCommand(app, &exit_code);
  parley::cli::AddQueryCommand(app, &exit_code);
  parley::cli::AddServeCommand(app, &exit_code);
  CLI::App* train = app.add_subcommand("train", "Train a model from annotated data");
  train->require_subcommand(1);
  parley::cli::AddPosCommands(train, eval, &exit_code);
  parley::cli::AddParseCommands(train, eval, &exit_code);
  parley::cli::AddNerCommands(train, eval, &exit_code);
  parley::cli::AddQuoteCommands(train, &exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? 0 : parley::cli::kExitUsage;
  }
  return exit_code;
}
