// The "tag" stage: applies a PosModel to a Document. Prediction (PosModel::Tag
// and Lemma) is pure; this file only feeds it the normalised token forms
// sentence by sentence and writes the results into the token columns.
#include <memory>
#include <string_view>
#include <vector>

#include "parley/tagger.h"
#include "tag/pos_model.h"

namespace parley {
namespace {

class TagStage final : public Stage {
 public:
  explicit TagStage(std::shared_ptr<const tag::PosModel> model) : model_(std::move(model)) {}

  std::string_view name() const override { return "tag"; }
  uint32_t requires_annotations() const override { return kAnnTokens | kAnnSentences; }
  uint32_t provides_annotations() const override { return kAnnTags | kAnnLemmas; }

  Status Process(Document& doc) const override {
    const size_t n = doc.tokens().size();
    // Label -> string id, interned on first use: a document's ids come from
    // its own store, and most documents use a fraction of the labels.
    std::vector<uint32_t> upos_id(model_->num_labels(), StringStore::kMissing);
    std::vector<uint32_t> xpos_id(model_->num_labels(), StringStore::kMissing);
    std::vector<uint32_t> upos(n, 0), xpos(n, 0), lemma(n, 0);
    std::vector<std::string_view> forms, headline;
    std::vector<std::string> headline_storage;
    // Per thread and kept between documents: its caches of word scores and
    // lemmas (tag/pos_features.h) pay off over many documents, not within
    // one.
    static thread_local tag::PosScratch scratch;
    tag::LemmaScratch lemma_scratch;
    StringStore& strings = doc.mutable_strings();

    const TokenColumns& columns = doc.tokens();
    std::vector<uint8_t> space_after;
    auto run = [&](size_t begin, size_t end) {
      forms.clear();
      space_after.clear();
      for (size_t i = begin; i < end; ++i) {
        forms.push_back(doc.TokenForm(i));
        space_after.push_back(i < columns.space_after.size() ? columns.space_after[i] : 1);
      }
      // (A headline is read with its common words in lower case.)
      const std::vector<std::string_view>& read =
          model_->HeadlineForms(forms, &headline_storage, &headline) ? headline : forms;
      model_->Tag(read, &scratch);
      model_->MarkGluedHyphens(forms, space_after, scratch.labels.data());
      for (size_t i = begin; i < end; ++i) {
        uint16_t label = scratch.labels[i - begin];
        if (upos_id[label] == StringStore::kMissing) {
          upos_id[label] = strings.Intern(model_->upos(label));
          xpos_id[label] = strings.Intern(model_->xpos(label));
        }
        upos[i] = upos_id[label];
        xpos[i] = xpos_id[label];
        lemma[i] = strings.Intern(
            model_->CachedLemma(&scratch, i - begin, read[i - begin], label, &lemma_scratch));
      }
    };
    // Tokens outside every sentence (there should be none) are tagged as
    // sentences of their own, so every token gets a tag.
    size_t next = 0;
    for (const Sentence& s : doc.sentences()) {
      if (s.token_begin < next || s.token_end < s.token_begin || s.token_end > n) {
        return InvalidArgument("tag: sentence token range out of order or out of bounds");
      }
      if (s.token_begin > next) run(next, s.token_begin);
      run(s.token_begin, s.token_end);
      next = s.token_end;
    }
    if (next < n) run(next, n);

    TokenColumns& tokens = doc.mutable_tokens();
    tokens.upos = std::move(upos);
    tokens.xpos = std::move(xpos);
    tokens.lemma = std::move(lemma);
    doc.Mark(kAnnTags | kAnnLemmas);
    return Status::Ok();
  }

 private:
  std::shared_ptr<const tag::PosModel> model_;
};

}  // namespace

StatusOr<std::unique_ptr<Stage>> MakeTagStage(const std::string& models_dir) {
  auto model = tag::PosModel::Load(models_dir + "/pos.model");
  if (!model.ok()) return model.status();
  return std::unique_ptr<Stage>(
      std::make_unique<TagStage>(std::make_shared<const tag::PosModel>(std::move(*model))));
}

}  // namespace parley
