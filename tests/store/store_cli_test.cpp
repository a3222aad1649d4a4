// parley ingest / parley query end to end through the binary.
#include <gtest/gtest.h>

#include <fstream>

#include "cli/cli_runner.h"
#include "store/store_test_util.h"

namespace parley {
namespace {

using testing::RunParley;
using testing::TempDir;

class StoreCli : public ::testing::Test {
 protected:
  void SetUp() override {
    corpus_ = dir_.File("in.jsonl");
    db_ = dir_.File("c.db");
    std::ofstream(corpus_)
        << "{\"id\": \"a\", \"date\": \"2025-01-02\", \"text\": \"Alpha met Beta.\"}\n"
        << "{\"id\": \"b\", \"source\": \"Wire\", \"text\": \"Gamma left.\\u001b[31m\"}\n"
        << "not json\n";
  }
  std::string Ingest() {
    return "ingest " + corpus_ + " --db " + db_ + " --stages repair,segment --threads 2";
  }
  TempDir dir_;
  std::string corpus_, db_;
};

TEST_F(StoreCli, IngestsOnceAndReportsRejectedRecords) {
  auto first = RunParley(Ingest());
  EXPECT_EQ(first.exit_code, 1) << first.err;  // one record rejected
  EXPECT_NE(first.err.find("in.jsonl:3"), std::string::npos) << first.err;
  EXPECT_NE(first.err.find("2 added"), std::string::npos) << first.err;
  auto second = RunParley(Ingest());
  EXPECT_EQ(second.exit_code, 1);
  EXPECT_NE(second.err.find("0 added"), std::string::npos) << second.err;
  EXPECT_NE(second.err.find("2 already stored"), std::string::npos) << second.err;

  auto stats = RunParley("query stats --json --db " + db_);
  ASSERT_EQ(stats.exit_code, 0) << stats.err;
  EXPECT_NE(stats.out.find("\"articles\": 2"), std::string::npos) << stats.out;
  EXPECT_NE(stats.out.find("\"rejected\": 1"), std::string::npos) << stats.out;
  EXPECT_NE(stats.out.find("\"ingest_runs\": 2"), std::string::npos) << stats.out;
}

TEST_F(StoreCli, QueryArgumentsAreDataAndErrorsHaveExitCodes) {
  ASSERT_EQ(RunParley(Ingest()).exit_code, 1);
  auto q = RunParley("query quotes --json --db " + db_ + " --text \"x'; DROP TABLE articles; --\"");
  EXPECT_EQ(q.exit_code, 0) << q.err;
  EXPECT_EQ(q.out, "[]\n");
  q = RunParley("query quotes --db " + db_ + " --speaker \"' OR 1=1 --\"");
  EXPECT_EQ(q.exit_code, 0) << q.err;
  EXPECT_EQ(
      RunParley("query stats --json --db " + db_).out.find("\"articles\": 2") != std::string::npos,
      true);

  EXPECT_EQ(RunParley("query quotes --db " + db_).exit_code, 2);  // no filter
  EXPECT_EQ(RunParley("query quotes --db " + db_ + " --from 2025-1-1").exit_code, 2);
  EXPECT_EQ(RunParley("query stats --db " + dir_.File("missing.db")).exit_code, 3);
  EXPECT_EQ(RunParley("ingest " + corpus_ + " --stages repair --db " + dir_.File("no/such/dir.db"))
                .exit_code,
            3);
}

TEST_F(StoreCli, TablesCarryNoControlCharacters) {
  ASSERT_EQ(RunParley(Ingest()).exit_code, 1);
  auto stats = RunParley("query stats --db " + db_);
  ASSERT_EQ(stats.exit_code, 0);
  EXPECT_NE(stats.out.find("Wire"), std::string::npos);
  for (char c : stats.out) EXPECT_TRUE(c == '\n' || static_cast<unsigned char>(c) >= 0x20);
}

}  // namespace
}  // namespace parley
