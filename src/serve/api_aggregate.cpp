// API handlers for the cross-article aggregates: speakers, co-occurrence,
// quote groups, event groups and dyads. Each is a thin layer over the Store
// query of the same name (store_aggregate.cpp); paged lists ask for one more
// row than the page to tell whether a next page exists.
#include <charconv>

#include "output/aggregate_json.h"
#include "serve/api_params.h"

namespace parley::serve {
namespace {

// Reads the named text parameters into the given strings.
Status ReadTexts(const Params& params,
                 std::initializer_list<std::pair<const char*, std::string*>> fields) {
  for (const auto& [name, out] : fields) {
    auto v = Text(params, name);
    if (!v.ok()) return v.status();
    *out = std::move(*v);
  }
  return Status::Ok();
}

StatusOr<int64_t> GroupId(std::string_view text) {
  int64_t id = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || end != text.data() + text.size() || id <= 0) {
    return InvalidArgument("a group id is a positive integer");
  }
  return id;
}

}  // namespace

ApiResponse Speakers(Connection& c, const Params& params) {
  SpeakerQuery q;
  Status s = ReadTexts(params, {{"name", &q.name}, {"actor", &q.actor}});
  if (!s.ok()) return FromStatus(s);
  auto page = GetPage(params);
  if (!page.ok()) return FromStatus(page.status());
  q.limit = page->limit + 1;
  q.offset = page->offset;
  auto list = c.store.ListSpeakers(q);
  if (!list.ok()) return FromStatus(list.status());
  bool more = static_cast<int64_t>(list->size()) > page->limit;
  if (more) list->pop_back();
  ApiResponse r;
  JsonWriter w(&r.body);
  w.BeginObject();
  PageFields(w, *page, more);
  w.Key("speakers");
  w.BeginArray();
  for (const SpeakerSummary& sp : *list) WriteSpeakerSummary(w, sp);
  w.EndArray();
  w.EndObject();
  return r;
}

// The most frequent entities and how many articles each pair shares, or
// (with `entity`) the entities that share most articles with one.
ApiResponse Cooccurrence(Connection& c, const Params& params) {
  CooccurrenceQuery q;
  Status s = ReadTexts(params, {{"type", &q.type}, {"entity", &q.entity}});
  if (!s.ok()) return FromStatus(s);
  auto limit = Int(params, "limit", 60, 1, kMaxLimit);
  if (!limit.ok()) return FromStatus(limit.status());
  auto nodes = Int(params, "nodes", 30, 2, kMaxLimit);
  if (!nodes.ok()) return FromStatus(nodes.status());
  q.limit = *limit;
  q.nodes = *nodes;
  auto g = c.store.FindCooccurrence(q);
  if (!g.ok()) return FromStatus(g.status());
  ApiResponse r;
  JsonWriter w(&r.body);
  w.BeginObject();
  w.Key("nodes");
  w.BeginArray();
  for (const CooccurrenceNode& n : g->nodes) WriteCooccurrenceNode(w, n);
  w.EndArray();
  w.Key("edges");
  w.BeginArray();
  for (const CooccurrencePair& p : g->pairs) WriteCooccurrencePair(w, p);
  w.EndArray();
  w.EndObject();
  return r;
}

ApiResponse QuoteGroups(Connection& c, const Params& params) {
  QuoteGroupQuery q;
  Status s = ReadTexts(
      params, {{"text", &q.text}, {"speaker", &q.speaker}, {"from", &q.from}, {"to", &q.to}});
  if (!s.ok()) return FromStatus(s);
  auto outlets = Int(params, "min_outlets", 2, 0, 100000);
  if (!outlets.ok()) return FromStatus(outlets.status());
  auto articles = Int(params, "min_articles", 1, 0, 100000);
  if (!articles.ok()) return FromStatus(articles.status());
  auto page = GetPage(params);
  if (!page.ok()) return FromStatus(page.status());
  q.min_sources = *outlets;
  q.min_articles = *articles;
  q.limit = page->limit + 1;
  q.offset = page->offset;
  auto groups = c.store.FindQuoteGroups(q);
  if (!groups.ok()) return FromStatus(groups.status());
  bool more = static_cast<int64_t>(groups->size()) > page->limit;
  if (more) groups->pop_back();
  ApiResponse r;
  JsonWriter w(&r.body);
  w.BeginObject();
  PageFields(w, *page, more);
  w.Key("groups");
  w.BeginArray();
  for (const QuoteGroup& g : *groups) WriteQuoteGroup(w, g);
  w.EndArray();
  w.EndObject();
  return r;
}

ApiResponse QuoteGroupMembers(Connection& c, std::string_view id_text) {
  auto id = GroupId(id_text);
  if (!id.ok()) return FromStatus(id.status());
  auto members = c.store.QuoteGroupMembers(*id);
  if (!members.ok()) return FromStatus(members.status());
  ApiResponse r;
  JsonWriter w(&r.body);
  w.BeginObject();
  w.FieldInt("group_id", *id);
  w.Key("quotes");
  w.BeginArray();
  for (const QuoteHit& h : *members) WriteQuoteHit(w, h);
  w.EndArray();
  w.EndObject();
  return r;
}

ApiResponse Events(Connection& c, const Params& params) {
  EventQuery q;
  Status s = ReadTexts(params, {{"actor", &q.actor},
                                {"with", &q.with},
                                {"root", &q.root},
                                {"from", &q.from},
                                {"to", &q.to}});
  if (!s.ok()) return FromStatus(s);
  auto all = Flag(params, "all");
  if (!all.ok()) return FromStatus(all.status());
  auto page = GetPage(params);
  if (!page.ok()) return FromStatus(page.status());
  q.all = *all;
  q.limit = page->limit + 1;
  q.offset = page->offset;
  auto groups = c.store.FindEvents(q);
  if (!groups.ok()) return FromStatus(groups.status());
  bool more = static_cast<int64_t>(groups->size()) > page->limit;
  if (more) groups->pop_back();
  ApiResponse r;
  JsonWriter w(&r.body);
  w.BeginObject();
  PageFields(w, *page, more);
  w.Key("events");
  w.BeginArray();
  for (const EventGroup& g : *groups) WriteEventGroup(w, g);
  w.EndArray();
  w.EndObject();
  return r;
}

ApiResponse EventGroupMembers(Connection& c, std::string_view id_text) {
  auto id = GroupId(id_text);
  if (!id.ok()) return FromStatus(id.status());
  auto members = c.store.EventGroupMembers(*id);
  if (!members.ok()) return FromStatus(members.status());
  ApiResponse r;
  JsonWriter w(&r.body);
  w.BeginObject();
  w.FieldInt("group_id", *id);
  w.Key("events");
  w.BeginArray();
  for (const EventHit& e : *members) WriteEventHit(w, e);
  w.EndArray();
  w.EndObject();
  return r;
}

ApiResponse Dyads(Connection& c, const Params& params) {
  auto actor = Text(params, "actor");
  if (!actor.ok()) return FromStatus(actor.status());
  auto limit = Int(params, "limit", 20, 1, kMaxLimit);
  if (!limit.ok()) return FromStatus(limit.status());
  auto dyads = c.store.TopDyads(*actor, *limit);
  if (!dyads.ok()) return FromStatus(dyads.status());
  ApiResponse r;
  JsonWriter w(&r.body);
  w.BeginObject();
  w.Key("dyads");
  w.BeginArray();
  for (const DyadSummary& d : *dyads) WriteDyadSummary(w, d);
  w.EndArray();
  w.EndObject();
  return r;
}

// The cooperation–conflict timeline of an actor pair.
ApiResponse Dyad(Connection& c, const Params& params) {
  DyadQuery q;
  Status s = ReadTexts(params,
                       {{"a", &q.a}, {"b", &q.b}, {"by", &q.by}, {"from", &q.from}, {"to", &q.to}});
  if (!s.ok()) return FromStatus(s);
  if (q.by.empty()) q.by = "month";
  auto directed = Flag(params, "directed");
  if (!directed.ok()) return FromStatus(directed.status());
  auto all = Flag(params, "all");
  if (!all.ok()) return FromStatus(all.status());
  q.directed = *directed;
  q.all = *all;
  auto points = c.store.DyadTimeline(q);
  if (!points.ok()) return FromStatus(points.status());
  ApiResponse r;
  JsonWriter w(&r.body);
  w.BeginObject();
  w.Field("a", q.a);
  w.Field("b", q.b);
  w.Field("by", q.by);
  w.Key("points");
  w.BeginArray();
  for (const DyadPoint& p : *points) WriteDyadPoint(w, p);
  w.EndArray();
  w.EndObject();
  return r;
}

}  // namespace parley::serve
