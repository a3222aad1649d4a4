// Ingest: streams records from a Reader through a Pipeline into a Store.
//
// Records whose text is already stored (same content hash) or already seen
// in this run are skipped before extraction, so re-ingesting adds nothing and
// a rerun after a crash only does the missing work. Worker threads extract
// (the ordered runner); one writer thread owns the store and commits in
// batches, so a kill at any moment loses at most the uncommitted batch, which
// the next run redoes.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "parley/pipeline.h"
#include "parley/reader.h"
#include "parley/runner.h"
#include "parley/store.h"

namespace parley {

struct IngestOptions {
  int threads = 1;             // extraction workers
  size_t batch = 256;          // articles per transaction
  double batch_seconds = 1.0;  // ... or commit after this long, whichever first
  uint64_t limit = 0;          // stop after this many new records (0: all)
  std::string inputs_label;    // recorded in ingest_runs
  std::string stages_label;
};

struct IngestTotals {
  RunTotals run;            // records that went through the pipeline
  uint64_t read = 0;        // every record read, skipped ones included
  uint64_t known = 0;       // skipped: text stored before this run
  uint64_t duplicates = 0;  // skipped: text new to the store, repeated in this run
  uint64_t added = 0;       // articles written
  uint64_t stored_rejected = 0;
  double writer_cpu_seconds = 0;  // CPU time of the thread writing the store
  Status store_status;            // the first store error; the run stops at it
};

struct IngestCallbacks {
  std::function<void(const RecordError&)> on_error;
  // Called about every `progress_interval_s` seconds.
  std::function<void(const IngestTotals&)> on_progress;
  double progress_interval_s = 1.0;
};

// Runs the ingest. The store must not be used by anyone else meanwhile.
IngestTotals Ingest(Reader& reader, const Pipeline& pipeline, Store& store,
                    const IngestOptions& options, const IngestCallbacks& callbacks);

}  // namespace parley
