// The HTTP API end to end: a Server on an ephemeral loopback port, asked by
// httplib::Client. Pagination, errors, and injection attempts that must stay
// data (SQL in parameters, markup in article text).
#include "parley/serve.h"

#include <gtest/gtest.h>
#include <httplib.h>

#include <set>
#include <thread>

#include "parley/store.h"
#include "store/store_test_util.h"

namespace parley {
namespace {

constexpr const char* kScript = "<script>alert(1)</script>";

class ServeTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir();
    std::string db = dir_->File("corpus.db");
    {
      auto store = Store::Open(db);
      ASSERT_TRUE(store.ok()) << store.status().ToString();
      // 25 articles with one Putin quote each, on different days.
      for (int i = 0; i < 25; ++i) {
        char date[16];
        std::snprintf(date, sizeof date, "2025-%02d-%02d", 1 + i % 12, 1 + i);
        Document doc = testing::QuoteDocument("a" + std::to_string(i), date);
        // Vary the text (after the annotated part) so every article is distinct.
        Document varied(std::string(doc.text()) + " Day " + std::to_string(i) + ".", doc.meta());
        varied.mutable_mentions() = std::move(doc.mutable_mentions());
        varied.mutable_entities() = std::move(doc.mutable_entities());
        varied.mutable_quotes() = std::move(doc.mutable_quotes());
        varied.mutable_strings() = std::move(doc.mutable_strings());
        varied.Mark(kAnnEntities | kAnnDocEntities | kAnnQuotes);
        ASSERT_TRUE(store->AddDocument(varied).ok());
      }
      // An article whose text and title carry markup.
      DocumentMeta meta;
      meta.id = "evil";
      meta.date = "2025-09-01";
      meta.title = kScript;
      Document evil(std::string("Hacker wrote ") + kScript + " here.", meta);
      ASSERT_TRUE(store->AddDocument(evil).ok());
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

  static testing::TempDir* dir_;
  static Server* server_;
  static std::thread* thread_;
};

testing::TempDir* ServeTest::dir_ = nullptr;
Server* ServeTest::server_ = nullptr;
std::thread* ServeTest::thread_ = nullptr;

size_t Count(const std::string& s, const std::string& needle) {
  size_t n = 0;
  for (size_t p = s.find(needle); p != std::string::npos; p = s.find(needle, p + 1)) ++n;
  return n;
}

TEST_F(ServeTest, AnswersStats) {
  auto r = Get("/api/stats");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->get_header_value("Content-Type"), "application/json; charset=utf-8");
  EXPECT_NE(r->body.find("\"articles\":26"), std::string::npos) << r->body;
  EXPECT_NE(r->body.find("\"quotes\":25"), std::string::npos) << r->body;
}

TEST_F(ServeTest, PaginatesQuotes) {
  auto first = Get("/api/quotes?speaker=putin&limit=10");
  ASSERT_TRUE(first);
  ASSERT_EQ(first->status, 200) << first->body;
  EXPECT_EQ(Count(first->body, "\"quote_id\""), 10u);
  EXPECT_NE(first->body.find("\"more\":true"), std::string::npos);
  auto last = Get("/api/quotes?speaker=putin&limit=10&offset=20");
  ASSERT_TRUE(last);
  EXPECT_EQ(Count(last->body, "\"quote_id\""), 5u);
  EXPECT_NE(last->body.find("\"more\":false"), std::string::npos);
  auto speaker = Get("/api/speakers/Vladimir%20Putin?limit=7&offset=21");
  ASSERT_TRUE(speaker);
  ASSERT_EQ(speaker->status, 200) << speaker->body;
  EXPECT_NE(speaker->body.find("\"total\":25"), std::string::npos);
  EXPECT_EQ(Count(speaker->body, "\"quote_id\""), 4u);
  auto past = Get("/api/speakers/Vladimir%20Putin?offset=30");
  ASSERT_TRUE(past);
  EXPECT_EQ(past->status, 200);
  EXPECT_NE(past->body.find("\"total\":25"), std::string::npos) << past->body;
  EXPECT_NE(past->body.find("\"quotes\":[]"), std::string::npos) << past->body;
}

TEST_F(ServeTest, RefusesBadParametersWith400) {
  for (const char* path :
       {"/api/quotes?limit=0", "/api/quotes?limit=101", "/api/quotes?limit=ten",
        "/api/quotes?offset=-1", "/api/quotes?from=yesterday", "/api/timeline",
        "/api/timeline?entity=a&speaker=b", "/api/articles/abc", "/api/entities?limit=1e3"}) {
    auto r = Get(path);
    ASSERT_TRUE(r) << path;
    EXPECT_EQ(r->status, 400) << path << " " << r->body;
    EXPECT_EQ(r->body.rfind("{\"error\":", 0), 0u) << path << " " << r->body;
  }
  auto r = Get("/api/quotes?text=" + std::string(201, 'a'));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
}

TEST_F(ServeTest, Unknown404AndNonGet405) {
  for (const char* path :
       {"/api/articles/999", "/api/speakers/Nobody", "/api/nothing", "/nothing.js"}) {
    auto r = Get(path);
    ASSERT_TRUE(r) << path;
    EXPECT_EQ(r->status, 404) << path;
  }
  httplib::Client client("127.0.0.1", server_->port());
  auto post = client.Post("/api/quotes", "x", "text/plain");
  ASSERT_TRUE(post);
  EXPECT_EQ(post->status, 405);
  EXPECT_EQ(post->get_header_value("Allow"), "GET, HEAD");
  auto del = client.Delete("/api/articles/1");
  ASSERT_TRUE(del);
  EXPECT_EQ(del->status, 405);
}

TEST_F(ServeTest, SqlInjectionInParametersStaysData) {
  for (const char* q :
       {"/api/quotes?speaker=putin%27%20OR%201=1--", "/api/quotes?text=%22%20OR%20*",
        "/api/quotes?entity=%25%27)%3B%20DROP%20TABLE%20quotes%3B--",
        "/api/speakers/x%27%20OR%20%271%27=%271", "/api/entities?type=PER%27%20OR%201=1--",
        "/api/timeline?entity=%27%20UNION%20SELECT%20text,1%20FROM%20articles--",
        "/api/articles?q=NEAR(deal%20reached)"}) {
    auto r = Get(q);
    ASSERT_TRUE(r) << q;
    EXPECT_TRUE(r->status == 200 || r->status == 404) << q << " " << r->body;
    EXPECT_EQ(r->body.find("Hacker"), std::string::npos) << q;
    EXPECT_EQ(Count(r->body, "\"quote_id\""), 0u) << q << " " << r->body;
  }
  auto stats = Get("/api/stats");
  ASSERT_TRUE(stats);
  EXPECT_NE(stats->body.find("\"quotes\":25"), std::string::npos);  // nothing dropped
}

TEST_F(ServeTest, MarkupInArticleTextIsReturnedAsData) {
  auto list = Get("/api/articles?q=hacker");
  ASSERT_TRUE(list);
  ASSERT_EQ(list->status, 200);
  auto at = list->body.find("\"article_id\":");
  ASSERT_NE(at, std::string::npos) << list->body;
  std::string id = list->body.substr(at + 13, list->body.find(',', at) - at - 13);
  auto r = Get("/api/articles/" + id);
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200);
  EXPECT_EQ(r->get_header_value("Content-Type"), "application/json; charset=utf-8");
  EXPECT_EQ(r->get_header_value("X-Content-Type-Options"), "nosniff");
  // JSON string content, escaped per JSON only (the browser shows it as text).
  EXPECT_NE(r->body.find(std::string("\"text\":\"Hacker wrote ") + kScript), std::string::npos)
      << r->body;
}

TEST_F(ServeTest, ArticleCarriesOffsetsForHighlighting) {
  auto hit = Get("/api/quotes?text=deal&limit=1");
  ASSERT_TRUE(hit);
  auto at = hit->body.find("\"article_id\":");
  ASSERT_NE(at, std::string::npos);
  std::string id = hit->body.substr(at + 13, hit->body.find(',', at) - at - 13);
  auto r = Get("/api/articles/" + id);
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200);
  EXPECT_NE(r->body.find("\"begin\":18,\"end\":37,\"content\":\"No deal was reached\""),
            std::string::npos)
      << r->body;
  EXPECT_NE(r->body.find("\"speaker_begin\":40,\"speaker_end\":45"), std::string::npos);
  EXPECT_NE(r->body.find("\"entity\":\"Vladimir Putin\""), std::string::npos);
}

TEST_F(ServeTest, TimelineCooccurrenceAndPlaces) {
  auto t = Get("/api/timeline?entity=vladimir%20putin");
  ASSERT_TRUE(t);
  ASSERT_EQ(t->status, 200) << t->body;
  EXPECT_NE(t->body.find("{\"month\":\"2025-01\",\"count\":3}"), std::string::npos) << t->body;
  auto s = Get("/api/timeline?speaker=Vladimir%20Putin");
  ASSERT_TRUE(s);
  EXPECT_NE(s->body.find("\"counts\":\"quotes\""), std::string::npos);
  auto c = Get("/api/cooccurrence");
  ASSERT_TRUE(c);
  ASSERT_EQ(c->status, 200);
  EXPECT_NE(c->body.find("{\"a\":\"Donald Trump\",\"b\":\"Vladimir Putin\",\"articles\":25}"),
            std::string::npos)
      << c->body;
  auto p = Get("/api/places");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->status, 200);
  EXPECT_EQ(p->body, "{\"places\":[]}");
}

TEST_F(ServeTest, ServesTheEmbeddedExplorer) {
  auto page = Get("/");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("<title>parley explorer</title>"), std::string::npos);
  EXPECT_NE(page->get_header_value("Content-Security-Policy").find("script-src 'self'"),
            std::string::npos);
  for (const char* path : {"/app.js", "/style.css", "/world.json"}) {
    auto r = Get(path);
    ASSERT_TRUE(r) << path;
    EXPECT_EQ(r->status, 200) << path;
    EXPECT_GT(r->body.size(), 100u) << path;
  }
}

// Over 200 quotes the speaker page walks the date index instead of sorting:
// pages must still be newest first, undated last, each quote exactly once.
TEST(ServeSpeaker, ProlificSpeakerPagesInDateOrder) {
  testing::TempDir dir;
  std::string db = dir.File("big.db");
  {
    auto store = Store::Open(db);
    ASSERT_TRUE(store.ok());
    for (int i = 0; i < 230; ++i) {
      char date[16];
      std::snprintf(date, sizeof date, "20%02d-%02d-01", 10 + i % 13, 1 + i % 12);
      Document doc = testing::QuoteDocument("p" + std::to_string(i), i % 10 == 0 ? "" : date);
      Document varied(std::string(doc.text()) + " No. " + std::to_string(i) + ".", doc.meta());
      varied.mutable_mentions() = std::move(doc.mutable_mentions());
      varied.mutable_entities() = std::move(doc.mutable_entities());
      varied.mutable_quotes() = std::move(doc.mutable_quotes());
      varied.mutable_strings() = std::move(doc.mutable_strings());
      varied.Mark(kAnnEntities | kAnnDocEntities | kAnnQuotes);
      ASSERT_TRUE(store->AddDocument(varied).ok());
    }
    // Three quotes whose speaker mention was not resolved to a name.
    for (int i = 0; i < 3; ++i) {
      Document doc =
          testing::QuoteDocument("u" + std::to_string(i), "2024-0" + std::to_string(i + 1) + "-01");
      Document varied(std::string(doc.text()) + " Unresolved " + std::to_string(i) + ".",
                      doc.meta());
      varied.mutable_quotes() = std::move(doc.mutable_quotes());
      varied.mutable_quotes()[0].speaker_name.clear();
      varied.mutable_quotes()[0].speaker_entity = -1;
      varied.mutable_strings() = std::move(doc.mutable_strings());
      varied.Mark(kAnnQuotes);
      ASSERT_TRUE(store->AddDocument(varied).ok());
    }
  }
  ServeOptions options;
  options.db_path = db;
  options.port = 0;
  auto server = Server::Create(options);
  ASSERT_TRUE(server.ok());
  {
    // Unresolved: the mention as written ("Putin") is the speaker's name.
    httplib::Client c("127.0.0.1", (*server)->port());
    std::thread t([&] { (void)(*server)->Run(); });
    auto r = c.Get("/api/speakers/Putin");
    (*server)->Stop();
    t.join();
    ASSERT_TRUE(r);
    ASSERT_EQ(r->status, 200) << r->body;
    EXPECT_NE(r->body.find("\"total\":3"), std::string::npos) << r->body;
    EXPECT_LT(r->body.find("2024-03-01"), r->body.find("2024-01-01"));
  }
  server = Server::Create(options);
  ASSERT_TRUE(server.ok());
  std::thread thread([&] { (void)(*server)->Run(); });
  httplib::Client client("127.0.0.1", (*server)->port());
  std::vector<std::string> dates;
  std::set<std::string> ids;
  for (int offset = 0; offset < 300; offset += 100) {
    auto r = client.Get(
        ("/api/speakers/Vladimir%20Putin?limit=100&offset=" + std::to_string(offset)).c_str());
    ASSERT_TRUE(r);
    ASSERT_EQ(r->status, 200);
    EXPECT_NE(r->body.find("\"total\":230"), std::string::npos);
    for (size_t p = r->body.find("\"quote_id\":"); p != std::string::npos;
         p = r->body.find("\"quote_id\":", p + 1)) {
      ids.insert(r->body.substr(p + 11, r->body.find(',', p) - p - 11));
      size_t d = r->body.find("\"date\":\"", p) + 8;
      dates.push_back(r->body.substr(d, r->body.find('"', d) - d));
    }
  }
  (*server)->Stop();
  thread.join();
  EXPECT_EQ(ids.size(), 230u);
  ASSERT_EQ(dates.size(), 230u);
  EXPECT_EQ(dates.front(), "2022-12-01");
  for (size_t i = 1; i < 207; ++i) EXPECT_GE(dates[i - 1], dates[i]) << i;
  for (size_t i = 207; i < 230; ++i) EXPECT_EQ(dates[i], "") << i;  // 23 undated, last
}

TEST(ServeCreate, FailsOnAMissingDatabase) {
  ServeOptions options;
  options.db_path = "/nonexistent/corpus.db";
  options.port = 0;
  EXPECT_FALSE(Server::Create(options).ok());
}

}  // namespace
}  // namespace parley
