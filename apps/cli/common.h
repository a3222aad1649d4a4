// Shared pieces of the parley command-line tool: exit codes, input options,
// progress and totals reporting.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "parley/eval.h"
#include "parley/pipeline.h"
#include "parley/reader.h"
#include "parley/runner.h"

namespace parley::cli {

// Stable exit codes (documented in README and `parley --help`).
enum ExitCode : int {
  kExitOk = 0,        // every record extracted
  kExitRejected = 1,  // some records rejected (bad input), the rest done
  kExitUsage = 2,     // bad command line
  kExitIo = 3,        // an input or output could not be read or written
};

// Input flags shared by extract and bench.
struct InputFlags {
  std::vector<std::string> inputs;
  std::string format = "auto";
  std::vector<std::string> fields;  // NAME=KEY
  size_t max_bytes = size_t{16} << 20;
  uint64_t limit = 0;

  void Register(CLI::App* app, bool inputs_positional);
  // Builds ReaderOptions; an error message on bad flags.
  StatusOr<ReaderOptions> ToReaderOptions() const;
};

// Pipeline flags shared by extract and bench: --stages, --models.
struct PipelineFlags {
  std::string stages = "repair,segment,tag,parse,ner,entities,link,quotes,events";
  std::string models;
  std::vector<std::string> actors;  // --actors: extra knowledge-base files

  void Register(CLI::App* app);
  PipelineOptions ToOptions() const;
};

// Prints progress to stderr: a live line on a terminal, a plain line every
// `plain_interval` seconds otherwise.
class Progress {
 public:
  Progress(std::string label, bool enabled);
  void Update(const RunTotals& t);
  void Finish();
  double interval() const { return tty_ ? 0.5 : 10.0; }

 private:
  std::string label_;
  bool enabled_;
  bool tty_;
  bool drawn_ = false;
};

// "parley extract: 12 read, 11 extracted, 1 rejected (0 unreadable inputs)"
void PrintTotals(const std::string& label, const RunTotals& t);
int ExitCodeFor(const RunTotals& t);
// A precision/recall table on stdout: the header, then one row per count;
// `name_width` is the width of the first column.
void PrintPrfHeader(int name_width);
void PrintPrfRow(int name_width, const char* name, const PrfCounts& c);
// The pipeline an `eval` subcommand runs, from --stages/--models. A bad
// stage list comes back with a hint; a pipeline in which no stage provides
// `annotation` only warns on stderr ("parley eval TASK: warning: … every gold
// NOUN counts as missed"), since scoring it is still meaningful.
StatusOr<Pipeline> BuildEvalPipeline(const PipelineFlags& flags, uint32_t annotation,
                                     const char* task, const char* noun);
// Exit code for a pipeline that could not be built: a bad stage list is a
// usage error; a model that cannot be read is I/O.
int PipelineExitCode(const Status& s);
// The first 20 rejected records on stderr as "LABEL: WHERE: message", then a
// count of the rest.
void PrintRecordErrors(const char* label, const std::vector<RecordError>& errors);

// One line of text for a listing: newlines as spaces, cut at `max` bytes on a
// character boundary.
std::string Snippet(std::string_view s, size_t max = 110);
// Peak resident set size of this process in MB.
double PeakRssMb();

void AddExtractCommand(CLI::App& app, int* exit_code);
// Returns the `eval` command so model families can add theirs.
CLI::App* AddEvalCommand(CLI::App& app, int* exit_code);
// `parley eval quotes` (apps/cli/quote_eval_command.cpp).
void AddEvalQuotesCommand(CLI::App* eval, int* exit_code);
// `parley eval events` (apps/cli/event_eval_command.cpp).
void AddEvalEventsCommand(CLI::App* eval, int* exit_code);
void AddBenchCommand(CLI::App& app, int* exit_code);

}  // namespace parley::cli
