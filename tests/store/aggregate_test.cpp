// Cross-article aggregates in the store: quote groups (first seen, outlets,
// representative, idempotence, rollback, migration), speakers, co-occurrence,
// events with their groups and dyad timelines.
#include <gtest/gtest.h>

#include "parley/store.h"
#include "store/sqlite.h"
#include "store/store_test_util.h"

namespace parley {
namespace {

using testing::EventsArticle;
using testing::EventSpec;
using testing::QuotesArticle;
using testing::QuoteSpec;
using testing::TempDir;

constexpr const char* kFull =
    "We will absolutely accept the result of the election. Look, the American people will speak "
    "in an election that will culminate on Nov. 8";
constexpr const char* kTrimmed = "We will absolutely accept the result of the election";
constexpr const char* kEdited =
    "we will absolutely accept the result of this election. Look, the American people will speak "
    "in an election that will culminate on November 8";
constexpr const char* kOther = "Our tax plan will bring back millions of jobs to this country soon";

const QuoteSpec Pence(const char* content) {
  return {content, "Mike Pence", "mike_pence", "USAGOV"};
}

int64_t Count(const std::string& path, const char* sql) {
  auto db = sql::Database::Open(path, SQLITE_OPEN_READONLY);
  auto st = db->Prepare(sql);
  EXPECT_TRUE(st.ok()) << st.status().ToString();
  auto row = st->Step();
  EXPECT_TRUE(row.ok() && *row);
  return st->Int(0);
}

// Four outlets report the Pence quote (full, trimmed, edited); one article
// also has an unrelated quote.
void AddPenceArticles(Store& store) {
  ASSERT_TRUE(store.AddDocument(QuotesArticle("b", "2016-10-20", "CNN", {Pence(kTrimmed)})).ok());
  ASSERT_TRUE(store
                  .AddDocument(QuotesArticle("a", "2016-10-19", "Washington Times",
                                             {Pence(kFull), Pence(kOther)}))
                  .ok());
  ASSERT_TRUE(store.AddDocument(QuotesArticle("c", "2016-10-21", "Fox", {Pence(kEdited)})).ok());
  ASSERT_TRUE(store.AddDocument(QuotesArticle("d", "2016-10-22", "CNN", {Pence(kFull)})).ok());
}

TEST(QuoteGroups, GroupsEditedAndTrimmedQuotesAcrossOutlets) {
  TempDir dir;
  auto store = Store::Open(dir.File("g.db"));
  ASSERT_TRUE(store.ok());
  AddPenceArticles(*store);
  QuoteGroupQuery q;
  auto groups = store->FindQuoteGroups(q);
  ASSERT_TRUE(groups.ok()) << groups.status().ToString();
  ASSERT_EQ(groups->size(), 1u);
  const QuoteGroup g = (*groups)[0];
  EXPECT_EQ(g.quotes, 4);
  EXPECT_EQ(g.articles, 4);
  EXPECT_EQ(g.sources, 3);  // CNN twice
  EXPECT_EQ(g.first_date, "2016-10-19");
  EXPECT_EQ(g.first_source, "Washington Times");
  EXPECT_EQ(g.content, kEdited);  // the longest member
  EXPECT_EQ(g.speaker, "Mike Pence");
  EXPECT_EQ(g.outlets, (std::vector<std::string>{"CNN", "Fox", "Washington Times"}));
  // The unrelated quote is a group of its own, reported once.
  q.min_sources = 1;
  groups = store->FindQuoteGroups(q);
  ASSERT_EQ(groups->size(), 2u);
  EXPECT_EQ((*groups)[1].content, kOther);
  EXPECT_EQ((*groups)[1].quotes, 1);

  auto members = store->QuoteGroupMembers(g.group_id);
  ASSERT_TRUE(members.ok());
  ASSERT_EQ(members->size(), 4u);
  EXPECT_EQ((*members)[0].date, "2016-10-19");  // earliest first
  for (const QuoteHit& h : *members) EXPECT_EQ(h.group_id, g.group_id);
  EXPECT_EQ(store->QuoteGroupMembers(999).status().code(), StatusCode::kNotFound);
  EXPECT_TRUE(store->CheckIntegrity().ok());

  // Filters: words of a member, first-seen dates.
  q = {};
  q.text = "culminate";
  EXPECT_EQ(store->FindQuoteGroups(q)->size(), 1u);
  q.text = "tax";
  EXPECT_EQ(store->FindQuoteGroups(q)->size(), 0u);
  q = {};
  q.from = "2016-10-20";
  EXPECT_EQ(store->FindQuoteGroups(q)->size(), 0u);
  q.from = "2016-1-1";
  EXPECT_EQ(store->FindQuoteGroups(q).status().code(), StatusCode::kInvalidArgument);
}

TEST(QuoteGroups, AddingAStoredArticleAgainChangesNothing) {
  TempDir dir;
  std::string path = dir.File("i.db");
  auto store = Store::Open(path);
  AddPenceArticles(*store);
  AddPenceArticles(*store);
  EXPECT_EQ(Count(path, "SELECT COUNT(*) FROM quotes"), 5);
  EXPECT_EQ(Count(path, "SELECT SUM(quotes) FROM quote_groups"), 5);
  EXPECT_EQ(Count(path, "SELECT COUNT(*) FROM quote_groups"), 2);
}

TEST(QuoteGroups, ARolledBackBatchLeavesNoTraceInTheGroups) {
  TempDir dir;
  std::string path = dir.File("r.db");
  auto store = Store::Open(path);
  ASSERT_TRUE(store->AddDocument(QuotesArticle("a", "2016-10-19", "Times", {Pence(kFull)})).ok());
  ASSERT_TRUE(store->Begin().ok());
  ASSERT_TRUE(store->AddDocument(QuotesArticle("b", "2016-10-20", "CNN", {Pence(kEdited)})).ok());
  ASSERT_TRUE(store->Rollback().ok());
  // The rolled-back quote is not a candidate any more; a later one joins
  // the stored group, whose counts are right.
  ASSERT_TRUE(store->Begin().ok());
  ASSERT_TRUE(store->AddDocument(QuotesArticle("c", "2016-10-21", "Fox", {Pence(kTrimmed)})).ok());
  ASSERT_TRUE(store->Commit().ok());
  EXPECT_EQ(Count(path, "SELECT COUNT(*) FROM quote_groups"), 1);
  EXPECT_EQ(Count(path, "SELECT sources FROM quote_groups"), 2);
  EXPECT_TRUE(store->CheckIntegrity().ok());
}

TEST(QuoteGroups, ASecondWriterSeesTheQuotesOfTheFirst) {
  TempDir dir;
  std::string path = dir.File("w.db");
  {
    auto first = Store::Open(path);
    ASSERT_TRUE(first->AddDocument(QuotesArticle("a", "2016-10-19", "Times", {Pence(kFull)})).ok());
  }
  auto second = Store::Open(path);
  ASSERT_TRUE(second->AddDocument(QuotesArticle("b", "2016-10-20", "CNN", {Pence(kEdited)})).ok());
  EXPECT_EQ(Count(path, "SELECT COUNT(*) FROM quote_groups"), 1);
}

TEST(QuoteGroups, MigrationFromVersionTwoGroupsTheStoredQuotes) {
  TempDir dir;
  std::string path = dir.File("m.db");
  {
    StoreOptions old;
    old.schema_version = 2;
    auto store = Store::Open(path, old);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    AddPenceArticles(*store);
  }
  StoreOptions ro;
  ro.read_only = true;
  EXPECT_EQ(Store::Open(path, ro).status().code(), StatusCode::kFailedPrecondition);
  auto store = Store::Open(path);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  EXPECT_EQ(*store->SchemaVersion(), Store::LatestSchemaVersion());
  EXPECT_EQ(Count(path, "SELECT COUNT(*) FROM quotes WHERE group_id IS NULL"), 0);
  auto groups = store->FindQuoteGroups({});
  ASSERT_TRUE(groups.ok()) << groups.status().ToString();
  ASSERT_EQ(groups->size(), 1u);
  EXPECT_EQ((*groups)[0].sources, 3);
  EXPECT_EQ((*groups)[0].first_date, "2016-10-19");
  EXPECT_TRUE(store->CheckIntegrity().ok());
  // And it goes on grouping new quotes.
  ASSERT_TRUE(store->AddDocument(QuotesArticle("e", "2016-10-23", "NPR", {Pence(kTrimmed)})).ok());
  EXPECT_EQ((*store->FindQuoteGroups({}))[0].sources, 4);
}

TEST(Speakers, MergedByKnowledgeBaseIdAcrossArticles) {
  TempDir dir;
  auto store = Store::Open(dir.File("s.db"));
  AddPenceArticles(*store);
  // An article where Pence is not linked still counts under his id; an
  // unlinked speaker keeps its name.
  ASSERT_TRUE(
      store
          ->AddDocument(QuotesArticle("e", "2016-11-01", "NPR",
                                      {{kOther, "Mike Pence", "", ""},
                                       {"A different thing entirely said here", "Jo Bloggs"}}))
          .ok());
  auto list = store->ListSpeakers({});
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  ASSERT_EQ(list->size(), 2u);
  const SpeakerSummary& p = (*list)[0];
  EXPECT_EQ(p.name, "Mike Pence");
  EXPECT_EQ(p.kb_id, "mike_pence");
  EXPECT_EQ(p.actor_codes, "USAGOV");
  EXPECT_EQ(p.quotes, 6);
  EXPECT_EQ(p.statements, 2);  // the election quote and the tax quote
  EXPECT_EQ(p.articles, 5);
  EXPECT_EQ(p.sources, 4);
  EXPECT_EQ(p.first_date, "2016-10-19");
  EXPECT_EQ(p.last_date, "2016-11-01");
  EXPECT_EQ((*list)[1].name, "Jo Bloggs");
  SpeakerQuery q;
  q.actor = "usa";
  EXPECT_EQ(store->ListSpeakers(q)->size(), 1u);
  q = {};
  q.name = "blog";
  ASSERT_EQ(store->ListSpeakers(q)->size(), 1u);
  EXPECT_EQ((*store->ListSpeakers(q))[0].kb_id, "");
}

TEST(Cooccurrence, CountsSharedArticlesOfEntitiesMergedByKbId) {
  TempDir dir;
  auto store = Store::Open(dir.File("c.db"));
  auto article = [](std::string id, std::vector<QuoteSpec> speakers) {
    return QuotesArticle(std::move(id), "2020-01-01", "Wire", speakers);
  };
  const char* text = "Something long enough to be a real quote here";
  // Trump linked in a and b, unlinked (same name) in c: one node.
  ASSERT_TRUE(store
                  ->AddDocument(article("a", {{text, "Donald Trump", "donald_trump", "USAGOV"},
                                              {text, "Xi Jinping", "xi_jinping", "CHNGOV"}}))
                  .ok());
  ASSERT_TRUE(store
                  ->AddDocument(article("b", {{text, "Donald Trump", "donald_trump", "USAGOV"},
                                              {text, "Xi Jinping", "xi_jinping", "CHNGOV"}}))
                  .ok());
  ASSERT_TRUE(store
                  ->AddDocument(
                      article("c", {{text, "Donald Trump", "", ""}, {text, "Kim Jong Un", "", ""}}))
                  .ok());
  CooccurrenceQuery q;
  auto c = store->FindCooccurrence(q);
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  ASSERT_EQ(c->nodes.size(), 3u);
  EXPECT_EQ(c->nodes[0].name, "Donald Trump");
  EXPECT_EQ(c->nodes[0].key, "donald_trump");
  EXPECT_EQ(c->nodes[0].articles, 3);
  ASSERT_EQ(c->pairs.size(), 2u);
  EXPECT_EQ(c->pairs[0].a, "Donald Trump");
  EXPECT_EQ(c->pairs[0].b, "Xi Jinping");
  EXPECT_EQ(c->pairs[0].articles, 2);

  q.entity = "donald_trump";
  c = store->FindCooccurrence(q);
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  ASSERT_EQ(c->pairs.size(), 2u);
  EXPECT_EQ(c->pairs[0].b, "Xi Jinping");
  EXPECT_EQ(c->pairs[1].b, "Kim Jong Un");
  q.entity = "kim jong un";  // by name, any case
  c = store->FindCooccurrence(q);
  ASSERT_EQ(c->pairs.size(), 1u);
  EXPECT_EQ(c->pairs[0].articles, 1);
  q.entity = "nobody";
  EXPECT_TRUE(store->FindCooccurrence(q)->pairs.empty());
}

EventSpec Visit(std::string date = "", std::string place = "Anchorage") {
  EventSpec e;
  e.source = "Vladimir Putin";
  e.source_code = "RUSGOV";
  e.target = "United States";
  e.target_code = "USA";
  e.place = std::move(place);
  e.geonames_id = e.place.empty() ? 0 : 5879400;
  e.date = std::move(date);
  return e;
}

TEST(Events, StoredWithTheirEvidenceAndGroupedAcrossArticles) {
  TempDir dir;
  std::string path = dir.File("e.db");
  auto store = Store::Open(path);
  EventSpec clash = Visit();
  clash.cameo = "190";
  clash.goldstein = -10;
  clash.source = "Russian forces";
  clash.source_code = "RUSMIL";
  EventSpec denied = Visit();
  denied.polarity = EventPolarity::kNegated;
  ASSERT_TRUE(store->AddDocument(EventsArticle("a", "2025-08-15", "Reuters", {Visit()})).ok());
  ASSERT_TRUE(store->AddDocument(EventsArticle("b", "2025-08-15", "AP", {Visit(), clash})).ok());
  ASSERT_TRUE(store->AddDocument(EventsArticle("c", "2025-08-15", "AP", {Visit(), denied})).ok());
  // Same actors, another day: another event.
  ASSERT_TRUE(store->AddDocument(EventsArticle("d", "2025-09-02", "AP", {Visit()})).ok());
  EXPECT_EQ(Count(path, "SELECT COUNT(*) FROM events"), 6);
  EXPECT_EQ(Count(path, "SELECT COUNT(*) FROM times"), 4);
  EXPECT_EQ(Count(path, "SELECT COUNT(*) FROM event_groups"), 4);
  EXPECT_TRUE(store->CheckIntegrity().ok());

  auto events = store->FindEvents({});
  ASSERT_TRUE(events.ok()) << events.status().ToString();
  ASSERT_EQ(events->size(), 3u);          // the negated one only with `all`
  const EventGroup visit = (*events)[1];  // newest first; on 2025-08-15 most articles first
  EXPECT_EQ((*events)[0].first.date, "2025-09-02");
  EXPECT_EQ(visit.num_articles, 3);
  EXPECT_EQ(visit.num_sources, 2);
  EXPECT_EQ(visit.events, 3);
  EXPECT_EQ(visit.first.source_code, "RUSGOV");
  EXPECT_EQ(visit.first.target_name, "United States");
  EXPECT_EQ(visit.first.root_code, "04");
  EXPECT_EQ(visit.first.place, "Anchorage");
  EXPECT_EQ(visit.first.evidence, "Vladimir Putin met United States in Anchorage.");
  EXPECT_EQ(visit.first.trigger, "met");
  EXPECT_EQ(visit.first.source, "Reuters");
  EXPECT_NEAR(visit.goldstein, 1.9, 1e-6);
  EXPECT_EQ((*events)[2].first.cameo, "190");

  EventQuery q;
  q.all = true;
  EXPECT_EQ(store->FindEvents(q)->size(), 4u);
  q = {};
  q.actor = "rusmil";  // a code, any case
  ASSERT_EQ(store->FindEvents(q)->size(), 1u);
  q.actor = "RUS";  // a prefix
  EXPECT_EQ(store->FindEvents(q)->size(), 3u);
  q.actor = "USA";  // as target too
  EXPECT_EQ(store->FindEvents(q)->size(), 3u);
  q.with = "rusmil";  // between the two, either way
  EXPECT_EQ(store->FindEvents(q)->size(), 1u);
  q.actor = "";
  EXPECT_EQ(store->FindEvents(q).status().code(), StatusCode::kInvalidArgument);
  q = {};
  q.root = "19";
  EXPECT_EQ(store->FindEvents(q)->size(), 1u);
  q = {};
  q.from = "2025-09-01";
  EXPECT_EQ(store->FindEvents(q)->size(), 1u);

  auto members = store->EventGroupMembers(visit.group_id);
  ASSERT_TRUE(members.ok());
  EXPECT_EQ(members->size(), 3u);
  EXPECT_EQ(store->EventGroupMembers(12345).status().code(), StatusCode::kNotFound);

  auto stats = store->Stats();
  EXPECT_EQ(stats->events, 6);
  EXPECT_EQ(stats->event_groups, 4);
}

TEST(Events, ADyadTimelineAveragesGoldsteinPerPeriod) {
  TempDir dir;
  auto store = Store::Open(dir.File("d.db"));
  EventSpec clash = Visit("", "");
  clash.cameo = "190";
  clash.goldstein = -10;
  ASSERT_TRUE(store->AddDocument(EventsArticle("a", "2025-08-15", "AP", {Visit()})).ok());
  ASSERT_TRUE(store->AddDocument(EventsArticle("b", "2025-08-20", "AP", {clash})).ok());
  EventSpec back = Visit();  // the other direction
  std::swap(back.source, back.target);
  std::swap(back.source_code, back.target_code);
  back.goldstein = 4;
  back.cameo = "036";
  ASSERT_TRUE(store->AddDocument(EventsArticle("c", "2025-09-01", "AP", {back})).ok());

  DyadQuery q;
  q.a = "USA";
  q.b = "RUS";
  auto points = store->DyadTimeline(q);
  ASSERT_TRUE(points.ok()) << points.status().ToString();
  ASSERT_EQ(points->size(), 2u);
  EXPECT_EQ((*points)[0].period, "2025-08");
  EXPECT_EQ((*points)[0].events, 2);
  EXPECT_NEAR((*points)[0].goldstein, (1.9 - 10) / 2, 1e-6);
  EXPECT_EQ((*points)[0].cooperation, 1);
  EXPECT_EQ((*points)[0].conflict, 1);
  EXPECT_EQ((*points)[1].period, "2025-09");
  q.directed = true;  // USA -> RUS only
  points = store->DyadTimeline(q);
  ASSERT_EQ(points->size(), 1u);
  EXPECT_EQ((*points)[0].period, "2025-09");
  q = {};
  q.a = "RUSGOV";
  q.b = "USA";
  q.by = "day";
  EXPECT_EQ(store->DyadTimeline(q)->size(), 3u);
  q.by = "week";
  EXPECT_EQ(store->DyadTimeline(q).status().code(), StatusCode::kInvalidArgument);

  auto dyads = store->TopDyads("", 10);
  ASSERT_TRUE(dyads.ok()) << dyads.status().ToString();
  ASSERT_EQ(dyads->size(), 1u);
  EXPECT_EQ((*dyads)[0].a, "RUSGOV");
  EXPECT_EQ((*dyads)[0].b, "USA");
  EXPECT_EQ((*dyads)[0].a_name, "Vladimir Putin");
  EXPECT_EQ((*dyads)[0].b_name, "United States");
  EXPECT_EQ((*dyads)[0].events, 3);
  EXPECT_EQ(store->TopDyads("CHN", 10)->size(), 0u);
}

}  // namespace
}  // namespace parley
