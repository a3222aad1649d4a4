#include "parley/runner.h"

#include <atomic>
#include <chrono>
#include <optional>
#include <thread>
#include <variant>
#include <vector>

namespace parley {
namespace {

using Clock = std::chrono::steady_clock;

// Documents a thread takes through the stages together.
constexpr size_t kChunk = 16;

// One slot of a batch: a document to process, or an error to pass on.
struct Item {
  std::optional<Document> doc;
  std::optional<RecordError> error;
};

bool IsIoError(const Status& s) {
  return s.code() == StatusCode::kNotFound || s.code() == StatusCode::kIoError;
}

class Run {
 public:
  Run(Reader& reader, const Pipeline& pipeline, const RunOptions& options, const RunCallbacks& cb)
      : reader_(reader), pipeline_(pipeline), options_(options), cb_(cb) {}

  RunTotals Go() {
    start_ = last_progress_ = Clock::now();
    if (options_.threads <= 1) {
      Sequential();
    } else {
      Parallel();
    }
    totals_.input_bytes = reader_.bytes_read();
    totals_.seconds = Seconds(start_);
    return totals_;
  }

 private:
  static double Seconds(Clock::time_point since) {
    return std::chrono::duration<double>(Clock::now() - since).count();
  }

  // Reads up to n records into batch; false when the input is exhausted.
  bool Fill(std::vector<Item>& batch, size_t n) {
    batch.clear();
    while (batch.size() < n) {
      if (options_.limit && totals_.read >= options_.limit) return false;
      InputRecord record;
      RecordError error;
      Reader::Result r = reader_.Next(&record, &error);
      if (r == Reader::Result::kEnd) return false;
      ++totals_.read;
      Item& item = batch.emplace_back();
      if (r == Reader::Result::kRecord) {
        item.doc.emplace(ToDocument(std::move(record)));
      } else {
        item.error = std::move(error);
      }
    }
    return true;
  }

  // Items [begin, end) of a batch, stage by stage (Pipeline::ProcessBatch:
  // each stage's model stays warm in the cache over the chunk).
  static void Process(std::vector<Item>& batch, size_t begin, size_t end, const Pipeline& pipeline,
                      StageTimes* times) {
    std::vector<Document*> docs;
    std::vector<size_t> slot;
    for (size_t i = begin; i < end && i < batch.size(); ++i) {
      if (!batch[i].doc) continue;
      docs.push_back(&*batch[i].doc);
      slot.push_back(i);
    }
    std::vector<Status> statuses(docs.size());
    pipeline.ProcessBatch(docs, statuses, times);
    for (size_t k = 0; k < docs.size(); ++k) {
      if (statuses[k].ok()) continue;
      Item& item = batch[slot[k]];
      SourceLocation where{item.doc->meta().origin, 0};
      item.error = RecordError{where, statuses[k]};
      item.doc.reset();
    }
  }

  void Emit(std::vector<Item>& batch) {
    for (Item& item : batch) {
      if (item.error) {
        ++totals_.rejected;
        if (IsIoError(item.error->status)) ++totals_.io_errors;
        if (cb_.on_error) cb_.on_error(*item.error);
      } else if (item.doc) {
        ++totals_.extracted;
        totals_.text_bytes += item.doc->text().size();
        totals_.tokens += item.doc->tokens().size();
        if (cb_.on_document) cb_.on_document(std::move(*item.doc));
      }
    }
    if (cb_.on_progress && Seconds(last_progress_) >= cb_.progress_interval_s) {
      last_progress_ = Clock::now();
      totals_.input_bytes = reader_.bytes_read();
      totals_.seconds = Seconds(start_);
      cb_.on_progress(totals_);
    }
  }

  void Sequential() {
    std::vector<Item> batch;
    bool more = true;
    while (more) {
      more = Fill(batch, kChunk);
      Process(batch, 0, batch.size(), pipeline_, &totals_.stage_times);
      Emit(batch);
    }
  }

  // Workers process batch k while this thread reads batch k+1, then the
  // results of batch k are emitted in order.
  void Parallel() {
    const auto n = static_cast<size_t>(options_.threads);
    std::vector<StageTimes> times(n);
    std::vector<Item> current, next;
    bool more = Fill(current, options_.batch_size);
    while (!current.empty()) {
      std::atomic<size_t> index{0};
      std::vector<std::thread> workers;
      workers.reserve(n);
      for (size_t w = 0; w < n; ++w) {
        workers.emplace_back([&, w] {
          for (size_t i = index.fetch_add(kChunk); i < current.size();
               i = index.fetch_add(kChunk)) {
            Process(current, i, i + kChunk, pipeline_, &times[w]);
          }
        });
      }
      if (more) {
        more = Fill(next, options_.batch_size);
      } else {
        next.clear();
      }
      for (auto& t : workers) t.join();
      Emit(current);
      std::swap(current, next);
    }
    for (const StageTimes& t : times) totals_.stage_times.Add(t);
  }

  Reader& reader_;
  const Pipeline& pipeline_;
  const RunOptions& options_;
  const RunCallbacks& cb_;
  RunTotals totals_;
  Clock::time_point start_, last_progress_;
};

}  // namespace

RunTotals RunPipeline(Reader& reader, const Pipeline& pipeline, const RunOptions& options,
                      const RunCallbacks& callbacks) {
  return Run(reader, pipeline, options, callbacks).Go();
}

}  // namespace parley
