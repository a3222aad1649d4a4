#include "cli/common.h"

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>

namespace parley::cli {

void InputFlags::Register(CLI::App* app, bool inputs_positional) {
  if (inputs_positional) {
    app->add_option("inputs", inputs, "Files or directories to read; '-' or nothing: stdin");
  } else {
    app->add_option("--input,-i", inputs, "Corpus files or directories")->required();
  }
  app->add_option("--input-format", format, "auto, jsonl, text, dated or plain")
      ->capture_default_str();
  app->add_option("--field", fields,
                  "JSONL field name mapping NAME=KEY (NAME: id, date, title, url, source, text), "
                  "e.g. --field text=body");
  app->add_option("--max-bytes", max_bytes, "Reject records longer than this many bytes")
      ->capture_default_str();
  app->add_option("--limit", limit, "Stop after this many records (0: all)");
}

StatusOr<ReaderOptions> InputFlags::ToReaderOptions() const {
  ReaderOptions o;
  auto f = ParseInputFormat(format);
  if (!f.ok()) return f.status();
  o.format = *f;
  o.max_record_bytes = max_bytes;
  for (const std::string& spec : fields) {
    auto eq = spec.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == spec.size()) {
      return InvalidArgument("--field wants NAME=KEY, got '" + spec + "'");
    }
    std::string name = spec.substr(0, eq), key = spec.substr(eq + 1);
    std::string* slot = name == "id"       ? &o.fields.id
                        : name == "date"   ? &o.fields.date
                        : name == "title"  ? &o.fields.title
                        : name == "url"    ? &o.fields.url
                        : name == "source" ? &o.fields.source
                        : name == "text"   ? &o.fields.text
                                           : nullptr;
    if (!slot) return InvalidArgument("--field: unknown NAME '" + name + "'");
    *slot = key;
  }
  return o;
}

void PipelineFlags::Register(CLI::App* app) {
  app->add_option("--stages", stages,
                  "Comma-separated stages to run, in order (repair, segment, tag, parse, ner, "
                  "entities, link, quotes, events)")
      ->capture_default_str();
  app->add_option("--models", models,
                  "Folder with pos.model, parse.model, ner.model (default: $PARLEY_MODELS, "
                  "else the models/ folder parley was built with)");
  app->add_option("--actors", actors,
                  "Actors file extending the knowledge base of the link stage (format of "
                  "models/actors.tsv; repeatable)")
      ->check(CLI::ExistingFile);
}

PipelineOptions PipelineFlags::ToOptions() const {
  PipelineOptions o;
  o.stages.clear();
  size_t start = 0;
  while (start <= stages.size()) {
    size_t comma = stages.find(',', start);
    if (comma == std::string::npos) comma = stages.size();
    if (comma > start) o.stages.push_back(stages.substr(start, comma - start));
    start = comma + 1;
  }
  o.models_dir = models;
  o.actors_files = actors;
  return o;
}

Progress::Progress(std::string label, bool enabled)
    : label_(std::move(label)), enabled_(enabled), tty_(isatty(STDERR_FILENO) != 0) {}

void Progress::Update(const RunTotals& t) {
  if (!enabled_) return;
  double mb = static_cast<double>(t.text_bytes) / 1e6;
  double s = t.seconds > 0 ? t.seconds : 1e-9;
  std::fprintf(stderr, "%s%s: %llu articles, %.1f MB, %.0f articles/s, %.2f MB/s, %llu rejected%s",
               tty_ ? "\r\033[K" : "", label_.c_str(), static_cast<unsigned long long>(t.read), mb,
               static_cast<double>(t.read) / s, mb / s, static_cast<unsigned long long>(t.rejected),
               tty_ ? "" : "\n");
  std::fflush(stderr);
  drawn_ = true;
}

void Progress::Finish() {
  if (enabled_ && tty_ && drawn_) std::fprintf(stderr, "\r\033[K");
}

void PrintTotals(const std::string& label, const RunTotals& t) {
  std::fprintf(stderr, "%s: %llu read, %llu extracted, %llu rejected (%llu unreadable inputs)\n",
               label.c_str(), static_cast<unsigned long long>(t.read),
               static_cast<unsigned long long>(t.extracted),
               static_cast<unsigned long long>(t.rejected),
               static_cast<unsigned long long>(t.io_errors));
}

int ExitCodeFor(const RunTotals& t) {
  if (t.io_errors) return kExitIo;
  if (t.rejected) return kExitRejected;
  return kExitOk;
}

void PrintPrfHeader(int name_width) {
  std::printf("%-*s %9s %9s %9s %8s %8s %8s\n", name_width, "", "gold", "predicted", "correct", "P",
              "R", "F1");
}

void PrintPrfRow(int name_width, const char* name, const PrfCounts& c) {
  std::printf("%-*s %9llu %9llu %9llu %7.2f%% %7.2f%% %7.2f%%\n", name_width, name,
              static_cast<unsigned long long>(c.gold), static_cast<unsigned long long>(c.predicted),
              static_cast<unsigned long long>(c.correct), 100 * c.precision(), 100 * c.recall(),
              100 * c.f1());
}

StatusOr<Pipeline> BuildEvalPipeline(const PipelineFlags& flags, uint32_t annotation,
                                     const char* task, const char* noun) {
  auto p = Pipeline::CreateDefault(flags.ToOptions());
  if (!p.ok()) {
    return Status(p.status().code(),
                  "cannot build the pipeline '" + flags.stages +
                      "' (choose stages with --stages): " + p.status().message());
  }
  bool provided = false;
  for (size_t i = 0; i < p->size(); ++i) {
    provided |= (p->stage(i).provides_annotations() & annotation) != 0;
  }
  if (!provided) {
    std::fprintf(stderr,
                 "parley eval %s: warning: no stage in '%s' provides %s; every gold %s counts as "
                 "missed\n",
                 task, flags.stages.c_str(), task, noun);
  }
  return p;
}

int PipelineExitCode(const Status& s) {
  return s.code() == StatusCode::kNotFound || s.code() == StatusCode::kIoError ||
                 s.code() == StatusCode::kDataLoss
             ? kExitIo
             : kExitUsage;
}

void PrintRecordErrors(const char* label, const std::vector<RecordError>& errors) {
  size_t shown = std::min<size_t>(errors.size(), 20);
  for (size_t i = 0; i < shown; ++i) {
    std::fprintf(stderr, "%s: %s: %s\n", label, errors[i].where.ToString().c_str(),
                 errors[i].status.message().c_str());
  }
  if (errors.size() > shown) {
    std::fprintf(stderr, "%s: ... and %zu more problems\n", label, errors.size() - shown);
  }
}

std::string Snippet(std::string_view s, size_t max) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
      if (!space && !out.empty()) out.push_back(' ');
      space = true;
    } else {
      out.push_back(c);
      space = false;
    }
  }
  if (out.size() > max) {
    size_t cut = max;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out.resize(cut);
    out += "...";
  }
  return out;
}

double PeakRssMb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux
}

}  // namespace parley::cli
