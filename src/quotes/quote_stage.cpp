// The "quotes" stage: quotation marks, then attributions from the parse,
// then speaker resolution; writes Document::quotes().
#include <memory>

#include "parley/quotes.h"
#include "quotes/attribution.h"
#include "quotes/cue_lexicon.h"
#include "quotes/quote_marks.h"
#include "quotes/speakers.h"

namespace parley {
namespace quotes {

void ExtractQuotes(Document& doc, const CueLexicon& lexicon) {
  std::vector<MarkedQuote> marked = FindMarkedQuotes(doc);
  std::vector<Candidate> candidates = FindAttributions(doc, lexicon, marked);
  ResolveSpeakers(doc, candidates);
  RolesFromDescriptions(doc, candidates);
  std::vector<Quote>& out = doc.mutable_quotes();
  out.clear();
  out.reserve(candidates.size());
  for (Candidate& c : candidates) out.push_back(std::move(c.quote));
  doc.Mark(kAnnQuotes);
}

namespace {

class QuoteStage : public Stage {
 public:
  explicit QuoteStage(CueLexicon lexicon) : lexicon_(std::move(lexicon)) {}
  std::string_view name() const override { return "quotes"; }
  uint32_t requires_annotations() const override {
    return kAnnTokens | kAnnSentences | kAnnParagraphs | kAnnTags | kAnnLemmas | kAnnParse |
           kAnnEntities;
  }
  uint32_t provides_annotations() const override { return kAnnQuotes; }
  Status Process(Document& doc) const override {
    ExtractQuotes(doc, lexicon_);
    return Status::Ok();
  }

 private:
  const CueLexicon lexicon_;
};

}  // namespace
}  // namespace quotes

StatusOr<std::unique_ptr<Stage>> MakeQuoteStage(const std::string& models_dir) {
  auto lexicon = quotes::CueLexicon::Load(models_dir + "/cues.tsv");
  if (!lexicon.ok()) return lexicon.status();
  return std::unique_ptr<Stage>(std::make_unique<quotes::QuoteStage>(std::move(*lexicon)));
}

}  // namespace parley
