// The "quotes" stage: quotation marks, then attributions from the parse,
// then speaker resolution; writes Document::quotes().
#include "quotes/quote_stage.h"

#include <algorithm>
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

namespace {

// Reported speech that opens a quotation and stops just before its close,
// the sentence's point in between ("… would “cut waste, not services" and
// then ".”"), ends after the closing mark: its text then shows the whole
// quotation, as PolNeAR's annotators mark it. Word tokens, and so the
// scores, are the same.
void CloseQuotations(const Document& doc, const std::vector<MarkedQuote>& marked,
                     std::vector<Candidate>& candidates) {
  const std::string_view text = doc.text();
  const TokenColumns& tk = doc.tokens();
  for (Candidate& c : candidates) {
    Quote& q = c.quote;
    if (q.kind == QuoteKind::kDirect || q.content.empty()) continue;
    for (const MarkedQuote& m : marked) {
      if (m.single || m.open_mark.empty() || m.close_mark.empty() ||
          m.open_mark.begin < q.content.begin || m.open_mark.end > q.content.end ||
          m.close_mark.begin < q.content.end || m.close_mark.begin > q.content.end + 3) {
        continue;
      }
      const std::string_view between =
          text.substr(q.content.end, m.close_mark.begin - q.content.end);
      if (between.find_first_not_of(".,!?;:") != std::string_view::npos) continue;
      q.content.end = m.close_mark.end;
      while (q.token_end < tk.size() && tk.end[q.token_end] <= q.content.end) ++q.token_end;
      break;
    }
  }
}

// A quote-first attribution whose content runs from narration through a
// colon into the quotation ("The professor pointed to a paradox: “…,” he
// suggested.", where the parse hung the narration's verb on the cue) is
// the quotation alone, a direct quote: the narration is the writer's. Not
// after "according to" ("Trump said: “…,” according to a lawmaker"),
// whose source attributes the narration's speech too, nor when the
// narration holds a quotation of its own.
void DropNarrationBeforeColon(const Document& doc, const std::vector<MarkedQuote>& marked,
                              std::vector<Candidate>& candidates) {
  const std::string_view text = doc.text();
  const TokenColumns& tk = doc.tokens();
  for (Candidate& c : candidates) {
    Quote& q = c.quote;
    if (q.kind == QuoteKind::kDirect || q.content.empty() || q.cue.empty() ||
        q.cue.begin < q.content.end || doc.strings().Get(q.cue_lemma) == "according to") {
      continue;
    }
    for (const MarkedQuote& m : marked) {
      if (m.single || m.open_mark.empty() || m.close_mark.empty() || m.content.empty() ||
          m.open_mark.begin <= q.content.begin || m.close_mark.end != q.content.end) {
        continue;
      }
      const std::string_view before =
          text.substr(q.content.begin, m.open_mark.begin - q.content.begin);
      const size_t last = before.find_last_not_of(" \t\n");
      if (last == std::string_view::npos || before[last] != ':') break;
      // (A quotation inside the narration would be lost with it.)
      const bool other = std::any_of(marked.begin(), marked.end(), [&](const MarkedQuote& o) {
        return o.content.begin >= q.content.begin && o.content.end <= m.open_mark.begin;
      });
      if (other) break;
      q.content = m.content;
      q.kind = QuoteKind::kDirect;
      while (q.token_begin < q.token_end && tk.begin[q.token_begin] < q.content.begin)
        ++q.token_begin;
      while (q.token_end > q.token_begin && tk.end[q.token_end - 1] > q.content.end) --q.token_end;
      break;
    }
  }
}

}  // namespace

void ExtractQuotes(Document& doc, const CueLexicon& lexicon, QuoteModels models) {
  std::vector<MarkedQuote> marked = FindMarkedQuotes(doc);
  std::vector<Candidate> candidates = FindAttributions(doc, lexicon, models, marked);
  CloseQuotations(doc, marked, candidates);
  DropNarrationBeforeColon(doc, marked, candidates);
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
