// Pipeline: an ordered list of stages, checked at build time, run per document.
#pragma once

#include <memory>
#include <span>
#include <string>
#include <vector>

#include "parley/stage.h"
#include "parley/status.h"

namespace parley {

// CPU seconds spent per stage by the threads that ran it, accumulated over
// calls (index = stage order).
struct StageTimes {
  std::vector<double> seconds;
  void Add(const StageTimes& other);
};

struct PipelineOptions {
  // Stages in order; known: repair, segment, tag, parse, ner, entities, link, quotes.
  std::vector<std::string> stages = {"repair", "segment"};
  // Where model files live. Empty: $PARLEY_MODELS, else the models/ folder
  // of the source tree parley was built from.
  std::string models_dir;
  // Actors files that extend the shipped knowledge base (link stage), in the
  // format of models/actors.tsv.
  std::vector<std::string> actors_files;
  // The folder models are loaded from under these options.
  std::string ResolvedModelsDir() const;
};

class Pipeline {
 public:
  // Checks that every stage's requirements are provided by earlier stages.
  static StatusOr<Pipeline> Create(std::vector<std::unique_ptr<Stage>> stages);
  // The standard pipeline for `options`.
  static StatusOr<Pipeline> CreateDefault(const PipelineOptions& options = {});

  // Runs every stage; stops at the first failing one and returns its status.
  // When `times` is given, adds each stage's thread CPU time to it.
  Status Process(Document& doc, StageTimes* times = nullptr) const;
  // The same for several documents, stage by stage: each stage runs over
  // all of them before the next begins, so its model stays warm in the
  // cache (the tagger alone tags ~35% faster than between the parser's and
  // NER's lookups). statuses[i] receives document i's result; a document
  // whose stage fails skips the later stages. Same results as Process().
  void ProcessBatch(std::span<Document* const> docs, std::span<Status> statuses,
                    StageTimes* times = nullptr) const;

  size_t size() const { return stages_.size(); }
  const Stage& stage(size_t i) const { return *stages_[i]; }

 private:
  std::vector<std::unique_ptr<Stage>> stages_;
};

}  // namespace parley
