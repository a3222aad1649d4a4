// The "ner" stage: predicts with an immutable NerModel (shared by every
// thread) and applies the result as Document mentions. Predict and apply
// are separate functions so each can be tested alone.
#include "ner/ner_stage.h"

#include <algorithm>
#include <span>

#include "core/ascii.h"
#include "parley/ner.h"

namespace parley {
namespace ner {

// The tags whose capitalised words a headline always lowers: verbs and
// function words. Nouns and adjectives are lowered away from names only.
constexpr std::string_view kFunctionOrVerb[] = {"VERB", "AUX",   "ADP",   "DET", "PRON",
                                                "ADV",  "CCONJ", "SCONJ", "PART"};

NerInput InputOfDocument(const Document& doc, std::vector<std::string>* storage) {
  NerInput in;
  const size_t n = doc.tokens().size();
  in.forms.reserve(n);
  for (size_t i = 0; i < n; ++i) in.forms.push_back(doc.TokenForm(i));
  for (const Sentence& s : doc.sentences()) in.sentences.emplace_back(s.token_begin, s.token_end);
  // A headline in title case ("Trump Urges Supporters To Watch Polls In
  // Ohio") is read with the words the tagger took for common ones in lower
  // case, as the tagger read it (PosModel::HeadlineForms): otherwise every
  // capital looks like a name and the whole line becomes one entity.
  const TokenColumns& tk = doc.tokens();
  if (storage == nullptr || !doc.has(kAnnTags | kAnnLemmas) || tk.upos.size() != n ||
      tk.lemma.size() != n) {
    return in;
  }
  std::vector<uint32_t> common;  // capitalised words the tagger read as common ones
  for (const Sentence& s : doc.sentences()) {
    if (s.token_end > n || s.token_begin >= s.token_end) continue;
    const std::span<const std::string_view> forms(in.forms.data() + s.token_begin,
                                                  s.token_end - s.token_begin);
    if (!IsTitleCase(forms)) continue;
    for (uint32_t i = s.token_begin; i < s.token_end; ++i) {
      const std::string_view f = in.forms[i];
      const std::string_view lemma = doc.strings().Get(tk.lemma[i]);
      if (f.size() < 2 || f[0] < 'A' || f[0] > 'Z' ||
          std::none_of(f.begin() + 1, f.end(), [](char c) { return c >= 'a' && c <= 'z'; }) ||
          lemma.empty() || lemma[0] < 'a' || lemma[0] > 'z') {
        continue;
      }
      const std::string_view upos = doc.strings().Get(tk.upos[i]);
      if (!InList(kFunctionOrVerb, upos)) {
        // A noun or adjective next to a name may be part of it ("Grant
        // Young", "Bill Clinton").
        if (upos != "NOUN" && upos != "ADJ") continue;
        const auto proper = [&](uint32_t t) {
          return t >= s.token_begin && t < s.token_end && doc.strings().Get(tk.upos[t]) == "PROPN";
        };
        if (proper(i - 1) || proper(i + 1)) continue;
      }
      common.push_back(i);
    }
  }
  storage->clear();
  storage->reserve(common.size());  // (never reallocated below: the views stay valid)
  for (uint32_t i : common) in.forms[i] = storage->emplace_back(AsciiLower(in.forms[i]));
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
    std::vector<std::string> lowered;
    ApplyEntities(model_.Predict(InputOfDocument(doc, &lowered)), doc);
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
