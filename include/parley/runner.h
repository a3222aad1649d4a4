// Runner: streams records from a Reader through a Pipeline on worker
// threads and hands results back in input order on the calling thread.
#pragma once

#include <cstdint>
#include <functional>

#include "parley/pipeline.h"
#include "parley/reader.h"

namespace parley {

struct RunTotals {
  uint64_t read = 0;        // records the reader produced (good or bad)
  uint64_t extracted = 0;   // documents that went through every stage
  uint64_t rejected = 0;    // records rejected by the reader or a stage
  uint64_t io_errors = 0;   // of those, files that could not be read at all
  uint64_t text_bytes = 0;  // bytes of document text processed
  uint64_t tokens = 0;
  uint64_t input_bytes = 0;  // bytes consumed from the inputs (compressed)
  double seconds = 0;
  StageTimes stage_times;  // summed over workers
};

struct RunOptions {
  int threads = 1;          // 1: everything on the calling thread
  size_t batch_size = 128;  // documents handed to the workers at a time
  uint64_t limit = 0;       // stop after this many records (0: all)
};

struct RunCallbacks {
  std::function<void(Document&&)> on_document;
  std::function<void(const RecordError&)> on_error;
  // Called about every `progress_interval_s` seconds with the running totals.
  std::function<void(const RunTotals&)> on_progress;
  double progress_interval_s = 1.0;
};

RunTotals RunPipeline(Reader& reader, const Pipeline& pipeline, const RunOptions& options,
                      const RunCallbacks& callbacks);

}  // namespace parley
