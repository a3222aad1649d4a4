// Pieces shared by the `parley query` subcommands (query_command.cpp,
// query_aggregate.cpp): table output for people and error reporting.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "parley/store.h"

namespace parley::cli {

// A table cell: one line, no control characters (article text is data and
// must not drive the terminal), at most `width` characters.
std::string Cell(std::string_view s, size_t width);

// Prints the header, a rule and the rows, each column as wide as its widest
// cell up to `max_widths`; "nothing matched" on stderr when there are none.
void PrintTable(const std::vector<std::string>& header, const std::vector<size_t>& max_widths,
                const std::vector<std::vector<std::string>>& rows);

// Reports `s` on stderr; returns the exit code for it.
int Fail(const Status& s);

StatusOr<Store> OpenReadOnly(const std::string& path);

// Adds speakers, quote-groups, cooccurrence, events, dyads and dyad to `query`.
void AddAggregateQueries(CLI::App* query, int* exit_code);

}  // namespace parley::cli
