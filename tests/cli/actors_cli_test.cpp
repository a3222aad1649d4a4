// `parley extract --actors FILE`: a malformed actors file stops the run with
// a usage error naming the file, line and problem.
#include <gtest/gtest.h>

#include <fstream>

#include "cli/cli_runner.h"

namespace parley::testing {
namespace {

TEST(ActorsFlag, MalformedFileIsALocatedUsageError) {
  std::string path = ::testing::TempDir() + "cli_bad_actors.tsv";
  std::ofstream(path) << "# mine\nactor\tjo\tPERSON\tJo Smith\n";
  // The link stage is built before the pipeline's chain is checked, so this
  // needs no NER model.
  auto r = RunParley("extract -q --stages repair,segment,entities,link --actors " + path + " " +
                     SourcePath("examples/anchorage.txt"));
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find(path + ":2: type 'PERSON' is not one of"), std::string::npos) << r.err;
}

TEST(ActorsFlag, MissingFileIsRefused) {
  auto r = RunParley("extract -q --actors /nonexistent/actors.tsv " +
                     SourcePath("examples/anchorage.txt"));
  EXPECT_EQ(r.exit_code, 2) << r.err;
}

}  // namespace
}  // namespace parley::testing
