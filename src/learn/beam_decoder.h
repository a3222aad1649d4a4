// Beam search over a transition system (Zhang & Clark 2008; Zhang & Nivre
// 2011): instead of committing to the best transition at each step, keep the
// `width` best partial derivations by total score, expand each by every
// legal transition and keep the best `width` of those. A greedy model
// cannot take back an early attachment that later words show to be wrong;
// the beam keeps the alternative alive until they are read.
//
// Shared by the run-time decoder (DecodeBeam, any model with
// Score(feats, n, out)) and the max-violation trainer (beam_trainer.h), so
// both expand and rank derivations in exactly the same way: a forced
// transition (the only legal one) is not scored, as in DecodeGreedy, and
// ties are broken by item, then class, never by the sort's internals.
//
// The systems this serves are synchronous (every derivation of a sentence
// takes the same number of steps, 2n for arc-hybrid); an item that is
// already terminal is carried over unchanged.
#pragma once

#include <algorithm>
#include <cstdint>
#include <limits>
#include <vector>

#include "learn/configuration.h"
#include "learn/features.h"
#include "learn/greedy_decoder.h"
#include "learn/transition_system.h"

namespace parley::learn {

// An expansion of beam item `item` by class `cls` (kCarry: a terminal item
// kept as it is), with the derivation's total score.
struct BeamCandidate {
  static constexpr uint32_t kCarry = 0xffffffffu;
  double score;
  uint32_t item;
  uint32_t cls;
};

// Higher score first; ties by item, then class.
inline bool BetterCandidate(const BeamCandidate& a, const BeamCandidate& b) {
  if (a.score != b.score) return a.score > b.score;
  if (a.item != b.item) return a.item < b.item;
  return a.cls < b.cls;
}

inline constexpr double kNoPruning = std::numeric_limits<double>::infinity();

// One beam: its configurations and their total scores, best first.
struct Beam {
  std::vector<Configuration> items;
  std::vector<double> score;
  size_t size = 0;
};

// Reused buffers for one thread's beam decoding.
template <typename ScoreT>
struct BeamScratch {
  Beam beam, next;
  std::vector<BeamCandidate> candidates;
  FeatureVector features;
  std::vector<ScoreT> scores;
  std::vector<uint8_t> legal;
};

// Appends to scratch.candidates every legal expansion of every item of
// `beam`; returns whether any item was not yet terminal.
template <typename Model, typename ScoreT>
bool ExpandBeam(const TransitionSystem& system, const TransitionFeatures& features,
                const Model& model, const Beam& beam, BeamScratch<ScoreT>& s) {
  const uint32_t classes = system.num_classes();
  s.candidates.clear();
  bool open = false;
  for (size_t i = 0; i < beam.size; ++i) {
    const Configuration& c = beam.items[i];
    const double base = beam.score[i];
    const auto item = static_cast<uint32_t>(i);
    if (system.IsTerminal(c)) {
      s.candidates.push_back({base, item, BeamCandidate::kCarry});
      continue;
    }
    open = true;
    if (uint32_t only = ScoreClasses(system, features, model, c, s.features, s.scores, s.legal);
        only != classes) {
      s.candidates.push_back({base, item, only});
      continue;
    }
    for (uint32_t k = 0; k < classes; ++k) {
      if (s.legal[k]) s.candidates.push_back({base + static_cast<double>(s.scores[k]), item, k});
    }
  }
  return open;
}

// Keeps the best `width` candidates (sorted, best first) and builds the next
// beam from them into s.next; the caller swaps it in. With a finite
// `prune`, candidates more than that below the best are dropped even when
// there is room: where the model is sure, the beam narrows and costs less.
template <typename ScoreT>
void SelectBeam(const TransitionSystem& system, const Beam& beam, size_t width,
                BeamScratch<ScoreT>& s, double prune = kNoPruning) {
  size_t keep = std::min(width, s.candidates.size());
  std::partial_sort(s.candidates.begin(), s.candidates.begin() + static_cast<ptrdiff_t>(keep),
                    s.candidates.end(), BetterCandidate);
  if (keep > 1 && prune < kNoPruning) {
    const double floor = s.candidates[0].score - prune;
    size_t k = 1;
    while (k < keep && s.candidates[k].score >= floor) ++k;
    keep = k;
  }
  if (s.next.items.size() < keep) s.next.items.resize(keep);
  if (s.next.score.size() < keep) s.next.score.resize(keep);
  for (size_t j = 0; j < keep; ++j) {
    const BeamCandidate& cand = s.candidates[j];
    s.next.items[j] = beam.items[cand.item];  // copy-assign: reuses capacity
    if (cand.cls != BeamCandidate::kCarry) system.Apply(s.next.items[j], cand.cls);
    s.next.score[j] = cand.score;
  }
  s.next.size = keep;
}

// Decodes one sentence of n tokens with a beam of `width` (at least 1) and
// leaves the best derivation's final configuration in `out`. `prune` as in
// SelectBeam, in the model's score units.
template <typename Model, typename ScoreT>
void DecodeBeam(const TransitionSystem& system, const TransitionFeatures& features,
                const Model& model, uint32_t n, size_t width, Configuration& out,
                BeamScratch<ScoreT>& s, double prune = kNoPruning) {
  width = std::max<size_t>(width, 1);
  if (s.beam.items.empty()) s.beam.items.resize(1);
  if (s.beam.score.empty()) s.beam.score.resize(1);
  system.Initialize(s.beam.items[0], n);
  s.beam.score[0] = 0;
  s.beam.size = 1;
  while (ExpandBeam(system, features, model, s.beam, s)) {
    SelectBeam(system, s.beam, width, s, prune);
    std::swap(s.beam, s.next);
    if (s.beam.size == 0) break;  // nothing legal anywhere: a broken system
  }
  out = s.beam.items[0];
}

}  // namespace parley::learn
