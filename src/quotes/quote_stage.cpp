// The "quotes" stage: quotation marks, then attributions from the parse,
// then speaker resolution; writes Document::quotes().
#include "quotes/quote_stage.h"

#include <filesystem>
#include <memory>
#include <optional>

#include "parley/quotes.h"
#include "quotes/attribution.h"
#include "quotes/cue_lexicon.h"
#include "quotes/quote_marks.h"
#include "quotes/speakers.h"

namespace parley {
namespace quotes {

void ExtractQuotes(Document& doc, const CueLexicon& lexicon, QuoteModels models) {
  std::vector<MarkedQuote> marked = FindMarkedQuotes(doc);
  std::vector<Candidate> candidates = FindAttributions(doc, lexicon, models, marked);
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
  QuoteStage(CueLexicon lexicon, std::optional<CueModel> model, std::optional<ContentEndModel> ends)
      : lexicon_(std::move(lexicon)), model_(std::move(model)), ends_(std::move(ends)) {}
  std::string_view name() const override { return "quotes"; }
  uint32_t requires_annotations() const override {
    return kAnnTokens | kAnnSentences | kAnnParagraphs | kAnnTags | kAnnLemmas | kAnnParse |
           kAnnEntities;
  }
  uint32_t provides_annotations() const override { return kAnnQuotes; }
  Status Process(Document& doc) const override {
    ExtractQuotes(doc, lexicon_, {model_ ? &*model_ : nullptr, ends_ ? &*ends_ : nullptr});
    return Status::Ok();
  }

 private:
  const CueLexicon lexicon_;
  const std::optional<CueModel> model_;
  const std::optional<ContentEndModel> ends_;
};

// Loads `path` into *model when the file exists; leaves it empty otherwise.
template <typename Model>
Status LoadIfPresent(const std::string& path, std::optional<Model>* model) {
  if (!std::filesystem::exists(path)) return Status::Ok();
  auto loaded = Model::Load(path);
  if (!loaded.ok()) return loaded.status();
  *model = std::move(*loaded);
  return Status::Ok();
}

}  // namespace
}  // namespace quotes

StatusOr<std::unique_ptr<Stage>> MakeQuoteStage(const std::string& models_dir) {
  auto lexicon = quotes::CueLexicon::Load(models_dir + "/cues.tsv");
  if (!lexicon.ok()) return lexicon.status();
  // The learned models are optional: a models folder without cues.model (a
  // user's own lexicon only) decides verb cues by the lexicon, and without
  // content.model contents end where the parse ends them. One that is there
  // must load.
  std::optional<quotes::CueModel> model;
  std::optional<quotes::ContentEndModel> ends;
  if (Status s = quotes::LoadIfPresent(models_dir + "/cues.model", &model); !s.ok()) return s;
  if (Status s = quotes::LoadIfPresent(models_dir + "/content.model", &ends); !s.ok()) return s;
  return std::unique_ptr<Stage>(
      std::make_unique<quotes::QuoteStage>(std::move(*lexicon), std::move(model), std::move(ends)));
}

}  // namespace parley
