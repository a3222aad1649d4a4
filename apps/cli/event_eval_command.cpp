// `parley eval events`: coded events against a PETRARCH validation file
// (--petrarch-xml F.xml) or a golden file (--golden F.expected.json --text
// F.txt). Scorers are library code (include/parley/event_eval.h); this file
// runs the pipeline and prints.
#include <algorithm>
#include <cstdio>
#include <thread>

#include "cli/common.h"
#include "output/json_writer.h"
#include "parley/event_eval.h"

namespace parley::cli {
namespace {

struct EventEvalFlags {
  std::string petrarch, golden, text;
  PipelineFlags pipeline;
  int threads = 0;
  bool json = false;
  bool errors = false;
  bool all_records = false;
  size_t max_errors = 40;
};

// extract's stage list with "events" at the end, unless it is there already.
std::string DefaultEventStages() {
  std::string stages = PipelineFlags().stages;
  std::string padded = "," + stages + ",";
  if (padded.find(",events,") == std::string::npos) stages += ",events";
  return stages;
}

int ReadExitCode(const Status& s) {
  return s.code() == StatusCode::kInvalidArgument ? kExitRejected : kExitIo;
}

std::string TripleText(const EventTriple& t) {
  return t.source + " -> " + t.target + " " + t.code;
}

// "RUSGOV 'Putin' -> USA 'the U.S.' 042 'visit' [intended]"
std::string EventText(const Document& doc, const Event& e) {
  auto side = [&](const EventActor& a) {
    std::string s = a.code.empty() ? "?" : a.code;
    if (!a.span.empty() && a.span.end <= doc.text().size())
      s += " '" + Snippet(doc.SpanText(a.span), 30) + "'";
    return s;
  };
  std::string out = side(e.source) + " -> " + side(e.target) + " " + e.cameo;
  if (!e.trigger.empty() && e.trigger.end <= doc.text().size())
    out += " '" + Snippet(doc.SpanText(e.trigger), 30) + "'";
  if (e.location >= 0 && static_cast<size_t>(e.location) < doc.entities().size())
    out += " @ " + doc.entities()[static_cast<size_t>(e.location)].name;
  if (e.polarity != EventPolarity::kAsserted)
    out += std::string(" [") + EventPolarityName(e.polarity) + "]";
  if (e.modality != EventModality::kActual)
    out += std::string(" [") + EventModalityName(e.modality) + "]";
  return out;
}

void PrfJson(JsonWriter& w, const char* prefix, const PrfCounts& c) {
  std::string p(prefix);
  w.Key(p + "precision");
  w.Double(c.precision());
  w.Key(p + "recall");
  w.Double(c.recall());
  w.Key(p + "f1");
  w.Double(c.f1());
}

void CountsJson(JsonWriter& w, const PrfCounts& c) {
  w.BeginObject();
  w.Key("gold");
  w.UInt(c.gold);
  w.Key("predicted");
  w.UInt(c.predicted);
  w.Key("correct");
  w.UInt(c.correct);
  w.EndObject();
}

// --errors for PETRARCH: per sentence with a miss or an extra, its gold and
// predicted triples and the events not scored.
void PrintPetrarchListing(const PetrarchResult& r, size_t max_errors) {
  size_t listed = 0, imperfect = 0;
  for (const PetrarchResult::Detail& d : r.details) {
    bool perfect = std::all_of(d.triples.gold_to_pred.begin(), d.triples.gold_to_pred.end(),
                               [](int32_t p) { return p >= 0; }) &&
                   std::all_of(d.triples.pred_to_gold.begin(), d.triples.pred_to_gold.end(),
                               [](int32_t g) { return g >= 0; });
    if (perfect) continue;
    if (imperfect++ >= max_errors) continue;
    ++listed;
    std::printf("%s [%s] line %llu: %s\n", d.gold.id.c_str(), d.gold.category.c_str(),
                static_cast<unsigned long long>(d.gold.line), Snippet(d.gold.text, 160).c_str());
    for (size_t g = 0; g < d.gold.gold.size(); ++g) {
      if (d.triples.gold_to_pred[g] >= 0) continue;
      std::printf("  missed   %s%s\n", TripleText(d.gold.gold[g]).c_str(),
                  d.roots.gold_to_pred[g] >= 0 ? "  (root matched)" : "");
    }
    const std::vector<Event>& events = d.doc.events();
    for (size_t p = 0; p < d.predicted.triples.size(); ++p) {
      if (d.triples.pred_to_gold[p] >= 0) continue;
      std::printf("  extra    %s%s\n", EventText(d.doc, events[d.predicted.event[p]]).c_str(),
                  d.roots.pred_to_gold[p] >= 0 ? "  (root matched)" : "");
    }
    for (size_t p = 0; p < d.predicted.triples.size(); ++p) {
      if (d.triples.pred_to_gold[p] < 0) continue;
      std::printf("  correct  %s\n", EventText(d.doc, events[d.predicted.event[p]]).c_str());
    }
    std::vector<uint8_t> scored(events.size(), 0);
    for (uint32_t e : d.predicted.event) scored[e] = 1;
    for (size_t e = 0; e < events.size(); ++e) {
      if (!scored[e]) std::printf("  unscored %s\n", EventText(d.doc, events[e]).c_str());
    }
  }
  std::printf("sentences with a miss or an extra: %zu%s\n", imperfect,
              imperfect > listed ? (" (first " + std::to_string(listed) + " listed)").c_str() : "");
}

int RunPetrarch(const EventEvalFlags& f) {
  auto pipeline = BuildEvalPipeline(f.pipeline, kAnnEvents, "events", "event");
  if (!pipeline.ok()) {
    std::fprintf(stderr, "parley eval events: %s\n", pipeline.status().ToString().c_str());
    return PipelineExitCode(pipeline.status());
  }
  PetrarchOptions o;
  o.threads = f.threads > 0 ? f.threads
                            : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  o.include_unevaluated = f.all_records;
  o.keep_details = f.errors;
  auto result = EvalPetrarch(f.petrarch, *pipeline, o);
  if (!result.ok()) {
    std::fprintf(stderr, "parley eval events: %s\n", result.status().ToString().c_str());
    return ReadExitCode(result.status());
  }
  const PetrarchResult& r = *result;
  const EventScores& s = r.scores;
  PrintRecordErrors("parley eval events", r.errors);
  std::printf(
      "gold: %s (%llu sentences scored, %llu gold events; %llu skipped as marked "
      "evaluate/sentence=\"false\", %zu rejected)\n",
      f.petrarch.c_str(), static_cast<unsigned long long>(r.sentences),
      static_cast<unsigned long long>(s.triples.gold), static_cast<unsigned long long>(r.skipped),
      r.errors.size());
  PrintPrfHeader(22);
  PrintPrfRow(22, "source-target-code", s.triples);
  PrintPrfRow(22, "source-target-root", s.roots);
  PrintPrfRow(22, "code only", s.codes);
  if (r.per_category.size() > 1) {
    std::printf("by category (source-target-code):\n");
    for (const auto& [cat, c] : r.per_category) {
      PrintPrfRow(22, ("  " + (cat.empty() ? std::string("(none)") : cat)).c_str(), c.triples);
    }
  }
  std::printf("events not scored: %llu negated, %llu without a source or target code\n",
              static_cast<unsigned long long>(r.negated),
              static_cast<unsigned long long>(r.partial));
  std::printf("time: %.2f s for %.3f MB (%d threads, stages %s)\n", r.seconds,
              static_cast<double>(r.bytes) / 1e6, o.threads, f.pipeline.stages.c_str());
  if (f.errors) PrintPetrarchListing(r, f.max_errors);
  if (f.json) {
    std::string out;
    JsonWriter w(&out);
    w.BeginObject();
    w.Field("task", "events");
    w.Field("petrarch_xml", f.petrarch);  // "gold" is the count
    PrfJson(w, "", s.triples);
    PrfJson(w, "root_", s.roots);
    PrfJson(w, "code_", s.codes);
    w.Key("sentences");
    w.UInt(r.sentences);
    w.Key("gold");
    w.UInt(s.triples.gold);
    w.Key("predicted");
    w.UInt(s.triples.predicted);
    w.Key("correct");
    w.UInt(s.triples.correct);
    w.Key("root_correct");
    w.UInt(s.roots.correct);
    w.Key("rejected");
    w.UInt(r.errors.size());
    w.Key("skipped");
    w.UInt(r.skipped);
    w.Key("negated");
    w.UInt(r.negated);
    w.Key("partial");
    w.UInt(r.partial);
    w.Key("per_category");
    w.BeginObject();
    for (const auto& [cat, c] : r.per_category) {
      w.Key(cat);
      w.BeginObject();
      PrfJson(w, "", c.triples);
      PrfJson(w, "root_", c.roots);
      w.Key("counts");
      CountsJson(w, c.triples);
      w.EndObject();
    }
    w.EndObject();
    w.Field("stages", f.pipeline.stages);
    w.Key("seconds");
    w.Double(r.seconds);
    w.EndObject();
    std::printf("%s\n", out.c_str());
  }
  return r.errors.empty() ? kExitOk : kExitRejected;
}

std::string RowText(const GoldenEvent& row) {
  std::string out = (row.source.empty() ? "*" : row.source) + " -> " +
                    (row.target.empty() ? "*" : row.target) + " " + row.cameo;
  if (!row.plover.empty()) out += " " + row.plover + (row.mode.empty() ? "" : "/" + row.mode);
  if (!row.modality.empty()) out += " [" + row.modality + "]";
  if (!row.where.empty()) out += " @ " + row.where;
  return out;
}

int RunGolden(const EventEvalFlags& f) {
  // Read the golden file first: a bad file is reported before models load.
  if (auto g = ReadGoldenEvents(f.golden); !g.ok()) {
    std::fprintf(stderr, "parley eval events: %s\n", g.status().ToString().c_str());
    return ReadExitCode(g.status());
  }
  auto pipeline = BuildEvalPipeline(f.pipeline, kAnnEvents, "events", "event");
  if (!pipeline.ok()) {
    std::fprintf(stderr, "parley eval events: %s\n", pipeline.status().ToString().c_str());
    return PipelineExitCode(pipeline.status());
  }
  auto run = EvalGoldenEvents(f.golden, f.text, *pipeline);
  if (!run.ok()) {
    std::fprintf(stderr, "parley eval events: %s\n", run.status().ToString().c_str());
    return ReadExitCode(run.status());
  }
  const GoldenEvents& ex = run->expected;
  const GoldenEventScores& s = run->scores;
  const Document& doc = run->doc;
  const std::vector<Event>& events = doc.events();
  std::printf("golden: %s, text: %s (%zu events predicted)\n", f.golden.c_str(), f.text.c_str(),
              events.size());
  std::printf("must found:          %llu / %llu\n", static_cast<unsigned long long>(s.must_found),
              static_cast<unsigned long long>(s.must_expected));
  std::printf("must_not violations: %llu / %llu\n",
              static_cast<unsigned long long>(s.must_not_violations),
              static_cast<unsigned long long>(s.must_not_rows));
  for (size_t r = 0; r < ex.must.size(); ++r) {
    std::printf("  must %zu %s: %s\n", r + 1, s.found_by[r] >= 0 ? "found " : "MISSED",
                RowText(ex.must[r]).c_str());
    if (s.found_by[r] >= 0) {
      std::printf("      by %s\n",
                  EventText(doc, events[static_cast<size_t>(s.found_by[r])]).c_str());
    } else if (s.nearest[r] >= 0) {
      std::string why;
      for (const std::string& w : s.nearest_failures[r]) why += (why.empty() ? "" : "; ") + w;
      std::printf("      nearest %s: %s\n",
                  EventText(doc, events[static_cast<size_t>(s.nearest[r])]).c_str(), why.c_str());
    }
  }
  for (size_t r = 0; r < ex.must_not.size(); ++r) {
    const GoldenEvent& row = ex.must_not[r];
    std::printf("  must_not %zu %s: %s %s\n", r + 1,
                s.violated_by[r].empty() ? "ok      " : "VIOLATED", row.cameo.c_str(),
                row.plover.c_str());
    for (uint32_t e : s.violated_by[r])
      std::printf("      by %s\n", EventText(doc, events[e]).c_str());
  }
  if (f.errors) {
    std::printf("predicted events:\n");
    for (size_t e = 0; e < events.size(); ++e)
      std::printf("  %zu %s\n", e, EventText(doc, events[e]).c_str());
  }
  if (f.json) {
    std::string out;
    JsonWriter w(&out);
    w.BeginObject();
    w.Field("task", "events");
    w.Field("golden", f.golden);
    w.Field("text", f.text);
    w.Key("must_expected");
    w.UInt(s.must_expected);
    w.Key("must_found");
    w.UInt(s.must_found);
    w.Key("must_not_rows");
    w.UInt(s.must_not_rows);
    w.Key("must_not_violations");
    w.UInt(s.must_not_violations);
    w.Key("missed_rows");
    w.BeginArray(true);
    for (size_t r = 0; r < s.found_by.size(); ++r) {
      if (s.found_by[r] < 0) w.UInt(r + 1);
    }
    w.EndArray();
    w.Key("violated_rows");
    w.BeginArray(true);
    for (size_t r = 0; r < s.violated_by.size(); ++r) {
      if (!s.violated_by[r].empty()) w.UInt(r + 1);
    }
    w.EndArray();
    w.Key("events");
    w.UInt(events.size());
    w.Field("stages", f.pipeline.stages);
    w.Key("seconds");
    w.Double(run->seconds);
    w.EndObject();
    std::printf("%s\n", out.c_str());
  }
  return kExitOk;
}

}  // namespace

void AddEvalEventsCommand(CLI::App* eval, int* exit_code) {
  auto f = std::make_shared<EventEvalFlags>();
  f->pipeline.stages = DefaultEventStages();
  CLI::App* cmd = eval->add_subcommand(
      "events",
      "Coded events against a PETRARCH validation file (--petrarch-xml) or a golden file "
      "(--golden, --text)");
  cmd->footer(
      "PETRARCH: each <Sentence> is run alone, dated by its date attribute; asserted events "
      "with both actor codes are scored as (source, target, CAMEO code) triples and as "
      "(source, target, root code), multiset per sentence. Records marked evaluate=\"false\" "
      "or sentence=\"false\" are skipped unless --all-records. Golden: must rows found, "
      "must_not rows violated. Definitions: docs/evaluation.md.");
  auto* petrarch = cmd->add_option("--petrarch-xml", f->petrarch,
                                   "PETRARCH validation file (<Sentence>, <EventCoding>, <Text>)");
  auto* golden = cmd->add_option("--golden", f->golden, "Golden F.expected.json (its events)");
  auto* text = cmd->add_option("--text", f->text, "The article the golden file annotates");
  petrarch->excludes(golden)->excludes(text);
  golden->needs(text);
  text->needs(golden);
  f->pipeline.Register(cmd);
  cmd->add_option("--threads", f->threads, "Worker threads for --petrarch-xml (0: one per core)")
      ->capture_default_str();
  cmd->add_flag("--all-records", f->all_records,
                "Also score records marked evaluate=\"false\" or sentence=\"false\"");
  cmd->add_flag("--json", f->json, "Also print one JSON object on the last line");
  cmd->add_flag("--errors", f->errors,
                "List misses and extras per sentence, or every predicted event (for development)");
  cmd->add_option("--max-errors", f->max_errors, "Sentences listed with --errors")
      ->capture_default_str();
  cmd->callback([f, exit_code] {
    if (f->petrarch.empty() && f->golden.empty()) {
      std::fprintf(stderr, "parley eval events: give --petrarch-xml F or --golden F --text F\n");
      *exit_code = kExitUsage;
      return;
    }
    *exit_code = f->petrarch.empty() ? RunGolden(*f) : RunPetrarch(*f);
  });
}

}  // namespace parley::cli
