#include <gtest/gtest.h>

#include "parley/store.h"
#include "store/store_test_util.h"

namespace parley {
namespace {

using testing::QuoteDocument;
using testing::TempDir;

// Two articles: the Putin quote, and a Trump quote with characters that
// mean something to SQL, LIKE and FTS5.
Store TwoArticles(const TempDir& dir) {
  auto store = Store::Open(dir.File("q.db"));
  EXPECT_TRUE(store.ok()) << store.status().ToString();
  EXPECT_TRUE(store->AddDocument(QuoteDocument("a1", "2025-08-16")).ok());
  DocumentMeta meta;
  meta.id = "a2";
  meta.date = "2025-09-01";
  meta.source = "Daily";
  Document doc("Trump said: \"It's 100% done; O'Brien OR NEAR* knows.\"", meta);
  uint32_t per = doc.mutable_strings().Intern("PER");
  doc.mutable_mentions().push_back({{0, 5}, 0, 1, per, -1});
  doc.mutable_mentions().push_back({{29, 36}, 7, 8, per, -1});  // O'Brien
  Quote q;
  q.content = {13, 52};
  q.speaker = {0, 5};
  q.speaker_name = "Donald Trump";
  q.confidence = 0.5f;
  doc.mutable_quotes().push_back(q);
  EXPECT_EQ(doc.SpanText(q.content), "It's 100% done; O'Brien OR NEAR* knows.");
  EXPECT_TRUE(store->AddDocument(doc).ok());
  return std::move(*store);
}

std::vector<std::string> Contents(const StatusOr<std::vector<QuoteHit>>& hits) {
  EXPECT_TRUE(hits.ok()) << hits.status().ToString();
  std::vector<std::string> out;
  if (hits.ok()) {
    for (const auto& h : *hits) out.push_back(h.content);
  }
  return out;
}

using Strings = std::vector<std::string>;

TEST(StoreQuery, FindsQuotesBySpeakerTextEntityAndDate) {
  TempDir dir;
  Store store = TwoArticles(dir);
  QuoteQuery q;
  q.speaker = "putin";
  EXPECT_EQ(Contents(store.FindQuotes(q)), Strings{"No deal was reached"});
  q = {};
  q.speaker = "Donald  TRUMP";
  auto hits = store.FindQuotes(q);
  ASSERT_TRUE(hits.ok());
  ASSERT_EQ(hits->size(), 1u);
  EXPECT_EQ((*hits)[0].date, "2025-09-01");
  EXPECT_EQ((*hits)[0].source, "Daily");
  EXPECT_EQ((*hits)[0].speaker, "Donald Trump");
  q = {};
  q.text = "deal reached";
  EXPECT_EQ(Contents(store.FindQuotes(q)), Strings{"No deal was reached"});
  q.text = "deal knows";  // all words must match
  EXPECT_TRUE(Contents(store.FindQuotes(q)).empty());
  q = {};
  q.entity = "brien";
  EXPECT_EQ(Contents(store.FindQuotes(q)).size(), 1u);
  q.entity = "Trump";  // mentioned in the article, not inside the quote
  EXPECT_TRUE(Contents(store.FindQuotes(q)).empty());
  q = {};
  q.from = "2025-08-01";
  q.to = "2025-08-31";
  EXPECT_EQ(Contents(store.FindQuotes(q)), Strings{"No deal was reached"});
  q = {};
  q.from = "2025-01-01";  // newest first
  EXPECT_EQ(Contents(store.FindQuotes(q)).size(), 2u);
  EXPECT_EQ(Contents(store.FindQuotes(q)).back(), "No deal was reached");
  q.limit = 1;
  EXPECT_EQ(Contents(store.FindQuotes(q)).size(), 1u);
}

TEST(StoreQuery, InjectionAttemptsStayData) {
  TempDir dir;
  Store store = TwoArticles(dir);
  const char* attacks[] = {
      "x' OR '1'='1",
      "'; DROP TABLE articles; --",
      "\") OR 1=1 --",
      "\" NOT \"",
      "* OR NEAR(a b)",
      "{content}: a",
      "%",
      "_",
      "\\",
      "Robert'); DELETE FROM quotes; --",
  };
  for (const char* attack : attacks) {
    for (int field = 0; field < 3; ++field) {
      QuoteQuery q;
      (field == 0 ? q.speaker : field == 1 ? q.text : q.entity) = attack;
      auto hits = store.FindQuotes(q);
      ASSERT_TRUE(hits.ok() || hits.status().code() == StatusCode::kInvalidArgument)
          << attack << ": " << hits.status().ToString();
      if (hits.ok()) {
        EXPECT_TRUE(hits->empty()) << "field " << field << ": " << attack;
      }
    }
    EntityQuery e;
    e.name = attack;
    auto list = store.ListEntities(e);
    ASSERT_TRUE(list.ok()) << attack;
    EXPECT_TRUE(list->empty()) << attack;
    e = {};
    e.type = attack;
    EXPECT_TRUE(store.ListEntities(e)->empty()) << attack;
  }
  auto stats = store.Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->articles, 2);
  EXPECT_EQ(stats->quotes, 2);
  EXPECT_TRUE(store.CheckIntegrity().ok());

  // Characters that are operators elsewhere are ordinary words and letters here.
  QuoteQuery q;
  q.text = "NEAR* OR";
  EXPECT_EQ(Contents(store.FindQuotes(q)).size(), 1u);
  q = {};
  q.entity = "O'Brien";
  EXPECT_EQ(Contents(store.FindQuotes(q)).size(), 1u);
  EntityQuery e;
  e.name = "'";
  EXPECT_EQ(store.ListEntities(e)->size(), 1u);  // O'Brien
}

TEST(StoreQuery, RejectsBadArguments) {
  TempDir dir;
  Store store = TwoArticles(dir);
  QuoteQuery q;
  q.from = "2025-8-1";
  EXPECT_EQ(store.FindQuotes(q).status().code(), StatusCode::kInvalidArgument);
  q = {};
  q.to = "2025-08-01' OR 1=1";
  EXPECT_EQ(store.FindQuotes(q).status().code(), StatusCode::kInvalidArgument);
  q = {};
  q.text = "   ";
  EXPECT_EQ(store.FindQuotes(q).status().code(), StatusCode::kInvalidArgument);
  q = {};
  q.limit = -1;
  EXPECT_EQ(store.FindQuotes(q).status().code(), StatusCode::kInvalidArgument);
}

TEST(StoreQuery, FullTextTermsQuotesEveryWord) {
  EXPECT_EQ(FullTextTerms("no deal"), "\"no\" \"deal\"");
  EXPECT_EQ(FullTextTerms("  say \"hi\"  "), "\"say\" \"\"\"hi\"\"\"");
  EXPECT_EQ(FullTextTerms(" \t "), "");
}

TEST(StoreQuery, CountsEntitiesAndSpeakers) {
  TempDir dir;
  Store store = TwoArticles(dir);
  auto list = store.ListEntities({});
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  ASSERT_GE(list->size(), 3u);
  // Clustered mentions count under the entity's name; unclustered under their text.
  const EntityCount* putin = nullptr;
  for (const auto& e : *list) {
    if (e.name == "Vladimir Putin") putin = &e;
  }
  ASSERT_NE(putin, nullptr);
  EXPECT_EQ(putin->mentions, 2);
  EXPECT_EQ(putin->articles, 1);
  EXPECT_EQ(putin->quotes, 1);
  EXPECT_EQ(putin->type, "PER");
  EXPECT_EQ(putin->first_date, "2025-08-16");
  EntityQuery q;
  q.type = "LOC";
  EXPECT_TRUE(store.ListEntities(q)->empty());

  auto stats = store.Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->schema_version, Store::LatestSchemaVersion());
  EXPECT_EQ(stats->entities, 2);
  EXPECT_EQ(stats->mentions, 5);
  EXPECT_EQ(stats->first_date, "2025-08-16");
  EXPECT_EQ(stats->last_date, "2025-09-01");
  ASSERT_EQ(stats->quotes_by_kind.size(), 1u);
  EXPECT_EQ(stats->quotes_by_kind[0].second, 2);
}

}  // namespace
}  // namespace parley
