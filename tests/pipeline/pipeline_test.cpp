// Pipeline::ProcessBatch against Process: the same results, stage by stage
// order, and a failing document that skips only its own later stages.
#include "parley/pipeline.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

namespace parley {
namespace {

// Writes "<stage><text>" to a shared log; fails on a text containing "bad"
// when told to.
class LoggingStage final : public Stage {
 public:
  LoggingStage(std::string name, std::vector<std::string>* log, bool fail_on_bad)
      : name_(std::move(name)), log_(log), fail_on_bad_(fail_on_bad) {}
  std::string_view name() const override { return name_; }
  uint32_t requires_annotations() const override { return 0; }
  uint32_t provides_annotations() const override { return 0; }
  Status Process(Document& doc) const override {
    const std::string text(doc.text());
    if (fail_on_bad_ && text.find("bad") != std::string::npos) {
      return InvalidArgument("cannot take " + text);
    }
    log_->push_back(name_ + text);
    return Status::Ok();
  }

 private:
  std::string name_;
  std::vector<std::string>* log_;
  bool fail_on_bad_;
};

Pipeline MakePipeline(std::vector<std::string>* log) {
  std::vector<std::unique_ptr<Stage>> stages;
  stages.push_back(std::make_unique<LoggingStage>("first:", log, false));
  stages.push_back(std::make_unique<LoggingStage>("check:", log, true));
  stages.push_back(std::make_unique<LoggingStage>("last:", log, false));
  auto p = Pipeline::Create(std::move(stages));
  EXPECT_TRUE(p.ok());
  return std::move(*p);
}

TEST(Pipeline, BatchRunsStageByStageAndSkipsOnlyAFailedDocument) {
  std::vector<std::string> log;
  const Pipeline pipeline = MakePipeline(&log);
  Document a("a"), bad("bad"), c("c");
  std::vector<Document*> docs = {&a, &bad, &c};
  std::vector<Status> statuses(docs.size());
  StageTimes times;
  pipeline.ProcessBatch(docs, statuses, &times);
  EXPECT_EQ(log, (std::vector<std::string>{"first:a", "first:bad", "first:c", "check:a", "check:c",
                                           "last:a", "last:c"}));
  EXPECT_TRUE(statuses[0].ok());
  EXPECT_TRUE(statuses[2].ok());
  ASSERT_FALSE(statuses[1].ok());
  // The same located message as Process() gives.
  Document again("bad");
  EXPECT_EQ(statuses[1].message(), pipeline.Process(again).message());
  EXPECT_EQ(statuses[1].message(), "check:: cannot take bad");
  EXPECT_EQ(times.seconds.size(), 3u);
}

TEST(Pipeline, BatchOfNothingDoesNothing) {
  std::vector<std::string> log;
  const Pipeline pipeline = MakePipeline(&log);
  pipeline.ProcessBatch({}, {});
  EXPECT_TRUE(log.empty());
}

}  // namespace
}  // namespace parley
