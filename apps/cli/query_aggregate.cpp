// parley query speakers|quote-groups|cooccurrence|events|dyads|dyad: the
// cross-article aggregates of a corpus database (docs/store.md).
#include <cstdio>
#include <memory>

#include "cli/common.h"
#include "cli/query_table.h"
#include "output/aggregate_json.h"
#include "output/json_writer.h"
#include "parley/store.h"

namespace parley::cli {
namespace {

struct AggregateFlags {
  std::string db;
  bool json = false;
  SpeakerQuery speakers;
  QuoteGroupQuery groups;
  int64_t group = 0;  // --group: list one group's members
  CooccurrenceQuery cooccurrence;
  EventQuery events;
  DyadQuery dyad;
  std::string dyads_actor;
  int64_t dyads_limit = 20;
};

std::string Fixed(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

void PrintJson(const std::string& out) {
  std::printf("%s\n", out.c_str());
}

// Prints `rows` as one JSON array, each row by `write` (output/aggregate_json.h).
template <typename Row>
void PrintJsonArray(const std::vector<Row>& rows, void (*write)(JsonWriter&, const Row&)) {
  std::string out;
  JsonWriter w(&out);
  w.BeginArray();
  for (const Row& r : rows) write(w, r);
  w.EndArray();
  PrintJson(out);
}

int RunSpeakers(const AggregateFlags& f) {
  auto store = OpenReadOnly(f.db);
  if (!store.ok()) return Fail(store.status());
  auto list = store->ListSpeakers(f.speakers);
  if (!list.ok()) return Fail(list.status());
  if (f.json) {
    PrintJsonArray(*list, WriteSpeakerSummary);
    return kExitOk;
  }
  std::vector<std::vector<std::string>> rows;
  for (const SpeakerSummary& s : *list) {
    rows.push_back({s.name, s.actor_codes, std::to_string(s.quotes), std::to_string(s.statements),
                    std::to_string(s.articles), std::to_string(s.sources), s.first_date,
                    s.last_date});
  }
  PrintTable({"speaker", "codes", "quotes", "distinct", "articles", "outlets", "first", "last"},
             {32, 20, 7, 8, 8, 7, 10, 10}, rows);
  return kExitOk;
}

int RunQuoteGroups(const AggregateFlags& f) {
  auto store = OpenReadOnly(f.db);
  if (!store.ok()) return Fail(store.status());
  if (f.group != 0) {
    auto members = store->QuoteGroupMembers(f.group);
    if (!members.ok()) return Fail(members.status());
    if (f.json) {
      PrintJsonArray(*members, WriteQuoteHit);
      return kExitOk;
    }
    std::vector<std::vector<std::string>> rows;
    for (const QuoteHit& h : *members) rows.push_back({h.date, h.source, h.speaker, h.content});
    PrintTable({"date", "outlet", "speaker", "quote"}, {10, 24, 24, 90}, rows);
    return kExitOk;
  }
  auto groups = store->FindQuoteGroups(f.groups);
  if (!groups.ok()) return Fail(groups.status());
  if (f.json) {
    PrintJsonArray(*groups, WriteQuoteGroup);
    return kExitOk;
  }
  std::vector<std::vector<std::string>> rows;
  for (const QuoteGroup& g : *groups) {
    rows.push_back({std::to_string(g.group_id), g.first_date, std::to_string(g.sources),
                    std::to_string(g.articles), g.speaker, g.content});
  }
  PrintTable({"group", "first", "outlets", "articles", "speaker", "quote"}, {9, 10, 7, 8, 24, 80},
             rows);
  return kExitOk;
}

int RunCooccurrence(const AggregateFlags& f) {
  auto store = OpenReadOnly(f.db);
  if (!store.ok()) return Fail(store.status());
  auto c = store->FindCooccurrence(f.cooccurrence);
  if (!c.ok()) return Fail(c.status());
  if (f.json) {
    std::string out;
    JsonWriter w(&out);
    w.BeginObject();
    w.Key("nodes");
    w.BeginArray();
    for (const CooccurrenceNode& n : c->nodes) WriteCooccurrenceNode(w, n);
    w.EndArray();
    w.Key("pairs");
    w.BeginArray();
    for (const CooccurrencePair& p : c->pairs) WriteCooccurrencePair(w, p);
    w.EndArray();
    w.EndObject();
    PrintJson(out);
    return kExitOk;
  }
  std::vector<std::vector<std::string>> rows;
  for (const CooccurrencePair& p : c->pairs) rows.push_back({p.a, p.b, std::to_string(p.articles)});
  PrintTable({"entity", "with", "articles"}, {36, 36, 8}, rows);
  return kExitOk;
}

int RunEvents(const AggregateFlags& f) {
  auto store = OpenReadOnly(f.db);
  if (!store.ok()) return Fail(store.status());
  if (f.group != 0) {
    auto members = store->EventGroupMembers(f.group);
    if (!members.ok()) return Fail(members.status());
    if (f.json) {
      PrintJsonArray(*members, WriteEventHit);
      return kExitOk;
    }
    std::vector<std::vector<std::string>> rows;
    for (const EventHit& e : *members) rows.push_back({e.date, e.source, e.title, e.evidence});
    PrintTable({"date", "outlet", "article", "evidence"}, {10, 24, 40, 80}, rows);
    return kExitOk;
  }
  auto groups = store->FindEvents(f.events);
  if (!groups.ok()) return Fail(groups.status());
  if (f.json) {
    PrintJsonArray(*groups, WriteEventGroup);
    return kExitOk;
  }
  std::vector<std::vector<std::string>> rows;
  for (const EventGroup& g : *groups) {
    const EventHit& e = g.first;
    rows.push_back({e.date, e.source_name.empty() ? e.source_code : e.source_name,
                    e.cameo + " " + e.cameo_name,
                    e.target_name.empty() ? e.target_code : e.target_name, e.place,
                    std::to_string(g.num_articles), std::to_string(g.num_sources),
                    Fixed(g.goldstein)});
  }
  PrintTable({"date", "source", "event", "target", "place", "articles", "outlets", "goldstein"},
             {10, 24, 32, 24, 16, 8, 7, 9}, rows);
  return kExitOk;
}

int RunDyads(const AggregateFlags& f) {
  auto store = OpenReadOnly(f.db);
  if (!store.ok()) return Fail(store.status());
  auto dyads = store->TopDyads(f.dyads_actor, f.dyads_limit);
  if (!dyads.ok()) return Fail(dyads.status());
  if (f.json) {
    PrintJsonArray(*dyads, WriteDyadSummary);
    return kExitOk;
  }
  std::vector<std::vector<std::string>> rows;
  for (const DyadSummary& d : *dyads) {
    rows.push_back({d.a, d.b, std::to_string(d.events), std::to_string(d.articles),
                    Fixed(d.goldstein), d.first_date, d.last_date});
  }
  PrintTable({"a", "b", "events", "articles", "goldstein", "first", "last"},
             {24, 24, 7, 8, 9, 10, 10}, rows);
  return kExitOk;
}

int RunDyad(const AggregateFlags& f) {
  auto store = OpenReadOnly(f.db);
  if (!store.ok()) return Fail(store.status());
  auto points = store->DyadTimeline(f.dyad);
  if (!points.ok()) return Fail(points.status());
  if (f.json) {
    PrintJsonArray(*points, WriteDyadPoint);
    return kExitOk;
  }
  std::vector<std::vector<std::string>> rows;
  for (const DyadPoint& p : *points) {
    rows.push_back({p.period, std::to_string(p.events), std::to_string(p.articles),
                    Fixed(p.goldstein), std::to_string(p.cooperation), std::to_string(p.conflict)});
  }
  PrintTable({"period", "events", "articles", "goldstein", "cooperation", "conflict"},
             {10, 7, 8, 9, 11, 8}, rows);
  return kExitOk;
}

}  // namespace

void AddAggregateQueries(CLI::App* query, int* exit_code) {
  auto f = std::make_shared<AggregateFlags>();
  auto common = [&](CLI::App* sub) {
    sub->add_option("--db", f->db, "The corpus database")->required();
    sub->add_flag("--json", f->json, "JSON instead of a table");
  };

  CLI::App* speakers = query->add_subcommand(
      "speakers", "Speakers across articles (merged by knowledge-base id, else by name)");
  common(speakers);
  speakers->add_option("--name", f->speakers.name, "Names containing this");
  speakers->add_option("--actor", f->speakers.actor, "Actor codes starting with this (USA)");
  speakers->add_option("--limit", f->speakers.limit, "At most this many")->capture_default_str();
  speakers->add_option("--offset", f->speakers.offset, "Skip this many first");
  speakers->callback([f, exit_code] { *exit_code = RunSpeakers(*f); });

  CLI::App* groups = query->add_subcommand(
      "quote-groups", "The same quote reported by several outlets (near-duplicates grouped)");
  common(groups);
  groups->add_option("--min-outlets", f->groups.min_sources, "Reported by at least this many")
      ->capture_default_str();
  groups->add_option("--min-articles", f->groups.min_articles, "... and in this many articles")
      ->capture_default_str();
  groups->add_option("--text", f->groups.text, "Words a member contains (all of them)");
  groups->add_option("--speaker", f->groups.speaker, "Words of a member's speaker");
  groups->add_option("--from", f->groups.from, "First seen on or after YYYY-MM-DD");
  groups->add_option("--to", f->groups.to, "First seen on or before YYYY-MM-DD");
  groups->add_option("--group", f->group, "List the members of this group instead");
  groups->add_option("--limit", f->groups.limit, "At most this many")->capture_default_str();
  groups->add_option("--offset", f->groups.offset, "Skip this many first");
  groups->callback([f, exit_code] { *exit_code = RunQuoteGroups(*f); });

  CLI::App* cooc = query->add_subcommand(
      "cooccurrence", "Entities that appear in the same articles, and how often");
  common(cooc);
  cooc->add_option("--entity", f->cooccurrence.entity,
                   "Pairs with this entity (name or kb id); else pairs among the most frequent");
  cooc->add_option("--type", f->cooccurrence.type, "Only this type (PER, ORG, GPE, ...)");
  cooc->add_option("--nodes", f->cooccurrence.nodes, "The most frequent entities considered")
      ->capture_default_str();
  cooc->add_option("--limit", f->cooccurrence.limit, "At most this many pairs")
      ->capture_default_str();
  cooc->callback([f, exit_code] { *exit_code = RunCooccurrence(*f); });

  CLI::App* events = query->add_subcommand(
      "events", "Events grouped across articles (date, actors, CAMEO root, place), newest first");
  common(events);
  events->add_option("--actor", f->events.actor, "Source or target: code prefix (USA) or name");
  events->add_option("--with", f->events.with, "... with this actor on the other side");
  events->add_option("--root", f->events.root, "CAMEO root code (04: consult)");
  events->add_option("--from", f->events.from, "Dated on or after YYYY-MM-DD");
  events->add_option("--to", f->events.to, "Dated on or before YYYY-MM-DD");
  events->add_flag("--all", f->events.all, "Also negated, intended, hypothetical, requested");
  events->add_option("--group", f->group, "List the events of this group instead");
  events->add_option("--limit", f->events.limit, "At most this many")->capture_default_str();
  events->add_option("--offset", f->events.offset, "Skip this many first");
  events->callback([f, exit_code] { *exit_code = RunEvents(*f); });

  CLI::App* dyads =
      query->add_subcommand("dyads", "Actor pairs with the most events, with mean Goldstein score");
  common(dyads);
  dyads->add_option("--actor", f->dyads_actor, "Pairs with this actor (code prefix or name)");
  dyads->add_option("--limit", f->dyads_limit, "At most this many")->capture_default_str();
  dyads->callback([f, exit_code] { *exit_code = RunDyads(*f); });

  CLI::App* dyad = query->add_subcommand(
      "dyad", "Timeline of an actor pair: events and mean Goldstein score per period");
  common(dyad);
  dyad->add_option("--a", f->dyad.a, "First actor (code prefix or name)")->required();
  dyad->add_option("--b", f->dyad.b, "Second actor")->required();
  dyad->add_option("--by", f->dyad.by, "day, month or year")->capture_default_str();
  dyad->add_flag("--directed", f->dyad.directed, "Only events from a to b");
  dyad->add_flag("--all", f->dyad.all, "Also negated, intended, hypothetical, requested");
  dyad->add_option("--from", f->dyad.from, "Dated on or after YYYY-MM-DD");
  dyad->add_option("--to", f->dyad.to, "Dated on or before YYYY-MM-DD");
  dyad->callback([f, exit_code] { *exit_code = RunDyad(*f); });
}

}  // namespace parley::cli
