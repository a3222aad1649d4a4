// Runs the event scorers on the gold sets in ../shared for tests, so that an
// accuracy floor is a few lines:
//
//   TEST(EventsAccuracy, Petr2Floor) {
//     std::string skip;
//     auto r = EvalSharedPetrarch("PETR2_GSR_validation.xml", &skip);
//     if (!r) GTEST_SKIP() << skip;
//     EXPECT_GE(r->scores.triples.f1(), 0.40);
//   }
//
// Both return nothing, with the reason in *skip, when ../shared or the events
// stage is absent; any other failure is a test failure.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <optional>
#include <string>

#include "parley/event_eval.h"

namespace parley::testing {

// The pipeline `parley eval events` runs by default.
inline StatusOr<Pipeline> EventEvalPipeline(std::string* skip) {
  PipelineOptions o;
  o.stages = {"repair", "segment", "tag", "parse", "ner", "entities", "link", "quotes", "events"};
  auto p = Pipeline::CreateDefault(o);
  if (!p.ok() && p.status().message().find("unknown stage 'events'") != std::string::npos)
    *skip = "no events stage yet: " + p.status().message();
  return p;
}

// ../shared/data/events/FILE, every evaluated record, two threads.
inline std::optional<PetrarchResult> EvalSharedPetrarch(const std::string& file,
                                                        std::string* skip) {
  const std::string path = PARLEY_SHARED_DIR "/data/events/" + file;
  if (!std::filesystem::exists(path)) {
    *skip = "no " + path;
    return std::nullopt;
  }
  auto pipeline = EventEvalPipeline(skip);
  if (!pipeline.ok()) {
    if (skip->empty()) ADD_FAILURE() << pipeline.status().ToString();
    return std::nullopt;
  }
  PetrarchOptions o;
  o.threads = 2;
  auto r = EvalPetrarch(path, *pipeline, o);
  if (!r.ok()) {
    ADD_FAILURE() << r.status().ToString();
    return std::nullopt;
  }
  return std::move(*r);
}

// ../shared/golden/NAME.expected.json against ../shared/golden/NAME.txt.
inline std::optional<GoldenEventsRun> EvalSharedGoldenEvents(const std::string& name,
                                                             std::string* skip) {
  const std::string base = PARLEY_SHARED_DIR "/golden/" + name;
  if (!std::filesystem::exists(base + ".expected.json") ||
      !std::filesystem::exists(base + ".txt")) {
    *skip = "no " + base + ".expected.json and .txt";
    return std::nullopt;
  }
  auto pipeline = EventEvalPipeline(skip);
  if (!pipeline.ok()) {
    if (skip->empty()) ADD_FAILURE() << pipeline.status().ToString();
    return std::nullopt;
  }
  auto r = EvalGoldenEvents(base + ".expected.json", base + ".txt", *pipeline);
  if (!r.ok()) {
    ADD_FAILURE() << r.status().ToString();
    return std::nullopt;
  }
  return std::move(*r);
}

}  // namespace parley::testing
