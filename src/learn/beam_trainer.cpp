// Max-violation beam training step (see beam_trainer.h).
#include "learn/beam_trainer.h"

#include <algorithm>

namespace parley::learn {

double BeamTrainer::StepScore(const TransitionFeatures& features, const Configuration& c,
                              uint32_t k) {
  BeamScratch<float>& s = scratch_;
  if (ScoreClasses(system_, features, model_, c, s.features, s.scores, s.legal) !=
      system_.num_classes()) {
    return 0;  // forced: not scored
  }
  return s.scores[k];
}

void BeamTrainer::Replay(const TransitionFeatures& features, uint32_t n,
                         const std::vector<uint32_t>& actions, size_t from, size_t to,
                         float delta) {
  const uint32_t classes = system_.num_classes();
  BeamScratch<float>& s = scratch_;
  s.legal.resize(classes);
  system_.Initialize(replay_, n);
  for (size_t t = 0; t < to; ++t) {
    if (actions[t] == BeamCandidate::kCarry) continue;  // a finished derivation
    if (t >= from) {
      system_.Legal(replay_, s.legal.data());
      if (OnlyLegal(s.legal.data(), classes) == classes) {
        features.Extract(replay_, &s.features);
        model_.Nudge(s.features.data(), s.features.size(), actions[t], delta);
      }
    }
    system_.Apply(replay_, actions[t]);
  }
}

void BeamTrainer::Train(const TransitionFeatures& features, uint32_t n,
                        const std::vector<uint32_t>& gold, BeamTrainStats* stats) {
  BeamScratch<float>& s = scratch_;
  if (s.beam.items.empty()) s.beam.items.resize(1);
  if (s.beam.score.empty()) s.beam.score.resize(1);
  system_.Initialize(s.beam.items[0], n);
  s.beam.score[0] = 0;
  s.beam.size = 1;
  system_.Initialize(gold_config_, n);
  parent_.clear();
  class_.clear();

  double gold_score = 0;
  int64_t gold_slot = 0;  // the gold prefix's place in the beam, -1 once out
  // The largest violation so far: how far the best item outscores the gold
  // prefix when that is not on top (ties lose, as in decoding, so a
  // violation may be 0; -1 is none).
  double worst = -1;
  size_t worst_step = 0;  // after how many steps (0: none)
  ++stats->sentences;
  for (size_t t = 0; t < gold.size(); ++t) {
    if (!ExpandBeam(system_, features, model_, s.beam, s)) break;
    // The gold step's score: from its candidate while it is in the beam.
    double step = 0;
    bool found = false;
    if (gold_slot >= 0) {
      for (const BeamCandidate& c : s.candidates) {
        if (c.item == static_cast<uint32_t>(gold_slot) && c.cls == gold[t]) {
          step = c.score - gold_score;
          found = true;
          break;
        }
      }
    }
    if (!found) step = StepScore(features, gold_config_, gold[t]);
    gold_score += step;
    system_.Apply(gold_config_, gold[t]);

    SelectBeam(system_, s.beam, width_, s);
    int64_t next_slot = -1;
    parent_.resize((t + 1) * width_);
    class_.resize((t + 1) * width_);
    for (size_t j = 0; j < s.next.size; ++j) {
      const BeamCandidate& c = s.candidates[j];
      parent_[t * width_ + j] = c.item;
      class_[t * width_ + j] = c.cls;
      if (gold_slot >= 0 && c.item == static_cast<uint32_t>(gold_slot) && c.cls == gold[t]) {
        next_slot = static_cast<int64_t>(j);
      }
    }
    gold_slot = next_slot;
    std::swap(s.beam, s.next);
    ++stats->steps;
    stats->gold_on_top += gold_slot == 0;
    if (s.beam.size == 0) break;
    if (gold_slot == 0) continue;
    const double violation = s.beam.score[0] - gold_score;
    if (violation > worst) {
      worst = violation;
      worst_step = t + 1;
    }
  }
  if (worst_step > 0) {
    // The best item after worst_step steps, traced back to its transitions.
    predicted_.assign(worst_step, 0);
    size_t slot = 0;
    for (size_t t = worst_step; t-- > 0;) {
      predicted_[t] = class_[t * width_ + slot];
      slot = parent_[t * width_ + slot];
    }
    size_t from = 0;
    while (from < worst_step && predicted_[from] == gold[from]) ++from;
    Replay(features, n, gold, from, worst_step, 1.0f);
    Replay(features, n, predicted_, from, worst_step, -1.0f);
    ++stats->updates;
  }
  model_.Tick();
}

}  // namespace parley::learn
