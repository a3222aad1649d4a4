// Dynamic-oracle training step (see oracle_trainer.h).
#include "learn/oracle_trainer.h"

#include <algorithm>
#include <limits>

#include "learn/greedy_decoder.h"

namespace parley::learn {
namespace {

// A uniform double in [0, 1) from the top 53 bits: unlike
// std::uniform_real_distribution, the same on every standard library.
double Uniform(std::mt19937_64& rng) {
  return static_cast<double>(rng() >> 11) * 0x1.0p-53;
}

}  // namespace

void OracleTrainer::Train(const TransitionFeatures& features, const Gold& gold, int epoch,
                          std::mt19937_64& rng, Configuration& c, TrainStats* stats) {
  const uint32_t classes = system_.num_classes();
  scores_.resize(classes);
  legal_.resize(classes);
  costs_.resize(classes);
  const bool explore = epoch >= options_.explore_from_epoch;
  system_.Initialize(c, gold.n);
  while (!system_.IsTerminal(c)) {
    system_.Legal(c, legal_.data());
    // As in DecodeGreedy: a forced transition is neither scored nor learnt.
    if (uint32_t only = OnlyLegal(legal_.data(), classes); only != classes) {
      system_.Apply(c, only);
      continue;
    }
    oracle_.Costs(c, gold, legal_.data(), costs_.data());
    features.Extract(c, &feats_);
    std::fill(scores_.begin(), scores_.end(), 0.0f);
    model_.Score(feats_.data(), feats_.size(), scores_.data());

    // The least cost is 0 on gold-reachable paths of projective trees;
    // taking the minimum keeps training defined for anything else.
    int32_t least = std::numeric_limits<int32_t>::max();
    for (uint32_t k = 0; k < classes; ++k) {
      if (legal_[k]) least = std::min(least, costs_[k]);
    }
    const uint32_t predicted = BestLegal(scores_.data(), legal_.data(), classes);
    uint32_t best = classes;
    for (uint32_t k = 0; k < classes; ++k) {
      if (legal_[k] && costs_[k] == least && (best == classes || scores_[k] > scores_[best])) {
        best = k;
      }
    }
    ++stats->decisions;
    uint32_t next = predicted;
    if (costs_[predicted] == least) {
      ++stats->correct;
    } else {
      model_.Update(feats_.data(), feats_.size(), best, predicted);
      if (!explore || Uniform(rng) >= options_.follow_prediction) next = best;
    }
    model_.Tick();
    system_.Apply(c, next);
  }
}

}  // namespace parley::learn
