// Event triple scoring on synthetic events: which predictions count, the
// multiset matching and its arithmetic, root codes.
#include <gtest/gtest.h>

#include "parley/event_eval.h"

namespace parley {
namespace {

Event MakeEvent(std::string source, std::string target, std::string cameo,
                EventPolarity polarity = EventPolarity::kAsserted,
                EventModality modality = EventModality::kActual) {
  Event e;
  e.source.code = std::move(source);
  e.target.code = std::move(target);
  e.cameo = std::move(cameo);
  e.polarity = polarity;
  e.modality = modality;
  return e;
}

TEST(EventScoring, CameoRoot) {
  EXPECT_EQ(CameoRoot("042"), "04");
  EXPECT_EQ(CameoRoot("0352"), "03");
  EXPECT_EQ(CameoRoot("1711"), "17");
  EXPECT_EQ(CameoRoot("2"), "2");
  EXPECT_EQ(CameoRoot(""), "");
}

TEST(EventScoring, PredictionsAreAssertedEventsWithBothCodes) {
  Document doc("text");
  auto& ev = doc.mutable_events();
  ev.push_back(MakeEvent("usagov ", "RUS", "042"));                       // 0: scored, normalised
  ev.push_back(MakeEvent("RUS", "USA", "057", EventPolarity::kNegated));  // 1: negated
  ev.push_back(MakeEvent("RUS", "", "010"));                              // 2: no target code
  ev.push_back(MakeEvent("", "USA", "010"));                              // 3: no source code
  ev.push_back(MakeEvent("USA", "RUS", "036", EventPolarity::kAsserted,
                         EventModality::kIntended));  // 4: any modality counts
  PredictedTriples p = CollectPredictedTriples(doc);
  ASSERT_EQ(p.triples.size(), 2u);
  EXPECT_EQ(p.triples[0], (EventTriple{"USAGOV", "RUS", "042"}));
  EXPECT_EQ(p.triples[1], (EventTriple{"USA", "RUS", "036"}));
  EXPECT_EQ(p.event, (std::vector<uint32_t>{0, 4}));
  EXPECT_EQ(p.negated, 1u);
  EXPECT_EQ(p.partial, 2u);
}

TEST(EventScoring, MultisetMatchingPerSentence) {
  const std::vector<EventTriple> gold = {
      {"USA", "CHN", "042"}, {"USA", "CHN", "042"}, {"CHN", "USA", "036"}};
  const std::vector<EventTriple> pred = {
      {"USA", "CHN", "042"}, {"USA", "CHN", "043"}, {"CHN", "USA", "036"}, {"CHN", "USA", "036"}};
  TripleMatches t, r;
  EventScores s = ScoreEventTriples(gold, pred, &t, &r);
  // Triples: one of the two gold 042s, the 036 once.
  EXPECT_EQ(s.triples.gold, 3u);
  EXPECT_EQ(s.triples.predicted, 4u);
  EXPECT_EQ(s.triples.correct, 2u);
  EXPECT_DOUBLE_EQ(s.triples.precision(), 0.5);
  EXPECT_DOUBLE_EQ(s.triples.recall(), 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(s.triples.f1(), 2 * 0.5 * (2.0 / 3.0) / (0.5 + 2.0 / 3.0));
  EXPECT_EQ(t.gold_to_pred, (std::vector<int32_t>{0, -1, 2}));
  EXPECT_EQ(t.pred_to_gold, (std::vector<int32_t>{0, -1, 2, -1}));
  // Roots keep the actors: 043 finds the second 042 as root 04.
  EXPECT_EQ(s.roots.correct, 3u);
  EXPECT_EQ(r.gold_to_pred, (std::vector<int32_t>{0, 1, 2}));
  EXPECT_EQ(r.pred_to_gold, (std::vector<int32_t>{0, 1, 2, -1}));
  // Codes alone: 042 and 036.
  EXPECT_EQ(s.codes.correct, 2u);
}

TEST(EventScoring, RootKeepsTheActors) {
  EventScores s = ScoreEventTriples({{"USA", "CHN", "042"}}, {{"CHN", "USA", "042"}});
  EXPECT_EQ(s.triples.correct, 0u);
  EXPECT_EQ(s.roots.correct, 0u);  // wrong direction is wrong at the root level too
  EXPECT_EQ(s.codes.correct, 1u);
}

TEST(EventScoring, NoGoldMakesEveryPredictionFalse) {
  EventScores s = ScoreEventTriples({}, {{"USA", "CHN", "042"}, {"USA", "CHN", "042"}});
  EXPECT_EQ(s.triples.gold, 0u);
  EXPECT_EQ(s.triples.predicted, 2u);
  EXPECT_EQ(s.triples.correct, 0u);
  EXPECT_EQ(s.triples.precision(), 0.0);
  EXPECT_EQ(s.triples.f1(), 0.0);
}

TEST(EventScoring, AddSumsCounts) {
  EventScores total;
  total.Add(ScoreEventTriples({{"A", "B", "010"}}, {{"A", "B", "010"}}));
  total.Add(ScoreEventTriples({{"A", "B", "020"}}, {{"A", "B", "021"}}));
  EXPECT_EQ(total.triples.gold, 2u);
  EXPECT_EQ(total.triples.predicted, 2u);
  EXPECT_EQ(total.triples.correct, 1u);
  EXPECT_EQ(total.roots.correct, 2u);
  EXPECT_DOUBLE_EQ(total.triples.f1(), 0.5);
  EXPECT_DOUBLE_EQ(total.roots.f1(), 1.0);
}

}  // namespace
}  // namespace parley
