// `parley train quotes`: the cue model (src/quotes/cue_model.h) and the
// content-end model (src/quotes/content_model.h) from a PolNeAR split. Runs
// the pipeline up to the quotes stage over every article, labels each verb
// candidate by the gold attributions, trains both, and, with --dev, scores
// the new models on the dev split with a sweep of cue thresholds.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <thread>

#include "cli/common.h"
#include "cli/model_commands.h"
#include "parley/quote_eval.h"
#include "quotes/cue_trainer.h"
#include "quotes/quote_stage.h"

namespace parley::cli {
namespace {

constexpr const char* kCmd = "parley train quotes";
// The stages the quotes stage reads from.
constexpr const char* kBeforeQuotes = "repair,segment,tag,parse,ner,entities,link";

struct TrainQuoteFlags {
  std::string train, dev, out = "models/cues.model", content_out, models, lexicon;
  int threads = 0;
  quotes::CueTrainOptions options;
};

// Reads a split and runs the pipeline over each article (ProcessPolnear).
// Problems reading files are listed and added to *rejected; false when the
// folder cannot be read.
bool Prepare(const std::string& dir, const Pipeline& pipeline, int threads, PolnearSplit* split,
             size_t* rejected) {
  auto read = ProcessPolnear(dir, pipeline, threads);
  if (!read.ok()) {
    std::fprintf(stderr, "%s: %s\n", kCmd, read.status().ToString().c_str());
    return false;
  }
  *split = std::move(*read);
  if (!split->errors.empty()) PrintRecordErrors(kCmd, split->errors);
  *rejected += split->errors.size();
  std::printf("%s: %zu articles, %zu annotations\n", dir.c_str(), split->articles.size(),
              split->annotations.size());
  return true;
}

// The cue and content-end examples of every annotation of a split.
void AddExamples(PolnearSplit& split, const quotes::CueLexicon& lexicon,
                 std::vector<quotes::LabelledCue>* cues, std::vector<quotes::LabelledEnd>* ends) {
  for (size_t i = 0; i < split.annotations.size(); ++i) {
    std::vector<quotes::GoldQuote> gold;
    for (const GoldAttribution& g : split.annotations[i].attributions) {
      gold.push_back({g.cue, g.content});
    }
    quotes::AddCueExamples(split.articles[split.article_of[i]], lexicon, gold, cues, ends);
  }
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
  if (f.content_out.empty()) {
    f.content_out = (std::filesystem::path(f.out).parent_path() / "content.model").string();
  }
  // Where the models go is checked before minutes of work, not after.
  for (const std::string& out : {f.out, f.content_out}) {
    const std::filesystem::path folder = std::filesystem::path(out).parent_path();
    if (!folder.empty() && !std::filesystem::is_directory(folder)) {
      std::fprintf(stderr, "%s: io_error: no folder %s to write %s in\n", kCmd,
                   folder.string().c_str(), out.c_str());
      return kExitIo;
    }
  }
  const int threads = f.threads > 0
                          ? f.threads
                          : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  auto t0 = std::chrono::steady_clock::now();
  PolnearSplit train;
  size_t rejected = 0;  // files or articles that could not be used
  if (!Prepare(f.train, *pipeline, threads, &train, &rejected)) return kExitIo;
  std::vector<quotes::LabelledCue> examples;
  std::vector<quotes::LabelledEnd> ends;
  AddExamples(train, *lexicon, &examples, &ends);
  if (examples.empty()) {
    std::fprintf(stderr, "%s: %s has no verb candidates to learn from\n", kCmd, f.train.c_str());
    return kExitRejected;
  }
  quotes::CueTrainReport report;
  quotes::CueModel model = quotes::TrainCueModel(examples, f.options, &report);
  quotes::EndTrainReport end_report;
  quotes::ContentEndModel end_model = quotes::TrainContentEndModel(ends, f.options, &end_report);
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::printf(
      "trained on %llu verb candidates (%llu cues; %zu verbs beyond the lexicon) in %.1f s: %zu "
      "features, last-epoch accuracy %.2f%%\n",
      static_cast<unsigned long long>(report.examples),
      static_cast<unsigned long long>(report.positives), report.lemmas, secs, report.features,
      100.0 * report.last_epoch_accuracy);
  std::printf(
      "content ends: %llu examples, %zu features; mean Jaccard with gold: parse %.3f, model "
      "(last epoch, online) %.3f, best possible %.3f\n",
      static_cast<unsigned long long>(end_report.examples), end_report.features,
      end_report.parse_gain, end_report.last_epoch_gain, end_report.best_gain);
  if (Status s = model.Save(f.out); !s.ok()) {
    std::fprintf(stderr, "%s: %s\n", kCmd, s.ToString().c_str());
    return kExitIo;
  }
  std::printf("wrote %s (threshold %.2f)\n", f.out.c_str(), model.threshold());
  if (Status s = end_model.Save(f.content_out); !s.ok()) {
    std::fprintf(stderr, "%s: %s\n", kCmd, s.ToString().c_str());
    return kExitIo;
  }
  std::printf("wrote %s\n", f.content_out.c_str());
  if (f.dev.empty()) return rejected > 0 ? kExitRejected : kExitOk;

  // Dev: the whole quotes stage with the new model, at several thresholds
  // (the saved one is --threshold; the sweep shows what another would give).
  PolnearSplit dev;
  if (!Prepare(f.dev, *pipeline, threads, &dev, &rejected)) return kExitIo;
  {
    std::vector<quotes::LabelledCue> dev_cues;
    std::vector<quotes::LabelledEnd> dev_ends;
    AddExamples(dev, *lexicon, &dev_cues, &dev_ends);
    double parse = 0;
    const double chosen = quotes::ScoreContentEnds(end_model, dev_ends, &parse);
    std::printf(
        "content ends on dev: %zu examples, mean Jaccard with gold: parse %.3f, model %.3f\n",
        dev_ends.size(), parse, chosen);
  }
  std::printf("%10s %10s %10s %10s %10s\n", "threshold", "content P", "content R", "content F1",
              "source F1");
  std::vector<float> sweep = {-4.0f, -3.0f, -2.0f, -1.0f, -0.5f, 0.0f, 0.5f, 1.0f, 2.0f};
  if (std::find(sweep.begin(), sweep.end(), f.options.threshold) == sweep.end()) {
    sweep.push_back(f.options.threshold);
    std::sort(sweep.begin(), sweep.end());
  }
  for (float t : sweep) {
    const quotes::CueModel at = model.WithThreshold(t);
    QuoteScores total;
    for (Document& doc : dev.articles) quotes::ExtractQuotes(doc, *lexicon, {&at, &end_model});
    for (size_t i = 0; i < dev.annotations.size(); ++i) {
      total.Add(ScoreQuotes(dev.articles[dev.article_of[i]], dev.annotations[i].attributions));
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
  CLI::App* t =
      train->add_subcommand("quotes", "Train the cue and content-end models on a PolNeAR split");
  t->add_option("--polnear", f->train, "PolNeAR training split folder (text/, attributions/)")
      ->required();
  t->add_option("--dev", f->dev,
                "PolNeAR dev split: scored after training, with a threshold sweep");
  t->add_option("--out", f->out, "Cue model file to write")->capture_default_str();
  t->add_option("--content-out", f->content_out,
                "Content-end model file to write (default: content.model beside --out)");
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
