// PosModel: the trained tagger and lemmatiser as one immutable object.
//
// Predict is pure: Tag() maps a sentence's forms to label indices, and each
// label names a (UPOS, XPOS) pair; Lemma() maps a form and label to a lemma.
// Writing the results into a Document is the stage's job (tag_stage.cpp).
// One instance is shared by every thread; per-call memory is the caller's
// PosScratch / LemmaScratch.
//
// File layout (after the learn/model_io.h header, kind "pos"): UPOS and XPOS
// of each label, the tag dictionary, the ambiguity lexicon, the context
// lexicon, the linear model, the lemmatizer.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "learn/linear_model.h"
#include "learn/packed_model.h"
#include "parley/status.h"
#include "tag/lemmatizer.h"
#include "tag/pos_features.h"
#include "tag/word_table.h"

namespace parley::tag {

class PosModel {
 public:
  PosModel() = default;
  PosModel(std::vector<std::string> upos, std::vector<std::string> xpos, WordTable dictionary,
           WordTable ambiguity, ContextLexicon contexts, learn::SparseLinearModel weights,
           Lemmatizer lemmatizer);

  // Reads a model file; the error names the file and what to do.
  static StatusOr<PosModel> Load(const std::string& path);
  static StatusOr<PosModel> FromBytes(std::string bytes, std::string name);
  // The model file's bytes: equal models give equal bytes.
  std::string Serialize() const;
  Status Save(const std::string& path) const;

  size_t num_labels() const { return upos_.size(); }
  std::string_view upos(uint16_t label) const { return upos_[label]; }
  std::string_view xpos(uint16_t label) const { return xpos_[label]; }
  const WordTable& dictionary() const { return dictionary_; }
  const WordTable& ambiguity() const { return ambiguity_; }
  const ContextLexicon& contexts() const { return contexts_; }
  const learn::SparseLinearModel& weights() const { return weights_; }
  const Lemmatizer& lemmatizer() const { return lemmatizer_; }

  // Labels of `forms` into scratch->labels (one per form), greedily left to
  // right.
  void Tag(std::span<const std::string_view> forms, PosScratch* scratch) const;
  // What the forms alone do not show: a "-" glued to a word on both sides
  // ("R-Texas", "party-backed", "maternity-leave") is a hyphen (PUNCT
  // HYPH), whatever Tag() said. The tagger reads words, not the spaces
  // between them, and took one such hyphen in fourteen in news for a
  // comma or a colon (160 of 2,313 in 300 AllSides articles; in EWT train
  // a glued "-" between word characters is HYPH 624 times in 663).
  // space_after[i]: whether a space follows forms[i]; a no-op unless it
  // has one entry per form.
  void MarkGluedHyphens(std::span<const std::string_view> forms,
                        std::span<const uint8_t> space_after, uint16_t* labels) const;
  // Headline case: in a sentence where nearly every word is capitalised
  // ("Black Lawmakers Rip Donald Trump As A ‘Disgusting Fraud.’") the
  // capitals say nothing, and the tagger, which reads a capital away from
  // the sentence start as a name, tags "Rip" PROPN. A word the unlabelled
  // corpus writes in lower case away from the sentence start (in under 30%
  // of its uses; ContextLexicon) is read in lower case; names, acronyms and
  // the first word keep their form. Returns false (and leaves *out alone)
  // when the sentence is no headline; else *out holds the forms to read,
  // views into `forms` or *storage.
  bool HeadlineForms(std::span<const std::string_view> forms, std::vector<std::string>* storage,
                     std::vector<std::string_view>* out) const;
  // The lemma, with every word the model knows (training words and the
  // unlabelled corpus's) to tell real stems from clipped ones.
  std::string_view Lemma(std::string_view form, uint16_t label, LemmaScratch* scratch) const {
    return lemmatizer_.Lemmatize(form, xpos_[label], lemma_class_[label], scratch,
                                 KnownWords{{&ambiguity_, &contexts_.words()}});
  }
  // The same for token i of the sentence last given to Tag(`s`) (`form` is
  // the form it was given), through the thread's LemmaCache. The view
  // lasts until the next call.
  std::string_view CachedLemma(PosScratch* s, size_t i, std::string_view form, uint16_t label,
                               LemmaScratch* scratch) const;

 private:
  void Write(learn::ModelWriter& w) const;
  std::vector<std::string> upos_, xpos_;
  std::vector<LemmaClass> lemma_class_;  // of each label's XPOS
  int32_t hyphen_label_ = -1;            // the (PUNCT, HYPH) label, if any
  WordTable dictionary_;                 // form -> label, for words that skip scoring
  WordTable ambiguity_;                  // normal form -> ambiguity class (a feature)
  ContextLexicon contexts_;
  // The weights as stored (SparseLinearModel's stable file layout) and as
  // scored (packed for speed at load, so the file does not depend on the
  // packed layout).
  learn::SparseLinearModel weights_;
  learn::PackedLinearModel packed_;
  Lemmatizer lemmatizer_;
  // Tells apart the models a thread's WordScoreCache may have served.
  uint64_t id_ = 0;
  // The sums of the weights of FeaturePart `part` of token i's features,
  // from scratch's cache or scored into it.
  const int32_t* PartScores(PosScratch* s, size_t i, uint32_t part) const;
};

// Index of the highest score (the first on ties, so results are stable).
template <typename Score>
uint16_t ArgMax(const Score* scores, size_t n) {
  size_t best = 0;
  for (size_t c = 1; c < n; ++c) {
    if (scores[c] > scores[best]) best = c;
  }
  return static_cast<uint16_t>(best);
}

// The same for the run-time tagger's integer scores, in two passes: the
// maximum, in eight independent lanes the compiler turns into SIMD, then
// the first index holding it. (The loop above, one dependent comparison
// per label, was an eighth of the tag stage's time over 102 labels.)
inline uint16_t ArgMax(const int32_t* scores, size_t n) {
  if (n == 0) return 0;
  int32_t lane[8];
  for (int k = 0; k < 8; ++k) lane[k] = scores[0];
  size_t c = 0;
  for (; c + 8 <= n; c += 8) {
    for (int k = 0; k < 8; ++k) lane[k] = lane[k] > scores[c + k] ? lane[k] : scores[c + k];
  }
  int32_t best = lane[0];
  for (int k = 1; k < 8; ++k) best = best > lane[k] ? best : lane[k];
  for (; c < n; ++c) best = best > scores[c] ? best : scores[c];
  size_t i = 0;
  while (scores[i] != best) ++i;
  return static_cast<uint16_t>(i);
}

}  // namespace parley::tag
