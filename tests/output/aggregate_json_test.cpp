// The store's query rows in JSON (output/aggregate_json.h), written once for
// both `parley query --json` and the HTTP API: every field reaches the row,
// and an event group carries its own counts beside its first event's.
#include "output/aggregate_json.h"

#include <gtest/gtest.h>
#include <simdjson.h>

namespace parley {
namespace {

simdjson::dom::element Parse(simdjson::dom::parser& parser, const std::string& json) {
  simdjson::dom::element e;
  EXPECT_EQ(parser.parse(json).get(e), simdjson::SUCCESS) << json;
  return e;
}

TEST(AggregateJson, EventGroupHasGroupAndEventFields) {
  EventGroup g;
  g.group_id = 7;
  g.events = 3;
  g.num_articles = 2;
  g.num_sources = 2;
  g.goldstein = -2.5;
  g.first.event_id = 11;
  g.first.cameo = "042";
  g.first.goldstein = 1.9;
  g.first.trigger = "visit";
  g.first.claimant = "Dmitry Peskov";
  g.first.url = "https://example.org/a";
  std::string out;
  JsonWriter w(&out);
  WriteEventGroup(w, g);
  simdjson::dom::parser parser;
  auto e = Parse(parser, out);
  EXPECT_EQ(int64_t(e["group_id"]), 7);
  EXPECT_EQ(int64_t(e["event_id"]), 11);
  EXPECT_DOUBLE_EQ(double(e["mean_goldstein"]), -2.5);
  EXPECT_DOUBLE_EQ(double(e["goldstein"]), 1.9);
  EXPECT_EQ(std::string_view(e["trigger"]), "visit");
  EXPECT_EQ(std::string_view(e["claimant"]), "Dmitry Peskov");
  EXPECT_EQ(std::string_view(e["url"]), "https://example.org/a");
}

TEST(AggregateJson, QuoteHitAndGroupRows) {
  QuoteHit h;
  h.quote_id = 5;
  h.content = "We will \"win\"";
  h.cue = "said";
  h.confidence = 0.9;
  h.begin = 10;
  h.end = 22;
  h.group_id = 4;
  QuoteGroup g;
  g.group_id = 4;
  g.first_title = "A title";
  g.first_quote_id = 5;
  g.outlets = {"CNN", "Fox"};
  std::string out;
  JsonWriter w(&out);
  w.BeginArray();
  WriteQuoteHit(w, h);
  WriteQuoteGroup(w, g);
  w.EndArray();
  simdjson::dom::parser parser;
  auto rows = Parse(parser, out).get_array();
  auto hit = rows.at(0), group = rows.at(1);
  EXPECT_EQ(std::string_view(hit["content"]), "We will \"win\"");
  EXPECT_EQ(std::string_view(hit["cue"]), "said");
  EXPECT_EQ(int64_t(hit["end"]), 22);
  EXPECT_EQ(int64_t(hit["group_id"]), 4);
  EXPECT_EQ(std::string_view(group["first_title"]), "A title");
  EXPECT_EQ(int64_t(group["first_quote_id"]), 5);
  EXPECT_EQ(group["sources"].get_array().size(), 2u);
}

}  // namespace
}  // namespace parley
