#include "pipeline/stage_registry.h"

#include "parley/events.h"
#include "parley/link.h"
#include "parley/ner.h"
#include "parley/parser.h"
#include "parley/quotes.h"
#include "parley/repair.h"
#include "parley/segment.h"
#include "parley/tagger.h"

namespace parley {

StatusOr<std::unique_ptr<Stage>> MakeStage(const std::string& name,
                                           const PipelineOptions& options) {
  if (name == "repair") return std::unique_ptr<Stage>(std::make_unique<RepairStage>());
  if (name == "segment") return std::unique_ptr<Stage>(std::make_unique<SegmentStage>());
  if (name == "tag") return MakeTagStage(options.ResolvedModelsDir());
  if (name == "parse") return MakeParseStage(options.ResolvedModelsDir());
  if (name == "ner") return MakeNerStage(options.ResolvedModelsDir());
  if (name == "entities") return MakeEntitiesStage();
  if (name == "link") return MakeLinkStage({options.ResolvedModelsDir(), options.actors_files});
  if (name == "quotes") return MakeQuoteStage(options.ResolvedModelsDir());
  if (name == "events") return MakeEventStage(options.ResolvedModelsDir());
  return InvalidArgument(
      "unknown stage '" + name +
      "' (known: repair, segment, tag, parse, ner, entities, link, quotes, events)");
}

}  // namespace parley
