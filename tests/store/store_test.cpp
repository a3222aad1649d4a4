#include "parley/store.h"

#include <gtest/gtest.h>

#include <fstream>

#include "parley/output.h"
#include "store/sqlite.h"
#include "store/store_test_util.h"

namespace parley {
namespace {

using testing::QuoteDocument;
using testing::TempDir;

int64_t CountRows(const std::string& path, const char* sql) {
  auto db = sql::Database::Open(path, SQLITE_OPEN_READONLY);
  EXPECT_TRUE(db.ok()) << db.status().ToString();
  auto st = db->Prepare(sql);
  EXPECT_TRUE(st.ok()) << st.status().ToString();
  auto row = st->Step();
  EXPECT_TRUE(row.ok() && *row);
  return st->Int(0);
}

std::string TextValue(const std::string& path, const char* sql) {
  auto db = sql::Database::Open(path, SQLITE_OPEN_READONLY);
  auto st = db->Prepare(sql);
  auto row = st->Step();
  EXPECT_TRUE(row.ok() && *row);
  return st->Text(0);
}

TEST(Store, CreatesSchemaAtLatestVersion) {
  TempDir dir;
  std::string path = dir.File("c.db");
  {
    auto store = Store::Open(path);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    auto v = store->SchemaVersion();
    ASSERT_TRUE(v.ok());
    EXPECT_EQ(*v, Store::LatestSchemaVersion());
    EXPECT_TRUE(store->CheckIntegrity().ok());
  }
  EXPECT_EQ(CountRows(path, "SELECT COUNT(*) FROM schema_migrations"),
            Store::LatestSchemaVersion());
  EXPECT_EQ(TextValue(path, "PRAGMA journal_mode"), "wal");
  for (const char* table : {"articles", "entities", "mentions", "quotes", "rejected", "repairs",
                            "ingest_runs", "articles_fts", "quotes_fts"}) {
    auto db = sql::Database::Open(path, SQLITE_OPEN_READONLY);
    auto st = db->Prepare("SELECT COUNT(*) FROM sqlite_schema WHERE name = ?1");
    st->Bind(1, std::string_view(table));
    ASSERT_TRUE(*st->Step());
    EXPECT_EQ(st->Int(0), 1) << table;
  }
  // Opening again migrates nothing.
  auto again = Store::Open(path);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(CountRows(path, "SELECT COUNT(*) FROM schema_migrations"),
            Store::LatestSchemaVersion());
}

TEST(Store, MigratesAnOlderDatabaseAndIndexesWhatItHeld) {
  TempDir dir;
  std::string path = dir.File("m.db");
  {
    StoreOptions old;
    old.schema_version = 1;  // before full-text search existed
    auto store = Store::Open(path, old);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    EXPECT_EQ(*store->SchemaVersion(), 1);
    ASSERT_TRUE(store->AddDocument(QuoteDocument()).ok());
  }
  EXPECT_EQ(CountRows(path, "SELECT COUNT(*) FROM sqlite_schema WHERE name = 'quotes_fts'"), 0);
  StoreOptions ro;
  ro.read_only = true;
  EXPECT_EQ(Store::Open(path, ro).status().code(), StatusCode::kFailedPrecondition);

  auto store = Store::Open(path);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  EXPECT_EQ(*store->SchemaVersion(), Store::LatestSchemaVersion());
  QuoteQuery q;
  q.text = "deal";
  auto hits = store->FindQuotes(q);
  ASSERT_TRUE(hits.ok()) << hits.status().ToString();
  ASSERT_EQ(hits->size(), 1u);
  EXPECT_EQ((*hits)[0].content, "No deal was reached");
  EXPECT_TRUE(store->CheckIntegrity().ok());
}

TEST(Store, RefusesADatabaseFromANewerParley) {
  TempDir dir;
  std::string path = dir.File("n.db");
  ASSERT_TRUE(Store::Open(path).ok());
  {
    auto db = sql::Database::Open(path, SQLITE_OPEN_READWRITE);
    ASSERT_TRUE(db->Exec("PRAGMA user_version = 99").ok());
  }
  auto store = Store::Open(path);
  EXPECT_EQ(store.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(store.status().message().find("newer"), std::string::npos);
}

TEST(Store, ReadOnlyOpenOfAMissingFileIsNotFound) {
  TempDir dir;
  StoreOptions ro;
  ro.read_only = true;
  auto store = Store::Open(dir.File("missing.db"), ro);
  EXPECT_EQ(store.status().code(), StatusCode::kNotFound);
  EXPECT_FALSE(std::filesystem::exists(dir.File("missing.db")));
}

TEST(Store, NotADatabaseIsAnError) {
  TempDir dir;
  std::string path = dir.File("junk.db");
  std::ofstream(path) << "this is not an sqlite database, just some text long enough to matter";
  auto store = Store::Open(path);
  EXPECT_FALSE(store.ok());
}

TEST(Store, AddsAnArticleOnceByContentHash) {
  TempDir dir;
  std::string path = dir.File("a.db");
  auto store = Store::Open(path);
  ASSERT_TRUE(store.ok());
  auto first = store->AddDocument(QuoteDocument("a1"));
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_TRUE(*first);
  // Same text under another id and date: the same article.
  auto second = store->AddDocument(QuoteDocument("copy", "2025-09-01"));
  ASSERT_TRUE(second.ok());
  EXPECT_FALSE(*second);
  EXPECT_EQ(CountRows(path, "SELECT COUNT(*) FROM articles"), 1);
  EXPECT_EQ(CountRows(path, "SELECT COUNT(*) FROM quotes"), 1);
  EXPECT_EQ(CountRows(path, "SELECT COUNT(*) FROM mentions"), 3);
  EXPECT_EQ(TextValue(path, "SELECT id FROM articles"), "a1");
  EXPECT_EQ(TextValue(path, "SELECT content_hash FROM articles"),
            ContentHash(QuoteDocument().text()));
  int n = 0;
  ASSERT_TRUE(store->ForEachContentHash([&](std::string_view) { ++n; }).ok());
  EXPECT_EQ(n, 1);
}

TEST(Store, StoresEntitiesMentionsAndQuotesLinkedToEachOther) {
  TempDir dir;
  std::string path = dir.File("q.db");
  auto store = Store::Open(path);
  ASSERT_TRUE(store->AddDocument(QuoteDocument()).ok());
  EXPECT_EQ(CountRows(path, "SELECT COUNT(*) FROM entities"), 2);
  EXPECT_EQ(TextValue(path, "SELECT actor_code FROM entities WHERE name = 'Vladimir Putin'"),
            "RUSGOV");
  // Both Putin mentions point at the Putin entity row.
  EXPECT_EQ(CountRows(path,
                      "SELECT COUNT(*) FROM mentions m JOIN entities e ON e.entity_id = "
                      "m.entity_id WHERE e.name = 'Vladimir Putin' AND m.text = 'Putin'"),
            2);
  EXPECT_EQ(TextValue(path,
                      "SELECT e.name FROM quotes q JOIN entities e ON e.entity_id = "
                      "q.speaker_entity_id"),
            "Vladimir Putin");
  EXPECT_EQ(TextValue(path,
                      "SELECT cue || '/' || cue_lemma || '/' || speaker_text || '/' || kind "
                      "FROM quotes"),
            "said/say/Putin/direct");
  EXPECT_EQ(CountRows(path,
                      "SELECT COUNT(*) FROM quotes WHERE channel IS NULL AND nested_in IS "
                      "NULL"),
            1);
}

TEST(Store, SpansOutsideTheTextDoNotBreakTheWrite) {
  TempDir dir;
  auto store = Store::Open(dir.File("s.db"));
  Document doc = QuoteDocument();
  doc.mutable_quotes()[0].content = {40, 4000};
  doc.mutable_quotes()[0].speaker_entity = 7;  // no such entity
  doc.mutable_mentions()[0].type = 12345;      // no such string
  auto added = store->AddDocument(doc);
  ASSERT_TRUE(added.ok()) << added.status().ToString();
  EXPECT_TRUE(*added);
  EXPECT_TRUE(store->CheckIntegrity().ok());
}

TEST(Store, KeepsEachRejectedRecordOnce) {
  TempDir dir;
  std::string path = dir.File("r.db");
  auto store = Store::Open(path);
  RecordError e{{"in.jsonl", 7}, InvalidArgument("missing string field 'text'")};
  ASSERT_TRUE(store->AddRejected(e).ok());
  ASSERT_TRUE(store->AddRejected(e).ok());
  ASSERT_TRUE(store->AddRejected({{"in.jsonl", 9}, DataLoss("truncated")}).ok());
  EXPECT_EQ(CountRows(path, "SELECT COUNT(*) FROM rejected"), 2);
  EXPECT_EQ(TextValue(path,
                      "SELECT location || ' ' || code || ' ' || message FROM rejected "
                      "WHERE line = 7"),
            "in.jsonl:7 invalid_argument missing string field 'text'");
}

TEST(Store, RollbackLeavesNothing) {
  TempDir dir;
  std::string path = dir.File("t.db");
  auto store = Store::Open(path);
  ASSERT_TRUE(store->Begin().ok());
  ASSERT_TRUE(store->AddDocument(QuoteDocument()).ok());
  ASSERT_TRUE(store->Rollback().ok());
  EXPECT_EQ(CountRows(path, "SELECT COUNT(*) FROM articles"), 0);
  EXPECT_EQ(CountRows(path, "SELECT COUNT(*) FROM quotes"), 0);
  // The prepared statements still work after a rollback.
  auto added = store->AddDocument(QuoteDocument());
  ASSERT_TRUE(added.ok());
  EXPECT_TRUE(*added);
}

}  // namespace
}  // namespace parley
