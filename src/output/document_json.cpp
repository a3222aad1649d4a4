// The JSON record of one document: the layout documented in docs/schema.md.
#include "output/json_writer.h"
#include "parley/output.h"

namespace parley {
namespace {

void WriteMeta(const Document& doc, JsonWriter& w) {
  const DocumentMeta& m = doc.meta();
  w.Key("meta");
  w.BeginObject();
  w.Field("id", m.id);
  auto optional = [&](std::string_view key, const std::string& v) {
    w.Key(key);
    if (v.empty()) {
      w.Null();
    } else {
      w.String(v);
    }
  };
  optional("date", m.date);
  optional("title", m.title);
  optional("url", m.url);
  optional("source", m.source);
  optional("language", m.language);
  w.Key("length");
  w.UInt(doc.text().size());
  w.Field("content_hash", ContentHash(doc.text()));
  w.Field("origin", m.origin);
  w.EndObject();
}

void WriteRepairs(const Document& doc, JsonWriter& w) {
  w.Key("repairs");
  w.BeginArray();
  for (const Repair& r : doc.repairs()) {
    w.BeginObject();
    w.Key("begin");
    w.UInt(r.span.begin);
    w.Key("end");
    w.UInt(r.span.end);
    w.Field("original", doc.SpanText(r.span));
    w.Field("replacement", r.replacement);
    w.Field("reason", RepairReasonName(r.reason));
    w.EndObject();
  }
  w.EndArray();
}

void WriteSpans(const Document& doc, JsonWriter& w) {
  w.Key("paragraphs");
  w.BeginArray();
  for (const Paragraph& p : doc.paragraphs()) {
    w.BeginArray(true);
    w.UInt(p.span.begin);
    w.UInt(p.span.end);
    w.UInt(p.sentence_begin);
    w.UInt(p.sentence_end);
    w.EndArray();
  }
  w.EndArray();
  w.Key("sentences");
  w.BeginArray();
  for (const Sentence& s : doc.sentences()) {
    w.BeginArray(true);
    w.UInt(s.span.begin);
    w.UInt(s.span.end);
    w.UInt(s.token_begin);
    w.UInt(s.token_end);
    w.EndArray();
  }
  w.EndArray();
}

template <typename Column>
void WriteColumn(std::string_view key, const Column& col, JsonWriter& w) {
  w.Key(key);
  w.BeginArray(true);
  for (auto v : col) w.UInt(v);
  w.EndArray();
}

void WriteTokens(const Document& doc, JsonWriter& w) {
  const TokenColumns& t = doc.tokens();
  w.Key("tokens");
  w.BeginObject();
  WriteColumn("begin", t.begin, w);
  WriteColumn("end", t.end, w);
  WriteColumn("space_after", t.space_after, w);
  // Linguistic columns as strings, present once their stage has run.
  auto strings = [&](std::string_view key, const std::vector<uint32_t>& ids) {
    if (ids.size() != t.size()) return;
    w.Key(key);
    w.BeginArray(true);
    for (uint32_t id : ids) w.String(doc.strings().Get(id));
    w.EndArray();
  };
  strings("upos", t.upos);
  strings("xpos", t.xpos);
  strings("lemma", t.lemma);
  if (t.head.size() == t.size()) {
    w.Key("head");
    w.BeginArray(true);
    for (int32_t h : t.head) w.Int(h);
    w.EndArray();
  }
  strings("deprel", t.deprel);
  // The normalised form only where it differs from the original surface,
  // as {token index: form}, so the common case costs nothing.
  w.Key("norm");
  w.BeginObject();
  for (size_t i = 0; i < t.size(); ++i) {
    std::string_view form = doc.TokenForm(i);
    if (form != doc.TokenText(i)) {
      w.Key(std::to_string(i));
      w.String(form);
    }
  }
  w.EndObject();
  w.EndObject();
}

void WriteMentions(const Document& doc, JsonWriter& w) {
  w.Key("mentions");
  w.BeginArray();
  for (const Mention& m : doc.mentions()) {
    w.BeginObject();
    w.Key("begin");
    w.UInt(m.span.begin);
    w.Key("end");
    w.UInt(m.span.end);
    w.Key("tokens");
    w.BeginArray(true);
    w.UInt(m.token_begin);
    w.UInt(m.token_end);
    w.EndArray();
    w.Field("type", doc.strings().Get(m.type));
    w.Field("text", doc.SpanText(m.span));
    if (doc.has(kAnnDocEntities) && m.entity >= 0) w.FieldInt("entity", m.entity);
    w.EndObject();
  }
  w.EndArray();
}

// Entities with their links; a link field appears only when it is known.
void WriteEntities(const Document& doc, JsonWriter& w) {
  w.Key("entities");
  w.BeginArray();
  for (size_t i = 0; i < doc.entities().size(); ++i) {
    const Entity& e = doc.entities()[i];
    w.BeginObject();
    w.FieldInt("id", static_cast<int64_t>(i));
    w.Field("name", e.name);
    w.Field("type", doc.strings().Get(e.type));
    w.Key("mentions");
    w.BeginArray(true);
    for (uint32_t m : e.mentions) w.UInt(m);
    w.EndArray();
    const EntityLinks& l = e.links;
    auto opt = [&](std::string_view key, const std::string& v) {
      if (!v.empty()) w.Field(key, v);
    };
    opt("kb_id", l.kb_id);
    opt("country", l.country);
    opt("admin1", l.admin1);
    opt("role", l.role);
    opt("actor_code", l.actor_code);
    opt("stands_for", l.stands_for);
    if (l.geonames_id != 0) w.FieldInt("geonames_id", l.geonames_id);
    if (l.geonames_id != 0 || l.has_coordinates) {
      w.Key("lat");
      w.Double(l.lat);
      w.Key("lon");
      w.Double(l.lon);
    }
    opt("feature_class", l.feature_class);
    w.EndObject();
  }
  w.EndArray();
}

// {"begin": b, "end": e, "text": "..."}, or null for an empty span.
void WriteSpanObject(const Document& doc, Span span, JsonWriter& w) {
  if (span.empty()) {
    w.Null();
    return;
  }
  w.BeginObject();
  w.Key("begin");
  w.UInt(span.begin);
  w.Key("end");
  w.UInt(span.end);
  w.Field("text", doc.SpanText(span));
  w.EndObject();
}

void WriteQuotes(const Document& doc, JsonWriter& w) {
  w.Key("quotes");
  w.BeginArray();
  for (const Quote& q : doc.quotes()) {
    w.BeginObject();
    w.Field("kind", QuoteKindName(q.kind));
    w.Key("content");
    WriteSpanObject(doc, q.content, w);
    if (!q.continued.empty()) {
      w.Key("continued");
      WriteSpanObject(doc, q.continued, w);
    }
    w.Key("tokens");
    w.BeginArray(true);
    w.UInt(q.token_begin);
    w.UInt(q.token_end);
    w.EndArray();
    w.Key("cue");
    WriteSpanObject(doc, q.cue, w);
    w.Key("cue_lemma");
    if (q.cue_lemma == StringStore::kMissing) {
      w.Null();
    } else {
      w.String(doc.strings().Get(q.cue_lemma));
    }
    w.Key("speaker");
    WriteSpanObject(doc, q.speaker, w);
    w.Key("speaker_entity");
    if (q.speaker_entity < 0) {
      w.Null();
    } else {
      w.Int(q.speaker_entity);
    }
    w.Key("speaker_name");
    if (q.speaker_name.empty()) {
      w.Null();
    } else {
      w.String(q.speaker_name);
    }
    w.Key("nested_in");
    if (q.nested_in < 0) {
      w.Null();
    } else {
      w.Int(q.nested_in);
    }
    w.Key("channel");
    WriteSpanObject(doc, q.channel, w);
    w.Key("confidence");
    w.Double(static_cast<double>(q.confidence));
    w.EndObject();
  }
  w.EndArray();
}

void WriteOptionalIndex(int32_t i, JsonWriter& w) {
  if (i < 0) {
    w.Null();
  } else {
    w.Int(i);
  }
}

void WriteOptionalString(const std::string& s, JsonWriter& w) {
  if (s.empty()) {
    w.Null();
  } else {
    w.String(s);
  }
}

void WriteTimes(const Document& doc, JsonWriter& w) {
  w.Key("times");
  w.BeginArray();
  for (const TimeExpression& t : doc.times()) {
    w.BeginObject();
    w.Key("begin");
    w.UInt(t.span.begin);
    w.Key("end");
    w.UInt(t.span.end);
    w.Field("text", doc.SpanText(t.span));
    w.Key("value");
    WriteOptionalString(t.value, w);
    w.Field("relation", t.relation);
    w.EndObject();
  }
  w.EndArray();
}

void WriteEventActor(const Document& doc, const EventActor& a, JsonWriter& w) {
  w.BeginObject();
  w.Key("span");
  WriteSpanObject(doc, a.span, w);
  w.Key("entity");
  WriteOptionalIndex(a.entity, w);
  w.Key("code");
  WriteOptionalString(a.code, w);
  w.Key("name");
  WriteOptionalString(a.name, w);
  w.EndObject();
}

void WriteEvents(const Document& doc, JsonWriter& w) {
  w.Key("events");
  w.BeginArray();
  for (const Event& e : doc.events()) {
    w.BeginObject();
    w.Key("source");
    WriteEventActor(doc, e.source, w);
    w.Key("target");
    WriteEventActor(doc, e.target, w);
    w.Field("cameo", e.cameo);
    w.Field("cameo_name", e.cameo_name);
    w.Key("goldstein");
    w.Double(static_cast<double>(e.goldstein));
    w.Field("plover", e.plover);
    w.Key("plover_mode");
    WriteOptionalString(e.plover_mode, w);
    w.Key("trigger");
    WriteSpanObject(doc, e.trigger, w);
    w.Key("sentence");
    w.UInt(e.sentence);
    w.Key("location");
    WriteOptionalIndex(e.location, w);
    w.Key("location_name");
    if (e.location >= 0 && static_cast<size_t>(e.location) < doc.entities().size()) {
      w.String(doc.entities()[static_cast<size_t>(e.location)].name);
    } else {
      w.Null();
    }
    w.Key("date");
    WriteOptionalString(e.date, w);
    w.Key("time");
    WriteOptionalIndex(e.time, w);
    w.Field("polarity", EventPolarityName(e.polarity));
    w.Field("modality", EventModalityName(e.modality));
    w.Key("quote");
    WriteOptionalIndex(e.quote, w);
    w.Key("claimant");
    if (e.quote >= 0 && static_cast<size_t>(e.quote) < doc.quotes().size()) {
      WriteOptionalString(doc.quotes()[static_cast<size_t>(e.quote)].speaker_name, w);
    } else {
      w.Null();
    }
    w.Key("confidence");
    w.Double(static_cast<double>(e.confidence));
    w.EndObject();
  }
  w.EndArray();
}

}  // namespace

void WriteDocumentJson(const Document& doc, const JsonOptions& options, std::string* out) {
  JsonWriter w(out, options.pretty);
  w.BeginObject();
  w.Field("schema", kSchemaVersion);
  WriteMeta(doc, w);
  if (options.text) w.Field("text", doc.text());
  WriteRepairs(doc, w);
  WriteSpans(doc, w);
  if (doc.has(kAnnEntities)) WriteMentions(doc, w);
  if (doc.has(kAnnDocEntities)) WriteEntities(doc, w);
  if (doc.has(kAnnQuotes)) WriteQuotes(doc, w);
  if (doc.has(kAnnTimes)) WriteTimes(doc, w);
  if (doc.has(kAnnEvents)) WriteEvents(doc, w);
  if (options.tokens) WriteTokens(doc, w);
  w.EndObject();
}

void WriteErrorJson(const RecordError& error, std::string* out) {
  JsonWriter w(out);
  w.BeginObject();
  w.Field("schema", kSchemaVersion);
  w.Key("error");
  w.BeginObject();
  w.Field("where", error.where.ToString());
  w.Field("file", error.where.file);
  w.Key("line");
  w.UInt(error.where.line);
  w.Field("code", StatusCodeName(error.status.code()));
  w.Field("message", error.status.message());
  w.EndObject();
  w.EndObject();
}

}  // namespace parley
