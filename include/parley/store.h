// Store: the embedded corpus database (SQLite). One row per distinct article,
// identified by the content hash of its text, with the annotations the
// pipeline put on it (repairs, mentions, entities, quotes, times, events),
// the records that were rejected, full-text search over article text and
// quote content, and aggregates across articles (quote and event groups).
//
// The database is in WAL mode with foreign keys on; every write goes through
// prepared statements inside transactions the caller groups (Begin/Commit),
// so a crash at any moment leaves the last committed state. The schema is
// versioned and migrated on open (docs/store.md).
//
// A Store is one connection: use it from one thread at a time.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "parley/document.h"
#include "parley/reader.h"
#include "parley/status.h"
#include "parley/store_aggregate.h"

namespace parley {

struct StoreOptions {
  bool read_only = false;  // queries only; the file must exist at the latest version
  int busy_timeout_ms = 30000;
  // Migrate only up to this version (0: the latest). For tests of migration.
  int schema_version = 0;
};

// Filters for Store::FindQuotes. Empty strings mean "any". Matching is on
// words (full-text search), case- and accent-insensitive, all words required.
struct QuoteQuery {
  std::string speaker;   // words of the speaker's canonical name or mention
  std::string text;      // words of the quote content
  std::string entity;    // a mention inside the quote whose text or entity name contains this
  std::string from, to;  // article dates, YYYY-MM-DD, inclusive
  int64_t limit = 20;
  int64_t offset = 0;
};

struct EntityQuery {
  std::string type;  // PER, ORG, LOC, ... (exact)
  std::string name;  // substring of the name, case-insensitive
  int64_t limit = 20;
};

// One name/type pair across the corpus: a linked entity's canonical name, or
// the mention text where mentions are not clustered into entities.
struct EntityCount {
  std::string name, type;
  int64_t mentions = 0, articles = 0, quotes = 0;  // quotes: attributed to this name
  std::string first_date, last_date;
};

struct CorpusStats {
  int schema_version = 0;
  int64_t articles = 0, text_bytes = 0, rejected = 0;
  int64_t mentions = 0, entities = 0, quotes = 0, repairs = 0;
  int64_t ingest_runs = 0, interrupted_runs = 0;
  int64_t quote_groups = 0;   // distinct quotes (near-duplicates counted once)
  int64_t shared_quotes = 0;  // quote groups reported by two or more outlets
  int64_t times = 0, events = 0, event_groups = 0;
  std::string first_date, last_date;
  std::vector<std::pair<std::string, int64_t>> quotes_by_kind;
  std::vector<std::pair<std::string, int64_t>> top_sources;  // by article count
  std::vector<std::pair<std::string, int64_t>> rejected_by_code;
};

class Store {
 public:
  // Opens (creating when allowed) the database at `path` and migrates it.
  static StatusOr<Store> Open(const std::string& path, const StoreOptions& options = {});
  static int LatestSchemaVersion();

  Store(Store&&) noexcept;
  Store& operator=(Store&&) noexcept;
  ~Store();

  StatusOr<int> SchemaVersion() const;

  // Transactions group writes; without one each write commits on its own.
  Status Begin();
  Status Commit();
  Status Rollback();

  // Records an ingest run; its id is stamped on what it adds.
  StatusOr<int64_t> StartRun(std::string_view inputs, std::string_view stages);
  Status FinishRun(int64_t run_id, uint64_t read, uint64_t added, uint64_t rejected);

  // Adds the article and its annotations. Returns false, adding nothing, when
  // an article with the same text is already stored.
  StatusOr<bool> AddDocument(const Document& doc, int64_t run_id = 0);
  // Stores a rejected record; the same error at the same place is kept once.
  Status AddRejected(const RecordError& error, int64_t run_id = 0);
  // Calls `fn` with the content hash of every stored article.
  Status ForEachContentHash(const std::function<void(std::string_view)>& fn) const;

  StatusOr<std::vector<QuoteHit>> FindQuotes(const QuoteQuery& q) const;
  StatusOr<std::vector<EntityCount>> ListEntities(const EntityQuery& q) const;
  StatusOr<CorpusStats> Stats() const;

  // Cross-article aggregates (parley/store_aggregate.h).
  StatusOr<std::vector<QuoteGroup>> FindQuoteGroups(const QuoteGroupQuery& q) const;
  // The members of a group, earliest first; NotFound for an unknown group.
  StatusOr<std::vector<QuoteHit>> QuoteGroupMembers(int64_t group_id) const;
  StatusOr<std::vector<SpeakerSummary>> ListSpeakers(const SpeakerQuery& q) const;
  StatusOr<Cooccurrence> FindCooccurrence(const CooccurrenceQuery& q) const;
  StatusOr<std::vector<EventGroup>> FindEvents(const EventQuery& q) const;
  // The events of a group, earliest article first; NotFound for an unknown group.
  StatusOr<std::vector<EventHit>> EventGroupMembers(int64_t group_id) const;
  StatusOr<std::vector<DyadPoint>> DyadTimeline(const DyadQuery& q) const;
  // The actor pairs with the most events; `actor` (optional) keeps the pairs
  // it is part of.
  StatusOr<std::vector<DyadSummary>> TopDyads(std::string_view actor, int64_t limit) const;

  // PRAGMA integrity_check, foreign_key_check and the full-text indexes'
  // own checks; Ok when all pass.
  Status CheckIntegrity() const;

 private:
  struct Impl;
  explicit Store(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// An FTS5 query that matches all of `words` as plain terms: every word is
// quoted, so operators and punctuation in the input stay data. Empty when
// `words` has no word.
std::string FullTextTerms(std::string_view words);

}  // namespace parley
