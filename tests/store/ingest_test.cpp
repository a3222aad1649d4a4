#include "parley/ingest.h"

#include <gtest/gtest.h>

#include "store/store_test_util.h"

namespace parley {
namespace {

using testing::TempDir;

// Five records: three distinct articles, one repeated, one malformed line.
std::string Corpus() {
  return "{\"id\": \"a\", \"date\": \"2025-01-02\", \"text\": \"Alpha met Beta in Paris.\"}\n"
         "{\"id\": \"b\", \"text\": \"Gamma said \\\"no\\\" to the deal.\"}\n"
         "{\"id\": \"bad\", \"text\": 42}\n"
         "{\"id\": \"a-again\", \"text\": \"Alpha met Beta in Paris.\"}\n"
         "{\"id\": \"c\", \"source\": \"Wire\", \"text\": \"Delta left.\"}\n";
}

Pipeline Light() {
  PipelineOptions o;
  o.stages = {"repair", "segment"};
  auto p = Pipeline::CreateDefault(o);
  EXPECT_TRUE(p.ok()) << p.status().ToString();
  return std::move(*p);
}

IngestTotals IngestCorpus(Store& store, int threads, size_t batch = 2) {
  auto reader = Reader::FromBuffer("in.jsonl", Corpus());
  IngestOptions o;
  o.threads = threads;
  o.batch = batch;
  Pipeline pipeline = Light();
  return Ingest(*reader, pipeline, store, o, {});
}

class IngestTest : public ::testing::TestWithParam<int> {};

TEST_P(IngestTest, ReingestingAddsNothing) {
  TempDir dir;
  auto store = Store::Open(dir.File("i.db"));
  ASSERT_TRUE(store.ok());
  IngestTotals first = IngestCorpus(*store, GetParam());
  ASSERT_TRUE(first.store_status.ok()) << first.store_status.ToString();
  EXPECT_EQ(first.read, 5u);
  EXPECT_EQ(first.added, 3u);
  EXPECT_EQ(first.duplicates, 1u);
  EXPECT_EQ(first.known, 0u);
  EXPECT_EQ(first.run.rejected, 1u);

  IngestTotals second = IngestCorpus(*store, GetParam());
  ASSERT_TRUE(second.store_status.ok());
  EXPECT_EQ(second.read, 5u);
  EXPECT_EQ(second.added, 0u);
  EXPECT_EQ(second.known, 4u);  // records whose text is stored, repeats included
  EXPECT_EQ(second.duplicates, 0u);
  EXPECT_EQ(second.run.extracted, 0u);  // nothing extracted again

  auto stats = store->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->articles, 3);
  EXPECT_EQ(stats->rejected, 1);  // the bad line, kept once
  EXPECT_EQ(stats->ingest_runs, 2);
  EXPECT_EQ(stats->interrupted_runs, 0);
  ASSERT_EQ(stats->rejected_by_code.size(), 1u);
  EXPECT_EQ(stats->rejected_by_code[0].first, "invalid_argument");
  ASSERT_EQ(stats->top_sources.size(), 1u);
  EXPECT_EQ(stats->top_sources[0].first, "Wire");
  EXPECT_TRUE(store->CheckIntegrity().ok());
}

INSTANTIATE_TEST_SUITE_P(Threads, IngestTest, ::testing::Values(1, 3));

TEST(Ingest, StoresTheFirstCopyOfARepeatedArticle) {
  TempDir dir;
  auto store = Store::Open(dir.File("i.db"));
  IngestTotals t = IngestCorpus(*store, 2, 100);
  ASSERT_TRUE(t.store_status.ok());
  QuoteQuery q;  // no quotes stage ran: no quotes
  q.from = "2000-01-01";
  EXPECT_TRUE(store->FindQuotes(q)->empty());
  int n = 0;
  ASSERT_TRUE(store->ForEachContentHash([&](std::string_view) { ++n; }).ok());
  EXPECT_EQ(n, 3);
}

TEST(Ingest, AStoreErrorStopsTheRunAndIsReported) {
  TempDir dir;
  auto store = Store::Open(dir.File("i.db"));
  ASSERT_TRUE(store.ok());
  // A transaction left open makes the writer's BEGIN fail.
  ASSERT_TRUE(store->Begin().ok());
  IngestTotals t = IngestCorpus(*store, 2);
  EXPECT_FALSE(t.store_status.ok());
}

}  // namespace
}  // namespace parley
