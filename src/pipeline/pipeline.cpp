#include "parley/pipeline.h"

#include <time.h>

#include <cstdlib>

#include "pipeline/stage_registry.h"

namespace parley {

void StageTimes::Add(const StageTimes& other) {
  if (seconds.size() < other.seconds.size()) seconds.resize(other.seconds.size(), 0.0);
  for (size_t i = 0; i < other.seconds.size(); ++i) seconds[i] += other.seconds[i];
}

StatusOr<Pipeline> Pipeline::Create(std::vector<std::unique_ptr<Stage>> stages) {
  uint32_t have = 0;
  for (const auto& stage : stages) {
    if (!stage) return InvalidArgument("pipeline: null stage");
    uint32_t missing = stage->requires_annotations() & ~have;
    if (missing != 0) {
      return FailedPrecondition("pipeline: stage '" + std::string(stage->name()) +
                                "' needs annotations that no earlier stage provides (mask " +
                                std::to_string(missing) + ")");
    }
    have |= stage->provides_annotations();
  }
  Pipeline p;
  p.stages_ = std::move(stages);
  return p;
}

std::string PipelineOptions::ResolvedModelsDir() const {
  if (!models_dir.empty()) return models_dir;
  if (const char* env = std::getenv("PARLEY_MODELS"); env && *env) return env;
  return PARLEY_DEFAULT_MODELS_DIR;
}

StatusOr<Pipeline> Pipeline::CreateDefault(const PipelineOptions& options) {
  std::vector<std::unique_ptr<Stage>> stages;
  for (const std::string& name : options.stages) {
    StatusOr<std::unique_ptr<Stage>> stage = MakeStage(name, options);
    if (!stage.ok()) return stage.status();
    stages.push_back(std::move(*stage));
  }
  return Create(std::move(stages));
}

namespace {

// CPU time of the calling thread: stage costs stay meaningful when the
// machine is shared or a worker waits for a core.
double ThreadCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

}  // namespace

Status Pipeline::Process(Document& doc, StageTimes* times) const {
  if (times && times->seconds.size() < stages_.size()) times->seconds.resize(stages_.size(), 0.0);
  for (size_t i = 0; i < stages_.size(); ++i) {
    double t0 = times ? ThreadCpuSeconds() : 0.0;
    Status s = stages_[i]->Process(doc);
    if (times) times->seconds[i] += ThreadCpuSeconds() - t0;
    if (!s.ok()) {
      return Status(s.code(), std::string(stages_[i]->name()) + ": " + s.message());
    }
  }
  return Status::Ok();
}

void Pipeline::ProcessBatch(std::span<Document* const> docs, std::span<Status> statuses,
                            StageTimes* times) const {
  if (times && times->seconds.size() < stages_.size()) times->seconds.resize(stages_.size(), 0.0);
  for (size_t k = 0; k < docs.size() && k < statuses.size(); ++k) statuses[k] = Status::Ok();
  for (size_t i = 0; i < stages_.size(); ++i) {
    double t0 = times ? ThreadCpuSeconds() : 0.0;
    for (size_t k = 0; k < docs.size() && k < statuses.size(); ++k) {
      if (!statuses[k].ok()) continue;
      Status s = stages_[i]->Process(*docs[k]);
      if (!s.ok())
        statuses[k] = Status(s.code(), std::string(stages_[i]->name()) + ": " + s.message());
    }
    if (times) times->seconds[i] += ThreadCpuSeconds() - t0;
  }
}

}  // namespace parley
