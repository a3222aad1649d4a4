// Scorer behind `parley eval pos`: tags gold-tokenised sentences and counts
// UPOS, XPOS and lemma agreement with the gold annotation (CoNLL 2018 style,
// on syntactic words). Library code so the CLI, tests and training share it.
#pragma once

#include <cstdint>
#include <vector>

#include "tag/pos_model.h"
#include "tag/tagged_sentence.h"

namespace parley::tag {

struct PosScores {
  uint64_t sentences = 0, tokens = 0;
  uint64_t upos = 0, xpos = 0, both = 0, lemma = 0;  // correct counts
  // One pass's thread CPU time in PosModel::Tag and PosModel::Lemma.
  double tag_seconds = 0;
  double lemma_seconds = 0;

  double Fraction(uint64_t n) const { return tokens ? double(n) / double(tokens) : 0.0; }
  double upos_accuracy() const { return Fraction(upos); }
  double xpos_accuracy() const { return Fraction(xpos); }
  double both_accuracy() const { return Fraction(both); }
  double lemma_accuracy() const { return Fraction(lemma); }
  // Tagging and lemmatising throughput of one core.
  double tokens_per_s() const {
    double s = tag_seconds + lemma_seconds;
    return s > 0 ? double(tokens) / s : 0.0;
  }
};

// With measure_speed, the timed passes are repeated to fill half a second
// each (training, which scores dev after every epoch, skips that).
PosScores EvalPos(const PosModel& model, const std::vector<TaggedSentence>& gold,
                  bool measure_speed = true);

}  // namespace parley::tag
