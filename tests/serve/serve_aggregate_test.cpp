// The aggregate endpoints over loopback: quote groups, speakers,
// co-occurrence, event groups and dyads, with their paging, 400s and 404s.
#include <gtest/gtest.h>
#include <httplib.h>

#include <thread>

#include "parley/serve.h"
#include "parley/store.h"
#include "store/store_test_util.h"

namespace parley {
namespace {

using testing::EventsArticle;
using testing::EventSpec;
using testing::QuotesArticle;
using testing::QuoteSpec;

constexpr const char* kQuote =
    "We will absolutely accept the result of the election, the American people will speak";
constexpr const char* kTrimmed = "We will absolutely accept the result of the election";

EventSpec Visit(float goldstein = 1.9f, std::string cameo = "042") {
  EventSpec e;
  e.source = "Vladimir Putin";
  e.source_code = "RUSGOV";
  e.target = "United States";
  e.target_code = "USA";
  e.place = "Anchorage";
  e.geonames_id = 5879400;
  e.goldstein = goldstein;
  e.cameo = std::move(cameo);
  return e;
}

class ServeAggregate : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir();
    std::string db = dir_->File("corpus.db");
    {
      auto store = Store::Open(db);
      ASSERT_TRUE(store.ok()) << store.status().ToString();
      // The Pence quote in three outlets, then 30 distinct quotes in one.
      const char* outlets[] = {"CNN", "Fox", "Times"};
      for (int i = 0; i < 3; ++i) {
        QuoteSpec q{i == 1 ? kTrimmed : kQuote, "Mike Pence", "mike_pence", "USAGOV"};
        ASSERT_TRUE(store
                        ->AddDocument(QuotesArticle("p" + std::to_string(i),
                                                    "2016-10-1" + std::to_string(i), outlets[i],
                                                    {q,
                                                     {"Numbers never lie about the economy "
                                                      "when you read them right",
                                                      "Jo Bloggs"}}))
                        .ok());
      }
      for (int i = 0; i < 30; ++i) {
        // Few shared word pairs: each quote its own group.
        std::string words = "Statement " + std::to_string(i) + " holds " + std::to_string(i * 7) +
                            " reasons and " + std::to_string(i * 13) + " more";
        ASSERT_TRUE(store
                        ->AddDocument(QuotesArticle("q" + std::to_string(i), "2017-01-01", "Wire",
                                                    {{words, "Jo Bloggs"}}))
                        .ok());
      }
      ASSERT_TRUE(store->AddDocument(EventsArticle("e1", "2025-08-15", "AP", {Visit()})).ok());
      ASSERT_TRUE(store->AddDocument(EventsArticle("e2", "2025-08-15", "Reuters", {Visit()})).ok());
      ASSERT_TRUE(
          store->AddDocument(EventsArticle("e3", "2025-09-03", "AP", {Visit(-10, "190")})).ok());
    }
    ServeOptions options;
    options.db_path = db;
    options.port = 0;
    options.threads = 2;
    auto server = Server::Create(options);
    ASSERT_TRUE(server.ok()) << server.status().ToString();
    server_ = server->release();
    thread_ = new std::thread([] { (void)server_->Run(); });
  }
  static void TearDownTestSuite() {
    server_->Stop();
    thread_->join();
    delete thread_;
    delete server_;
    delete dir_;
  }

  httplib::Result Get(const std::string& path) {
    httplib::Client client("127.0.0.1", server_->port());
    client.set_connection_timeout(5);
    return client.Get(path.c_str());
  }
  std::string Body(const std::string& path, int status = 200) {
    auto r = Get(path);
    EXPECT_TRUE(r) << path;
    if (!r) return {};
    EXPECT_EQ(r->status, status) << path << " " << r->body;
    return r->body;
  }

  static testing::TempDir* dir_;
  static Server* server_;
  static std::thread* thread_;
};

testing::TempDir* ServeAggregate::dir_ = nullptr;
Server* ServeAggregate::server_ = nullptr;
std::thread* ServeAggregate::thread_ = nullptr;

size_t Count(const std::string& s, const std::string& needle) {
  size_t n = 0;
  for (size_t p = s.find(needle); p != std::string::npos; p = s.find(needle, p + 1)) ++n;
  return n;
}

// The integer after `"key":` at its first occurrence.
std::string After(const std::string& s, const std::string& key) {
  auto at = s.find("\"" + key + "\":");
  if (at == std::string::npos) return {};
  at += key.size() + 3;
  return s.substr(at, s.find_first_of(",}", at) - at);
}

TEST_F(ServeAggregate, QuoteGroupsWithOutletsAndMembers) {
  std::string body = Body("/api/quote-groups");
  EXPECT_EQ(Count(body, "\"group_id\""), 2u) << body;  // Pence's and Bloggs's, 3 outlets each
  EXPECT_NE(body.find("\"outlets\":3"), std::string::npos) << body;
  EXPECT_NE(body.find("\"sources\":[\"CNN\",\"Fox\",\"Times\"]"), std::string::npos) << body;
  EXPECT_NE(body.find("\"first_date\":\"2016-10-10\",\"first_source\":\"CNN\""), std::string::npos)
      << body;
  EXPECT_NE(body.find(std::string("\"content\":\"") + kQuote), std::string::npos) << body;
  body = Body("/api/quote-groups?text=election&limit=1");
  EXPECT_NE(body.find("\"more\":false"), std::string::npos) << body;
  std::string id = After(body, "group_id");
  std::string members = Body("/api/quote-groups/" + id);
  EXPECT_EQ(Count(members, "\"quote_id\""), 3u) << members;
  EXPECT_EQ(Count(members, "\"group_id\":" + id), 4u) << members;  // the answer's and each quote's
  // Paging through the groups seen once.
  body = Body("/api/quote-groups?min_outlets=1&limit=20");
  EXPECT_EQ(Count(body, "\"group_id\""), 20u);
  EXPECT_NE(body.find("\"more\":true"), std::string::npos);
  Body("/api/quote-groups/999999", 404);
  Body("/api/quote-groups/abc", 400);
  Body("/api/quote-groups?min_outlets=-1", 400);
  Body("/api/quote-groups?from=2016", 400);
}

TEST_F(ServeAggregate, SpeakersAndCooccurrence) {
  std::string body = Body("/api/speakers?limit=1");
  EXPECT_NE(body.find("\"name\":\"Jo Bloggs\""), std::string::npos) << body;
  EXPECT_NE(body.find("\"quotes\":33"), std::string::npos) << body;
  EXPECT_NE(body.find("\"more\":true"), std::string::npos) << body;
  body = Body("/api/speakers?actor=USA");
  EXPECT_NE(body.find("\"kb_id\":\"mike_pence\""), std::string::npos) << body;
  EXPECT_NE(body.find("\"statements\":1"), std::string::npos) << body;
  EXPECT_EQ(Count(body, "\"name\""), 1u) << body;

  body = Body("/api/cooccurrence?entity=Mike%20Pence");
  EXPECT_NE(body.find("\"a\":\"Mike Pence\",\"b\":\"Jo Bloggs\",\"articles\":3"), std::string::npos)
      << body;
  body = Body("/api/cooccurrence");
  EXPECT_NE(body.find("\"edges\":["), std::string::npos) << body;
  Body("/api/cooccurrence?nodes=1", 400);
}

TEST_F(ServeAggregate, EventGroupsAndDyads) {
  std::string body = Body("/api/events?actor=rus");
  EXPECT_EQ(Count(body, "\"group_id\""), 2u) << body;
  EXPECT_NE(body.find("\"num_articles\":2,\"num_sources\":2"), std::string::npos) << body;
  EXPECT_NE(body.find("\"evidence\":\"Vladimir Putin met United States in Anchorage.\""),
            std::string::npos)
      << body;
  body = Body("/api/events?root=04");
  std::string id = After(body, "group_id");
  std::string members = Body("/api/events/" + id);
  EXPECT_EQ(Count(members, "\"event_id\""), 2u) << members;
  Body("/api/events/77777", 404);
  Body("/api/events?all=maybe", 400);

  body = Body("/api/dyads");
  EXPECT_NE(body.find("\"a\":\"RUSGOV\",\"a_name\":\"Vladimir Putin\",\"b\":\"USA\""),
            std::string::npos)
      << body;
  body = Body("/api/dyad?a=USA&b=RUS");
  EXPECT_EQ(Count(body, "\"period\""), 2u) << body;
  EXPECT_NE(body.find("\"period\":\"2025-09\",\"events\":1,\"articles\":1,\"goldstein\":-10"),
            std::string::npos)
      << body;
  body = Body("/api/dyad?a=USA&b=RUS&by=day&directed=1");
  EXPECT_NE(body.find("\"points\":[]"), std::string::npos) << body;  // all go RUS -> USA
  Body("/api/dyad?a=USA", 400);
  Body("/api/dyad?a=USA&b=RUS&by=week", 400);
}

TEST_F(ServeAggregate, InjectionInAggregateParametersStaysData) {
  for (const char* q :
       {"/api/events?actor=%27%20OR%201=1--", "/api/dyad?a=x%27)--&b=%25",
        "/api/speakers?name=%25%27%20OR%20%271", "/api/quote-groups?text=%22%20OR%20*",
        "/api/cooccurrence?entity=%27%20UNION%20SELECT%20text,1,1,1%20FROM%20articles--"}) {
    auto r = Get(q);
    ASSERT_TRUE(r) << q;
    EXPECT_EQ(r->status, 200) << q << " " << r->body;
    EXPECT_EQ(Count(r->body, "\"group_id\""), 0u) << q << " " << r->body;
    EXPECT_EQ(r->body.find("Story"), std::string::npos) << q << " " << r->body;
  }
}

}  // namespace
}  // namespace parley
