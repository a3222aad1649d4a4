// Fuzzes the quotes stage's readers and passes: the cue lexicon parser (a
// user-edited file), the cue and content-end model readers (binary files) and quotation-mark
// pairing plus attribution over the whole pipeline, on arbitrary bytes. Checks that every span
// stays inside the text and nesting points backwards.
#include <memory>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "parley/pipeline.h"
#include "quotes/content_model.h"
#include "quotes/cue_lexicon.h"
#include "quotes/cue_model.h"
#include "quotes/quote_marks.h"

namespace {

const parley::Pipeline& FullPipeline() {
  static const parley::Pipeline* p = [] {
    parley::PipelineOptions o;
    o.stages = {"repair", "segment", "tag", "parse", "ner", "quotes"};
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
  if (data[0] % 3 == 0) {
    auto lex = parley::quotes::CueLexicon::Parse(input, "fuzz.tsv");
    if (lex.ok()) (void)lex->Verb("say");
    return 0;
  }
  if (data[0] % 3 == 2) {
    auto model = parley::quotes::CueModel::FromBytes(std::string(input), "fuzz.model");
    if (model.ok()) (void)model->IsCueLemma("say");
    auto ends = parley::quotes::ContentEndModel::FromBytes(std::string(input), "fuzz.model");
    if (ends.ok()) (void)ends->Best({parley::learn::FeatureVector()}, 0);
    return 0;
  }
  parley::Document doc{std::string(input)};
  if (!FullPipeline().Process(doc).ok()) return 0;
  const size_t n = doc.text().size();
  for (const parley::quotes::MarkedQuote& q : parley::quotes::FindMarkedQuotes(doc)) {
    CHECK(Inside(q.content, n));
  }
  for (size_t i = 0; i < doc.quotes().size(); ++i) {
    const parley::Quote& q = doc.quotes()[i];
    CHECK(Inside(q.content, n) && Inside(q.cue, n) && Inside(q.speaker, n));
    CHECK(Inside(q.channel, n) && Inside(q.continued, n));
    CHECK(q.token_begin <= q.token_end && q.token_end <= doc.tokens().size());
    CHECK(q.nested_in < static_cast<int32_t>(i));
    CHECK(q.confidence >= 0 && q.confidence <= 1);
    CHECK(q.speaker_entity < static_cast<int32_t>(doc.entities().size()));
  }
  return 0;
}
