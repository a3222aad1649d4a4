// PosModel (see pos_model.h): greedy decoding and the model file.
#include "tag/pos_model.h"

#include <algorithm>
#include <atomic>

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
  static std::atomic<uint64_t> next_id{1};
  id_ = next_id.fetch_add(1);
}

namespace {

// The cache key of FeaturePart `part` of token i: the form of the word the
// part reads, whether that is a padding slot beyond the sentence edge (no
// flags), and for the word's own part whether it starts the sentence.
uint64_t PartKey(const PosScratch& s, size_t i, uint32_t part) {
  const size_t at =
      i + PosScratch::kPad + (part == kAfterPart ? 1 : 0) - (part == kBeforePart ? 1 : 0);
  const TokenFacts& t = s.toks[at];
  const uint64_t variant =
      part * 4 + (t.flags == 0 ? 1 : 0) + (part == kWordPart && i == 0 ? 2 : 0);
  return (t.h_form ^ (variant * 0x9e3779b97f4a7c15ull)) | 1;
}

size_t SlotOf(const WordScoreCache& cache, uint64_t key) {
  return static_cast<size_t>(key >> 40) & (cache.slots - 1);
}

}  // namespace

const int32_t* PosModel::PartScores(PosScratch* s, size_t i, uint32_t part) const {
  WordScoreCache& cache = s->word_scores;
  const uint64_t key = PartKey(*s, i, part);
  const size_t slot = SlotOf(cache, key);
  int32_t* row = cache.rows.data() + slot * cache.classes;
  if (cache.keys[slot] != key) {
    s->word_feats.clear();
    ExtractFeatures(*s, i, kStartLabel, kStartLabel, &s->word_feats, part);
    std::fill(row, row + cache.classes, 0);
    packed_.Score(s->word_feats.data(), s->word_feats.size(), row);
    cache.keys[slot] = key;
  }
  return row;
}

void PosModel::Tag(std::span<const std::string_view> forms, PosScratch* s) const {
  PrepareSentence(forms, {&ambiguity_, &contexts_}, s);
  const size_t n = forms.size();
  s->labels.resize(n);
  s->scores.resize(num_labels());
  WordScoreCache& cache = s->word_scores;
  const auto classes = static_cast<uint32_t>(num_labels());
  if (cache.owner != id_ || cache.classes != classes || cache.keys.size() != cache.slots) {
    cache.owner = id_;
    cache.classes = classes;
    cache.keys.assign(cache.slots, 0);
    cache.rows.resize(cache.slots * classes);
  }
  auto choose = [this, s, n, &cache](size_t i, const learn::FeatureVector& f) {
    // The next token's rows are fetched from memory while this one is
    // scored.
    if (i + 1 < n) {
      for (uint32_t part : {kWordPart, kBeforePart, kAfterPart}) {
        const size_t slot = SlotOf(cache, PartKey(*s, i + 1, part));
        __builtin_prefetch(&cache.keys[slot]);
        const char* row = reinterpret_cast<const char*>(cache.rows.data() + slot * cache.classes);
        for (size_t b = 0; b < cache.classes * sizeof(int32_t); b += 64)
          __builtin_prefetch(row + b);
      }
    }
    // (Each row is added before the next is fetched: two parts may share
    // a slot, and the second would overwrite the first.)
    const int32_t* row = PartScores(s, i, kWordPart);
    std::copy(row, row + s->scores.size(), s->scores.begin());
    for (uint32_t part : {kBeforePart, kAfterPart}) {
      row = PartScores(s, i, part);
      for (size_t c = 0; c < s->scores.size(); ++c) s->scores[c] += row[c];
    }
    packed_.Score(f.data(), f.size(), s->scores.data());
    return ArgMax(s->scores.data(), s->scores.size());
  };
  DecodeGreedy(s, n, dictionary_, choose, s->labels.data(), kJointPart);
}

std::string_view PosModel::CachedLemma(PosScratch* s, size_t i, std::string_view form,
                                       uint16_t label, LemmaScratch* scratch) const {
  LemmaCache& cache = s->lemmas;
  if (cache.owner != id_ || cache.keys.size() != cache.slots) {
    cache.owner = id_;
    cache.keys.assign(cache.slots, 0);
    cache.forms.assign(cache.slots, {});
    cache.lemmas.assign(cache.slots, {});
  }
  const uint64_t key =
      (s->toks[i + PosScratch::kPad].h_form ^ ((label + uint64_t{1}) * 0x9e3779b97f4a7c15ull)) | 1;
  const size_t slot = static_cast<size_t>(key >> 40) & (cache.slots - 1);
  if (cache.keys[slot] != key || cache.forms[slot] != form) {
    cache.lemmas[slot] = Lemma(form, label, scratch);
    cache.forms[slot] = form;
    cache.keys[slot] = key;
  }
  return cache.lemmas[slot];
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
