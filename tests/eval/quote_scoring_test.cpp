// ScoreQuotes on hand-built documents: Jaccard matching over word tokens,
// one gold to one prediction, source/cue overlap, per-kind counts; and the
// gold kind classifier.
#include <gtest/gtest.h>

#include <string>

#include "parley/pipeline.h"
#include "parley/quote_eval.h"

namespace parley {
namespace {

Document Segmented(const std::string& text) {
  auto p = Pipeline::CreateDefault();  // repair, segment: tokens are all scoring needs
  EXPECT_TRUE(p.ok()) << p.status().ToString();
  Document doc(text);
  EXPECT_TRUE(p->Process(doc).ok());
  return doc;
}

// The byte span of the n-th occurrence of `s` in `text`.
Span Find(std::string_view text, std::string_view s, int nth = 0) {
  size_t at = text.find(s);
  while (nth-- > 0) at = text.find(s, at + 1);
  EXPECT_NE(at, std::string_view::npos) << s;
  return {static_cast<uint32_t>(at), static_cast<uint32_t>(at + s.size())};
}

Quote MakeQuote(std::string_view text, std::string_view content, QuoteKind kind,
                std::string_view speaker = {}, std::string_view cue = {}) {
  Quote q;
  q.content = Find(text, content);
  q.kind = kind;
  if (!speaker.empty()) q.speaker = Find(text, speaker);
  if (!cue.empty()) q.cue = Find(text, cue);
  return q;
}

GoldAttribution Gold(std::string_view text, std::string_view content, std::string_view source,
                     std::string_view cue) {
  GoldAttribution g;
  if (!content.empty()) g.content = {Find(text, content)};
  if (!source.empty()) g.source = {Find(text, source)};
  if (!cue.empty()) g.cue = {Find(text, cue)};
  return g;
}

const std::string kText =
    "The mayor said the budget was balanced and fair. \u201CWe did it,\u201D she told "
    "reporters. Critics claimed the plan would fail.";

TEST(ScoreQuotes, MatchesByJaccardOneToOne) {
  Document doc = Segmented(kText);
  std::vector<GoldAttribution> gold = {
      Gold(kText, "the budget was balanced and fair", "The mayor", "said"),  // indirect
      Gold(kText, "\u201CWe did it,\u201D", "she", "told"),                  // direct
      Gold(kText, "the plan would fail", "Critics", "claimed"),              // indirect
      Gold(kText, "", "Critics", "claimed"),                                 // no content
  };
  auto& q = doc.mutable_quotes();
  // 4 of 6 words: matches g0, not exactly.
  q.push_back(
      MakeQuote(kText, "the budget was balanced", QuoteKind::kIndirect, "The mayor", "said"));
  // The same words as g1 without the quotation marks: an exact match; wrong speaker.
  q.push_back(MakeQuote(kText, "We did it", QuoteKind::kDirect, "reporters", "told"));
  // Overlaps no gold content.
  q.push_back(MakeQuote(kText, "Critics claimed", QuoteKind::kIndirect));
  // Jaccard 3/6 with g0 qualifies, but g0 went to the better prediction.
  q.push_back(MakeQuote(kText, "the budget was", QuoteKind::kMixed, "mayor"));

  std::vector<QuoteMatch> matches;
  QuoteScores s = ScoreQuotes(doc, gold, &matches);
  EXPECT_EQ(s.gold_without_content, 1u);
  EXPECT_EQ(s.content.gold, 3u);
  EXPECT_EQ(s.content.predicted, 4u);
  EXPECT_EQ(s.content.correct, 2u);
  EXPECT_NEAR(s.content.f1(), 2.0 * (2.0 / 4) * (2.0 / 3) / (2.0 / 4 + 2.0 / 3), 1e-12);
  EXPECT_EQ(s.exact_content.correct, 1u);
  // Source: P over the 3 predictions with a speaker, R over 3 gold with a source.
  EXPECT_EQ(s.source.gold, 3u);
  EXPECT_EQ(s.source.predicted, 3u);
  EXPECT_EQ(s.source.correct, 1u);
  EXPECT_EQ(s.cue.gold, 3u);
  EXPECT_EQ(s.cue.predicted, 2u);
  EXPECT_EQ(s.cue.correct, 2u);

  const KindCounts& direct = s.per_kind[static_cast<size_t>(QuoteKind::kDirect)];
  const KindCounts& indirect = s.per_kind[static_cast<size_t>(QuoteKind::kIndirect)];
  const KindCounts& mixed = s.per_kind[static_cast<size_t>(QuoteKind::kMixed)];
  EXPECT_EQ(direct.gold, 1u);
  EXPECT_EQ(direct.matched_gold, 1u);
  EXPECT_EQ(direct.predicted, 1u);
  EXPECT_EQ(direct.matched_predicted, 1u);
  EXPECT_EQ(indirect.gold, 2u);
  EXPECT_EQ(indirect.matched_gold, 1u);
  EXPECT_EQ(indirect.predicted, 2u);
  EXPECT_EQ(indirect.matched_predicted, 1u);
  EXPECT_EQ(mixed.gold, 0u);
  EXPECT_EQ(mixed.predicted, 1u);
  EXPECT_EQ(mixed.matched_predicted, 0u);
  EXPECT_DOUBLE_EQ(indirect.recall(), 0.5);
  EXPECT_EQ(s.kind_agree, 2u);

  ASSERT_EQ(matches.size(), 5u);  // 3 gold lines, 2 spurious predictions
  EXPECT_EQ(matches[0].predicted, 0);
  EXPECT_NEAR(matches[0].jaccard, 4.0 / 6, 1e-12);
  EXPECT_FALSE(matches[0].exact);
  EXPECT_TRUE(matches[0].source_correct);
  EXPECT_TRUE(matches[0].cue_correct);
  EXPECT_EQ(matches[1].predicted, 1);
  EXPECT_TRUE(matches[1].exact);
  EXPECT_FALSE(matches[1].source_correct);
  EXPECT_EQ(matches[2].gold, 2);
  EXPECT_EQ(matches[2].predicted, -1);
  EXPECT_EQ(matches[3].gold, -1);
  EXPECT_EQ(matches[3].predicted, 2);
  EXPECT_EQ(matches[4].predicted, 3);
}

TEST(ScoreQuotes, BelowHalfJaccardIsNoMatch) {
  Document doc = Segmented(kText);
  std::vector<GoldAttribution> gold = {
      Gold(kText, "the budget was balanced and fair", "The mayor", "said")};
  doc.mutable_quotes().push_back(MakeQuote(kText, "the budget", QuoteKind::kIndirect));  // 2/6
  QuoteScores s = ScoreQuotes(doc, gold);
  EXPECT_EQ(s.content.correct, 0u);
  EXPECT_EQ(s.content.f1(), 0.0);
}

TEST(ScoreQuotes, DiscontinuousGoldAndSumsAdd) {
  const std::string text = "The plan, critics argued, would cost too much.";
  Document doc = Segmented(text);
  GoldAttribution g;
  g.content = {Find(text, "The plan,"), Find(text, "would cost too much")};
  g.source = {Find(text, "critics")};
  // A prediction that takes the whole sentence: 6 gold words of 8.
  doc.mutable_quotes().push_back(MakeQuote(text, "The plan, critics argued, would cost too much",
                                           QuoteKind::kIndirect, "critics"));
  QuoteScores s = ScoreQuotes(doc, {g});
  EXPECT_EQ(s.content.correct, 1u);
  EXPECT_EQ(s.exact_content.correct, 0u);
  EXPECT_EQ(s.source.correct, 1u);
  QuoteScores total;
  total.Add(s);
  total.Add(s);
  EXPECT_EQ(total.content.correct, 2u);
  EXPECT_EQ(total.per_kind[static_cast<size_t>(QuoteKind::kIndirect)].matched_gold, 2u);
}

TEST(ScoreQuotes, NoPredictionsGivesZeroNotNan) {
  Document doc = Segmented(kText);
  QuoteScores s = ScoreQuotes(doc, {Gold(kText, "the plan would fail", "Critics", "claimed")});
  EXPECT_EQ(s.content.gold, 1u);
  EXPECT_EQ(s.content.precision(), 0.0);
  EXPECT_EQ(s.content.f1(), 0.0);
}

TEST(ScoreQuotes, SpansOutsideTheTextAreJustWrong) {
  Document doc = Segmented(kText);
  Quote q;
  q.content = {100000, 100020};
  q.speaker = {5, 2};  // reversed
  doc.mutable_quotes().push_back(q);
  QuoteScores s = ScoreQuotes(doc, {Gold(kText, "the plan would fail", "Critics", "claimed")});
  EXPECT_EQ(s.content.predicted, 1u);
  EXPECT_EQ(s.content.correct, 0u);
}

TEST(ClassifyGoldKind, DirectMixedIndirect) {
  const std::string t =
      "He said \u201Cwe are ready\u201D today. \u201CAll set,\u201D she said. They said it\u2019s "
      "\u2018fine\u2019 now. Plain words here. \"Yes,\" he said.";
  auto kind = [&](std::string_view s) { return ClassifyGoldKind(t, {Find(t, s)}); };
  EXPECT_EQ(kind("we are ready"), QuoteKind::kDirect);  // marks just outside the span
  EXPECT_EQ(kind("\u201CAll set,\u201D"), QuoteKind::kDirect);
  EXPECT_EQ(kind("He said \u201Cwe are ready\u201D today"), QuoteKind::kMixed);
  EXPECT_EQ(kind("it\u2019s \u2018fine\u2019 now"), QuoteKind::kMixed);
  EXPECT_EQ(kind("They said it\u2019s"), QuoteKind::kIndirect);  // an apostrophe
  EXPECT_EQ(kind("Plain words here"), QuoteKind::kIndirect);
  EXPECT_EQ(kind("\"Yes,\""), QuoteKind::kDirect);
  EXPECT_EQ(kind("Yes"), QuoteKind::kDirect);
  EXPECT_EQ(kind("he said"), QuoteKind::kIndirect);  // after a closing straight mark
  // A quote inside a quote does not end the outer one.
  const std::string nested = "\"We asked: \u201CAre you sure?\u201D and they agreed,\" he said.";
  EXPECT_EQ(ClassifyGoldKind(nested, {Find(nested, nested.substr(0, nested.find(" he")))}),
            QuoteKind::kDirect);
  // A quotation split around its cue: the second piece starts mid-quote.
  const std::string split =
      "\u201CWe tried. Really, we did,\u201D she said. \u201CNobody listened.\u201D";
  EXPECT_EQ(
      ClassifyGoldKind(split, {Find(split, "\u201CWe tried."), Find(split, "Really, we did,\u201D"),
                               Find(split, "\u201CNobody listened.\u201D")}),
      QuoteKind::kDirect);
  // Two quoted pieces of one attribution.
  EXPECT_EQ(ClassifyGoldKind(t, {Find(t, "we are ready"), Find(t, "\u201CAll set,\u201D")}),
            QuoteKind::kDirect);
}

}  // namespace
}  // namespace parley
