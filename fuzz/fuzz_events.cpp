// Fuzzes the events stage's reader and coder: the event dictionary parser
// (user-edited trigger files; fuzz_petrarch_reader covers the scorer's
// reader), and the whole
// pipeline through events on arbitrary bytes, with a date taken from the
// input. Checks that spans stay inside the text and indices are in range.
#include <memory>
#include <string>
#include <string_view>

#include "events/event_dictionary.h"
#include "fuzz_check.h"
#include "parley/pipeline.h"

namespace {

const parley::Pipeline& FullPipeline() {
  static const parley::Pipeline* p = [] {
    parley::PipelineOptions o;
    o.stages = {"repair", "segment", "tag", "parse", "ner", "entities", "link", "quotes", "events"};
    o.models_dir = PARLEY_SOURCE_DIR "/models";
    auto made = parley::Pipeline::CreateDefault(o);
    CHECK(made.ok());
    return new parley::Pipeline(std::move(*made));
  }();
  return *p;
}

bool Inside(parley::Span s, size_t n) {
  return s.begin <= s.end && s.end <= n;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const std::string_view input(reinterpret_cast<const char*>(data) + 1, size - 1);
  switch (data[0] % 2) {
    case 0: {
      parley::events::EventDictionary d;
      parley::Status s = d.AddTriggers(input, "fuzz.tsv");
      if (!s.ok()) CHECK(s.message().rfind("fuzz.tsv:", 0) == 0);
      s = d.AddCameo(input, "fuzz.tsv");
      if (!s.ok()) CHECK(s.message().rfind("fuzz.tsv:", 0) == 0);
      return 0;
    }
    default: break;
  }
  parley::DocumentMeta meta;
  // A date from the first bytes, valid or not: resolution must cope.
  meta.date = std::string(input.substr(0, std::min<size_t>(10, input.size())));
  parley::Document doc{std::string(input), meta};
  if (!FullPipeline().Process(doc).ok()) return 0;
  const size_t n = doc.text().size();
  for (const parley::TimeExpression& t : doc.times()) {
    CHECK(Inside(t.span, n));
    CHECK(t.token_begin < t.token_end && t.token_end <= doc.tokens().size());
  }
  for (const parley::Event& e : doc.events()) {
    CHECK(Inside(e.trigger, n) && Inside(e.source.span, n) && Inside(e.target.span, n));
    CHECK(e.sentence < doc.sentences().size());
    CHECK(e.location < static_cast<int32_t>(doc.entities().size()));
    CHECK(e.source.entity < static_cast<int32_t>(doc.entities().size()));
    CHECK(e.target.entity < static_cast<int32_t>(doc.entities().size()));
    CHECK(e.quote < static_cast<int32_t>(doc.quotes().size()));
    CHECK(e.time < static_cast<int32_t>(doc.times().size()));
    CHECK(!e.cameo.empty());
    CHECK(e.confidence >= 0 && e.confidence <= 1);
  }
  return 0;
}
