#include "parley/ingest.h"

#include <time.h>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_set>
#include <variant>

#include "parley/output.h"

namespace parley {
namespace {

using Clock = std::chrono::steady_clock;

double ThreadCpuSeconds() {
  timespec ts{};
  if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts) != 0) return 0;
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

uint64_t HashValue(std::string_view hex) {
  uint64_t v = 0;
  std::from_chars(hex.data(), hex.data() + hex.size(), v, 16);
  return v;
}

// Passes on records whose text is neither stored nor seen before in this
// run; counts the rest. Returns kEnd early once `stop` is set.
class SkipKnownReader : public Reader {
 public:
  SkipKnownReader(Reader& inner, std::unordered_set<uint64_t> known, const std::atomic<bool>& stop)
      : inner_(inner), known_(std::move(known)), stop_(stop) {}

  Result Next(InputRecord* record, RecordError* error) override {
    while (!stop_.load(std::memory_order_relaxed)) {
      Result r = inner_.Next(record, error);
      if (r != Result::kRecord) {
        if (r == Result::kError) read_.fetch_add(1, std::memory_order_relaxed);
        return r;
      }
      read_.fetch_add(1, std::memory_order_relaxed);
      uint64_t h = HashValue(ContentHash(record->text));
      if (stored_.count(h)) {
        duplicates_.fetch_add(1, std::memory_order_relaxed);
        continue;
      }
      if (known_.count(h)) {
        known_hits_.fetch_add(1, std::memory_order_relaxed);
        continue;
      }
      stored_.insert(h);
      return r;
    }
    return Result::kEnd;
  }
  uint64_t bytes_read() const override { return inner_.bytes_read(); }

  uint64_t read() const { return read_.load(std::memory_order_relaxed); }
  uint64_t known() const { return known_hits_.load(std::memory_order_relaxed); }
  uint64_t duplicates() const { return duplicates_.load(std::memory_order_relaxed); }

 private:
  Reader& inner_;
  std::unordered_set<uint64_t> known_;   // in the store when the run began
  std::unordered_set<uint64_t> stored_;  // passed on in this run
  const std::atomic<bool>& stop_;
  std::atomic<uint64_t> read_{0}, known_hits_{0}, duplicates_{0};
};

using Item = std::variant<Document, RecordError>;

// A bounded queue from the runner's emitting thread to the writer.
class Queue {
 public:
  explicit Queue(size_t capacity) : capacity_(capacity) {}
  void Push(Item item) {
    std::unique_lock lock(mu_);
    not_full_.wait(lock, [&] { return items_.size() < capacity_ || closed_; });
    if (closed_) return;  // the writer gave up; drop
    items_.push_back(std::move(item));
    not_empty_.notify_one();
  }
  // nullopt on timeout, or when closed and drained (then *done is set).
  std::optional<Item> Pop(std::chrono::milliseconds timeout, bool* done) {
    std::unique_lock lock(mu_);
    not_empty_.wait_for(lock, timeout, [&] { return !items_.empty() || closed_; });
    if (items_.empty()) {
      *done = closed_;
      return std::nullopt;
    }
    Item item = std::move(items_.front());
    items_.pop_front();
    not_full_.notify_one();
    return item;
  }
  void Close() {
    std::lock_guard lock(mu_);
    closed_ = true;
    not_empty_.notify_all();
    not_full_.notify_all();
  }

 private:
  std::mutex mu_;
  std::condition_variable not_full_, not_empty_;
  std::deque<Item> items_;
  size_t capacity_;
  bool closed_ = false;
};

class Writer {
 public:
  Writer(Store& store, int64_t run_id, const IngestOptions& options, Queue& queue,
         std::atomic<bool>& stop)
      : store_(store), run_id_(run_id), options_(options), queue_(queue), stop_(stop) {}

  void Run() {
    const double cpu_start = ThreadCpuSeconds();
    Status s = Loop();
    if (in_txn_) {
      Status c = s.ok() ? store_.Commit() : store_.Rollback();
      if (s.ok()) s = c;
    }
    if (!s.ok()) {
      status_ = s;
      stop_ = true;
      queue_.Close();  // unblocks the producer
    }
    cpu_seconds_ = ThreadCpuSeconds() - cpu_start;
  }

  uint64_t added() const { return added_.load(std::memory_order_relaxed); }
  uint64_t rejected() const { return rejected_.load(std::memory_order_relaxed); }
  const Status& status() const { return status_; }
  // CPU time of the writer thread (valid once Run returned).
  double cpu_seconds() const { return cpu_seconds_; }

 private:
  Status Loop() {
    auto last_commit = Clock::now();
    size_t pending = 0;
    while (true) {
      bool done = false;
      std::optional<Item> item = queue_.Pop(std::chrono::milliseconds(100), &done);
      if (item) {
        if (!in_txn_) {
          PARLEY_RETURN_IF_ERROR(store_.Begin());
          in_txn_ = true;
        }
        if (auto* doc = std::get_if<Document>(&*item)) {
          auto added = store_.AddDocument(*doc, run_id_);
          if (!added.ok()) return added.status();
          if (*added) added_.fetch_add(1, std::memory_order_relaxed);
        } else {
          PARLEY_RETURN_IF_ERROR(store_.AddRejected(std::get<RecordError>(*item), run_id_));
          rejected_.fetch_add(1, std::memory_order_relaxed);
        }
        ++pending;
      }
      bool due = pending >= options_.batch ||
                 std::chrono::duration<double>(Clock::now() - last_commit).count() >=
                     options_.batch_seconds;
      if (in_txn_ && (due || done)) {
        PARLEY_RETURN_IF_ERROR(store_.Commit());
        in_txn_ = false;
        pending = 0;
        last_commit = Clock::now();
      }
      if (done) return Status::Ok();
    }
  }

  Store& store_;
  int64_t run_id_;
  const IngestOptions& options_;
  Queue& queue_;
  std::atomic<bool>& stop_;
  bool in_txn_ = false;
  std::atomic<uint64_t> added_{0}, rejected_{0};
  Status status_;
  double cpu_seconds_ = 0;
};

}  // namespace

IngestTotals Ingest(Reader& reader, const Pipeline& pipeline, Store& store,
                    const IngestOptions& options, const IngestCallbacks& callbacks) {
  IngestTotals totals;
  std::unordered_set<uint64_t> known;
  Status s = store.ForEachContentHash([&](std::string_view h) { known.insert(HashValue(h)); });
  auto run_id =
      s.ok() ? store.StartRun(options.inputs_label, options.stages_label) : StatusOr<int64_t>(s);
  if (!run_id.ok()) {
    totals.store_status = run_id.status();
    return totals;
  }

  std::atomic<bool> stop{false};
  SkipKnownReader skipping(reader, std::move(known), stop);
  RunOptions run;
  run.threads = options.threads;
  run.limit = options.limit;
  Queue queue(std::max<size_t>(64, 2 * run.batch_size));
  Writer writer(store, *run_id, options, queue, stop);
  std::thread writer_thread([&] { writer.Run(); });

  auto fill = [&](const RunTotals& t) {
    totals.run = t;
    totals.read = skipping.read();
    totals.known = skipping.known();
    totals.duplicates = skipping.duplicates();
    totals.added = writer.added();
    totals.stored_rejected = writer.rejected();
  };
  RunCallbacks cb;
  cb.on_document = [&](Document&& doc) { queue.Push(std::move(doc)); };
  cb.on_error = [&](const RecordError& e) {
    if (callbacks.on_error) callbacks.on_error(e);
    queue.Push(e);
  };
  cb.progress_interval_s = callbacks.progress_interval_s;
  if (callbacks.on_progress) {
    cb.on_progress = [&](const RunTotals& t) {
      fill(t);
      callbacks.on_progress(totals);
    };
  }
  RunTotals run_totals = RunPipeline(skipping, pipeline, run, cb);
  queue.Close();
  writer_thread.join();
  fill(run_totals);
  totals.writer_cpu_seconds = writer.cpu_seconds();
  totals.store_status = writer.status();
  if (totals.store_status.ok()) {
    totals.store_status = store.FinishRun(*run_id, totals.read, totals.added, totals.run.rejected);
  }
  return totals;
}

}  // namespace parley
