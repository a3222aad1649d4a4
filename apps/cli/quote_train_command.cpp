// `parley train quotes`: the cue model (src/quotes/cue_model.h) from a
// PolNeAR split. Runs the pipeline up to the quotes stage over every
// article, labels each verb candidate by the gold cues, trains, and, with
// --dev, scores the new model on the dev split with a sweep of thresholds.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <thread>

#include "cli/common.h"
#include "cli/model_commands.h"
#include "parley/quote_eval.h"
#include "quotes/attribution.h"
#include "quotes/cue_trainer.h"
#include "quotes/quote_stage.h"

namespace parley::cli {
namespace {

constexpr const char* kCmd = "parley train quotes";
// The stages the quotes stage reads from.
constexpr const char* kBeforeQuotes = "repair,segment,tag,parse,ner,entities,link";

struct TrainQuoteFlags {
  std::string train, dev, out = "models/cues.model", models, lexicon;
  int threads = 0;
  quotes::CueTrainOptions options;
};

// An article, processed once, with the gold attributions of each annotation.
struct Article {
  Document doc;
  std::vector<const BratDocument*> annotations;
};

// Reads a split and runs the pipeline over each article. Problems reading
// files are listed and added to *rejected; false when the folder cannot be
// read.
bool Prepare(const std::string& dir, const Pipeline& pipeline, int threads,
             std::vector<BratDocument>* anns, std::vector<Article>* articles, size_t* rejected) {
  std::vector<RecordError> errors;
  auto gold = ReadBratFolder(dir, &errors);
  if (!gold.ok()) {
    std::fprintf(stderr, "%s: %s\n", kCmd, gold.status().ToString().c_str());
    return false;
  }
  *anns = std::move(*gold);
  std::map<std::string, size_t> index;
  for (const BratDocument& d : *anns) {
    auto [it, fresh] = index.emplace(d.name, articles->size());
    if (fresh) {
      DocumentMeta meta;
      meta.id = d.name;
      meta.origin = d.text_path;
      articles->push_back({Document(d.text, std::move(meta)), {}});
    }
    (*articles)[it->second].annotations.push_back(&d);
  }
  std::atomic<size_t> next{0};
  std::vector<Status> statuses(articles->size());
  auto work = [&] {
    for (size_t i = next++; i < articles->size(); i = next++) {
      statuses[i] = pipeline.Process((*articles)[i].doc);
    }
  };
  std::vector<std::thread> pool;
  for (int t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();
  for (size_t i = 0; i < articles->size(); ++i) {
    if (!statuses[i].ok()) errors.push_back({{(*articles)[i].doc.meta().origin, 0}, statuses[i]});
  }
  if (!errors.empty()) PrintRecordErrors(kCmd, errors);
  *rejected += errors.size();
  std::printf("%s: %zu articles, %zu annotations\n", dir.c_str(), articles->size(), anns->size());
  return true;
}

int RunTrainQuotes(TrainQuoteFlags& f) {
  PipelineFlags pf;
  pf.stages = kBeforeQuotes;
  pf.models = f.models;
  auto pipeline = Pipeline::CreateDefault(pf.ToOptions());
  if (!pipeline.ok()) {
    std::fprintf(stderr, "%s: %s\n", kCmd, pipeline.status().ToString().c_str());
    return PipelineExitCode(pipeline.status());
  }
  const std::string lexicon_path =
      !f.lexicon.empty() ? f.lexicon : pf.ToOptions().ResolvedModelsDir() + "/cues.tsv";
  auto lexicon = quotes::CueLexicon::Load(lexicon_path);
  if (!lexicon.ok()) {
    std::fprintf(stderr, "%s: %s\n", kCmd, lexicon.status().ToString().c_str());
    return kExitIo;
  }
  const int threads = f.threads > 0
                          ? f.threads
                          : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  auto t0 = std::chrono::steady_clock::now();
  std::vector<BratDocument> train_anns;
  std::vector<Article> train;
  size_t rejected = 0;  // files or articles that could not be used
  if (!Prepare(f.train, *pipeline, threads, &train_anns, &train, &rejected)) return kExitIo;
  std::vector<quotes::LabelledCue> examples;
  for (Article& a : train) {
    for (const BratDocument* ann : a.annotations) {
      std::vector<Span> cues;
      for (const GoldAttribution& g : ann->attributions) {
        cues.insert(cues.end(), g.cue.begin(), g.cue.end());
      }
      quotes::AddCueExamples(a.doc, *lexicon, cues, &examples);
    }
  }
  if (examples.empty()) {
    std::fprintf(stderr, "%s: %s has no verb candidates to learn from\n", kCmd, f.train.c_str());
    return kExitRejected;
  }
  quotes::CueTrainReport report;
  quotes::CueModel model = quotes::TrainCueModel(examples, f.options, &report);
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::printf(
      "trained on %llu verb candidates (%llu cues; %zu verbs beyond the lexicon) in %.1f s: %zu "
      "features, last-epoch accuracy %.2f%%\n",
      static_cast<unsigned long long>(report.examples),
      static_cast<unsigned long long>(report.positives), report.lemmas, secs, report.features,
      100.0 * report.last_epoch_accuracy);
  if (Status s = model.Save(f.out); !s.ok()) {
    std::fprintf(stderr, "%s: %s\n", kCmd, s.ToString().c_str());
    return kExitIo;
  }
  std::printf("wrote %s (threshold %.2f)\n", f.out.c_str(), model.threshold());
  if (f.dev.empty()) return rejected > 0 ? kExitRejected : kExitOk;

  // Dev: the whole quotes stage with the new model, at several thresholds
  // (the saved one is --threshold; the sweep shows what another would give).
  std::vector<BratDocument> dev_anns;
  std::vector<Article> dev;
  if (!Prepare(f.dev, *pipeline, threads, &dev_anns, &dev, &rejected)) return kExitIo;
  std::printf("%10s %10s %10s %10s %10s\n", "threshold", "content P", "content R", "content F1",
              "source F1");
  std::vector<float> sweep = {-1.0f, -0.5f, -0.25f, 0.0f, 0.25f, 0.5f, 1.0f, 2.0f};
  if (std::find(sweep.begin(), sweep.end(), f.options.threshold) == sweep.end()) {
    sweep.push_back(f.options.threshold);
    std::sort(sweep.begin(), sweep.end());
  }
  for (float t : sweep) {
    const quotes::CueModel at = model.WithThreshold(t);
    QuoteScores total;
    for (Article& a : dev) {
      quotes::ExtractQuotes(a.doc, *lexicon, &at);
      for (const BratDocument* ann : a.annotations)
        total.Add(ScoreQuotes(a.doc, ann->attributions));
    }
    std::printf("%10.2f %9.2f%% %9.2f%% %9.2f%% %9.2f%%%s\n", t, 100 * total.content.precision(),
                100 * total.content.recall(), 100 * total.content.f1(), 100 * total.source.f1(),
                t == f.options.threshold ? "  (saved)" : "");
  }
  return rejected > 0 ? kExitRejected : kExitOk;
}

}  // namespace

void AddQuoteCommands(CLI::App* train, int* exit_code) {
  auto f = std::make_shared<TrainQuoteFlags>();
  CLI::App* t = train->add_subcommand("quotes", "Train the cue model on a PolNeAR split");
  t->add_option("--polnear", f->train, "PolNeAR training split folder (text/, attributions/)")
      ->required();
  t->add_option("--dev", f->dev,
                "PolNeAR dev split: scored after training, with a threshold sweep");
  t->add_option("--out", f->out, "Model file to write")->capture_default_str();
  t->add_option("--models", f->models, "Models folder for the stages before quotes");
  t->add_option("--lexicon", f->lexicon, "Cue lexicon (default: cues.tsv in the models folder)");
  t->add_option("--epochs", f->options.epochs, "Passes over the examples")->capture_default_str();
  t->add_option("--seed", f->options.seed, "Shuffling seed")->capture_default_str();
  t->add_option("--threshold", f->options.threshold, "Margin above which a verb is a cue")
      ->capture_default_str();
  t->add_option("--min-lemma-cues", f->options.min_lemma_cues,
                "A verb outside the lexicon needs this many gold cues to become a candidate")
      ->capture_default_str();
  t->add_option("--min-lemma-share", f->options.min_lemma_share,
                "... and this share of its candidates to be gold cues")
      ->capture_default_str();
  t->add_option("--threads", f->threads, "Pipeline threads (default: all cores)");
  t->callback([f, exit_code] { *exit_code = RunTrainQuotes(*f); });
}

}  // namespace parley::cli
