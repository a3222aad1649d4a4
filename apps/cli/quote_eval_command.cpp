// `parley eval quotes`: attributions against PolNeAR (--polnear DIR) or a
// golden file (--golden F.expected.json --text F.txt). Scorers are library
// code (include/parley/quote_eval.h); this file runs the pipeline and prints.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <thread>

#include "cli/common.h"
#include "output/json_writer.h"
#include "parley/quote_eval.h"

namespace parley::cli {
namespace {

struct QuoteEvalFlags {
  std::string polnear, golden, text;
  PipelineFlags pipeline;
  int threads = 0;
  bool json = false;
  bool errors = false;
  size_t max_errors = 40;
};

// The text of a span, empty when a (predicted) span lies outside the text.
std::string_view At(std::string_view text, Span s) {
  if (s.begin > s.end || s.end > text.size()) return {};
  return text.substr(s.begin, s.size());
}

std::string SpansText(std::string_view text, const std::vector<Span>& spans) {
  std::string out;
  for (Span s : spans) {
    if (!out.empty()) out += " ... ";
    out += At(text, s);
  }
  return out;
}

void PrfFields(JsonWriter& w, const char* prefix, const PrfCounts& c) {
  std::string p(prefix);
  w.Key(p + "_p");
  w.Double(c.precision());
  w.Key(p + "_r");
  w.Double(c.recall());
  w.Key(p + "_f1");
  w.Double(c.f1());
}

void CountFields(JsonWriter& w, const PrfCounts& c) {
  w.BeginObject();
  w.Key("gold");
  w.UInt(c.gold);
  w.Key("predicted");
  w.UInt(c.predicted);
  w.Key("correct");
  w.UInt(c.correct);
  w.EndObject();
}

// --errors for PolNeAR: missed gold, spurious predictions, wrong sources.
void PrintPolnearListing(const PolnearResult& r, size_t max_errors) {
  size_t missed = 0, spurious = 0, wrong_source = 0;
  std::string missed_out, spurious_out, source_out;
  auto add = [&](std::string* out, size_t* n, const std::string& line) {
    if ((*n)++ < max_errors) *out += line;
  };
  for (const PolnearResult::Detail& d : r.details) {
    std::string_view text = d.gold.text;
    std::string where = d.gold.name + "_" + d.gold.annotator;
    for (const QuoteMatch& m : d.matches) {
      if (m.gold >= 0 && m.predicted < 0) {
        const GoldAttribution& g = d.gold.attributions[static_cast<size_t>(m.gold)];
        add(&missed_out, &missed,
            "  " + where + " " + g.id + " [" + QuoteKindName(ClassifyGoldKind(text, g.content)) +
                "] source '" + Snippet(SpansText(text, g.source), 40) + "' cue '" +
                Snippet(SpansText(text, g.cue), 30) + "'\n      " +
                Snippet(SpansText(text, g.content)) + "\n");
      } else if (m.gold < 0) {
        const Quote& q = d.predicted[static_cast<size_t>(m.predicted)];
        add(&spurious_out, &spurious,
            "  " + where + " @" + std::to_string(q.content.begin) + " [" + QuoteKindName(q.kind) +
                "] speaker '" + Snippet(At(text, q.speaker), 40) + "' cue '" +
                Snippet(At(text, q.cue), 30) + "'\n      " + Snippet(At(text, q.content)) + "\n");
      } else if (!m.source_correct) {
        const GoldAttribution& g = d.gold.attributions[static_cast<size_t>(m.gold)];
        const Quote& q = d.predicted[static_cast<size_t>(m.predicted)];
        if (g.source.empty() && q.speaker.empty()) continue;
        add(&source_out, &wrong_source,
            "  " + where + " " + g.id + ": gold '" + Snippet(SpansText(text, g.source), 50) +
                "', predicted '" + Snippet(At(text, q.speaker), 50) + "'  (" +
                Snippet(SpansText(text, g.content), 50) + ")\n");
      }
    }
  }
  auto section = [&](const char* title, size_t n, const std::string& body) {
    std::printf("%s: %zu%s\n%s", title, n,
                n > max_errors ? (" (first " + std::to_string(max_errors) + " shown)").c_str() : "",
                body.c_str());
  };
  section("missed gold attributions", missed, missed_out);
  section("spurious predictions", spurious, spurious_out);
  section("matched with a wrong or missing source", wrong_source, source_out);
}

int RunPolnear(const QuoteEvalFlags& f) {
  auto pipeline = BuildEvalPipeline(f.pipeline, kAnnQuotes, "quotes", "quote");
  if (!pipeline.ok()) {
    std::fprintf(stderr, "parley eval quotes: %s\n", pipeline.status().ToString().c_str());
    return PipelineExitCode(pipeline.status());
  }
  PolnearOptions o;
  o.threads = f.threads > 0 ? f.threads
                            : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  o.keep_details = f.errors;
  auto result = EvalPolnear(f.polnear, *pipeline, o);
  if (!result.ok()) {
    std::fprintf(stderr, "parley eval quotes: %s\n", result.status().ToString().c_str());
    return result.status().code() == StatusCode::kInvalidArgument ? kExitRejected : kExitIo;
  }
  const PolnearResult& r = *result;
  const QuoteScores& s = r.scores;
  PrintRecordErrors("parley eval quotes", r.errors);
  std::printf("gold: %s (%llu articles, %llu annotations, %llu attributions", f.polnear.c_str(),
              static_cast<unsigned long long>(r.articles),
              static_cast<unsigned long long>(r.annotations),
              static_cast<unsigned long long>(s.content.gold));
  if (s.gold_without_content) {
    std::printf("; %llu without content not scored",
                static_cast<unsigned long long>(s.gold_without_content));
  }
  std::printf(")\n");
  PrintPrfHeader(14);
  auto row = [](const char* name, const PrfCounts& c) { PrintPrfRow(14, name, c); };
  row("content", s.content);
  row("exact content", s.exact_content);
  row("source", s.source);
  row("cue", s.cue);
  std::printf("%-14s %9s %9s %9s %9s %8s %8s %8s\n", "content by kind", "gold", "predicted",
              "matched g", "matched p", "P", "R", "F1");
  for (size_t k = 0; k < s.per_kind.size(); ++k) {
    const KindCounts& c = s.per_kind[k];
    std::printf("%-14s %9llu %9llu %9llu %9llu %7.2f%% %7.2f%% %7.2f%%\n",
                QuoteKindName(static_cast<QuoteKind>(k)), static_cast<unsigned long long>(c.gold),
                static_cast<unsigned long long>(c.predicted),
                static_cast<unsigned long long>(c.matched_gold),
                static_cast<unsigned long long>(c.matched_predicted), 100 * c.precision(),
                100 * c.recall(), 100 * c.f1());
  }
  double kind_acc = s.content.correct
                        ? static_cast<double>(s.kind_agree) / static_cast<double>(s.content.correct)
                        : 0;
  std::printf("kind agreement on matched quotes: %.2f%%\n", 100 * kind_acc);
  std::printf("time: %.2f s for %.2f MB (%d threads, stages %s)\n", r.seconds,
              static_cast<double>(r.bytes) / 1e6, o.threads, f.pipeline.stages.c_str());
  if (f.errors) PrintPolnearListing(r, f.max_errors);
  if (f.json) {
    std::string out;
    JsonWriter w(&out);
    w.BeginObject();
    w.Field("task", "quotes");
    w.Field("gold", f.polnear);
    PrfFields(w, "content", s.content);
    PrfFields(w, "source", s.source);
    PrfFields(w, "cue", s.cue);
    PrfFields(w, "exact_content", s.exact_content);
    w.Key("per_kind");
    w.BeginObject();
    for (size_t k = 0; k < s.per_kind.size(); ++k) {
      const KindCounts& c = s.per_kind[k];
      w.Key(QuoteKindName(static_cast<QuoteKind>(k)));
      w.BeginObject();
      w.Key("content_p");
      w.Double(c.precision());
      w.Key("content_r");
      w.Double(c.recall());
      w.Key("content_f1");
      w.Double(c.f1());
      w.Key("gold");
      w.UInt(c.gold);
      w.Key("predicted");
      w.UInt(c.predicted);
      w.Key("matched_gold");
      w.UInt(c.matched_gold);
      w.Key("matched_predicted");
      w.UInt(c.matched_predicted);
      w.EndObject();
    }
    w.EndObject();
    w.Key("kind_accuracy");
    w.Double(kind_acc);
    w.Key("counts");
    w.BeginObject();
    w.Key("content");
    CountFields(w, s.content);
    w.Key("exact_content");
    CountFields(w, s.exact_content);
    w.Key("source");
    CountFields(w, s.source);
    w.Key("cue");
    CountFields(w, s.cue);
    w.Key("gold_without_content");
    w.UInt(s.gold_without_content);
    w.EndObject();
    w.Key("articles");
    w.UInt(r.articles);
    w.Key("annotations");
    w.UInt(r.annotations);
    w.Key("errors");
    w.UInt(r.errors.size());
    w.Field("stages", f.pipeline.stages);
    w.Key("seconds");
    w.Double(r.seconds);
    w.EndObject();
    std::printf("%s\n", out.c_str());
  }
  return r.errors.empty() ? kExitOk : kExitRejected;
}

int RunGolden(const QuoteEvalFlags& f) {
  auto expected = ReadGoldenQuotes(f.golden);
  if (!expected.ok()) {
    std::fprintf(stderr, "parley eval quotes: %s\n", expected.status().ToString().c_str());
    return expected.status().code() == StatusCode::kInvalidArgument ? kExitRejected : kExitIo;
  }
  auto pipeline = BuildEvalPipeline(f.pipeline, kAnnQuotes, "quotes", "quote");
  if (!pipeline.ok()) {
    std::fprintf(stderr, "parley eval quotes: %s\n", pipeline.status().ToString().c_str());
    return PipelineExitCode(pipeline.status());
  }
  auto reader = Reader::Open({f.text});
  InputRecord record;
  RecordError error;
  if (reader->Next(&record, &error) != Reader::Result::kRecord) {
    std::fprintf(stderr, "parley eval quotes: %s: %s\n", error.where.ToString().c_str(),
                 error.status.message().c_str());
    return error.status.code() == StatusCode::kInvalidArgument ? kExitRejected : kExitIo;
  }
  Document doc = ToDocument(std::move(record));
  auto t0 = std::chrono::steady_clock::now();
  Status st = pipeline->Process(doc);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  if (!st.ok()) {
    std::fprintf(stderr, "parley eval quotes: %s: %s\n", f.text.c_str(), st.ToString().c_str());
    return kExitRejected;
  }
  GoldenScores s = ScoreGoldenQuotes(*expected, doc);
  const auto& qs = expected->quotes;
  std::printf("golden: %s (%llu expected quotes), text: %s\n", f.golden.c_str(),
              static_cast<unsigned long long>(s.quotes_expected), f.text.c_str());
  std::printf("quotes found:      %llu / %llu\n", static_cast<unsigned long long>(s.quotes_found),
              static_cast<unsigned long long>(s.quotes_expected));
  std::printf("speakers correct:  %llu / %llu\n",
              static_cast<unsigned long long>(s.speakers_correct),
              static_cast<unsigned long long>(s.quotes_expected));
  std::printf("kinds correct:     %llu / %llu found\n",
              static_cast<unsigned long long>(s.kinds_correct),
              static_cast<unsigned long long>(s.quotes_found));
  std::printf("cues correct:      %llu / %llu found\n",
              static_cast<unsigned long long>(s.cues_correct),
              static_cast<unsigned long long>(s.quotes_found));
  std::printf("extra predictions: %llu%s\n", static_cast<unsigned long long>(s.extra),
              s.extra_ignored ? " (not penalised: the file's 'about' says so)" : "");
  if (f.errors) {
    std::string_view text = doc.text();
    const auto& pred = doc.quotes();
    std::printf("missed:\n");
    for (size_t e = 0; e < qs.size(); ++e) {
      if (s.found_by[e] >= 0) continue;
      const GoldenQuote& q = qs[e];
      std::string what = q.content_start.empty() && q.content_end.empty()
                             ? "contains '" + q.content_contains + "'"
                             : "'" + q.content_start + "' ... '" + q.content_end + "'";
      std::printf("  #%lld [%s] %s: %s\n", static_cast<long long>(q.id), q.kind.c_str(),
                  q.speaker.c_str(), Snippet(what, 160).c_str());
    }
    std::printf("wrong speaker:\n");
    for (size_t e = 0; e < qs.size(); ++e) {
      if (s.found_by[e] < 0 || s.speaker_ok[e]) continue;
      const Quote& p = pred[static_cast<size_t>(s.found_by[e])];
      std::printf("  #%lld expected '%s' (mention '%s'), predicted '%s' (mention '%s')\n",
                  static_cast<long long>(qs[e].id), qs[e].speaker.c_str(), qs[e].mention.c_str(),
                  p.speaker_name.c_str(), Snippet(At(text, p.speaker), 40).c_str());
    }
    std::printf("extra:\n");
    for (size_t i = 0; i < s.extra_quotes.size() && i < f.max_errors; ++i) {
      const Quote& p = pred[s.extra_quotes[i]];
      std::printf("  @%u [%s] '%s' (speaker '%s'): %s\n", p.content.begin, QuoteKindName(p.kind),
                  p.speaker_name.c_str(), Snippet(At(text, p.speaker), 40).c_str(),
                  Snippet(At(text, p.content)).c_str());
    }
  }
  if (f.json) {
    std::string out;
    JsonWriter w(&out);
    w.BeginObject();
    w.Field("task", "quotes");
    w.Field("golden", f.golden);
    w.Field("text", f.text);
    w.Key("quotes_found");
    w.UInt(s.quotes_found);
    w.Key("quotes_expected");
    w.UInt(s.quotes_expected);
    w.Key("speakers_correct");
    w.UInt(s.speakers_correct);
    w.Key("extra");
    w.UInt(s.extra);
    w.Key("extra_ignored");
    w.Bool(s.extra_ignored);
    w.Key("kinds_correct");
    w.UInt(s.kinds_correct);
    w.Key("cues_correct");
    w.UInt(s.cues_correct);
    w.Key("missed_ids");
    w.BeginArray(true);
    for (size_t e = 0; e < qs.size(); ++e) {
      if (s.found_by[e] < 0) w.Int(qs[e].id);
    }
    w.EndArray();
    w.Key("wrong_speaker_ids");
    w.BeginArray(true);
    for (size_t e = 0; e < qs.size(); ++e) {
      if (s.found_by[e] >= 0 && !s.speaker_ok[e]) w.Int(qs[e].id);
    }
    w.EndArray();
    w.Field("stages", f.pipeline.stages);
    w.Key("seconds");
    w.Double(seconds);
    w.EndObject();
    std::printf("%s\n", out.c_str());
  }
  return kExitOk;
}

}  // namespace

void AddEvalQuotesCommand(CLI::App* eval, int* exit_code) {
  auto f = std::make_shared<QuoteEvalFlags>();
  // The default stage list is extract's (PipelineFlags): the whole pipeline.
  CLI::App* cmd = eval->add_subcommand(
      "quotes", "Attributions against PolNeAR (--polnear DIR) or a golden file (--golden, --text)");
  auto* polnear =
      cmd->add_option("--polnear", f->polnear, "PolNeAR split folder (text/, attributions/)");
  auto* golden = cmd->add_option("--golden", f->golden, "Golden F.expected.json");
  auto* text = cmd->add_option("--text", f->text, "The article the golden file annotates");
  polnear->excludes(golden)->excludes(text);
  golden->needs(text);
  text->needs(golden);
  f->pipeline.Register(cmd);
  cmd->add_option("--threads", f->threads, "Worker threads for --polnear (0: one per core)")
      ->capture_default_str();
  cmd->add_flag("--json", f->json, "Also print one JSON object on the last line");
  cmd->add_flag("--errors", f->errors,
                "List missed and spurious quotes and wrong speakers (for development)");
  cmd->add_option("--max-errors", f->max_errors, "Entries per listing with --errors")
      ->capture_default_str();
  cmd->callback([f, exit_code] {
    if (f->polnear.empty() && f->golden.empty()) {
      std::fprintf(stderr, "parley eval quotes: give --polnear DIR or --golden F --text F\n");
      *exit_code = kExitUsage;
      return;
    }
    *exit_code = f->polnear.empty() ? RunGolden(*f) : RunPolnear(*f);
  });
}

}  // namespace parley::cli
