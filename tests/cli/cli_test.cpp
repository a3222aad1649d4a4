// The command line: help, version, exit codes, streams and bad input.
#include <gtest/gtest.h>
#include <simdjson.h>

#include <algorithm>
#include <filesystem>

#include "cli/cli_runner.h"

namespace parley {
namespace {

using testing::RunParley;
using testing::SourcePath;

TEST(Cli, HelpAndVersion) {
  auto help = RunParley("--help");
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("extract"), std::string::npos);
  EXPECT_NE(help.out.find("bench"), std::string::npos);
  for (const char* cmd :
       {"extract --help", "eval --help", "eval tokenize --help", "bench --help"}) {
    auto r = RunParley(cmd);
    EXPECT_EQ(r.exit_code, 0) << cmd;
    EXPECT_NE(r.out.find("Usage"), std::string::npos) << cmd;
  }
  auto v = RunParley("--version");
  EXPECT_EQ(v.exit_code, 0);
  EXPECT_NE(v.out.find("parley "), std::string::npos);
}

TEST(Cli, UsageErrorsExitTwo) {
  EXPECT_EQ(RunParley("").exit_code, 2);
  EXPECT_EQ(RunParley("frobnicate").exit_code, 2);
  EXPECT_EQ(RunParley("extract --format yaml -").exit_code, 2);
  EXPECT_EQ(RunParley("extract --input-format nope -").exit_code, 2);
  EXPECT_EQ(RunParley("extract --field bogus=x -").exit_code, 2);
  EXPECT_EQ(RunParley("bench").exit_code, 2);  // --input is required
}

TEST(Cli, StdinJsonlStreamsOneRecordPerLine) {
  std::string in =
      "{\"id\":\"a\",\"date\":\"2024-01-02\",\"text\":\"One sentence. Another one.\"}\n"
      "{\"id\":\"b\",\"text\":\"Short.\"}\n";
  auto r = RunParley("extract -q -", in);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  simdjson::dom::parser parser;
  size_t records = 0;
  size_t pos = 0;
  while (pos < r.out.size()) {
    size_t nl = r.out.find('\n', pos);
    ASSERT_NE(nl, std::string::npos);
    simdjson::dom::element rec;
    ASSERT_FALSE(parser.parse(r.out.substr(pos, nl - pos)).get(rec));
    ++records;
    pos = nl + 1;
  }
  EXPECT_EQ(records, 2u);
  EXPECT_NE(r.out.find("\"id\":\"a\""), std::string::npos);
  EXPECT_NE(r.out.find("\"date\":\"2024-01-02\""), std::string::npos);
}

TEST(Cli, BadRecordsAreReportedAndTheRunGoesOn) {
  std::string in =
      "{\"id\":\"a\",\"text\":\"Fine.\"}\n"
      "{\"id\":\"b\",\"text\":\n"  // malformed
      "{\"id\":\"c\"}\n"           // no text
      "{\"id\":\"d\",\"text\":\"Also fine.\"}\n";
  auto r = RunParley("extract --errors -", in);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("\"id\":\"a\""), std::string::npos);
  EXPECT_NE(r.out.find("\"id\":\"d\""), std::string::npos);
  EXPECT_NE(r.out.find("\"where\":\"-:2\""), std::string::npos);
  EXPECT_NE(r.out.find("\"where\":\"-:3\""), std::string::npos);
  EXPECT_NE(r.err.find("-:2"), std::string::npos);
  EXPECT_NE(r.err.find("4 read, 2 extracted, 2 rejected"), std::string::npos) << r.err;
}

TEST(Cli, MissingInputIsAnIoErrorButOthersAreRead) {
  auto r = RunParley("extract -q /nonexistent/file.txt " + SourcePath("examples/anchorage.txt"));
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.out.find("\"date\":\"2025-08-16\""), std::string::npos);
  EXPECT_NE(r.err.find("/nonexistent/file.txt"), std::string::npos);
}

TEST(Cli, TextFormatIsReadable) {
  auto r = RunParley("extract -q --format text " + SourcePath("examples/anchorage.txt"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("2025-08-16"), std::string::npos);
  EXPECT_NE(r.out.find("11 paragraphs"), std::string::npos);
  EXPECT_NE(r.out.find("keyboard_layout"), std::string::npos);
}

TEST(Cli, ConlluFormatHasOneRowPerToken) {
  auto r = RunParley("extract -q --format conllu --stages repair,segment,tag,parse -",
                     "Lee said the long-term plan failed. He left.\n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("# text = Lee said the long-term plan failed.\n"), std::string::npos);
  EXPECT_NE(r.out.find("5\t-\t-\tPUNCT\tHYPH\t_\t"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("# sent_id = "), std::string::npos);
  size_t rows = 0, roots = 0;
  for (size_t at = 0; (at = r.out.find('\n', at)) != std::string::npos; ++at) {
    const size_t next = r.out.find('\n', at + 1);
    const std::string line = r.out.substr(at + 1, next == std::string::npos ? 0 : next - at - 1);
    if (line.empty() || line[0] == '#') continue;
    ++rows;
    roots += line.find("\t0\troot\t") != std::string::npos;
  }
  EXPECT_EQ(rows, 12u);  // 9 + 3 tokens
  EXPECT_EQ(roots, 2u);  // a tree per sentence
}

TEST(Cli, TrainParseWithExtraSentencesAndABeamThenScoreAndWriteTrees) {
  const std::string fixture = SourcePath("tests/data/parse/fixture.conllu");
  const std::string dir = ::testing::TempDir() + "/parley_cli_parse";
  std::filesystem::create_directories(dir);
  // The fixture again as "extra" sentences: taken as they are, counted.
  auto r = RunParley("train parse --train " + fixture + " --extra " + fixture +
                     " --tags gold --epochs 2 --beam 2 --min-feature-count 1 --out " + dir +
                     "/parse.model");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("extra: " + fixture + " (7 sentences, tags and trees as given)"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("trained on 12 "), std::string::npos) << r.out;  // 2 x 6 projective
  r = RunParley("eval parse --tags gold --models " + dir + " --gold " + fixture + " --output " +
                dir + "/out.conllu");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string trees = testing::ReadFile(dir + "/out.conllu");
  size_t rows = 0, blocks = 0;
  for (size_t at = 0, next; at < trees.size(); at = next + 1) {
    next = std::min(trees.find('\n', at), trees.size());
    if (next == at)
      ++blocks;  // the blank line after a sentence
    else if (trees[at] != '#')
      ++rows;  // a token row
  }
  EXPECT_EQ(rows, 46u);
  EXPECT_EQ(blocks, 7u);
  // An output that cannot be written is an I/O error.
  EXPECT_EQ(RunParley("eval parse --tags gold --models " + dir + " --gold " + fixture +
                      " --output /nonexistent/dir/out.conllu")
                .exit_code,
            3);
  // A missing extra file is an I/O error; a beam of 0 a usage error.
  EXPECT_EQ(RunParley("train parse --train " + fixture +
                      " --extra /nonexistent.conllu --tags gold "
                      "--out " +
                      dir + "/x.model")
                .exit_code,
            3);
  EXPECT_EQ(
      RunParley("train parse --train " + fixture + " --beam 0 --out " + dir + "/x.model").exit_code,
      2);
  std::filesystem::remove_all(dir);
}

TEST(Cli, BenchPrintsJsonFields) {
  auto r = RunParley("bench -q --json --input " + SourcePath("examples/anchorage.txt"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string out = r.out;
  while (!out.empty() && out.back() == '\n') out.pop_back();
  std::string last = out.substr(out.rfind('\n') + 1);
  simdjson::dom::parser parser;
  simdjson::dom::element rec;
  ASSERT_FALSE(parser.parse(last).get(rec)) << last;
  for (const char* f : {"articles", "mb", "seconds", "mb_per_s", "tokens_per_s", "articles_per_s",
                        "peak_rss_mb", "stage_seconds"}) {
    EXPECT_FALSE(rec[f].error()) << f;
  }
  EXPECT_EQ(uint64_t(rec["articles"]), 1u);
}

}  // namespace
}  // namespace parley
