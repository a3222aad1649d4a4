// `parley eval quotes` and `parley train quotes` end to end: the report, the
// JSON line, exit codes, a clear message for an unknown stage; and PolNeAR
// dev when ../shared exists (its floors are in tests/quotes).
#include <gtest/gtest.h>
#include <simdjson.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "cli/cli_runner.h"
#include "parley/quote_eval.h"
#include "quotes/content_model.h"
#include "quotes/cue_model.h"

namespace parley {
namespace {

using testing::RunParley;
using testing::SourcePath;

std::string LastLine(const std::string& out) {
  size_t end = out.find_last_not_of('\n');
  if (end == std::string::npos) return "";
  size_t begin = out.rfind('\n', end);
  return out.substr(begin == std::string::npos ? 0 : begin + 1,
                    end + 1 - (begin == std::string::npos ? 0 : begin + 1));
}

TEST(EvalQuotesCli, GoldenWithoutAQuoteStage) {
  auto r =
      RunParley("eval quotes --golden " + SourcePath("tests/data/eval/golden_small.expected.json") +
                " --text " + SourcePath("tests/data/eval/golden_small.txt") +
                " --stages repair,segment --json --errors");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("no stage"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("missed:"), std::string::npos) << r.out;
  simdjson::dom::parser parser;
  simdjson::dom::element j;
  ASSERT_FALSE(parser.parse(LastLine(r.out)).get(j)) << r.out;
  EXPECT_EQ(uint64_t(j["quotes_expected"]), 2u);
  EXPECT_EQ(uint64_t(j["quotes_found"]), 0u);
  EXPECT_EQ(uint64_t(j["speakers_correct"]), 0u);
  EXPECT_EQ(uint64_t(j["extra"]), 0u);
  EXPECT_EQ(simdjson::dom::array(j["missed_ids"]).size(), 2u);
}

TEST(EvalQuotesCli, UnknownStageIsAUsageError) {
  auto r =
      RunParley("eval quotes --golden " + SourcePath("tests/data/eval/golden_small.expected.json") +
                " --text " + SourcePath("tests/data/eval/golden_small.txt") +
                " --stages repair,segment,no_such_stage");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("unknown stage 'no_such_stage'"), std::string::npos) << r.err;
}

TEST(EvalQuotesCli, NeedsAGoldSource) {
  EXPECT_EQ(RunParley("eval quotes").exit_code, 2);
  EXPECT_EQ(RunParley("eval quotes --golden x.json").exit_code, 2);  // --text missing
  EXPECT_EQ(RunParley("eval quotes --polnear d --golden x --text y").exit_code, 2);
}

TEST(EvalQuotesCli, PolnearFixtureReportsReadingProblems) {
  auto r = RunParley("eval quotes --polnear " + SourcePath("tests/data/eval/brat_small") +
                     " --stages repair,segment --threads 2 --json");
  EXPECT_EQ(r.exit_code, 1) << r.err;  // two bad .ann files, the rest scored
  EXPECT_NE(r.err.find("missing_text_cc33.ann"), std::string::npos) << r.err;
  simdjson::dom::parser parser;
  simdjson::dom::element j;
  ASSERT_FALSE(parser.parse(LastLine(r.out)).get(j)) << r.out;
  for (const char* key : {"content_p", "content_r", "content_f1", "source_f1", "cue_f1",
                          "exact_content_f1", "seconds"}) {
    EXPECT_FALSE(j[key].error()) << key;
  }
  EXPECT_EQ(uint64_t(j["counts"]["content"]["gold"]), 4u);
  EXPECT_EQ(uint64_t(j["per_kind"]["direct"]["gold"]), 2u);
  EXPECT_EQ(uint64_t(j["per_kind"]["mixed"]["gold"]), 1u);
  EXPECT_EQ(uint64_t(j["per_kind"]["indirect"]["gold"]), 1u);
  EXPECT_EQ(uint64_t(j["articles"]), 1u);
  EXPECT_EQ(uint64_t(j["annotations"]), 2u);
}

TEST(TrainQuotesCli, TrainsOnTheFixtureAndReportsReadingProblems) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("parley_train_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const std::string out = (dir / "cues.model").string();
  auto r = RunParley("train quotes --polnear " + SourcePath("tests/data/eval/brat_small") +
                     " --out " + out + " --threads 1");
  EXPECT_EQ(r.exit_code, 1) << r.err;  // two bad .ann files; the rest trains
  EXPECT_NE(r.err.find("missing_text_cc33.ann"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("wrote " + out), std::string::npos) << r.out;
  auto model = quotes::CueModel::Load(out);
  EXPECT_TRUE(model.ok()) << model.status().ToString();
  // The content-end model goes beside the cue model unless told otherwise.
  auto ends = quotes::ContentEndModel::Load((dir / "content.model").string());
  EXPECT_TRUE(ends.ok()) << ends.status().ToString();
  const std::string elsewhere = (dir / "ends.model").string();
  r = RunParley("train quotes --polnear " + SourcePath("tests/data/eval/brat_small") + " --out " +
                out + " --content-out " + elsewhere + " --threads 1");
  EXPECT_NE(r.out.find("wrote " + elsewhere), std::string::npos) << r.out;
  EXPECT_TRUE(quotes::ContentEndModel::Load(elsewhere).ok());
  fs::remove_all(dir);
}

TEST(TrainQuotesCli, RefusesAFolderWithNothingToLearn) {
  namespace fs = std::filesystem;
  const fs::path dir =
      fs::temp_directory_path() / ("parley_empty_split_" + std::to_string(::getpid()));
  fs::create_directories(dir / "text");
  fs::create_directories(dir / "attributions");
  auto r =
      RunParley("train quotes --polnear " + dir.string() + " --out " + (dir / "x.model").string());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("no verb candidates"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(dir / "x.model"));
  EXPECT_EQ(RunParley("train quotes --polnear " + (dir / "missing").string()).exit_code, 3);
  // A model folder that does not exist is refused before any training.
  auto r2 = RunParley("train quotes --polnear " + SourcePath("tests/data/eval/brat_small") +
                      " --out " + (dir / "nowhere" / "cues.model").string());
  EXPECT_EQ(r2.exit_code, 3);
  EXPECT_NE(r2.err.find("no folder"), std::string::npos) << r2.err;
  EXPECT_EQ(r2.out.find("trained on"), std::string::npos) << r2.out;
  fs::remove_all(dir);
}

// PolNeAR dev through the library, tokens only: every gold attribution is
// counted and no reading problem is reported. No floor yet.
TEST(EvalQuotesPolnearDev, ScoresEveryAnnotation) {
  const std::string dev = PARLEY_SHARED_DIR "/data/polnear/dev";
  if (!std::filesystem::is_directory(dev)) GTEST_SKIP() << "no PolNeAR dev at " << dev;
  auto pipeline = Pipeline::CreateDefault();
  ASSERT_TRUE(pipeline.ok());
  PolnearOptions o;
  o.threads = 2;
  auto r = EvalPolnear(dev, *pipeline, o);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_TRUE(r->errors.empty()) << r->errors.size()
                                 << " problems, first: " << r->errors[0].where.ToString() << " "
                                 << r->errors[0].status.message();
  EXPECT_GT(r->annotations, r->articles);  // some articles have several annotators
  EXPECT_GT(r->scores.content.gold, 2000u);
  EXPECT_EQ(r->scores.content.predicted, 0u);
  uint64_t by_kind = 0;
  for (const KindCounts& k : r->scores.per_kind) {
    EXPECT_GT(k.gold, 0u);
    by_kind += k.gold;
  }
  EXPECT_EQ(by_kind, r->scores.content.gold);
}

// The scorer on real gold: predictions copied from each annotation (content
// from its first to its last piece, the first source and cue piece) score
// every attribution as found, with right sources and cues.
TEST(EvalQuotesPolnearDev, GoldAsPredictionsScoresFull) {
  const std::string dev = PARLEY_SHARED_DIR "/data/polnear/dev";
  if (!std::filesystem::is_directory(dev)) GTEST_SKIP() << "no PolNeAR dev at " << dev;
  std::vector<RecordError> errors;
  auto docs = ReadBratFolder(dev, &errors);
  ASSERT_TRUE(docs.ok());
  auto pipeline = Pipeline::CreateDefault();
  ASSERT_TRUE(pipeline.ok());
  QuoteScores total;
  for (const BratDocument& d : *docs) {
    Document doc(d.text);
    ASSERT_TRUE(pipeline->Process(doc).ok());
    for (const GoldAttribution& g : d.attributions) {
      if (g.content.empty()) continue;
      Quote q;
      q.content = {g.content.front().begin, g.content.back().end};
      if (!g.source.empty()) q.speaker = g.source.front();
      if (!g.cue.empty()) q.cue = g.cue.front();
      q.kind = ClassifyGoldKind(d.text, g.content);
      doc.mutable_quotes().push_back(q);
    }
    total.Add(ScoreQuotes(doc, d.attributions));
  }
  // Spans around a cue take the cue's words too, so a few are not exact and
  // a few hulls overlap a neighbour better than their own attribution.
  EXPECT_GT(total.content.f1(), 0.99);
  EXPECT_GT(total.exact_content.f1(), 0.8);
  EXPECT_GT(total.source.f1(), 0.99);
  EXPECT_GT(total.cue.f1(), 0.99);
  EXPECT_GT(total.kind_agree, total.content.correct * 99 / 100);
}

}  // namespace
}  // namespace parley
