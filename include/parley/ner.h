// Named-entity recogniser: PER, ORG, LOC, MISC mentions, and its scorer.
#pragma once

#include <array>
#include <memory>
#include <string>

#include "parley/eval.h"
#include "parley/stage.h"

namespace parley {

// The "ner" stage: sets mentions() (needs tokens and sentences). Loads
// models_dir + "/ner.model", a self-contained file (weights, gazetteers and
// word clusters).
StatusOr<std::unique_ptr<Stage>> MakeNerStage(const std::string& models_dir);

// conlleval-equivalent exact-span scores: a predicted entity is correct when
// its first and last token and its type equal a gold entity's.
struct NerScores {
  PrfCounts overall;
  std::array<PrfCounts, 4> per_type;  // in the order of kNerTypes
  uint64_t documents = 0, sentences = 0, tokens = 0;
  double seconds = 0;  // CPU seconds spent tagging (features and decoding), one thread
};
inline constexpr std::array<const char*, 4> kNerTypes = {"PER", "ORG", "LOC", "MISC"};

// Tags the sentences of a CoNLL-2003 column file (IOB1 or IOB2, gold tokens
// and sentences, -DOCSTART- lines as document boundaries) with the model in
// models_dir and scores the result against its gold tags. `predictions`,
// when given, receives "word gold predicted" lines (IOB2).
StatusOr<NerScores> EvalNer(const std::string& gold_path, const std::string& models_dir,
                            std::string* predictions = nullptr);

}  // namespace parley
