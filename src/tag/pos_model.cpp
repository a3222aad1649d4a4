// PosModel (see pos_model.h): greedy decoding and the model file.
#include "tag/pos_model.h"

#include <algorithm>

#include "core/ascii.h"
#include "learn/model_io.h"
#include "tag/greedy_decoder.h"

namespace parley::tag {

PosModel::PosModel(std::vector<std::string> upos, std::vector<std::string> xpos,
                   WordTable dictionary, WordTable ambiguity, ContextLexicon contexts,
                   learn::SparseLinearModel weights, Lemmatizer lemmatizer)
    : upos_(std::move(upos)),
      xpos_(std::move(xpos)),
      dictionary_(std::move(dictionary)),
      ambiguity_(std::move(ambiguity)),
      contexts_(std::move(contexts)),
      weights_(std::move(weights)),
      packed_(learn::PackedLinearModel::Pack(weights_)),
      lemmatizer_(std::move(lemmatizer)) {
  for (const std::string& x : xpos_) lemma_class_.push_back(LemmaClassOf(x));
  for (size_t k = 0; k < upos_.size(); ++k) {
    if (upos_[k] == "PUNCT" && xpos_[k] == "HYPH") hyphen_label_ = static_cast<int32_t>(k);
  }
}

void PosModel::Tag(std::span<const std::string_view> forms, PosScratch* s) const {
  PrepareSentence(forms, {&ambiguity_, &contexts_}, s);
  const size_t n = forms.size();
  s->labels.resize(n);
  s->scores.resize(num_labels());
  auto choose = [this, s](size_t, const learn::FeatureVector& f) {
    std::fill(s->scores.begin(), s->scores.end(), 0);
    packed_.Score(f.data(), f.size(), s->scores.data());
    return ArgMax(s->scores.data(), s->scores.size());
  };
  DecodeGreedy(s, n, dictionary_, choose, s->labels.data());
}

bool PosModel::HeadlineForms(std::span<const std::string_view> forms,
                             std::vector<std::string>* storage,
                             std::vector<std::string_view>* out) const {
  auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
  auto lower = [](char c) { return c >= 'a' && c <= 'z'; };
  if (!IsTitleCase(forms)) return false;
  storage->clear();
  storage->reserve(forms.size());  // (never reallocated below: *out's views stay valid)
  out->assign(forms.begin(), forms.end());
  for (size_t i = 1; i < forms.size(); ++i) {
    const std::string_view f = forms[i];
    // ("A" the article too; "I" stays.)
    const bool article = f == "A";
    if (!article && (f.size() < 2 || !upper(f[0]) || !std::any_of(f.begin() + 1, f.end(), lower))) {
      continue;
    }
    const WordProfile* p = contexts_.Find(NormalForm(f));
    if (p == nullptr || p->capitalised == 0 || p->capitalised > 2) continue;
    std::string& l = storage->emplace_back(f);
    l[0] = static_cast<char>(l[0] - 'A' + 'a');
    (*out)[i] = l;
  }
  return true;
}

void PosModel::Write(learn::ModelWriter& w) const {
  w.Strings(upos_);
  w.Strings(xpos_);
  dictionary_.Save(w);
  ambiguity_.Save(w);
  contexts_.Save(w);
  weights_.Save(w);
  lemmatizer_.Save(w);
}

std::string PosModel::Serialize() const {
  learn::ModelWriter w("pos", kPosFeatureSet);
  Write(w);
  return w.bytes();
}

Status PosModel::Save(const std::string& path) const {
  learn::ModelWriter w("pos", kPosFeatureSet);
  Write(w);
  return w.WriteFile(path);
}

namespace {

StatusOr<PosModel> Read(learn::ModelReader& r) {
  std::vector<std::string> upos, xpos;
  PARLEY_RETURN_IF_ERROR(r.Strings(&upos));
  PARLEY_RETURN_IF_ERROR(r.Strings(&xpos));
  if (upos.empty() || upos.size() != xpos.size() || upos.size() >= kStartLabel) {
    return r.Corrupt("label lists");
  }
  WordTable dictionary, ambiguity;
  PARLEY_RETURN_IF_ERROR(dictionary.Load(r));
  for (uint64_t label : dictionary.values()) {
    if (label >= upos.size()) return r.Corrupt("tag dictionary label out of range");
  }
  PARLEY_RETURN_IF_ERROR(ambiguity.Load(r));
  ContextLexicon contexts;
  PARLEY_RETURN_IF_ERROR(contexts.Load(r));
  learn::SparseLinearModel weights;
  PARLEY_RETURN_IF_ERROR(weights.Load(r));
  if (weights.num_classes() != upos.size()) return r.Corrupt("class count differs from labels");
  Lemmatizer lemmatizer;
  PARLEY_RETURN_IF_ERROR(lemmatizer.Load(r));
  if (!r.at_end()) return r.Corrupt("trailing bytes");
  return PosModel(std::move(upos), std::move(xpos), std::move(dictionary), std::move(ambiguity),
                  std::move(contexts), std::move(weights), std::move(lemmatizer));
}

}  // namespace

StatusOr<PosModel> PosModel::Load(const std::string& path) {
  auto r = learn::ModelReader::Open(path, "pos", kPosFeatureSet);
  if (!r.ok()) return r.status();
  return Read(*r);
}

StatusOr<PosModel> PosModel::FromBytes(std::string bytes, std::string name) {
  auto r = learn::ModelReader::FromBytes(std::move(bytes), std::move(name), "pos", kPosFeatureSet);
  if (!r.ok()) return r.status();
  return Read(*r);
}

namespace {

bool WordChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         static_cast<unsigned char>(c) >= 0x80;
}
bool Digit(char c) {
  return c >= '0' && c <= '9';
}

}  // namespace

void PosModel::MarkGluedHyphens(std::span<const std::string_view> forms,
                                std::span<const uint8_t> space_after, uint16_t* labels) const {
  if (hyphen_label_ < 0 || space_after.size() != forms.size()) return;
  for (size_t i = 1; i + 1 < forms.size(); ++i) {
    if (forms[i] != "-" || space_after[i - 1] || space_after[i]) continue;
    if (forms[i - 1].empty() || forms[i + 1].empty()) continue;
    const char before = forms[i - 1].back(), after = forms[i + 1].front();
    // "26-27", "5-4": a range or a score, which the tagger tells apart.
    if (!WordChar(before) || !WordChar(after) || (Digit(before) && Digit(after))) continue;
    labels[i] = static_cast<uint16_t>(hyphen_label_);
  }
}

}  // namespace parley::tag
