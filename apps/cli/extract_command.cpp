// parley extract: one record per article, as JSON, JSONL or a text summary.
#include <cstdio>
#include <thread>

#include "cli/common.h"
#include "parley/output.h"
#include "parley/pipeline.h"

namespace parley::cli {
namespace {

struct ExtractFlags {
  InputFlags input;
  PipelineFlags pipeline;
  std::string format = "jsonl";
  bool no_text = false;
  bool no_tokens = false;
  bool errors_in_stream = false;
  bool quiet = false;
  int threads = 0;
};

bool WriteAll(const std::string& s) {
  return std::fwrite(s.data(), 1, s.size(), stdout) == s.size();
}

int RunExtract(const ExtractFlags& f) {
  if (f.format != "json" && f.format != "jsonl" && f.format != "text" && f.format != "conllu") {
    std::fprintf(stderr, "parley extract: --format must be json, jsonl, text or conllu\n");
    return kExitUsage;
  }
  auto reader_options = f.input.ToReaderOptions();
  if (!reader_options.ok()) {
    std::fprintf(stderr, "parley extract: %s\n", reader_options.status().message().c_str());
    return kExitUsage;
  }
  auto pipeline = Pipeline::CreateDefault(f.pipeline.ToOptions());
  if (!pipeline.ok()) {
    std::fprintf(stderr, "parley extract: %s\n", pipeline.status().ToString().c_str());
    StatusCode code = pipeline.status().code();
    return code == StatusCode::kNotFound || code == StatusCode::kIoError ? kExitIo : kExitUsage;
  }
  std::vector<std::string> inputs = f.input.inputs;
  if (inputs.empty()) inputs.push_back("-");
  auto reader = Reader::Open(inputs, *reader_options);

  JsonOptions json;
  json.pretty = f.format == "json";
  json.text = !f.no_text;
  json.tokens = !f.no_tokens;
  bool write_failed = false;
  std::string buf;
  RunCallbacks cb;
  cb.on_document = [&](Document&& doc) {
    buf.clear();
    if (f.format == "text") {
      WriteDocumentText(doc, &buf);
      buf.push_back('\n');
    } else if (f.format == "conllu") {
      WriteDocumentConllu(doc, &buf);
    } else {
      WriteDocumentJson(doc, json, &buf);
      buf.push_back('\n');
    }
    if (!WriteAll(buf)) write_failed = true;
  };
  cb.on_error = [&](const RecordError& e) {
    std::fprintf(stderr, "parley: %s: %s\n", e.where.ToString().c_str(),
                 e.status.ToString().c_str());
    if (f.errors_in_stream && (f.format == "json" || f.format == "jsonl")) {
      buf.clear();
      WriteErrorJson(e, &buf);
      buf.push_back('\n');
      if (!WriteAll(buf)) write_failed = true;
    }
  };
  Progress progress("parley extract", !f.quiet);
  cb.on_progress = [&](const RunTotals& t) { progress.Update(t); };
  cb.progress_interval_s = progress.interval();

  RunOptions run;
  run.threads = f.threads > 0 ? f.threads : static_cast<int>(std::thread::hardware_concurrency());
  run.limit = f.input.limit;
  RunTotals totals = RunPipeline(*reader, *pipeline, run, cb);
  progress.Finish();
  if (std::fflush(stdout) != 0) write_failed = true;
  if (!f.quiet) PrintTotals("parley extract", totals);
  if (write_failed) {
    std::fprintf(stderr, "parley extract: writing the output failed\n");
    return kExitIo;
  }
  return ExitCodeFor(totals);
}

}  // namespace

void AddExtractCommand(CLI::App& app, int* exit_code) {
  auto flags = std::make_shared<ExtractFlags>();
  CLI::App* cmd = app.add_subcommand(
      "extract", "Extract structure from articles: one record per article on stdout");
  flags->input.Register(cmd, true);
  flags->pipeline.Register(cmd);
  cmd->add_option("--format,-f", flags->format,
                  "json (indented), jsonl (one line each), text, or conllu (tokens, tags and "
                  "parse; for other tools and 'train parse --extra')")
      ->capture_default_str();
  cmd->add_flag("--no-text", flags->no_text, "Leave the original text out of JSON records");
  cmd->add_flag("--no-tokens", flags->no_tokens, "Leave the token columns out of JSON records");
  cmd->add_flag("--errors", flags->errors_in_stream,
                "Also write an error record into the JSON stream for each rejected input");
  cmd->add_option("--threads,-t", flags->threads, "Worker threads (0: all cores)");
  cmd->add_flag("--quiet,-q", flags->quiet, "No progress and no totals on stderr");
  cmd->footer(
      "Errors go to stderr as 'parley: FILE:LINE: code: message'; the run goes on.\n"
      "Exit status: 0 all extracted, 1 some records rejected, 2 usage error, 3 I/O error.");
  cmd->callback([flags, exit_code] { *exit_code = RunExtract(*flags); });
}

}  // namespace parley::cli
