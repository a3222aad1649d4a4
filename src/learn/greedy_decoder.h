// Greedy decoding: from the initial configuration, repeatedly take the
// best-scoring legal transition until the system says it is done. Used at
// run time by every transition-based stage; the model is read-only and all
// per-call memory lives in a caller-owned DecodeScratch that is reused.
//
// One model scores every (move, label) class. Factored alternatives were
// measured on EWT and lost accuracy: a move model followed by a label model
// cost 1.4 UAS, a move model plus per-move label models 0.8 (greedy
// arc-hybrid, same features, two epochs).
//
// A template over the model so the same loop runs the float
// SparseLinearModel and the int16 PackedLinearModel (Score(feats, n, out)
// adding into out[0 .. classes) of the model's score type).
#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

#include "learn/configuration.h"
#include "learn/features.h"
#include "learn/transition_system.h"

namespace parley::learn {

// Reused buffers for one thread's decoding; grows to its largest need once.
template <typename ScoreT>
struct DecodeScratch {
  FeatureVector features;
  std::vector<ScoreT> scores;
  std::vector<uint8_t> legal;
};

// The highest-scoring k < n with legal[k] (ties: lowest k); n when none.
template <typename ScoreT>
uint32_t BestLegal(const ScoreT* scores, const uint8_t* legal, uint32_t n) {
  uint32_t best = n;
  for (uint32_t k = 0; k < n; ++k) {
    if (legal[k] && (best == n || scores[k] > scores[best])) best = k;
  }
  return best;
}

// The only legal class, or n when there are none or several.
inline uint32_t OnlyLegal(const uint8_t* legal, uint32_t n) {
  uint32_t only = n;
  for (uint32_t k = 0; k < n; ++k) {
    if (!legal[k]) continue;
    if (only != n) return n;
    only = k;
  }
  return only;
}

// The legal classes of `c` into legal[], and, unless only one is legal,
// every class's score into scores[] (the model adds to zeros). Returns the
// only legal class, or the class count when it scored. A forced transition
// (the first SHIFT, the last LEFT to the root) is not scored: every
// decoder and trainer sees it the same way.
template <typename Model, typename ScoreT>
uint32_t ScoreClasses(const TransitionSystem& system, const TransitionFeatures& features,
                      const Model& model, const Configuration& c, FeatureVector& feats,
                      std::vector<ScoreT>& scores, std::vector<uint8_t>& legal) {
  const uint32_t classes = system.num_classes();
  scores.resize(classes);
  legal.resize(classes);
  system.Legal(c, legal.data());
  if (uint32_t only = OnlyLegal(legal.data(), classes); only != classes) return only;
  features.Extract(c, &feats);
  std::fill(scores.begin(), scores.end(), ScoreT{0});
  model.Score(feats.data(), feats.size(), scores.data());
  return classes;
}

// Decodes one sentence of n tokens into `c` (its arcs and labels hold the
// result). Stops when nothing is legal, so a broken system cannot spin.
template <typename Model, typename ScoreT>
void DecodeGreedy(const TransitionSystem& system, const TransitionFeatures& features,
                  const Model& model, uint32_t n, Configuration& c,
                  DecodeScratch<ScoreT>& scratch) {
  const uint32_t classes = system.num_classes();
  system.Initialize(c, n);
  while (!system.IsTerminal(c)) {
    uint32_t best =
        ScoreClasses(system, features, model, c, scratch.features, scratch.scores, scratch.legal);
    if (best == classes) {
      best = BestLegal(scratch.scores.data(), scratch.legal.data(), classes);
      if (best == classes) break;
    }
    system.Apply(c, best);
  }
}

}  // namespace parley::learn
