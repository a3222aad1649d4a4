// Parser training loop (see parse_train.h).
#include "parse/parse_train.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <optional>

#include "learn/beam_trainer.h"
#include "learn/feature_filter.h"
#include "learn/perceptron.h"
#include "parse/arc_hybrid.h"

namespace parley::parse {
namespace {

// One training sentence in the oracle's terms: node ids with the root at n.
struct Example {
  std::vector<TokenAttrs> attrs;
  std::vector<int32_t> head;
  std::vector<uint32_t> label;
  std::vector<uint32_t> gold_actions;  // the static oracle's derivation
};

void FillAttrs(const TreebankSentence& s, const WordClasses& classes,
               std::vector<TokenAttrs>* attrs) {
  attrs->resize(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    TokenAttrs& a = (*attrs)[i];
    a = MakeTokenAttrs(s.form[i], s.upos[i], s.xpos[i]);
    a.klass = classes.Find(a.word);
  }
}

std::string Format(const char* fmt, double a, double b, double c, double d) {
  char buf[160];
  std::snprintf(buf, sizeof buf, fmt, a, b, c, d);
  return buf;
}

}  // namespace

QuickScores ScoreModel(const ParseModel& model, const std::vector<TreebankSentence>& gold) {
  QuickScores q;
  ParseScratch scratch;
  std::vector<int32_t> head;
  std::vector<uint32_t> label;
  uint64_t uas = 0, las = 0;
  for (const TreebankSentence& s : gold) {
    const auto n = static_cast<uint32_t>(s.size());
    scratch.tokens.resize(n);
    for (uint32_t i = 0; i < n; ++i)
      scratch.tokens[i] = model.Attrs(s.form[i], s.upos[i], s.xpos[i]);
    head.resize(n);
    label.resize(n);
    model.Parse(n, scratch, head.data(), label.data());
    for (uint32_t i = 0; i < n; ++i) {
      if (head[i] != s.head[i]) continue;
      ++uas;
      las += model.labels()[label[i]] == s.deprel[i];
    }
    q.tokens += n;
  }
  if (q.tokens) {
    q.uas = double(uas) / double(q.tokens);
    q.las = double(las) / double(q.tokens);
  }
  return q;
}

StatusOr<ParseModel> TrainParser(const std::vector<TreebankSentence>& train,
                                 const std::vector<TreebankSentence>& dev,
                                 const ParseTrainOptions& options, ParseTrainReport* report) {
  *report = ParseTrainReport();
  // Labels sorted by name, so ids do not depend on sentence order.
  std::map<std::string, uint32_t> label_ids;
  for (const TreebankSentence& s : train) {
    for (const std::string& l : s.deprel) label_ids.emplace(l, 0);
  }
  if (!label_ids.count("root")) return InvalidArgument("training data has no 'root' relation");
  if (label_ids.size() > 0x7fff) return InvalidArgument("too many relations");
  std::vector<std::string> labels;
  for (auto& [name, id] : label_ids) {
    id = static_cast<uint32_t>(labels.size());
    labels.push_back(name);
  }
  const uint32_t root = label_ids["root"];
  const WordClasses classes =
      options.word_classes ? *options.word_classes : WordClasses::Build(train);

  std::vector<Example> examples;
  for (const TreebankSentence& s : train) {
    const auto n = static_cast<uint32_t>(s.size());
    if (n == 0) continue;
    if (!IsProjective(s.head.data(), n)) {
      ++report->skipped_nonprojective;
      continue;
    }
    Example e;
    FillAttrs(s, classes, &e.attrs);
    for (uint32_t i = 0; i < n; ++i) {
      e.head.push_back(s.head[i] < 0 ? static_cast<int32_t>(n) : s.head[i]);
      e.label.push_back(label_ids[s.deprel[i]]);
    }
    report->tokens += n;
    examples.push_back(std::move(e));
  }
  report->sentences = examples.size();
  if (examples.empty()) return InvalidArgument("no projective training sentences");

  ArcHybrid system(static_cast<uint32_t>(labels.size()), root);
  ArcHybridOracle oracle(system);
  learn::AveragedPerceptron perceptron(system.num_classes());
  learn::OracleTrainer trainer(system, oracle, perceptron, options.explore);
  learn::BeamTrainer beam_trainer(system, perceptron, options.beam_width);
  std::mt19937_64 rng(options.seed);
  ParseFeatures features;
  learn::Configuration config;
  std::vector<size_t> order(examples.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;

  // Features of the gold configurations (static oracle), counted once.
  learn::FeatureCounts counts;
  learn::FeatureVector scratch_features;
  for (Example& e : examples) {
    const auto n = static_cast<uint32_t>(e.attrs.size());
    features.Bind(e.attrs.data(), n);
    learn::Gold gold{n, e.head.data(), e.label.data()};
    system.Initialize(config, n);
    while (!system.IsTerminal(config)) {
      uint32_t k = StaticOracle(system, config, gold);
      if (k >= system.num_classes()) break;  // cannot happen on projective trees
      features.Extract(config, &scratch_features);
      counts.Add(scratch_features);
      system.Apply(config, k);
      e.gold_actions.push_back(k);
    }
  }
  const std::unordered_set<learn::FeatureId> keep = counts.Frequent(options.min_feature_count);
  learn::FilteredFeatures filtered(features, keep);
  report->distinct_features = counts.distinct();
  report->kept_features = keep.size();
  if (options.log) {
    options.log("features: " + std::to_string(keep.size()) + " of " +
                std::to_string(counts.distinct()) + " seen at least " +
                std::to_string(options.min_feature_count) + " times in gold configurations");
  }

  std::optional<ParseModel> best;
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    auto t0 = std::chrono::steady_clock::now();
    // Fisher-Yates on raw draws: std::shuffle's results vary by library.
    for (size_t i = order.size() - 1; i > 0; --i) std::swap(order[i], order[rng() % (i + 1)]);
    learn::TrainStats stats;
    learn::BeamTrainStats beam_stats;
    for (size_t i : order) {
      const Example& e = examples[i];
      const auto n = static_cast<uint32_t>(e.attrs.size());
      features.Bind(e.attrs.data(), n);
      if (options.beam_width > 1) {
        beam_trainer.Train(filtered, n, e.gold_actions, &beam_stats);
        continue;
      }
      learn::Gold gold{n, e.head.data(), e.label.data()};
      trainer.Train(filtered, gold, epoch, rng, config, &stats);
    }
    ParseModel model(labels, root, classes,
                     learn::PackedLinearModel::Pack(perceptron.Finalize(options.min_weight)),
                     options.provenance, options.beam_width);
    const double train_accuracy = options.beam_width > 1 ? beam_stats.accuracy() : stats.accuracy();
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    QuickScores q = dev.empty() ? QuickScores() : ScoreModel(model, dev);
    if (options.log) {
      options.log("epoch " + std::to_string(epoch + 1) +
                  Format(options.beam_width > 1
                             ? ": gold on top of the beam %.2f%% of steps, dev UAS %.2f%% LAS "
                               "%.2f%% (%.0f s)"
                             : ": train transitions %.2f%%, dev UAS %.2f%% LAS %.2f%% (%.0f s)",
                         100 * train_accuracy, 100 * q.uas, 100 * q.las, seconds) +
                  ", " + std::to_string(model.num_features()) + " features");
    }
    if (!best || dev.empty() || q.las > report->dev_las) {
      report->best_epoch = epoch + 1;
      report->dev_uas = q.uas;
      report->dev_las = q.las;
      best = std::move(model);
    }
  }
  if (!best) return InvalidArgument("no epochs to train");
  return std::move(*best);
}

}  // namespace parley::parse
