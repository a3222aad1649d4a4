// Groups the same quote across articles as quotes are stored: each new quote
// joins the group of its best near-duplicate already stored (Jaccard or
// containment of word shingles, store/near_duplicate.h) or starts a group of
// its own. Group rows are written inside the transaction that adds the
// article, so after a crash every stored quote is grouped; a stored article
// is never added again, so grouping is idempotent. Groups are never merged
// or split afterwards: a quote that resembles members of two groups joins
// the closer one.
//
// The LSH index that proposes candidates lives in memory, not in the
// database: its keys are random, so as a B-tree it would dirty nearly every
// page of itself at each commit. It is derived data, rebuilt from the stored
// quotes' content on first use (about 5 µs a quote) and brought up to date
// with quotes another writer added before each document. It holds only the
// most recent kGroupWindow quotes, so the writer's memory stays flat in
// corpus size: a quote is grouped with a near-duplicate among the last
// 200,000 quotes stored (about 12,000 news articles, weeks of a large
// outlet mix), not with one seen earlier than that.
#pragma once

#include <string_view>
#include <unordered_map>
#include <vector>

#include "store/near_duplicate.h"
#include "store/sqlite.h"

namespace parley::store {

// Quotes (by id) the near-duplicate index looks back over.
inline constexpr int64_t kGroupWindow = 200000;

// Band and anchor keys -> quote ids: a sorted array of committed entries and
// a hash map of recent ones, merged at commits. Keys are folded to 32 bits
// (a collision only adds a candidate that the comparison rejects), so an
// entry is 8 bytes; quote ids past 2^32 are not indexed.
class LshIndex {
 public:
  void Add(uint64_t key, int64_t quote_id);
  // Up to `max` ids under `key`, newest first, appended to *out.
  void Find(uint64_t key, size_t max, std::vector<int64_t>* out) const;
  // Entries added since the last Commit become permanent / are dropped.
  void Commit();
  void Rollback();
  size_t size() const { return base_.size() + recent_count_; }
  // Entries of quotes older than the newest id minus `window` are dropped at
  // the next merge.
  void set_window(int64_t window) { window_ = window; }

 private:
  int64_t window_ = kGroupWindow;
  uint32_t newest_ = 0;
  std::vector<uint64_t> base_;  // (key << 32) | id, sorted
  std::unordered_map<uint32_t, std::vector<uint32_t>> recent_;
  size_t recent_count_ = 0;
  std::vector<uint32_t> pending_;  // keys added since the last Commit
};

class QuoteGrouper {
 public:
  // Indexes the stored quotes with ids in (indexed, max_quote_id]: all of
  // them on first use, then those another writer added.
  Status CatchUp(const sql::Database& db, int64_t max_quote_id);

  // The group a new quote with fingerprint `fp` joins; 0: it starts its own.
  StatusOr<int64_t> Match(const sql::Database& db, const dedup::Fingerprint& fp);

  // Bookkeeping for quote `quote_id`, stored with group_id = `group` (its
  // own id for a new group): the group's row and counts, the index.
  // `date` and `source` are its article's (empty when unknown).
  Status Record(const sql::Database& db, int64_t quote_id, int64_t group,
                const dedup::Fingerprint& fp, int64_t article_id, size_t content_bytes,
                std::string_view date, std::string_view source);

  // After the database transaction commits or rolls back.
  void Commit();
  void Rollback();

 private:
  Status Prepare(const sql::Database& db);
  LshIndex index_;
  int64_t indexed_ = 0, committed_ = 0;  // highest quote id indexed / committed
  sql::Statement content_, join_, new_group_, page_;
};

// Groups every quote whose group_id is NULL, in quote_id order (the order
// they were stored): the migration that introduced groups runs it.
Status GroupUngroupedQuotes(sql::Database& db);

}  // namespace parley::store
