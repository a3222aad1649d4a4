#include "quotes/cue_trainer.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <random>
#include <string>

#include "learn/perceptron.h"
#include "quotes/attribution.h"

namespace parley::quotes {

void AddCueExamples(Document& doc, const CueLexicon& lexicon, const std::vector<Span>& gold_cues,
                    std::vector<LabelledCue>* out) {
  const TokenColumns& tk = doc.tokens();
  for (CueExample& e : CollectCueExamples(doc, lexicon)) {
    const Span cue{tk.begin[e.cue_token], tk.end[e.cue_token]};
    const bool yes = std::any_of(gold_cues.begin(), gold_cues.end(),
                                 [&](Span g) { return g.begin < cue.end && cue.begin < g.end; });
    out->push_back({std::move(e.features), std::move(e.lemma), e.in_lexicon, yes});
  }
}

CueModel TrainCueModel(const std::vector<LabelledCue>& examples, const CueTrainOptions& options,
                       CueTrainReport* report) {
  // The verbs outside the lexicon that are cues often enough; only they and
  // the lexicon's verbs are candidates at run time, so only they train.
  std::map<std::string, std::pair<uint32_t, uint32_t>> counts;  // lemma -> (cues, candidates)
  for (const LabelledCue& e : examples) {
    if (e.in_lexicon) continue;
    auto& [cues, all] = counts[e.lemma];
    cues += e.cue ? 1 : 0;
    ++all;
  }
  std::vector<std::string> lemmas;
  for (const auto& [lemma, n] : counts) {
    if (n.first >= options.min_lemma_cues && n.first >= options.min_lemma_share * n.second) {
      lemmas.push_back(lemma);
    }
  }
  std::vector<size_t> order;
  for (size_t i = 0; i < examples.size(); ++i) {
    if (examples[i].in_lexicon ||
        std::binary_search(lemmas.begin(), lemmas.end(), examples[i].lemma)) {
      order.push_back(i);
    }
  }
  learn::AveragedPerceptron perceptron(2);
  std::mt19937_64 rng(options.seed);
  double accuracy = 0;
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    uint64_t right = 0;
    for (size_t i : order) {
      const LabelledCue& e = examples[i];
      const uint32_t gold = e.cue ? 1 : 0;
      const uint32_t guess = perceptron.Predict(e.features.data(), e.features.size());
      if (guess == gold) {
        ++right;
      } else {
        perceptron.Update(e.features.data(), e.features.size(), gold, guess);
      }
      perceptron.Tick();
    }
    accuracy = order.empty() ? 0 : double(right) / double(order.size());
  }
  const size_t kept_lemmas = lemmas.size();
  CueModel model(perceptron.Finalize(options.min_weight), std::move(lemmas), options.threshold);
  if (report != nullptr) {
    report->examples = order.size();
    report->positives = static_cast<uint64_t>(
        std::count_if(order.begin(), order.end(), [&](size_t i) { return examples[i].cue; }));
    report->lemmas = kept_lemmas;
    report->last_epoch_accuracy = accuracy;
    report->features = model.num_features();
  }
  return model;
}

}  // namespace parley::quotes
