#include "quotes/cue_trainer.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <random>
#include <string>

#include "learn/perceptron.h"
#include "quotes/attribution.h"

namespace parley::quotes {

namespace {

bool OverlapsAny(Span a, const std::vector<Span>& pieces) {
  return std::any_of(pieces.begin(), pieces.end(), [&](Span p) { return a.Overlaps(p); });
}

// How well each of e's possible ends matches the gold attribution with the
// same cue: token Jaccard of [content_first, end] with the gold content,
// punctuation left out on both sides. Empty when no gold content overlaps.
std::vector<float> EndGains(const Document& doc, const CueExample& e,
                            const std::vector<GoldQuote>& gold) {
  const TokenColumns& tk = doc.tokens();
  const Span cue{tk.begin[e.cue_token], tk.end[e.cue_token]};
  auto is_word = [&](uint32_t t) { return doc.strings().Get(tk.upos[t]) != "PUNCT"; };
  std::vector<float> best;
  double best_max = 0;
  for (const GoldQuote& g : gold) {
    if (!OverlapsAny(cue, g.cue)) continue;
    uint32_t gold_words = 0;
    for (uint32_t t = 0; t < tk.size(); ++t) {
      gold_words += is_word(t) && OverlapsAny({tk.begin[t], tk.end[t]}, g.content);
    }
    std::vector<float> gains;
    uint32_t words = 0, shared = 0;
    for (uint32_t t = e.content_first, k = 0; k < e.end_tokens.size(); ++t) {
      if (is_word(t)) {
        ++words;
        shared += OverlapsAny({tk.begin[t], tk.end[t]}, g.content);
      }
      if (t == e.end_tokens[k]) {
        gains.push_back(static_cast<float>(shared) /
                        static_cast<float>(words + gold_words - shared));
        ++k;
      }
    }
    const double m = gains.empty() ? 0 : *std::max_element(gains.begin(), gains.end());
    if (m > best_max) {
      best_max = m;
      best = std::move(gains);
    }
  }
  return best;
}

}  // namespace

void AddCueExamples(Document& doc, const CueLexicon& lexicon, const std::vector<GoldQuote>& gold,
                    std::vector<LabelledCue>* cues, std::vector<LabelledEnd>* ends) {
  const TokenColumns& tk = doc.tokens();
  for (CueExample& e : CollectCueExamples(doc, lexicon)) {
    const Span cue{tk.begin[e.cue_token], tk.end[e.cue_token]};
    const bool yes = std::any_of(gold.begin(), gold.end(),
                                 [&](const GoldQuote& g) { return OverlapsAny(cue, g.cue); });
    if (yes && !e.end_tokens.empty()) {
      std::vector<float> gains = EndGains(doc, e, gold);
      if (!gains.empty())
        ends->push_back({std::move(e.end_features), std::move(gains), e.parse_end});
    }
    cues->push_back({std::move(e.features), std::move(e.lemma), e.in_lexicon, yes});
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

ContentEndModel TrainContentEndModel(const std::vector<LabelledEnd>& examples,
                                     const CueTrainOptions& options, EndTrainReport* report) {
  std::vector<size_t> order(examples.size());
  std::iota(order.begin(), order.end(), size_t{0});
  // The target: the best end, the one nearest the parse's end among equals.
  std::vector<size_t> target(examples.size());
  for (size_t i = 0; i < examples.size(); ++i) {
    const LabelledEnd& x = examples[i];
    size_t t = x.parse_end;
    for (size_t k = 0; k < x.gain.size(); ++k) {
      const auto dist = [&](size_t a) {
        return a > x.parse_end ? a - x.parse_end : x.parse_end - a;
      };
      if (x.gain[k] > x.gain[t] || (x.gain[k] == x.gain[t] && dist(k) < dist(t))) t = k;
    }
    target[i] = t;
  }
  learn::AveragedPerceptron perceptron(1);
  std::mt19937_64 rng(options.seed);
  double gain = 0;
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    double sum = 0;
    for (size_t i : order) {
      const LabelledEnd& x = examples[i];
      // As ContentEndModel::Best: the parse's end unless another scores higher.
      auto score = [&](size_t k) {
        float s = 0;
        perceptron.Score(x.ends[k].data(), x.ends[k].size(), &s);
        return s;
      };
      size_t guess = x.parse_end;
      float best = score(guess);
      for (size_t k = 0; k < x.ends.size(); ++k) {
        const float s = score(k);
        if (s > best) {
          best = s;
          guess = k;
        }
      }
      sum += x.gain[guess];
      if (x.gain[guess] < x.gain[target[i]]) {
        const learn::FeatureVector &good = x.ends[target[i]], &bad = x.ends[guess];
        perceptron.Nudge(good.data(), good.size(), 0, 1.0f);
        perceptron.Nudge(bad.data(), bad.size(), 0, -1.0f);
      }
      perceptron.Tick();
    }
    gain = order.empty() ? 0 : sum / static_cast<double>(order.size());
  }
  ContentEndModel model(perceptron.Finalize(options.min_weight));
  if (report != nullptr) {
    report->examples = examples.size();
    double parse = 0, ceiling = 0;
    for (size_t i = 0; i < examples.size(); ++i) {
      parse += examples[i].gain[examples[i].parse_end];
      ceiling += examples[i].gain[target[i]];
    }
    const double n = examples.empty() ? 1.0 : static_cast<double>(examples.size());
    report->parse_gain = parse / n;
    report->best_gain = ceiling / n;
    report->last_epoch_gain = gain;
    report->features = model.num_features();
  }
  return model;
}

double ScoreContentEnds(const ContentEndModel& model, const std::vector<LabelledEnd>& examples,
                        double* parse) {
  double sum = 0, parse_sum = 0;
  for (const LabelledEnd& x : examples) {
    sum += x.gain[model.Best(x.ends, x.parse_end)];
    parse_sum += x.gain[x.parse_end];
  }
  const double n = examples.empty() ? 1.0 : static_cast<double>(examples.size());
  *parse = parse_sum / n;
  return sum / n;
}

}  // namespace parley::quotes
