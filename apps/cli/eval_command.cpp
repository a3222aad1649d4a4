// parley eval: accuracy against gold data (scorers are library code).
#include <cstdio>

#include "cli/common.h"
#include "output/json_writer.h"
#include "parley/eval.h"

namespace parley::cli {
namespace {

struct TokenizeFlags {
  std::string gold;
  bool json = false;
};

int RunEvalTokenize(const TokenizeFlags& f) {
  auto pipeline = Pipeline::CreateDefault();
  if (!pipeline.ok()) {
    std::fprintf(stderr, "parley eval tokenize: %s\n", pipeline.status().ToString().c_str());
    return kExitUsage;
  }
  auto scores = EvalTokenize(f.gold, *pipeline);
  if (!scores.ok()) {
    std::fprintf(stderr, "parley eval tokenize: %s\n", scores.status().ToString().c_str());
    return scores.status().code() == StatusCode::kInvalidArgument ? kExitRejected : kExitIo;
  }
  const TokenizeScores& s = *scores;
  double mb_per_s = s.seconds > 0 ? static_cast<double>(s.bytes) / 1e6 / s.seconds : 0;
  std::printf("gold: %s (%llu documents, %.2f MB)\n", f.gold.c_str(),
              static_cast<unsigned long long>(s.documents), static_cast<double>(s.bytes) / 1e6);
  PrintPrfHeader(10);
  auto row = [](const char* name, const PrfCounts& c) { PrintPrfRow(10, name, c); };
  row("tokens", s.tokens);
  row("sentences", s.sentences);
  std::printf("speed: %.2f MB/s (repair + segmentation)\n", mb_per_s);
  if (f.json) {
    std::string out;
    JsonWriter w(&out);
    w.BeginObject();
    w.Field("task", "tokenize");
    w.Field("gold", f.gold);
    w.Key("tokens_f1");
    w.Double(s.tokens.f1());
    w.Key("tokens_p");
    w.Double(s.tokens.precision());
    w.Key("tokens_r");
    w.Double(s.tokens.recall());
    w.Key("sentences_f1");
    w.Double(s.sentences.f1());
    w.Key("sentences_p");
    w.Double(s.sentences.precision());
    w.Key("sentences_r");
    w.Double(s.sentences.recall());
    w.Key("gold_tokens");
    w.UInt(s.tokens.gold);
    w.Key("gold_sentences");
    w.UInt(s.sentences.gold);
    w.Key("documents");
    w.UInt(s.documents);
    w.Key("mb_per_s");
    w.Double(mb_per_s);
    w.EndObject();
    std::printf("%s\n", out.c_str());
  }
  return kExitOk;
}

}  // namespace

CLI::App* AddEvalCommand(CLI::App& app, int* exit_code) {
  CLI::App* eval = app.add_subcommand("eval", "Score parley against gold annotations");
  eval->require_subcommand(1);
  auto tok = std::make_shared<TokenizeFlags>();
  CLI::App* cmd = eval->add_subcommand(
      "tokenize", "Sentence and token boundaries against CoNLL-U text (# text lines)");
  cmd->add_option("--gold", tok->gold, "Gold CoNLL-U file")->required();
  cmd->add_flag("--json", tok->json, "Also print one JSON object on the last line");
  cmd->callback([tok, exit_code] { *exit_code = RunEvalTokenize(*tok); });
  AddEvalQuotesCommand(eval, exit_code);
  AddEvalEventsCommand(eval, exit_code);
  return eval;
}

}  // namespace parley::cli
