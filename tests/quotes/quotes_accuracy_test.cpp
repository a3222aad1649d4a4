// Accuracy floors of the quotes stage on the data in ../shared (skipped when
// it is absent): the golden article and PolNeAR dev. Floors sit about one
// point under the last measured score (bench/RESULTS.md); raise them when the
// extractor improves.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "parley/pipeline.h"
#include "parley/quote_eval.h"
#include "parley/reader.h"

namespace parley {
namespace {

const std::string kShared = PARLEY_SHARED_DIR;

Pipeline FullPipeline() {
  PipelineOptions options;
  options.stages = {"repair", "segment", "tag", "parse", "ner", "entities", "link", "quotes"};
  options.models_dir = std::string(PARLEY_SOURCE_DIR) + "/models";
  auto p = Pipeline::CreateDefault(options);
  EXPECT_TRUE(p.ok()) << p.status().message();
  return std::move(*p);
}

TEST(QuotesAccuracy, GoldenArticleEveryAttributionAndSpeaker) {
  const std::string expected_path = kShared + "/golden/anchorage.expected.json";
  const std::string text_path = kShared + "/golden/anchorage.txt";
  if (!std::ifstream(expected_path)) GTEST_SKIP() << expected_path << " not present";
  auto expected = ReadGoldenQuotes(expected_path);
  ASSERT_TRUE(expected.ok()) << expected.status().message();
  // Read the article the way `parley extract` does (dated text format).
  auto reader = Reader::Open({text_path});
  InputRecord record;
  RecordError error;
  ASSERT_EQ(reader->Next(&record, &error), Reader::Result::kRecord);
  Document doc(std::move(record.text), std::move(record.meta));
  Pipeline pipeline = FullPipeline();
  ASSERT_TRUE(pipeline.Process(doc).ok());
  GoldenScores s = ScoreGoldenQuotes(*expected, doc);
  EXPECT_EQ(s.quotes_found, s.quotes_expected);
  EXPECT_EQ(s.speakers_correct, s.quotes_expected);
  EXPECT_EQ(s.extra, 0u);
  // The analyst, never named with a title, gets his role from the
  // descriptions that resolve to him ("the political analyst").
  bool analyst = false;
  for (const Entity& e : doc.entities()) {
    if (e.name == "Baigaliyev") analyst = e.links.role == "political analyst";
  }
  EXPECT_TRUE(analyst);
}

TEST(QuotesAccuracy, PolnearDevFloors) {
  const std::string dev = kShared + "/data/polnear/dev";
  if (!std::ifstream(dev + "/../README.md")) GTEST_SKIP() << dev << " not present";
  Pipeline pipeline = FullPipeline();
  PolnearOptions options;
  options.threads = 2;
  auto result = EvalPolnear(dev, pipeline, options);
  ASSERT_TRUE(result.ok()) << result.status().message();
  const QuoteScores& s = result->scores;
  // Measured 2026-11-26 with the learned cue and content-end models, on the
  // parser uptrained on news: content F1 0.7005, source F1 0.6662, cue F1
  // 0.6705; after the dateline rule (models retrained): 0.7014, 0.6652,
  // 0.6701; after "that" clauses the parse hung elsewhere, clauses of time,
  // titled names and participles on a setting (models retrained): 0.7038,
  // 0.6717, 0.6710; with block quotes: 0.7044, 0.6727, 0.6720; with
  // settings before "X said," (retrained): 0.7063, 0.6726, 0.6720; with
  // one-word filters: 0.7067, 0.6730, 0.6723; 2026-11-27, speakers kept to
  // noun phrases (retrained): 0.7058, 0.6736, 0.6729; with parse repairs
  // around the cue and settings after its object (retrained): 0.7129,
  // 0.6813, 0.6771; with more repairs and settings on the object
  // (retrained): 0.7153, 0.6902, 0.6818; with the cue model's context
  // features and 7 epochs (retrained): 0.7168, 0.6929, 0.6859; with the
  // cut before another speaker, datelines, relative clauses and days off
  // speakers (retrained): 0.7183, 0.6956, 0.6873; 2026-11-27 later, with
  // asides, participles after a content, "said as much", paragraphs of one
  // long line and subjects after a relative clause (retrained): 0.7253,
  // 0.7066, 0.6962; with the dash quotation, clauses of time after a quote
  // and cues eight tokens before the mark: 0.7261, 0.7079, 0.6975; with a
  // conjunct in the content's tense, descriptions below a relative clause,
  // lists of infinitives and of "that" clauses and phrases parsed as
  // clauses (retrained): 0.7300, 0.7125, 0.7029 (seeds 1-6: mean 0.7247,
  // 0.7071, 0.6973); with participles after a reported complement and
  // verbs tagged as plural nouns ("estimates that", "plans to"): 0.7322,
  // 0.7143, 0.7046; with a noun's clause parsed as a relative clause and
  // "said that in 1998": 0.7329, 0.7151, 0.7053. Floors about a point
  // under the last measured.
  EXPECT_GE(s.content.f1(), 0.7229);
  EXPECT_GE(s.source.f1(), 0.7051);
  EXPECT_GE(s.cue.f1(), 0.6953);
}

}  // namespace
}  // namespace parley
