// Scorers behind `parley eval`. Library code, so tests and tools share them.
#pragma once

#include <string>
#include <vector>

#include "parley/pipeline.h"
#include "parley/status.h"

namespace parley {

struct PrfCounts {
  uint64_t gold = 0, predicted = 0, correct = 0;
  double precision() const { return predicted ? double(correct) / double(predicted) : 0.0; }
  double recall() const { return gold ? double(correct) / double(gold) : 0.0; }
  double f1() const {
    double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  }
};

// Sentence and token boundary scores against CoNLL-U.
//
// The raw text of each CoNLL-U document (# newdoc) is rebuilt from its
// `# text` lines: sentences joined by a space (none when the last token has
// SpaceAfter=No), paragraphs (# newpar) by a blank line. The pipeline segments
// that text; a predicted sentence or token is correct when its byte span
// equals a gold one. Multi-word token ranges count as one token (their
// surface), as in the CoNLL 2018 shared task's tokens score.
struct TokenizeScores {
  PrfCounts tokens;
  PrfCounts sentences;
  uint64_t documents = 0;
  uint64_t bytes = 0;
  double seconds = 0;  // time spent segmenting
};
StatusOr<TokenizeScores> EvalTokenize(const std::string& conllu_path, const Pipeline& pipeline);

}  // namespace parley
