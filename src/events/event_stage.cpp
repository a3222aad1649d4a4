// The "events" stage: temporal expressions, then events coded from the parse.
#include <memory>

#include "events/event_coder.h"
#include "events/event_dictionary.h"
#include "events/temporal.h"
#include "parley/events.h"

namespace parley {
namespace events {
namespace {

class EventStage : public Stage {
 public:
  explicit EventStage(EventDictionary dict) : dict_(std::move(dict)) {}
  std::string_view name() const override { return "events"; }
  uint32_t requires_annotations() const override {
    return kAnnTokens | kAnnSentences | kAnnTags | kAnnLemmas | kAnnParse | kAnnEntities;
  }
  uint32_t provides_annotations() const override { return kAnnTimes | kAnnEvents; }
  Status Process(Document& doc) const override {
    FindTimes(doc);
    CodeEvents(doc, dict_);
    return Status::Ok();
  }

 private:
  const EventDictionary dict_;
};

}  // namespace
}  // namespace events

StatusOr<std::unique_ptr<Stage>> MakeEventStage(const std::string& models_dir) {
  auto dict = events::EventDictionary::Load(models_dir);
  if (!dict.ok()) return dict.status();
  return std::unique_ptr<Stage>(std::make_unique<events::EventStage>(std::move(*dict)));
}

}  // namespace parley
