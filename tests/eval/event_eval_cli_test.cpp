// `parley eval events` end to end: the report, the JSON line, exit codes,
// located reading errors; and the shared gold sets through the library when
// ../shared and the events stage exist (no accuracy floor yet).
#include <gtest/gtest.h>
#include <simdjson.h>

#include <string>

#include "cli/cli_runner.h"
#include "eval/event_eval_support.h"

namespace parley {
namespace {

using testing::RunParley;
using testing::SourcePath;

std::string LastLine(const std::string& out) {
  size_t end = out.find_last_not_of('\n');
  if (end == std::string::npos) return "";
  size_t begin = out.rfind('\n', end);
  begin = begin == std::string::npos ? 0 : begin + 1;
  return out.substr(begin, end + 1 - begin);
}

TEST(EvalEventsCli, PetrarchFixtureWithoutAnEventStage) {
  auto r = RunParley("eval events --petrarch-xml " +
                     SourcePath("tests/data/eval/coded_events_small.xml") +
                     " --stages repair,segment --threads 2 --json --errors");
  EXPECT_EQ(r.exit_code, 1) << r.err;  // four bad records, the rest scored
  EXPECT_NE(r.err.find("no stage"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("coded_events_small.xml:52: sentence 'BADDATE'"), std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("coded_events_small.xml:65: <EventCoding> outside"), std::string::npos)
      << r.err;
  EXPECT_NE(r.out.find("missed   USA -> CHN 042"), std::string::npos) << r.out;
  simdjson::dom::parser parser;
  simdjson::dom::element j;
  ASSERT_FALSE(parser.parse(LastLine(r.out)).get(j)) << r.out;
  for (const char* key :
       {"precision", "recall", "f1", "root_precision", "root_recall", "root_f1", "seconds"}) {
    EXPECT_FALSE(j[key].error()) << key;
  }
  EXPECT_EQ(uint64_t(j["sentences"]), 4u);
  EXPECT_EQ(uint64_t(j["gold"]), 4u);
  EXPECT_EQ(uint64_t(j["predicted"]), 0u);
  EXPECT_EQ(uint64_t(j["correct"]), 0u);
  EXPECT_EQ(uint64_t(j["rejected"]), 4u);
  EXPECT_EQ(uint64_t(j["skipped"]), 1u);
  EXPECT_EQ(uint64_t(j["per_category"]["OTHER"]["counts"]["gold"]), 3u);
}

TEST(EvalEventsCli, AllRecordsScoresSkippedOnes) {
  auto r = RunParley("eval events --petrarch-xml " +
                     SourcePath("tests/data/eval/coded_events_small.xml") +
                     " --stages repair,segment --all-records --json");
  simdjson::dom::parser parser;
  simdjson::dom::element j;
  ASSERT_FALSE(parser.parse(LastLine(r.out)).get(j)) << r.out;
  EXPECT_EQ(uint64_t(j["sentences"]), 5u);
  EXPECT_EQ(uint64_t(j["gold"]), 5u);
  EXPECT_EQ(uint64_t(j["skipped"]), 0u);
}

TEST(EvalEventsCli, GoldenWithoutAnEventStage) {
  auto r =
      RunParley("eval events --golden " +
                SourcePath("tests/data/eval/golden_events_small.expected.json") + " --text " +
                SourcePath("tests/data/eval/golden_small.txt") + " --stages repair,segment --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("must 2 MISSED: ESP -> ESP 036 CONSULT [intended] @ Madrid / Spain"),
            std::string::npos)
      << r.out;
  simdjson::dom::parser parser;
  simdjson::dom::element j;
  ASSERT_FALSE(parser.parse(LastLine(r.out)).get(j)) << r.out;
  EXPECT_EQ(uint64_t(j["must_expected"]), 2u);
  EXPECT_EQ(uint64_t(j["must_found"]), 0u);
  EXPECT_EQ(uint64_t(j["must_not_violations"]), 0u);
  EXPECT_EQ(simdjson::dom::array(j["missed_rows"]).size(), 2u);
}

TEST(EvalEventsCli, UsageAndInputErrors) {
  EXPECT_EQ(RunParley("eval events").exit_code, 2);
  EXPECT_EQ(RunParley("eval events --golden x.json").exit_code, 2);  // --text missing
  EXPECT_EQ(RunParley("eval events --petrarch-xml a --golden x --text y").exit_code, 2);
  auto r = RunParley("eval events --petrarch-xml " +
                     SourcePath("tests/data/eval/coded_events_small.xml") +
                     " --stages repair,segment,no_such_stage");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("unknown stage 'no_such_stage'"), std::string::npos) << r.err;
  EXPECT_EQ(RunParley("eval events --petrarch-xml /nonexistent.xml --stages repair").exit_code, 3);
  // A golden file without an events section is bad input.
  r = RunParley("eval events --golden " + SourcePath("tests/data/eval/golden_small.expected.json") +
                " --text " + SourcePath("tests/data/eval/golden_small.txt"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("no 'events'"), std::string::npos) << r.err;
}

// The shared gold sets end to end through the library. No floors yet; these
// check that every record is read and scored.
TEST(EvalEventsShared, Petr2Validation) {
  std::string skip;
  auto r = testing::EvalSharedPetrarch("PETR2_GSR_validation.xml", &skip);
  if (!r) GTEST_SKIP() << skip;
  // Two records of the file are bad (a date "121108", an empty <Text>).
  EXPECT_EQ(r->errors.size(), 2u);
  EXPECT_EQ(r->sentences, 76u);
  EXPECT_EQ(r->scores.triples.gold, 77u);
  EXPECT_LE(r->scores.triples.correct, r->scores.roots.correct);
}

TEST(EvalEventsShared, AnchorageGolden) {
  std::string skip;
  auto r = testing::EvalSharedGoldenEvents("anchorage", &skip);
  if (!r) GTEST_SKIP() << skip;
  EXPECT_EQ(r->scores.must_expected, 3u);
  EXPECT_EQ(r->scores.must_not_rows, 1u);
}

}  // namespace
}  // namespace parley
