// parley ingest: extract articles into a corpus database (docs/store.md).
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <thread>

#include "cli/common.h"
#include "cli/store_commands.h"
#include "parley/ingest.h"
#include "parley/store.h"

namespace parley::cli {
namespace {

struct IngestFlags {
  InputFlags input;
  PipelineFlags pipeline;
  std::string db;
  int threads = 0;
  size_t batch = 256;
  bool quiet = false;
};

// Bytes of input when every input is a regular file or directory (0: unknown,
// e.g. stdin), for the ETA.
uint64_t InputSize(const std::vector<std::string>& inputs) {
  namespace fs = std::filesystem;
  uint64_t total = 0;
  std::error_code ec;
  for (const std::string& in : inputs) {
    if (in == "-") return 0;
    if (fs::is_regular_file(in, ec)) {
      total += fs::file_size(in, ec);
    } else if (fs::is_directory(in, ec)) {
      for (auto it = fs::recursive_directory_iterator(in, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_regular_file(ec)) total += it->file_size(ec);
      }
    } else {
      return 0;
    }
  }
  return total;
}

std::string Duration(double s) {
  auto t = static_cast<long long>(s + 0.5);
  char buf[32];
  if (t >= 3600) {
    std::snprintf(buf, sizeof buf, "%lld:%02lld:%02lld", t / 3600, t / 60 % 60, t % 60);
  } else {
    std::snprintf(buf, sizeof buf, "%lld:%02lld", t / 60, t % 60);
  }
  return buf;
}

// A progress bar on a terminal; a plain line every 10 s otherwise.
class IngestProgress {
 public:
  IngestProgress(bool enabled, uint64_t input_size)
      : enabled_(enabled), tty_(isatty(STDERR_FILENO) != 0), size_(input_size) {}
  double interval() const { return tty_ ? 0.25 : 10.0; }

  void Update(const IngestTotals& t) {
    if (!enabled_) return;
    double s = t.run.seconds > 0 ? t.run.seconds : 1e-9;
    double rate = static_cast<double>(t.read) / s;
    double mbs = static_cast<double>(t.run.text_bytes) / 1e6 / s;
    double frac =
        size_ ? std::min(1.0, static_cast<double>(t.run.input_bytes) / static_cast<double>(size_))
              : 0.0;
    std::string eta = size_ && frac > 0 ? Duration(s * (1 - frac) / frac) : "?";
    if (tty_) {
      constexpr int kWidth = 24;
      std::string bar;
      if (size_) {
        int fill = static_cast<int>(frac * kWidth);
        bar = "[" + std::string(static_cast<size_t>(fill), '#') +
              std::string(static_cast<size_t>(kWidth - fill), '.') + "] " +
              std::to_string(static_cast<int>(frac * 100)) + "% ";
      }
      std::fprintf(stderr,
                   "\r\033[Kparley ingest %s%llu read, %llu added, %llu rejected, %.0f articles/s, "
                   "%.2f MB/s%s%s",
                   bar.c_str(), static_cast<unsigned long long>(t.read),
                   static_cast<unsigned long long>(t.added),
                   static_cast<unsigned long long>(t.run.rejected), rate, mbs,
                   size_ ? ", ETA " : "", size_ ? eta.c_str() : "");
    } else {
      std::fprintf(stderr,
                   "parley ingest: %llu read, %llu added, %llu rejected, %.0f articles/s, "
                   "%.2f MB/s",
                   static_cast<unsigned long long>(t.read),
                   static_cast<unsigned long long>(t.added),
                   static_cast<unsigned long long>(t.run.rejected), rate, mbs);
      if (size_) std::fprintf(stderr, ", %.0f%% of input, ETA %s", frac * 100, eta.c_str());
      std::fputc('\n', stderr);
    }
    std::fflush(stderr);
    drawn_ = true;
  }
  void Finish() {
    if (enabled_ && tty_ && drawn_) std::fprintf(stderr, "\r\033[K");
  }

 private:
  bool enabled_, tty_;
  uint64_t size_;
  bool drawn_ = false;
};

std::string Join(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : " ") + x;
  return s;
}

int RunIngest(const IngestFlags& f) {
  auto reader_options = f.input.ToReaderOptions();
  if (!reader_options.ok()) {
    std::fprintf(stderr, "parley ingest: %s\n", reader_options.status().message().c_str());
    return kExitUsage;
  }
  if (f.batch == 0) {
    std::fprintf(stderr, "parley ingest: --batch must be at least 1\n");
    return kExitUsage;
  }
  auto pipeline = Pipeline::CreateDefault(f.pipeline.ToOptions());
  if (!pipeline.ok()) {
    std::fprintf(stderr, "parley ingest: %s\n", pipeline.status().ToString().c_str());
    StatusCode code = pipeline.status().code();
    return code == StatusCode::kNotFound || code == StatusCode::kIoError ? kExitIo : kExitUsage;
  }
  auto store = Store::Open(f.db);
  if (!store.ok()) {
    std::fprintf(stderr, "parley ingest: %s\n", store.status().ToString().c_str());
    return kExitIo;
  }
  std::vector<std::string> inputs = f.input.inputs;
  if (inputs.empty()) inputs.push_back("-");
  auto reader = Reader::Open(inputs, *reader_options);

  IngestOptions options;
  options.threads =
      f.threads > 0 ? f.threads : static_cast<int>(std::thread::hardware_concurrency());
  options.batch = f.batch;
  options.limit = f.input.limit;
  options.inputs_label = Join(inputs);
  options.stages_label = f.pipeline.stages;
  IngestProgress progress(!f.quiet, InputSize(inputs));
  IngestCallbacks cb;
  cb.on_error = [&](const RecordError& e) {
    if (f.quiet) return;
    progress.Finish();
    std::fprintf(stderr, "parley: %s: %s\n", e.where.ToString().c_str(),
                 e.status.ToString().c_str());
  };
  cb.on_progress = [&](const IngestTotals& t) { progress.Update(t); };
  cb.progress_interval_s = progress.interval();
  IngestTotals t = Ingest(*reader, *pipeline, *store, options, cb);
  progress.Finish();
  if (!f.quiet) {
    double s = t.run.seconds > 0 ? t.run.seconds : 1e-9;
    std::fprintf(
        stderr,
        "parley ingest: %llu read, %llu extracted, %llu rejected (%llu unreadable "
        "inputs); %llu added to %s, %llu already stored, %llu duplicates in the input; "
        "%.1f s, %.0f articles/s, %.2f MB/s; writer %.2f s CPU\n",
        static_cast<unsigned long long>(t.read), static_cast<unsigned long long>(t.run.extracted),
        static_cast<unsigned long long>(t.run.rejected),
        static_cast<unsigned long long>(t.run.io_errors), static_cast<unsigned long long>(t.added),
        f.db.c_str(), static_cast<unsigned long long>(t.known),
        static_cast<unsigned long long>(t.duplicates), s, static_cast<double>(t.run.extracted) / s,
        static_cast<double>(t.run.text_bytes) / 1e6 / s, t.writer_cpu_seconds);
  }
  if (!t.store_status.ok()) {
    std::fprintf(stderr, "parley ingest: %s: %s\n", f.db.c_str(),
                 t.store_status.ToString().c_str());
    return kExitIo;
  }
  return ExitCodeFor(t.run);
}

}  // namespace

void AddIngestCommand(CLI::App& app, int* exit_code) {
  auto flags = std::make_shared<IngestFlags>();
  CLI::App* cmd = app.add_subcommand(
      "ingest", "Extract articles into a corpus database (idempotent, resumable after a crash)");
  flags->input.Register(cmd, true);
  flags->pipeline.Register(cmd);
  cmd->add_option("--db", flags->db, "The corpus database (SQLite; created when missing)")
      ->required();
  cmd->add_option("--threads,-t", flags->threads, "Extraction threads (0: all cores)");
  cmd->add_option("--batch", flags->batch, "Articles per transaction")->capture_default_str();
  cmd->add_flag("--quiet,-q", flags->quiet, "No progress and no totals on stderr");
  cmd->footer(
      "Articles already in the database (same text) are skipped; rerunning after a crash\n"
      "completes the corpus. Rejected records are reported on stderr and stored with their\n"
      "error. Exit status: 0 all stored, 1 some records rejected, 2 usage error, 3 I/O error.");
  cmd->callback([flags, exit_code] { *exit_code = RunIngest(*flags); });
}

}  // namespace parley::cli
