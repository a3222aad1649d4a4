// ParseFeatures: the parser's view of a configuration, after Zhang & Nivre
// (2011) "Transition-based dependency parsing with rich non-local features",
// adapted to arc-hybrid: stack words s0..s2 and buffer words b0..b2 with their
// tags, the two leftmost/rightmost dependents of s0, s1 and b0 with their
// labels, s0-b0 and s1-s0 distances, valencies and the label sets of
// dependents. (Arc-hybrid stack items have no head yet, so ZN's head
// features become s1/s2 features: those are the candidate heads.)
//
// Token attributes are hashed once per sentence (HashFeature over the
// strings); each template then combines a few 64-bit values with a cheap
// multiply-xorshift mix, as hashing strings per template would cost more
// than scoring does.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "learn/transition_system.h"

namespace parley::parse {

// Bump whenever a template or attribute changes: models record it and the
// loader refuses a model built with another set.
inline constexpr std::string_view kFeatureSet = "arc-hybrid-zn2011-v3";

// Hashed attributes of one token.
struct TokenAttrs {
  uint64_t word = 0;  // the form, ASCII-lowercased
  uint64_t upos = 0;
  uint64_t xpos = 0;
  uint64_t suffix = 0;  // its last three bytes, lowercased
  uint64_t klass = 0;   // its ambiguity class (word_classes.h), 0 if rare
};

// Hash of the ASCII-lowercased form (TokenAttrs::word).
uint64_t LowerFormHash(std::string_view form);
// Attributes of a token but its class (ParseModel::Attrs adds that).
TokenAttrs MakeTokenAttrs(std::string_view form, std::string_view upos, std::string_view xpos);

class ParseFeatures final : public learn::TransitionFeatures {
 public:
  // Binds a sentence of n tokens (copied, so `tokens` may be reused).
  void Bind(const TokenAttrs* tokens, uint32_t n);
  void Extract(const learn::Configuration& c, learn::FeatureVector* out) const override;

 private:
  // Attributes of node i live at attrs_[i + 1]: slot 0 stands for "no
  // node" (kNone = -1) and slot n + 1 for the root.
  const TokenAttrs& At(int32_t node) const { return attrs_[static_cast<size_t>(node + 1)]; }
  std::vector<TokenAttrs> attrs_;
};

}  // namespace parley::parse
