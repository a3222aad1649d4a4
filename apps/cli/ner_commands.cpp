// `parley train ner` and `parley eval ner`: the NER tagger's trainer and
// its conlleval-equivalent scorer (library code in src/ner/).
#include <chrono>
#include <cstdio>

#include "cli/common.h"
#include "cli/model_commands.h"
#include "ner/conll.h"
#include "ner/ner_eval.h"
#include "ner/ner_trainer.h"
#include "output/json_writer.h"
#include "parley/ner.h"
#include "parley/pipeline.h"

namespace parley::cli {
namespace {

struct TrainFlags {
  std::string train, dev, out = "models/ner.model";
  std::string gazetteers = "data/ner/gazetteers", clusters = "data/ner/clusters.txt";
  ner::NerTrainOptions options;
};

struct EvalFlags {
  std::string gold, models, predictions;
  bool json = false;
};

int RunTrain(TrainFlags& f) {
  auto train = ner::ReadConll(f.train);
  if (!train.ok()) {
    std::fprintf(stderr, "parley train ner: %s\n", train.status().ToString().c_str());
    return kExitIo;
  }
  StatusOr<std::vector<ner::NerDocument>> dev = std::vector<ner::NerDocument>{};
  if (!f.dev.empty()) dev = ner::ReadConll(f.dev);
  if (!dev.ok()) {
    std::fprintf(stderr, "parley train ner: %s\n", dev.status().ToString().c_str());
    return kExitIo;
  }
  f.options.gazetteer_dir = f.gazetteers;
  f.options.clusters_path = f.clusters;
  f.options.log = stderr;
  auto t0 = std::chrono::steady_clock::now();
  auto model = ner::TrainNer(*train, f.options, f.dev.empty() ? nullptr : &*dev);
  if (!model.ok()) {
    std::fprintf(stderr, "parley train ner: %s\n", model.status().ToString().c_str());
    return kExitIo;
  }
  Status saved = model->Save(f.out);
  if (!saved.ok()) {
    std::fprintf(stderr, "parley train ner: %s\n", saved.ToString().c_str());
    return kExitIo;
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::printf("trained on %zu documents in %.0f s; wrote %s\n", train->size(), secs, f.out.c_str());
  return kExitOk;
}

void PrfJson(JsonWriter& w, const PrfCounts& c) {
  w.BeginObject();
  w.Key("precision");
  w.Double(c.precision());
  w.Key("recall");
  w.Double(c.recall());
  w.Key("f1");
  w.Double(c.f1());
  w.Key("gold");
  w.UInt(c.gold);
  w.Key("predicted");
  w.UInt(c.predicted);
  w.Key("correct");
  w.UInt(c.correct);
  w.EndObject();
}

int RunEval(const EvalFlags& f) {
  PipelineOptions po;
  po.models_dir = f.models;
  std::string predicted;
  auto scores =
      EvalNer(f.gold, po.ResolvedModelsDir(), f.predictions.empty() ? nullptr : &predicted);
  if (!scores.ok()) {
    std::fprintf(stderr, "parley eval ner: %s\n", scores.status().ToString().c_str());
    return scores.status().code() == StatusCode::kInvalidArgument ? kExitRejected : kExitIo;
  }
  const NerScores& s = *scores;
  if (!f.predictions.empty()) {
    FILE* out = std::fopen(f.predictions.c_str(), "wb");
    if (!out || std::fwrite(predicted.data(), 1, predicted.size(), out) != predicted.size()) {
      std::fprintf(stderr, "parley eval ner: cannot write %s\n", f.predictions.c_str());
      if (out) std::fclose(out);
      return kExitIo;
    }
    std::fclose(out);
  }
  double tps = s.seconds > 0 ? static_cast<double>(s.tokens) / s.seconds : 0;
  std::printf("gold: %s (%llu documents, %llu sentences, %llu tokens)\n", f.gold.c_str(),
              static_cast<unsigned long long>(s.documents),
              static_cast<unsigned long long>(s.sentences),
              static_cast<unsigned long long>(s.tokens));
  PrintPrfHeader(8);
  auto row = [](const char* name, const PrfCounts& c) { PrintPrfRow(8, name, c); };
  for (size_t t = 0; t < kNerTypes.size(); ++t) row(kNerTypes[t], s.per_type[t]);
  row("all", s.overall);
  std::printf("speed: %.0f tokens per CPU second (features and decoding, one thread)\n", tps);
  if (f.json) {
    std::string out;
    JsonWriter w(&out);
    w.BeginObject();
    w.Field("task", "ner");
    w.Field("gold", f.gold);
    w.Key("precision");
    w.Double(s.overall.precision());
    w.Key("recall");
    w.Double(s.overall.recall());
    w.Key("f1");
    w.Double(s.overall.f1());
    w.Key("per_type");
    w.BeginObject();
    for (size_t t = 0; t < kNerTypes.size(); ++t) {
      w.Key(kNerTypes[t]);
      PrfJson(w, s.per_type[t]);
    }
    w.EndObject();
    w.Key("gold_entities");
    w.UInt(s.overall.gold);
    w.Key("documents");
    w.UInt(s.documents);
    w.Key("sentences");
    w.UInt(s.sentences);
    w.Key("tokens");
    w.UInt(s.tokens);
    w.Key("tokens_per_s");
    w.Double(tps);
    w.EndObject();
    std::printf("%s\n", out.c_str());
  }
  return kExitOk;
}

}  // namespace

void AddNerCommands(CLI::App* train, CLI::App* eval, int* exit_code) {
  auto tf = std::make_shared<TrainFlags>();
  CLI::App* t = train->add_subcommand("ner", "Train the named-entity tagger on CoNLL-2003 data");
  t->add_option("--train", tf->train, "Training file (CoNLL-2003 columns, IOB1 or IOB2)")
      ->required();
  t->add_option("--dev", tf->dev, "Development file, scored after training");
  t->add_option("--out", tf->out, "Model file to write")->capture_default_str();
  t->add_option("--epochs", tf->options.epochs, "Epochs of the first pass")->capture_default_str();
  t->add_option("--second-epochs", tf->options.second_epochs, "Epochs of the second pass")
      ->capture_default_str();
  t->add_option("--folds", tf->options.folds, "Jackknife folds (< 2: no second pass)")
      ->capture_default_str();
  t->add_option("--name-folds", tf->options.name_folds,
                "Folds for the training names gazetteer lists (< 2: none)")
      ->capture_default_str();
  t->add_option("--dropout", tf->options.dropout, "Share of features hidden from each update")
      ->capture_default_str();
  t->add_option("--min-weight", tf->options.min_weight, "Averaged weights below this are dropped")
      ->capture_default_str();
  t->add_option("--seed", tf->options.seed, "Shuffling seed")->capture_default_str();
  t->add_option("--gazetteers", tf->gazetteers, "Gazetteer folder")->capture_default_str();
  t->add_option("--clusters", tf->clusters, "Word cluster file")->capture_default_str();
  t->callback([tf, exit_code] { *exit_code = RunTrain(*tf); });

  auto ef = std::make_shared<EvalFlags>();
  CLI::App* e = eval->add_subcommand("ner", "Entities against a CoNLL-2003 file (IOB1 or IOB2)");
  e->add_option("--gold", ef->gold, "Gold CoNLL-2003 file")->required();
  e->add_option("--models", ef->models, "Model folder (default: $PARLEY_MODELS or models/)");
  e->add_option("--predictions", ef->predictions, "Write 'word gold predicted' lines (IOB2) here");
  e->add_flag("--json", ef->json, "Also print one JSON object on the last line");
  e->callback([ef, exit_code] { *exit_code = RunEval(*ef); });
}

}  // namespace parley::cli
