// parley bench: whole-pipeline throughput over a corpus (EVALUATION.md).
#include <cstdio>

#include "cli/common.h"
#include "output/json_writer.h"
#include "parley/pipeline.h"

namespace parley::cli {
namespace {

struct BenchFlags {
  InputFlags input;
  PipelineFlags pipeline;
  int threads = 1;
  bool json = false;
  bool quiet = false;
};

int RunBench(const BenchFlags& f) {
  auto reader_options = f.input.ToReaderOptions();
  if (!reader_options.ok()) {
    std::fprintf(stderr, "parley bench: %s\n", reader_options.status().message().c_str());
    return kExitUsage;
  }
  auto pipeline = Pipeline::CreateDefault(f.pipeline.ToOptions());
  if (!pipeline.ok()) {
    std::fprintf(stderr, "parley bench: %s\n", pipeline.status().ToString().c_str());
    StatusCode code = pipeline.status().code();
    return code == StatusCode::kNotFound || code == StatusCode::kIoError ? kExitIo : kExitUsage;
  }
  auto reader = Reader::Open(f.input.inputs, *reader_options);
  RunCallbacks cb;
  uint64_t shown_errors = 0;
  cb.on_error = [&](const RecordError& e) {
    if (shown_errors++ < 10) {
      std::fprintf(stderr, "parley: %s: %s\n", e.where.ToString().c_str(),
                   e.status.ToString().c_str());
    }
  };
  cb.on_document = [](Document&&) {};
  Progress progress("parley bench", !f.quiet);
  cb.on_progress = [&](const RunTotals& t) { progress.Update(t); };
  cb.progress_interval_s = progress.interval();
  RunOptions run;
  run.threads = f.threads;
  run.limit = f.input.limit;
  RunTotals t = RunPipeline(*reader, *pipeline, run, cb);
  progress.Finish();

  double mb = static_cast<double>(t.text_bytes) / 1e6;
  double secs = t.seconds > 0 ? t.seconds : 1e-9;
  double stage_total = 0;
  for (double s : t.stage_times.seconds) stage_total += s;
  std::printf("input: %.1f MB read from %zu input(s), %d thread(s)\n",
              static_cast<double>(t.input_bytes) / 1e6, f.input.inputs.size(), f.threads);
  std::printf("articles: %llu (%llu rejected), text: %.1f MB, tokens: %llu\n",
              static_cast<unsigned long long>(t.extracted),
              static_cast<unsigned long long>(t.rejected), mb,
              static_cast<unsigned long long>(t.tokens));
  std::printf("wall: %.2f s, %.2f MB/s, %.0f tokens/s, %.0f articles/s, peak RSS %.0f MB\n", secs,
              mb / secs, static_cast<double>(t.tokens) / secs,
              static_cast<double>(t.extracted) / secs, PeakRssMb());
  for (size_t i = 0; i < pipeline->size(); ++i) {
    double s = i < t.stage_times.seconds.size() ? t.stage_times.seconds[i] : 0;
    std::printf("  stage %-10s %8.2f s  %8.1f MB/s per core\n",
                std::string(pipeline->stage(i).name()).c_str(), s, s > 0 ? mb / s : 0);
  }
  std::printf("  all stages %8.2f s  %8.1f MB/s per core (read + decompress: the rest)\n",
              stage_total, stage_total > 0 ? mb / stage_total : 0);
  if (f.json) {
    std::string out;
    JsonWriter w(&out);
    w.BeginObject();
    w.Key("articles");
    w.UInt(t.extracted);
    w.Key("rejected");
    w.UInt(t.rejected);
    w.Key("mb");
    w.Double(mb);
    w.Key("input_mb");
    w.Double(static_cast<double>(t.input_bytes) / 1e6);
    w.Key("seconds");
    w.Double(secs);
    w.Key("threads");
    w.Int(f.threads);
    w.Key("mb_per_s");
    w.Double(mb / secs);
    w.Key("tokens");
    w.UInt(t.tokens);
    w.Key("tokens_per_s");
    w.Double(static_cast<double>(t.tokens) / secs);
    w.Key("articles_per_s");
    w.Double(static_cast<double>(t.extracted) / secs);
    w.Key("peak_rss_mb");
    w.Double(PeakRssMb());
    w.Key("stage_seconds");
    w.BeginObject();
    for (size_t i = 0; i < pipeline->size(); ++i) {
      w.Key(pipeline->stage(i).name());
      w.Double(i < t.stage_times.seconds.size() ? t.stage_times.seconds[i] : 0);
    }
    w.EndObject();
    w.Key("stages_mb_per_s_per_core");
    w.Double(stage_total > 0 ? mb / stage_total : 0);
    w.EndObject();
    std::printf("%s\n", out.c_str());
  }
  return t.io_errors ? kExitIo : kExitOk;
}

}  // namespace

void AddBenchCommand(CLI::App& app, int* exit_code) {
  auto flags = std::make_shared<BenchFlags>();
  CLI::App* cmd = app.add_subcommand("bench", "Time the whole pipeline over a corpus");
  flags->input.Register(cmd, false);
  flags->pipeline.Register(cmd);
  cmd->add_option("--threads,-t", flags->threads, "Worker threads")->capture_default_str();
  cmd->add_flag("--json", flags->json, "Also print one JSON object on the last line");
  cmd->add_flag("--quiet,-q", flags->quiet, "No progress on stderr");
  cmd->callback([flags, exit_code] { *exit_code = RunBench(*flags); });
}

}  // namespace parley::cli
