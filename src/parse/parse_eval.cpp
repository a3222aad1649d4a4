// Attachment scorer behind `parley eval parse` (see parley/parser.h).
//
// Runs the real stages on Documents built from the gold tokens, so the score
// covers exactly what a pipeline produces: predicted tags (when a tagger is
// given) feeding the parser. Every token counts, punctuation included.
#include <time.h>

#include <algorithm>
#include <string>

#include "parley/parser.h"
#include "parse/treebank.h"

namespace parley {
namespace {

// CPU time of this thread: speed per core stays meaningful on a busy
// machine, where wall time would count other processes' turns.
double ThreadSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
}

}  // namespace

StatusOr<ParseScores> EvalParse(const std::vector<TreebankSentence>& gold, const Stage* tagger,
                                const Stage& parser,
                                const std::function<void(const Document&)>& on_parsed) {
  ParseScores scores;
  scores.predicted_tags = tagger != nullptr;
  for (size_t first = 0; first < gold.size(); first += parse::kSentencesPerDocument) {
    size_t count = std::min(parse::kSentencesPerDocument, gold.size() - first);
    Document doc = parse::TreebankDocument(gold.data() + first, count, tagger == nullptr);
    doc.mutable_meta().id = "s" + std::to_string(first + 1);  // its first sentence
    if (tagger) {
      double t0 = ThreadSeconds();
      PARLEY_RETURN_IF_ERROR(tagger->Process(doc));
      scores.tag_seconds += ThreadSeconds() - t0;
    }
    double t0 = ThreadSeconds();
    PARLEY_RETURN_IF_ERROR(parser.Process(doc));
    scores.parse_seconds += ThreadSeconds() - t0;

    const TokenColumns& tokens = doc.tokens();
    if (tokens.head.size() != tokens.size() || tokens.deprel.size() != tokens.size()) {
      return Internal("the parser left tokens without a head");
    }
    if (on_parsed) on_parsed(doc);
    size_t t = 0;
    for (size_t s = first; s < first + count; ++s) {
      const TreebankSentence& sentence = gold[s];
      const auto begin = static_cast<int32_t>(t);
      for (size_t i = 0; i < sentence.size(); ++i, ++t) {
        int32_t want = sentence.head[i] < 0 ? -1 : sentence.head[i] + begin;
        if (tokens.head[t] != want) continue;
        ++scores.head_correct;
        scores.labelled_correct += doc.strings().Get(tokens.deprel[t]) == sentence.deprel[i];
      }
      scores.tokens += sentence.size();
      ++scores.sentences;
    }
  }
  return scores;
}

}  // namespace parley
