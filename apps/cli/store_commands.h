// `parley ingest` (build or extend a corpus database) and `parley query`
// (search it), `parley serve` (explore it over HTTP); see docs/store.md.
#pragma once

#include <CLI/CLI.hpp>

namespace parley::cli {

void AddIngestCommand(CLI::App& app, int* exit_code);
void AddQueryCommand(CLI::App& app, int* exit_code);
void AddServeCommand(CLI::App& app, int* exit_code);

}  // namespace parley::cli
