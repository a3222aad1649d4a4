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
