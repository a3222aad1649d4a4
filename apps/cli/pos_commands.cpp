// parley train pos / parley eval pos: the tagger's training and scoring
// commands. Thin: reading data, training and scoring are library calls
// (tag/pos_trainer.h, tag/pos_eval.h); this file parses flags and reports.
#include <chrono>
#include <cstdio>
#include <memory>

#include "cli/common.h"
#include "cli/model_commands.h"
#include "output/json_writer.h"
#include "parley/pipeline.h"
#include "parley/runner.h"
#include "tag/context_counter.h"
#include "tag/pos_trainer.h"
#include "tag/tagged_corpus.h"

namespace parley::cli {
namespace {

struct TrainPosFlags {
  std::string train, dev, out = "models/pos.model";
  std::vector<std::string> unlabelled;
  uint64_t unlabelled_limit = 0;
  int threads = 2;
  tag::PosTrainOptions options;
};

struct EvalPosFlags {
  std::string gold, models_dir;
  bool json = false;
};

double Pct(double fraction) {
  return 100.0 * fraction;
}

// Reads a CoNLL-U file, reporting failure as the command's I/O error.
bool Read(const char* command, const std::string& path, std::vector<tag::TaggedSentence>* out) {
  auto data = tag::ReadTaggedConllu(path);
  if (!data.ok()) {
    std::fprintf(stderr, "%s: %s\n", command, data.status().ToString().c_str());
    return false;
  }
  *out = std::move(*data);
  return true;
}

// Segments the unlabelled corpus with the standard pipeline (so its tokens
// are what the tagger will see at run time) and counts word contexts.
bool CountContexts(const TrainPosFlags& f, tag::ContextLexicon* out) {
  auto pipeline = Pipeline::CreateDefault();
  if (!pipeline.ok()) {
    std::fprintf(stderr, "parley train pos: %s\n", pipeline.status().ToString().c_str());
    return false;
  }
  auto reader = Reader::Open(f.unlabelled);
  tag::ContextCounter counter;
  std::vector<std::string_view> forms;
  RunCallbacks cb;
  uint64_t errors = 0;
  cb.on_error = [&](const RecordError& e) {
    if (errors++ < 10) {
      std::fprintf(stderr, "parley train pos: %s: %s\n", e.where.ToString().c_str(),
                   e.status.ToString().c_str());
    }
  };
  cb.on_document = [&](Document&& doc) {
    for (const Sentence& s : doc.sentences()) {
      forms.clear();
      for (uint32_t i = s.token_begin; i < s.token_end; ++i) forms.push_back(doc.TokenForm(i));
      counter.Add(forms);
    }
  };
  RunOptions run;
  run.threads = f.threads;
  run.limit = f.unlabelled_limit;
  RunTotals t = RunPipeline(*reader, *pipeline, run, cb);
  if (t.extracted == 0) {
    std::fprintf(stderr, "parley train pos: no documents in the unlabelled input\n");
    return false;
  }
  *out = counter.Build(tag::ContextOptions{});
  std::printf("unlabelled: %llu documents, %llu tokens, %zu word profiles (%.1f s)\n",
              static_cast<unsigned long long>(t.extracted),
              static_cast<unsigned long long>(counter.tokens()), out->size(), t.seconds);
  return true;
}

int RunTrainPos(const TrainPosFlags& f) {
  const char* cmd = "parley train pos";
  if (f.options.epochs < 1) {
    std::fprintf(stderr, "%s: --epochs must be at least 1\n", cmd);
    return kExitUsage;
  }
  std::vector<tag::TaggedSentence> train, dev;
  if (!Read(cmd, f.train, &train) || (!f.dev.empty() && !Read(cmd, f.dev, &dev))) return kExitIo;
  std::printf("train: %s (%zu sentences)\n", f.train.c_str(), train.size());
  if (!dev.empty()) std::printf("dev: %s (%zu sentences)\n", f.dev.c_str(), dev.size());
  tag::ContextLexicon contexts;
  tag::PosTrainOptions options = f.options;
  if (!f.unlabelled.empty()) {
    if (!CountContexts(f, &contexts)) return kExitIo;
    options.contexts = &contexts;
  }
  auto on_epoch = [&](const tag::PosEpochReport& r) {
    std::printf("epoch %2d/%d: train %.2f%%", r.epoch, f.options.epochs, Pct(r.train_accuracy));
    if (r.has_dev) {
      std::printf("  dev UPOS %.2f%% XPOS %.2f%% lemma %.2f%%", Pct(r.dev.upos_accuracy()),
                  Pct(r.dev.xpos_accuracy()), Pct(r.dev.lemma_accuracy()));
    }
    std::printf("  %zu features, %.1f s\n", r.features, r.seconds);
    std::fflush(stdout);
  };
  auto model = tag::TrainPosModel(train, dev, options, on_epoch);
  if (!model.ok()) {
    std::fprintf(stderr, "%s: %s\n", cmd, model.status().ToString().c_str());
    return kExitIo;
  }
  std::string bytes = model->Serialize();
  if (Status st = model->Save(f.out); !st.ok()) {
    std::fprintf(stderr, "%s: %s\n", cmd, st.ToString().c_str());
    return kExitIo;
  }
  std::printf(
      "wrote %s (%.2f MB: %zu labels, %zu dictionary words, %zu features, "
      "%zu lemma exceptions)\n",
      f.out.c_str(), static_cast<double>(bytes.size()) / 1e6, model->num_labels(),
      model->dictionary().size(), model->weights().num_features(),
      model->lemmatizer().num_exceptions());
  return kExitOk;
}

int RunEvalPos(const EvalPosFlags& f) {
  const char* cmd = "parley eval pos";
  PipelineOptions po;
  po.models_dir = f.models_dir;
  std::string path = po.ResolvedModelsDir() + "/pos.model";
  auto t0 = std::chrono::steady_clock::now();
  auto model = tag::PosModel::Load(path);
  double load_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  if (!model.ok()) {
    std::fprintf(stderr, "%s: %s\n", cmd, model.status().ToString().c_str());
    return kExitIo;
  }
  std::vector<tag::TaggedSentence> gold;
  if (!Read(cmd, f.gold, &gold)) return kExitIo;
  tag::PosScores s = tag::EvalPos(*model, gold);
  std::printf("gold: %s (%llu sentences, %llu words; gold tokens, predicted tags)\n",
              f.gold.c_str(), static_cast<unsigned long long>(s.sentences),
              static_cast<unsigned long long>(s.tokens));
  std::printf("model: %s (loaded in %.0f ms)\n", path.c_str(), load_ms);
  std::printf("UPOS       %7.2f%%\nXPOS       %7.2f%%\nUPOS+XPOS  %7.2f%%\nlemma      %7.2f%%\n",
              Pct(s.upos_accuracy()), Pct(s.xpos_accuracy()), Pct(s.both_accuracy()),
              Pct(s.lemma_accuracy()));
  std::printf("speed: %.0f tokens/s tagging + lemmas, one thread (%.0f tokens/s tagging only)\n",
              s.tokens_per_s(), s.tag_seconds > 0 ? double(s.tokens) / s.tag_seconds : 0.0);
  if (f.json) {
    std::string out;
    JsonWriter w(&out);
    w.BeginObject();
    w.Field("task", "pos");
    w.Field("gold", f.gold);
    w.Field("model", path);
    w.Key("upos");
    w.Double(s.upos_accuracy());
    w.Key("xpos");
    w.Double(s.xpos_accuracy());
    w.Key("upos_xpos");
    w.Double(s.both_accuracy());
    w.Key("lemma");
    w.Double(s.lemma_accuracy());
    w.Key("tokens");
    w.UInt(s.tokens);
    w.Key("sentences");
    w.UInt(s.sentences);
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

void AddPosCommands(CLI::App* train, CLI::App* eval, int* exit_code) {
  auto tf = std::make_shared<TrainPosFlags>();
  CLI::App* t = train->add_subcommand("pos", "Train the part-of-speech tagger and lemmatiser");
  t->add_option("--train", tf->train, "Training CoNLL-U file")->required();
  t->add_option("--dev", tf->dev, "Development CoNLL-U file (scored after each epoch)");
  t->add_option("--out", tf->out, "Model file to write")->capture_default_str();
  t->add_option("--epochs", tf->options.epochs, "Passes over the training data")
      ->capture_default_str();
  t->add_option("--seed", tf->options.seed, "Shuffling seed")->capture_default_str();
  t->add_option("--unlabelled", tf->unlabelled,
                "Unlabelled text (JSONL/text, .gz ok) for the distributional word profiles");
  t->add_option("--unlabelled-limit", tf->unlabelled_limit, "Read at most this many documents");
  t->add_option("--threads", tf->threads, "Threads for segmenting the unlabelled text")
      ->capture_default_str();
  t->add_option("--min-feature-count", tf->options.min_feature_count,
                "Drop features seen fewer times")
      ->capture_default_str();
  t->callback([tf, exit_code] { *exit_code = RunTrainPos(*tf); });

  auto ef = std::make_shared<EvalPosFlags>();
  CLI::App* e = eval->add_subcommand("pos", "UPOS, XPOS and lemma accuracy on gold tokens");
  e->add_option("--gold", ef->gold, "Gold CoNLL-U file")->required();
  e->add_option("--models", ef->models_dir,
                "Models folder (default: $PARLEY_MODELS or the "
                "source tree's models/)");
  e->add_flag("--json", ef->json, "Also print one JSON object on the last line");
  e->callback([ef, exit_code] { *exit_code = RunEvalPos(*ef); });
}

}  // namespace parley::cli
