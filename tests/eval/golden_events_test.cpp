// The golden-file event scorer on a hand-written expected file and synthetic
// documents.
#include <gtest/gtest.h>

#include <string>

#include "parley/event_eval.h"

namespace parley {
namespace {

const char* kExpected = R"json({
  "about": "not read by the event scorer",
  "quotes": [],
  "events": {
    "about": "Events a careful coder would record.",
    "must": [
      {"source": "RUS (Putin)", "target": "USA", "cameo": "042", "plover": "CONSULT",
       "mode": "visit", "where": "Anchorage / Alaska", "evidence": "Putin's visit"},
      {"source": "USA", "target": "RUS", "cameo": "036", "plover": "CONSULT",
       "modality": "intended (future)"},
      {"source": "RUS", "target": "USA", "cameo": "036", "plover": "CONSULT",
       "modality": "intended (future)"}
    ],
    "must_not": [
      {"cameo": "057", "plover": "AGREE", "why": "no deal"},
      {"plover": "ASSAULT"}
    ]
  }
})json";

const std::string kText = "Putin visited Anchorage in Alaska. Both hope to continue talks.";

Event MakeEvent(std::string source, std::string target, std::string cameo,
                EventModality modality = EventModality::kActual, int32_t location = -1) {
  Event e;
  e.source.code = std::move(source);
  e.target.code = std::move(target);
  e.cameo = std::move(cameo);
  e.modality = modality;
  e.location = location;
  return e;
}

// A document with one place entity, "Anchorage" (mention: its word).
Document MakeDoc() {
  Document doc(kText);
  size_t at = kText.find("Anchorage");
  Mention m;
  m.span = {static_cast<uint32_t>(at), static_cast<uint32_t>(at + 9)};
  m.entity = 0;
  doc.mutable_mentions().push_back(m);
  Entity place;
  place.name = "Anchorage";
  place.mentions = {0};
  doc.mutable_entities().push_back(place);
  return doc;
}

TEST(GoldenEvents, ParsesRows) {
  auto g = ParseGoldenEvents(kExpected, "tiny.expected.json");
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  ASSERT_EQ(g->must.size(), 3u);
  ASSERT_EQ(g->must_not.size(), 2u);
  const GoldenEvent& r = g->must[0];
  EXPECT_EQ(r.source_code, "RUS");
  EXPECT_EQ(r.target_code, "USA");
  EXPECT_EQ(r.cameo, "042");
  EXPECT_EQ(r.places, (std::vector<std::string>{"Anchorage", "Alaska"}));
  EXPECT_EQ(r.modality, "");
  EXPECT_EQ(g->must[1].modality, "intended");
  EXPECT_EQ(g->must_not[1].plover, "ASSAULT");
}

TEST(GoldenEvents, RefusesBadRows) {
  auto no_events = ParseGoldenEvents(R"({"quotes": []})", "a.json");
  ASSERT_FALSE(no_events.ok());
  EXPECT_NE(no_events.status().message().find("a.json: no 'events'"), std::string::npos);
  auto no_cameo = ParseGoldenEvents(R"({"events": {"must": [{"source": "USA"}]}})", "b.json");
  ASSERT_FALSE(no_cameo.ok());
  EXPECT_NE(no_cameo.status().message().find("b.json: events.must[0]: "), std::string::npos);
  auto modality = ParseGoldenEvents(
      R"({"events": {"must": [{"cameo": "010", "modality": "wishful"}]}})", "c.json");
  ASSERT_FALSE(modality.ok());
  EXPECT_NE(modality.status().message().find("unknown modality 'wishful'"), std::string::npos);
  auto empty_not = ParseGoldenEvents(R"({"events": {"must_not": [{"why": "x"}]}})", "d.json");
  EXPECT_FALSE(empty_not.ok());
  EXPECT_FALSE(ParseGoldenEvents("{", "e.json").ok());
}

TEST(GoldenEvents, MustRowsFoundAndMissed) {
  auto g = ParseGoldenEvents(kExpected, "tiny.expected.json");
  ASSERT_TRUE(g.ok());
  Document doc = MakeDoc();
  auto& ev = doc.mutable_events();
  ev.push_back(MakeEvent("RUSGOV", "USA", "042", EventModality::kActual, 0));  // row 1
  ev.push_back(MakeEvent("USAGOV", "RUS", "036", EventModality::kIntended));   // row 2
  ev.push_back(MakeEvent("RUS", "USAGOV", "036", EventModality::kActual));     // row 3: modality
  GoldenEventScores s = ScoreGoldenEvents(*g, doc);
  EXPECT_EQ(s.must_expected, 3u);
  EXPECT_EQ(s.must_found, 2u);
  EXPECT_EQ(s.found_by, (std::vector<int32_t>{0, 1, -1}));
  EXPECT_EQ(s.nearest[2], 2);
  EXPECT_EQ(s.nearest_failures[2],
            (std::vector<std::string>{"modality actual, expected intended"}));
  EXPECT_EQ(s.must_not_rows, 2u);
  EXPECT_EQ(s.must_not_violations, 0u);
}

TEST(GoldenEvents, ActorPlaceAndPolarityCriteria) {
  auto g = ParseGoldenEvents(kExpected, "tiny.expected.json");
  ASSERT_TRUE(g.ok());
  const GoldenEvent& row = g->must[0];
  Document doc = MakeDoc();
  EXPECT_TRUE(GoldenEventMismatches(row, doc, MakeEvent("RUS", "USA", "042", {}, 0)).empty());
  // "US" is not a USA code; an uncoded source is not RUS.
  EXPECT_EQ(GoldenEventMismatches(row, doc, MakeEvent("", "US", "042", {}, 0)),
            (std::vector<std::string>{"source uncoded, expected RUS", "target US, expected USA"}));
  // No place, a wrong code, a negated event.
  Event e = MakeEvent("RUS", "USA", "043");
  e.polarity = EventPolarity::kNegated;
  EXPECT_EQ(GoldenEventMismatches(row, doc, e),
            (std::vector<std::string>{"negated", "cameo 043, expected 042",
                                      "place none, expected Anchorage / Alaska"}));
  // The place answers to its mention's words too, case-insensitively.
  doc.mutable_entities()[0].name = "Anchorage, Alaska";
  EXPECT_TRUE(GoldenEventMismatches(row, doc, MakeEvent("RUS", "USA", "042", {}, 0)).empty());
}

TEST(GoldenEvents, OneEventFindsOneRow) {
  auto g = ParseGoldenEvents(
      R"({"events": {"must": [{"source": "USA", "cameo": "010"}, {"source": "USA", "cameo": "010"}]}})",
      "dup.json");
  ASSERT_TRUE(g.ok());
  Document doc("x");
  doc.mutable_events().push_back(MakeEvent("USA", "RUS", "010"));
  EXPECT_EQ(ScoreGoldenEvents(*g, doc).must_found, 1u);
  doc.mutable_events().push_back(MakeEvent("USAGOV", "", "010"));
  EXPECT_EQ(ScoreGoldenEvents(*g, doc).must_found, 2u);
}

TEST(GoldenEvents, MustNotViolations) {
  auto g = ParseGoldenEvents(kExpected, "tiny.expected.json");
  ASSERT_TRUE(g.ok());
  Document doc = MakeDoc();
  Event negated = MakeEvent("USA", "RUS", "057");
  negated.polarity = EventPolarity::kNegated;  // "no deal was signed" is no violation
  doc.mutable_events().push_back(negated);
  EXPECT_EQ(ScoreGoldenEvents(*g, doc).must_not_violations, 0u);
  doc.mutable_events().push_back(MakeEvent("USA", "RUS", "057"));
  Event assault = MakeEvent("RUS", "UKR", "190");
  assault.plover = "assault";
  doc.mutable_events().push_back(assault);
  GoldenEventScores s = ScoreGoldenEvents(*g, doc);
  EXPECT_EQ(s.must_not_violations, 2u);
  EXPECT_EQ(s.violated_by[0], (std::vector<uint32_t>{1}));
  EXPECT_EQ(s.violated_by[1], (std::vector<uint32_t>{2}));
}

}  // namespace
}  // namespace parley
