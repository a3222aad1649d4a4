// Feature templates of the part-of-speech tagger.
//
// A sentence is first turned into per-token facts (normalised form, shape,
// pre-hashed strings) once, so that each of the five windows a token appears
// in reuses them. Features are 64-bit hashes built straight from string views
// and those hashes: extraction allocates nothing once the scratch has grown
// to the longest sentence seen.
//
// Changing any template changes the model's meaning: bump kPosFeatureSet so
// old model files are refused with a "retrain" message.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "learn/features.h"
#include "tag/context_lexicon.h"
#include "tag/word_table.h"

namespace parley::tag {

inline constexpr std::string_view kPosFeatureSet = "pos-features/5";
// The "label" of positions before the sentence start.
inline constexpr uint32_t kStartLabel = 0xffff;

// Facts about one token (or a padding slot beyond the sentence edge).
struct TokenFacts {
  std::string_view form;  // as given
  std::string_view norm;  // ASCII-lowercased, digits mapped to '0'
  uint64_t h_form = 0, h_norm = 0, h_shape = 0, h_suf2 = 0, h_suf3 = 0;
  uint64_t ambiguity = 0;                // the norm's value in the ambiguity lexicon
  const WordProfile* profile = nullptr;  // from the context lexicon
  uint32_t flags = 0;                    // kFlag* bits and a length bucket
};

// The tagger's sums of the weights of the parts of a token's features that
// read one word alone (FeaturePart), kept per thread and word form: a word
// seen before costs a row instead of some thirty weight lookups.
// Direct-mapped by the form's hash, the part and the sentence-start flag;
// the sums are exact integers, so tagging with or without the cache gives
// the same labels. `owner` is the id of the model the rows were scored
// with.
struct WordScoreCache {
  size_t slots = size_t{1} << 14;  // a power of two (tests use 1)
  uint64_t owner = 0;
  uint32_t classes = 0;
  std::vector<uint64_t> keys;  // 0: empty
  std::vector<int32_t> rows;   // slots x classes
};

// Lemmas of (form, label) pairs tagged before, kept per thread like the
// word scores: the lemmatiser's lookups and rules run once per pair. A hit
// needs the same form, not only the same hash.
struct LemmaCache {
  size_t slots = size_t{1} << 13;  // a power of two
  uint64_t owner = 0;
  std::vector<uint64_t> keys;  // 0: empty
  std::vector<std::string> forms, lemmas;
};

// Per-thread working memory for tagging and training; reused across calls.
struct PosScratch {
  std::string buf;               // norm and shape strings of the sentence
  std::vector<TokenFacts> toks;  // kPad slots, the tokens, kPad slots
  learn::FeatureVector feats;
  learn::FeatureVector word_feats;
  std::vector<int32_t> scores;  // PackedLinearModel's fixed-point scores
  std::vector<uint16_t> labels;
  WordScoreCache word_scores;
  LemmaCache lemmas;
  static constexpr size_t kPad = 2;
};

// The normalised form used for word features and the lexicons.
void AppendNormalForm(std::string_view form, std::string* out);
std::string NormalForm(std::string_view form);

// The lexicons the features consult.
struct PosLexicons {
  const WordTable* ambiguity;
  const ContextLexicon* contexts;
};

// Fills scratch->toks for `forms`.
void PrepareSentence(std::span<const std::string_view> forms, const PosLexicons& lexicons,
                     PosScratch* scratch);

// Which of a token's features to extract, a mask of these parts. The
// tagger scores the first three once per word form and keeps the sums
// (WordScoreCache), since each reads one word alone: the same wherever it
// stands, but for the sentence-start flag of the word's own part.
enum FeaturePart : uint32_t {
  kWordPart = 1,    // the word's own: form, affixes, shape, flags, lexicon entries
  kBeforePart = 2,  // the word before's own: form, ending, shape, lexicon entries
  kAfterPart = 4,   // the word after's own
  kJointPart = 8,   // the rest: earlier labels, pairs of words, words two away
  kAllParts = 15,
};

// Appends the features of token i (0-based) given the labels predicted for
// the two tokens before it (kStartLabel when there is none).
void ExtractFeatures(const PosScratch& scratch, size_t i, uint32_t prev1, uint32_t prev2,
                     learn::FeatureVector* out, uint32_t parts = kAllParts);

}  // namespace parley::tag
