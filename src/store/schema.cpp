#include "store/schema.h"

#include <string>

#include "store/quote_groups.h"

namespace parley::store {
namespace {

struct Migration {
  int version;
  const char* name;
  const char* sql;
  // Work SQL cannot do (fills new columns from old rows), run after `sql`
  // inside the same transaction; may be null.
  Status (*after)(sql::Database& db) = nullptr;
};

// Never edit a migration that has shipped: add a new one.
constexpr Migration kMigrations[] = {
    {1, "articles, annotations and rejected records", R"sql(
CREATE TABLE ingest_runs(
  run_id INTEGER PRIMARY KEY,
  started_at TEXT NOT NULL,
  finished_at TEXT,              -- NULL: the run was interrupted
  inputs TEXT NOT NULL,
  stages TEXT NOT NULL,
  records_read INTEGER, articles_added INTEGER, records_rejected INTEGER);

CREATE TABLE articles(
  article_id INTEGER PRIMARY KEY,
  content_hash TEXT NOT NULL UNIQUE,  -- XXH3-64 of text, 16 hex digits
  id TEXT,                            -- the input's id
  date TEXT, title TEXT, url TEXT, source TEXT, language TEXT,
  length INTEGER NOT NULL,            -- bytes of text
  origin TEXT,                        -- file:line it was first read from
  annotations INTEGER NOT NULL,       -- bit set of what the stages added
  text TEXT NOT NULL,
  run_id INTEGER REFERENCES ingest_runs(run_id),
  ingested_at TEXT NOT NULL);
CREATE INDEX articles_date ON articles(date);
CREATE INDEX articles_source ON articles(source);

CREATE TABLE repairs(
  article_id INTEGER NOT NULL REFERENCES articles(article_id) ON DELETE CASCADE,
  begin INTEGER NOT NULL, "end" INTEGER NOT NULL,
  replacement TEXT NOT NULL, reason TEXT NOT NULL);
CREATE INDEX repairs_article ON repairs(article_id);

CREATE TABLE entities(
  entity_id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles(article_id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,               -- index in the document's entities
  name TEXT NOT NULL, type TEXT NOT NULL,
  kb_id TEXT, country TEXT, admin1 TEXT, role TEXT, actor_code TEXT, stands_for TEXT,
  geonames_id INTEGER, lat REAL, lon REAL, feature_class TEXT,
  UNIQUE(article_id, idx));
CREATE INDEX entities_name ON entities(name COLLATE NOCASE);
CREATE INDEX entities_kb ON entities(kb_id);

CREATE TABLE mentions(
  mention_id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles(article_id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  begin INTEGER NOT NULL, "end" INTEGER NOT NULL,
  token_begin INTEGER NOT NULL, token_end INTEGER NOT NULL,
  type TEXT NOT NULL, text TEXT NOT NULL,
  entity_id INTEGER REFERENCES entities(entity_id) ON DELETE SET NULL,
  UNIQUE(article_id, idx));
CREATE INDEX mentions_entity ON mentions(entity_id);
CREATE INDEX mentions_text ON mentions(text COLLATE NOCASE);

CREATE TABLE quotes(
  quote_id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles(article_id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  begin INTEGER NOT NULL, "end" INTEGER NOT NULL,
  token_begin INTEGER NOT NULL, token_end INTEGER NOT NULL,
  content TEXT NOT NULL,
  kind TEXT NOT NULL,                 -- direct, indirect, mixed
  cue_begin INTEGER, cue_end INTEGER, cue TEXT, cue_lemma TEXT,
  speaker_begin INTEGER, speaker_end INTEGER,
  speaker_text TEXT,                  -- the speaker mention as written
  speaker_entity_id INTEGER REFERENCES entities(entity_id) ON DELETE SET NULL,
  speaker_name TEXT,                  -- canonical name, NULL when unresolved
  nested_in INTEGER,                  -- idx of the enclosing quote in the article
  channel_begin INTEGER, channel_end INTEGER, channel TEXT,
  confidence REAL NOT NULL,
  UNIQUE(article_id, idx));
CREATE INDEX quotes_speaker ON quotes(speaker_name);
CREATE INDEX quotes_speaker_entity ON quotes(speaker_entity_id);

CREATE TABLE rejected(
  rejected_id INTEGER PRIMARY KEY,
  location TEXT NOT NULL,             -- file:line
  file TEXT NOT NULL, line INTEGER NOT NULL,
  code TEXT NOT NULL, message TEXT NOT NULL,
  run_id INTEGER REFERENCES ingest_runs(run_id),
  UNIQUE(location, code, message));
)sql"},
    {2, "full-text search over article text and quote content", R"sql(
CREATE VIRTUAL TABLE articles_fts USING fts5(
  title, text, content='articles', content_rowid='article_id',
  tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
  INSERT INTO articles_fts(rowid, title, text) VALUES (new.article_id, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, text)
  VALUES ('delete', old.article_id, old.title, old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, text)
  VALUES ('delete', old.article_id, old.title, old.text);
  INSERT INTO articles_fts(rowid, title, text) VALUES (new.article_id, new.title, new.text);
END;

CREATE VIRTUAL TABLE quotes_fts USING fts5(
  content, speaker_name, speaker_text, content='quotes', content_rowid='quote_id',
  tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
  INSERT INTO quotes_fts(rowid, content, speaker_name, speaker_text)
  VALUES (new.quote_id, new.content, new.speaker_name, new.speaker_text);
END;
CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
  INSERT INTO quotes_fts(quotes_fts, rowid, content, speaker_name, speaker_text)
  VALUES ('delete', old.quote_id, old.content, old.speaker_name, old.speaker_text);
END;
CREATE TRIGGER quotes_fts_update AFTER UPDATE OF content, speaker_name, speaker_text ON quotes
BEGIN
  INSERT INTO quotes_fts(quotes_fts, rowid, content, speaker_name, speaker_text)
  VALUES ('delete', old.quote_id, old.content, old.speaker_name, old.speaker_text);
  INSERT INTO quotes_fts(rowid, content, speaker_name, speaker_text)
  VALUES (new.quote_id, new.content, new.speaker_name, new.speaker_text);
END;

-- Index what version 1 stored before search existed.
INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
INSERT INTO quotes_fts(quotes_fts) VALUES ('rebuild');
)sql"},
    {3, "quote groups across articles, times and events with event groups", R"sql(
-- The same quote reported by several articles (store/quote_groups.h).
-- group_id points at quote_groups; a group's id is the quote_id of its
-- first member. No foreign keys: the counts are maintained by the writer.
ALTER TABLE quotes ADD COLUMN group_id INTEGER;
CREATE INDEX quotes_group ON quotes(group_id);
CREATE TABLE quote_groups(
  group_id INTEGER PRIMARY KEY,
  quote_id INTEGER NOT NULL,          -- representative: the longest member
  first_quote_id INTEGER NOT NULL,    -- the member with the earliest article date
  first_date TEXT,                    -- that date; NULL when no member is dated
  quotes INTEGER NOT NULL,            -- members
  articles INTEGER NOT NULL,          -- distinct articles
  sources INTEGER NOT NULL);          -- distinct outlets (articles.source)
CREATE INDEX quote_groups_spread ON quote_groups(sources, articles);

CREATE TABLE times(
  time_id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles(article_id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  begin INTEGER NOT NULL, "end" INTEGER NOT NULL,
  token_begin INTEGER NOT NULL, token_end INTEGER NOT NULL,
  text TEXT NOT NULL,
  value TEXT,                         -- ISO date at its granularity; NULL unresolved
  relation TEXT NOT NULL,             -- on, before, after
  UNIQUE(article_id, idx));

-- One real-world event reported by several articles: events with the same
-- date, actors, CAMEO root code, place, polarity and modality.
CREATE TABLE event_groups(
  group_id INTEGER PRIMARY KEY,
  date TEXT NOT NULL,                 -- '' when unknown
  source_key TEXT NOT NULL,           -- actor code, else the normalised name; '' none
  target_key TEXT NOT NULL,
  root_code TEXT NOT NULL,            -- CAMEO root: the first two digits
  place TEXT NOT NULL,                -- GeoNames id, else the normalised name; '' none
  polarity TEXT NOT NULL, modality TEXT NOT NULL,
  event_id INTEGER NOT NULL,          -- representative: the first member stored
  events INTEGER NOT NULL,
  num_articles INTEGER NOT NULL,
  num_sources INTEGER NOT NULL,       -- distinct outlets (articles.source)
  goldstein REAL NOT NULL,            -- mean over the members
  UNIQUE(source_key, target_key, date, root_code, place, polarity, modality));
CREATE INDEX event_groups_target ON event_groups(target_key, date);
CREATE INDEX event_groups_date ON event_groups(date);

CREATE TABLE events(
  event_id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles(article_id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  source_begin INTEGER, source_end INTEGER, source_text TEXT,
  source_entity_id INTEGER REFERENCES entities(entity_id) ON DELETE SET NULL,
  source_code TEXT, source_name TEXT,
  target_begin INTEGER, target_end INTEGER, target_text TEXT,
  target_entity_id INTEGER REFERENCES entities(entity_id) ON DELETE SET NULL,
  target_code TEXT, target_name TEXT,
  cameo TEXT NOT NULL, cameo_name TEXT,
  root_code TEXT NOT NULL,
  goldstein REAL NOT NULL,
  plover TEXT, plover_mode TEXT,
  trigger_begin INTEGER, trigger_end INTEGER, trigger_text TEXT,
  sentence_begin INTEGER, sentence_end INTEGER,
  evidence TEXT,                      -- the sentence's text
  location_entity_id INTEGER REFERENCES entities(entity_id) ON DELETE SET NULL,
  location_name TEXT,
  date TEXT,
  time_id INTEGER REFERENCES times(time_id) ON DELETE SET NULL,
  polarity TEXT NOT NULL, modality TEXT NOT NULL,
  quote_id INTEGER REFERENCES quotes(quote_id) ON DELETE SET NULL,
  confidence REAL NOT NULL,
  group_id INTEGER,                   -- event_groups.group_id
  UNIQUE(article_id, idx));
CREATE INDEX events_group ON events(group_id);
CREATE INDEX events_date ON events(date);
)sql",
     store::GroupUngroupedQuotes},
};

constexpr int kLatest = static_cast<int>(std::size(kMigrations));

}  // namespace

int LatestSchemaVersion() {
  return kLatest;
}

StatusOr<int> SchemaVersionOf(sql::Database& db) {
  auto stmt = db.Prepare("PRAGMA user_version");
  if (!stmt.ok()) return stmt.status();
  auto row = stmt->Step();
  if (!row.ok()) return row.status();
  return static_cast<int>(stmt->Int(0));
}

Status Migrate(sql::Database& db, int target) {
  if (target <= 0 || target > kLatest) target = kLatest;
  while (true) {
    // IMMEDIATE: two processes opening a new file cannot both migrate it.
    PARLEY_RETURN_IF_ERROR(db.Exec("BEGIN IMMEDIATE"));
    auto version = SchemaVersionOf(db);
    if (!version.ok()) {
      (void)db.Exec("ROLLBACK");
      return version.status();
    }
    if (*version > kLatest) {
      (void)db.Exec("ROLLBACK");
      return FailedPrecondition("the database has schema version " + std::to_string(*version) +
                                ", newer than this parley knows (" + std::to_string(kLatest) +
                                "); use a newer parley");
    }
    if (*version >= target) return db.Exec("COMMIT");
    const Migration& m = kMigrations[*version];
    Status s = db.Exec(
        "CREATE TABLE IF NOT EXISTS schema_migrations("
        "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
    if (s.ok()) s = db.Exec(m.sql);
    if (s.ok() && m.after) s = m.after(db);
    if (s.ok()) {
      auto ins = db.Prepare(
          "INSERT INTO schema_migrations(version, name, applied_at) "
          "VALUES (?1, ?2, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))");
      s = ins.ok() ? Status::Ok() : ins.status();
      if (s.ok()) {
        ins->Bind(1, int64_t{m.version});
        ins->Bind(2, std::string_view(m.name));
        s = ins->Run();
      }
    }
    // PRAGMA takes no parameters; the version is a constant of this build.
    if (s.ok()) s = db.Exec(("PRAGMA user_version = " + std::to_string(m.version)).c_str());
    if (s.ok()) s = db.Exec("COMMIT");
    if (!s.ok()) {
      (void)db.Exec("ROLLBACK");
      return Status(s.code(), "migrating to schema version " + std::to_string(m.version) + ": " +
                                  s.message());
    }
  }
}

}  // namespace parley::store
