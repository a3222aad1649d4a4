// The "ner" stage: predicts with an immutable NerModel (shared by every
// thread) and applies the result as Document mentions. Predict and apply
// are separate functions so each can be tested alone.
#include "ner/ner_stage.h"

#include "parley/ner.h"

namespace parley {
namespace ner {

NerInput InputOfDocument(const Document& doc) {
  NerInput in;
  const size_t n = doc.tokens().size();
  in.forms.reserve(n);
  for (size_t i = 0; i < n; ++i) in.forms.push_back(doc.TokenForm(i));
  for (const Sentence& s : doc.sentences()) in.sentences.emplace_back(s.token_begin, s.token_end);
  return in;
}

void ApplyEntities(const std::vector<EntitySpan>& spans, Document& doc) {
  std::vector<Mention>& out = doc.mutable_mentions();
  out.clear();
  out.reserve(spans.size());
  const TokenColumns& tk = doc.tokens();
  for (const EntitySpan& s : spans) {
    if (s.begin >= s.end || s.end > tk.size()) continue;
    Mention m;
    m.span = {tk.begin[s.begin], tk.end[s.end - 1]};
    m.token_begin = s.begin;
    m.token_end = s.end;
    m.type = doc.mutable_strings().Intern(TypeName(s.type));
    out.push_back(m);
  }
  doc.Mark(kAnnEntities);
}

namespace {

class NerStage : public Stage {
 public:
  explicit NerStage(NerModel model) : model_(std::move(model)) {}
  std::string_view name() const override { return "ner"; }
  uint32_t requires_annotations() const override { return kAnnTokens | kAnnSentences; }
  uint32_t provides_annotations() const override { return kAnnEntities; }
  Status Process(Document& doc) const override {
    ApplyEntities(model_.Predict(InputOfDocument(doc)), doc);
    return Status::Ok();
  }

 private:
  const NerModel model_;
};

}  // namespace
}  // namespace ner

StatusOr<std::unique_ptr<Stage>> MakeNerStage(const std::string& models_dir) {
  auto model = ner::NerModel::Load(models_dir + "/ner.model");
  if (!model.ok()) return model.status();
  return std::unique_ptr<Stage>(std::make_unique<ner::NerStage>(std::move(*model)));
}

}  // namespace parley
