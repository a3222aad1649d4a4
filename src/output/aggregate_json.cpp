#include "output/aggregate_json.h"

namespace parley {
namespace {

void EventFields(JsonWriter& w, const EventHit& e) {
  w.FieldInt("event_id", e.event_id);
  w.Field("date", e.date);
  w.Field("source_code", e.source_code);
  w.Field("source_name", e.source_name);
  w.Field("target_code", e.target_code);
  w.Field("target_name", e.target_name);
  w.Field("cameo", e.cameo);
  w.Field("cameo_name", e.cameo_name);
  w.Field("root_code", e.root_code);
  w.Key("goldstein");
  w.Double(e.goldstein);
  w.Field("plover", e.plover);
  w.Field("plover_mode", e.plover_mode);
  w.Field("trigger", e.trigger);
  w.Field("evidence", e.evidence);
  w.Field("place", e.place);
  w.Field("polarity", e.polarity);
  w.Field("modality", e.modality);
  w.Field("claimant", e.claimant);
  w.FieldInt("article_id", e.article_id);
  w.Field("title", e.title);
  w.Field("source", e.source);
  w.Field("url", e.url);
}

}  // namespace

void WriteQuoteHit(JsonWriter& w, const QuoteHit& h) {
  w.BeginObject();
  w.FieldInt("quote_id", h.quote_id);
  w.Field("content", h.content);
  w.Field("kind", h.kind);
  w.Field("speaker", h.speaker);
  w.Field("cue", h.cue);
  w.Key("confidence");
  w.Double(h.confidence);
  w.FieldInt("begin", h.begin);
  w.FieldInt("end", h.end);
  w.FieldInt("article_id", h.article_id);
  w.Field("id", h.id);
  w.Field("date", h.date);
  w.Field("title", h.title);
  w.Field("source", h.source);
  w.Field("url", h.url);
  w.FieldInt("group_id", h.group_id);
  w.EndObject();
}

void WriteEntityCount(JsonWriter& w, const EntityCount& e) {
  w.BeginObject();
  w.Field("name", e.name);
  w.Field("type", e.type);
  w.FieldInt("mentions", e.mentions);
  w.FieldInt("articles", e.articles);
  w.FieldInt("quotes", e.quotes);
  w.Field("first_date", e.first_date);
  w.Field("last_date", e.last_date);
  w.EndObject();
}

void WriteSpeakerSummary(JsonWriter& w, const SpeakerSummary& s) {
  w.BeginObject();
  w.Field("name", s.name);
  w.Field("kb_id", s.kb_id);
  w.Field("actor_codes", s.actor_codes);
  w.FieldInt("quotes", s.quotes);
  w.FieldInt("statements", s.statements);
  w.FieldInt("articles", s.articles);
  w.FieldInt("outlets", s.sources);
  w.Field("first_date", s.first_date);
  w.Field("last_date", s.last_date);
  w.EndObject();
}

void WriteQuoteGroup(JsonWriter& w, const QuoteGroup& g) {
  w.BeginObject();
  w.FieldInt("group_id", g.group_id);
  w.Field("content", g.content);
  w.Field("speaker", g.speaker);
  w.FieldInt("quotes", g.quotes);
  w.FieldInt("articles", g.articles);
  w.FieldInt("outlets", g.sources);
  w.Field("first_date", g.first_date);
  w.Field("first_source", g.first_source);
  w.Field("first_title", g.first_title);
  w.FieldInt("first_article_id", g.first_article_id);
  w.FieldInt("first_quote_id", g.first_quote_id);
  w.Key("sources");
  w.BeginArray();
  for (const std::string& o : g.outlets) w.String(o);
  w.EndArray();
  w.EndObject();
}

void WriteCooccurrenceNode(JsonWriter& w, const CooccurrenceNode& n) {
  w.BeginObject();
  w.Field("name", n.name);
  w.Field("key", n.key);
  w.Field("type", n.type);
  w.FieldInt("articles", n.articles);
  w.EndObject();
}

void WriteCooccurrencePair(JsonWriter& w, const CooccurrencePair& p) {
  w.BeginObject();
  w.Field("a", p.a);
  w.Field("b", p.b);
  w.FieldInt("articles", p.articles);
  w.EndObject();
}

void WriteEventHit(JsonWriter& w, const EventHit& e) {
  w.BeginObject();
  EventFields(w, e);
  w.EndObject();
}

void WriteEventGroup(JsonWriter& w, const EventGroup& g) {
  w.BeginObject();
  w.FieldInt("group_id", g.group_id);
  w.FieldInt("events", g.events);
  w.FieldInt("num_articles", g.num_articles);
  w.FieldInt("num_sources", g.num_sources);
  w.Key("mean_goldstein");
  w.Double(g.goldstein);
  EventFields(w, g.first);
  w.EndObject();
}

void WriteDyadSummary(JsonWriter& w, const DyadSummary& d) {
  w.BeginObject();
  w.Field("a", d.a);
  w.Field("a_name", d.a_name);
  w.Field("b", d.b);
  w.Field("b_name", d.b_name);
  w.FieldInt("events", d.events);
  w.FieldInt("articles", d.articles);
  w.Key("goldstein");
  w.Double(d.goldstein);
  w.Field("first_date", d.first_date);
  w.Field("last_date", d.last_date);
  w.EndObject();
}

void WriteDyadPoint(JsonWriter& w, const DyadPoint& p) {
  w.BeginObject();
  w.Field("period", p.period);
  w.FieldInt("events", p.events);
  w.FieldInt("articles", p.articles);
  w.Key("goldstein");
  w.Double(p.goldstein);
  w.FieldInt("cooperation", p.cooperation);
  w.FieldInt("conflict", p.conflict);
  w.EndObject();
}

}  // namespace parley
