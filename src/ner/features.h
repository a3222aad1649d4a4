// Feature extraction for the NER tagger.
//
// A document is read once into per-token facts (hashes of form, lower case
// and shape, word cluster, casing prior, flags, gazetteer matches) and the
// label-independent ("static") features of every token; both decoding
// passes reuse them. Only the label history is added per decision, and the
// second pass adds the document-level features of doc_context.h.
//
// All-caps headlines: a sentence whose words are mostly capitals reads each
// word as the document's own spelling of it elsewhere, else as its most
// frequent spelling in the cluster corpus, and marks its shapes as headline
// shapes, so "BRUSSELS" gets the features of "Brussels".
#pragma once

#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "learn/features.h"
#include "ner/gazetteer.h"
#include "ner/lexicon.h"

namespace parley::ner {

// One document: token forms and sentence token ranges [begin, end).
struct NerInput {
  std::vector<std::string_view> forms;
  std::vector<std::pair<uint32_t, uint32_t>> sentences;
};

enum TokenFlag : uint8_t {
  kInitCap = 1,
  kAllCaps = 2,
  kHasDigit = 4,
  kHasLetter = 8,
  kSentenceStart = 16,
  kHeadline = 32,
  kLowerElsewhere = 64,  // the document also writes this word in lower case
};

struct TokenInfo {
  uint64_t form = 0;   // hash of the (headline: usual) spelling
  uint64_t lower = 0;  // hash of the lower-cased form
  uint64_t shape = 0, short_shape = 0;
  ClusterPath path;        // length 0: no cluster
  uint8_t cap_bucket = 5;  // Lexicon casing prior; 5: unknown word
  uint8_t flags = 0;
};

struct DocFeatures {
  std::vector<TokenInfo> tokens;
  std::vector<uint8_t> gaz;  // tokens.size() x num_lists gazetteer Parts
  // Static features of token i: feats[offset[i], offset[i + 1]).
  std::vector<learn::FeatureId> feats;
  std::vector<uint32_t> offset;
  // Second-pass (document-level) features, laid out the same way.
  std::vector<learn::FeatureId> doc_feats;
  std::vector<uint32_t> doc_offset;
};

class FeatureExtractor {
 public:
  FeatureExtractor(const Gazetteer* gazetteer, const Lexicon* lexicon)
      : gaz_(gazetteer), lex_(lexicon) {}

  void Extract(const NerInput& in, DocFeatures* out) const;

  // Features of token `t` that depend on the two previous labels; always
  // kHistoryFeatures of them, in a fixed order.
  static constexpr size_t kHistoryFeatures = 4;
  static void AddHistory(const TokenInfo& t, uint32_t prev, uint32_t prev2,
                         std::vector<learn::FeatureId>* out);

 private:
  void TokenFacts(const NerInput& in, DocFeatures* out) const;
  void StaticFeatures(const NerInput& in, uint32_t begin, uint32_t end, DocFeatures* out) const;
  void AddContextAggregation(const NerInput& in, DocFeatures* out) const;

  const Gazetteer* gaz_;
  const Lexicon* lex_;
};

}  // namespace parley::ner
