// parley train parse / parley eval parse: the dependency parser's training
// and scoring commands. Thin: reading treebanks, training and scoring are
// library calls (parse/parse_train.h, parley/parser.h EvalParse); this file
// parses flags, picks the tag source and reports.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>

#include "cli/common.h"
#include "cli/model_commands.h"
#include "output/json_writer.h"
#include "parley/output.h"
#include "parley/parser.h"
#include "parley/pipeline.h"
#include "parley/tagger.h"
#include "parse/parse_train.h"
#include "parse/treebank.h"
#include "parse/treebank_io.h"
#include "parse/word_classes.h"
#include "tag/pos_trainer.h"

namespace parley::cli {
namespace {

struct TrainParseFlags {
  std::string train, dev, out = "models/parse.model", models_dir, tags = "auto", extra;
  int jackknife = 10, tagger_epochs = 8;
  parse::ParseTrainOptions options;
};

struct EvalParseFlags {
  std::string gold, models_dir, tags = "auto", output;
  uint32_t beam = 0;
  double beam_prune = 0;
  bool json = false;
};

constexpr double kPct = 100.0;

double MsSince(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

bool Read(const char* cmd, const std::string& path, std::vector<TreebankSentence>* out) {
  auto data = parse::ReadTreebank(path);
  if (!data.ok()) {
    std::fprintf(stderr, "%s: %s\n", cmd, data.status().ToString().c_str());
    return false;
  }
  *out = std::move(*data);
  return true;
}

// The tag stage for --tags: "gold" gives none; "predicted" requires
// pos.model; "auto" uses it when the file exists. *failed on a load error.
std::unique_ptr<Stage> TagSource(const char* cmd, const std::string& tags,
                                 const std::string& models_dir, bool* failed) {
  *failed = false;
  if (tags == "gold") return nullptr;
  const std::string path = models_dir + "/pos.model";
  if (tags == "auto" && !std::filesystem::exists(path)) {
    std::fprintf(stderr, "%s: no %s, using gold tags\n", cmd, path.c_str());
    return nullptr;
  }
  auto stage = MakeTagStage(models_dir);
  if (!stage.ok()) {
    std::fprintf(stderr, "%s: %s\n", cmd, stage.status().ToString().c_str());
    *failed = true;
    return nullptr;
  }
  return std::move(*stage);
}

// Jackknifing: each of `folds` parts of `train` is tagged by a tagger
// trained on the other parts, so the parser learns from tags as wrong as
// those it will see at run time (a tagger tags its own training data almost
// perfectly). The fold taggers go through a temporary models folder because
// the tag stage loads from files.
Status JackknifeTags(std::vector<TreebankSentence>* train, int folds, int epochs) {
  std::vector<tag::TaggedSentence> all(train->size());
  for (size_t i = 0; i < train->size(); ++i) {
    const TreebankSentence& s = (*train)[i];
    all[i] = {s.form, s.upos, s.xpos, s.lemma, s.space_after};
  }
  const auto dir = std::filesystem::temp_directory_path() /
                   ("parley-jackknife-" + std::to_string(static_cast<long>(getpid())));
  std::filesystem::create_directories(dir);
  Status status;
  for (int fold = 0; fold < folds && status.ok(); ++fold) {
    std::vector<tag::TaggedSentence> rest;
    std::vector<TreebankSentence> held;
    for (size_t i = 0; i < all.size(); ++i) {
      if (static_cast<int>(i % static_cast<size_t>(folds)) == fold) {
        held.push_back((*train)[i]);
      } else {
        rest.push_back(all[i]);
      }
    }
    tag::PosTrainOptions options;
    options.epochs = epochs;
    auto model = tag::TrainPosModel(rest, {}, options);
    if (!model.ok()) {
      status = model.status();
      break;
    }
    status = model->Save((dir / "pos.model").string());
    if (!status.ok()) break;
    auto tagger = MakeTagStage(dir.string());
    if (!tagger.ok()) {
      status = tagger.status();
      break;
    }
    status = parse::RetagTreebank(&held, **tagger);
    for (size_t i = static_cast<size_t>(fold), h = 0; status.ok() && i < train->size();
         i += static_cast<size_t>(folds), ++h) {
      (*train)[i].upos = std::move(held[h].upos);
      (*train)[i].xpos = std::move(held[h].xpos);
    }
    std::printf("jackknife: fold %d/%d tagged\n", fold + 1, folds);
    std::fflush(stdout);
  }
  std::filesystem::remove_all(dir);
  return status;
}

int RunTrainParse(const TrainParseFlags& f) {
  const char* cmd = "parley train parse";
  if (f.options.epochs < 1) {
    std::fprintf(stderr, "%s: --epochs must be at least 1\n", cmd);
    return kExitUsage;
  }
  std::vector<TreebankSentence> train, dev;
  if (!Read(cmd, f.train, &train) || (!f.dev.empty() && !Read(cmd, f.dev, &dev))) return kExitIo;
  PipelineOptions po;
  po.models_dir = f.models_dir;
  bool failed = false;
  std::unique_ptr<Stage> tagger = TagSource(cmd, f.tags, po.ResolvedModelsDir(), &failed);
  if (failed) return kExitIo;
  // Ambiguity classes come from the gold tags, before any retagging.
  const parse::WordClasses classes = parse::WordClasses::Build(train);
  if (tagger) {
    // Train and tune on tags like those the parser will see at run time.
    Status st = f.jackknife > 1 ? JackknifeTags(&train, f.jackknife, f.tagger_epochs)
                                : parse::RetagTreebank(&train, *tagger);
    if (st.ok()) st = parse::RetagTreebank(&dev, *tagger);
    if (!st.ok()) {
      std::fprintf(stderr, "%s: tagging: %s\n", cmd, st.ToString().c_str());
      return kExitIo;
    }
  }
  if (!f.extra.empty()) {
    // Taken as they are: the tags and trees some other parse gave them.
    std::vector<TreebankSentence> extra;
    if (!Read(cmd, f.extra, &extra)) return kExitIo;
    std::printf("extra: %s (%zu sentences, tags and trees as given)\n", f.extra.c_str(),
                extra.size());
    train.insert(train.end(), std::make_move_iterator(extra.begin()),
                 std::make_move_iterator(extra.end()));
  }
  const std::string tag_source =
      !tagger           ? "gold"
      : f.jackknife > 1 ? std::to_string(f.jackknife) + "-fold jackknifed (dev: pos.model)"
                        : "predicted by pos.model";
  std::printf("train: %s (%zu sentences), tags %s\n", f.train.c_str(), train.size(),
              tag_source.c_str());
  if (!dev.empty()) std::printf("dev: %s (%zu sentences)\n", f.dev.c_str(), dev.size());
  parse::ParseTrainOptions options = f.options;
  options.word_classes = &classes;
  options.provenance =
      "parley train parse --train " + f.train + " --epochs " + std::to_string(options.epochs) +
      " --seed " + std::to_string(options.seed) +
      (options.beam_width > 1 ? " --beam " + std::to_string(options.beam_width) : std::string()) +
      (f.extra.empty() ? std::string() : " --extra " + f.extra) + " (tags " + tag_source + ")";
  options.log = [](const std::string& line) {
    std::printf("%s\n", line.c_str());
    std::fflush(stdout);
  };
  parse::ParseTrainReport report;
  auto model = parse::TrainParser(train, dev, options, &report);
  if (!model.ok()) {
    std::fprintf(stderr, "%s: %s\n", cmd, model.status().ToString().c_str());
    return kExitRejected;
  }
  std::printf("trained on %llu projective sentences (%llu tokens); skipped %llu non-projective\n",
              static_cast<unsigned long long>(report.sentences),
              static_cast<unsigned long long>(report.tokens),
              static_cast<unsigned long long>(report.skipped_nonprojective));
  if (!dev.empty()) {
    std::printf("kept epoch %d: dev UAS %.2f%% LAS %.2f%%\n", report.best_epoch,
                kPct * report.dev_uas, kPct * report.dev_las);
  }
  if (Status st = model->Save(f.out); !st.ok()) {
    std::fprintf(stderr, "%s: %s\n", cmd, st.ToString().c_str());
    return kExitIo;
  }
  std::printf("wrote %s (%.2f MB: %zu labels, %zu features)\n", f.out.c_str(),
              static_cast<double>(std::filesystem::file_size(f.out)) / 1e6, model->labels().size(),
              model->num_features());
  return kExitOk;
}

int RunEvalParse(const EvalParseFlags& f) {
  const char* cmd = "parley eval parse";
  PipelineOptions po;
  po.models_dir = f.models_dir;
  const std::string models_dir = po.ResolvedModelsDir();
  auto t0 = std::chrono::steady_clock::now();
  auto parser = MakeParseStage(models_dir, f.beam, f.beam_prune);
  double load_ms = MsSince(t0);
  if (!parser.ok()) {
    std::fprintf(stderr, "%s: %s\n", cmd, parser.status().ToString().c_str());
    return kExitIo;
  }
  bool failed = false;
  std::unique_ptr<Stage> tagger = TagSource(cmd, f.tags, models_dir, &failed);
  if (failed) return kExitIo;
  std::vector<TreebankSentence> gold;
  if (!Read(cmd, f.gold, &gold)) return kExitIo;
  std::string trees;  // CoNLL-U of the parsed sentences, for --output
  std::function<void(const Document&)> keep_trees;
  if (!f.output.empty())
    keep_trees = [&](const Document& doc) { WriteDocumentConllu(doc, &trees); };
  auto scores = EvalParse(gold, tagger.get(), **parser, keep_trees);
  if (!scores.ok()) {
    std::fprintf(stderr, "%s: %s\n", cmd, scores.status().ToString().c_str());
    return kExitRejected;
  }
  const ParseScores& s = *scores;
  if (!f.output.empty()) {
    std::ofstream out(f.output, std::ios::binary);
    if (!out || !out.write(trees.data(), static_cast<std::streamsize>(trees.size())) ||
        !out.flush()) {
      std::fprintf(stderr, "%s: cannot write %s\n", cmd, f.output.c_str());
      return kExitIo;
    }
  }
  const char* tags = s.predicted_tags ? "predicted" : "gold";
  std::printf("gold: %s (%llu sentences, %llu words; gold tokens, %s tags, predicted trees)\n",
              f.gold.c_str(), static_cast<unsigned long long>(s.sentences),
              static_cast<unsigned long long>(s.tokens), tags);
  std::printf("model: %s/parse.model (loaded in %.0f ms)\n", models_dir.c_str(), load_ms);
  std::printf("UAS  %7.2f%%\nLAS  %7.2f%%\n", kPct * s.uas(), kPct * s.las());
  std::printf(
      "scored on every word, punctuation included (CoNLL 2018 shared task LAS; "
      "full labels with subtypes)\n");
  std::printf("speed: %.0f tokens/s parsing per core (thread CPU time, tagging excluded)\n",
              s.tokens_per_s());
  if (f.json) {
    std::string out;
    JsonWriter w(&out);
    w.BeginObject();
    w.Field("task", "parse");
    w.Field("gold", f.gold);
    w.Field("tags", tags);
    w.Key("uas");
    w.Double(s.uas());
    w.Key("las");
    w.Double(s.las());
    w.Key("tokens");
    w.UInt(s.tokens);
    w.Key("sentences");
    w.UInt(s.sentences);
    w.Key("punctuation_included");
    w.Bool(true);
    w.Key("tokens_per_s");
    w.Double(s.tokens_per_s());
    w.Key("load_ms");
    w.Double(load_ms);
    w.EndObject();
    std::printf("%s\n", out.c_str());
  }
  return kExitOk;
}

}  // namespace

void AddParseCommands(CLI::App* train, CLI::App* eval, int* exit_code) {
  const char* tags_help = "Tag source: auto (the tagger when pos.model exists), predicted, gold";
  auto tf = std::make_shared<TrainParseFlags>();
  CLI::App* t = train->add_subcommand("parse", "Train the dependency parser");
  t->add_option("--train", tf->train, "Training CoNLL-U file")->required();
  t->add_option("--dev", tf->dev, "Development CoNLL-U file (picks the best epoch)");
  t->add_option("--out", tf->out, "Model file to write")->capture_default_str();
  t->add_option("--epochs", tf->options.epochs, "Passes over the training data")
      ->capture_default_str();
  t->add_option("--seed", tf->options.seed, "Shuffling and exploration seed")
      ->capture_default_str();
  t->add_option("--beam", tf->options.beam_width,
                "Beam width: 1 trains a greedy parser (dynamic oracle); above 1, global "
                "training for beam search of that width, which the model then decodes with")
      ->check(CLI::Range(1u, parse::kMaxBeamWidth))
      ->capture_default_str();
  t->add_option("--explore-from", tf->options.explore.explore_from_epoch,
                "First epoch (0-based) that follows the model's own mistakes")
      ->capture_default_str();
  t->add_option("--follow-prediction", tf->options.explore.follow_prediction,
                "Chance of following a wrong prediction while exploring")
      ->capture_default_str();
  t->add_option("--min-feature-count", tf->options.min_feature_count,
                "Drop features seen fewer times in gold configurations")
      ->capture_default_str();
  t->add_option("--min-weight", tf->options.min_weight, "Drop smaller averaged weights")
      ->capture_default_str();
  t->add_option("--models", tf->models_dir, "Models folder holding pos.model");
  t->add_option("--tags", tf->tags, tags_help)
      ->check(CLI::IsMember({"auto", "predicted", "gold"}))
      ->capture_default_str();
  t->add_option("--extra", tf->extra,
                "More training sentences (CoNLL-U) taken as they are: their tags and trees are "
                "not retagged (e.g. news parsed by a slower, more accurate parser)");
  t->add_option("--jackknife", tf->jackknife,
                "With predicted tags: tag the training data in this many folds, each by a "
                "tagger trained on the others (0: tag it with pos.model)")
      ->capture_default_str();
  t->add_option("--tagger-epochs", tf->tagger_epochs, "Epochs of each jackknife tagger")
      ->capture_default_str();
  t->callback([tf, exit_code] { *exit_code = RunTrainParse(*tf); });

  auto ef = std::make_shared<EvalParseFlags>();
  CLI::App* e = eval->add_subcommand("parse", "UAS and LAS on gold tokens, tags predicted");
  e->add_option("--gold", ef->gold, "Gold CoNLL-U file")->required();
  e->add_option("--output", ef->output,
                "Also write the parsed sentences here as CoNLL-U (tags, heads and relations "
                "as predicted), for error analysis");
  e->add_option("--beam", ef->beam,
                "Decode with a beam of this width (1: greedy; default: as the model was trained)")
      ->check(CLI::Range(1u, parse::kMaxBeamWidth));
  e->add_option("--beam-prune", ef->beam_prune,
                "Drop beam items this far (in weight units) below the best (0: keep the whole "
                "beam)")
      ->check(CLI::NonNegativeNumber);
  e->add_option("--models", ef->models_dir,
                "Models folder (default: $PARLEY_MODELS or the source tree's models/)");
  e->add_option("--tags", ef->tags, tags_help)
      ->check(CLI::IsMember({"auto", "predicted", "gold"}))
      ->capture_default_str();
  e->add_flag("--json", ef->json, "Also print one JSON object on the last line");
  e->callback([ef, exit_code] { *exit_code = RunEvalParse(*ef); });
}

}  // namespace parley::cli
