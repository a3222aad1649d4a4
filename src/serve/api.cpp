// The JSON API. Every value from a request is checked against the limits in
// api.h and bound as an SQL parameter; SQL text is constant. Full-text words
// go through FullTextTerms, so FTS5 syntax in them stays words.
#include "serve/api.h"

#include <charconv>
#include <cstring>

#include "output/aggregate_json.h"
#include "output/json_writer.h"
#include "serve/api_params.h"
#include "store/quote_rows.h"

namespace parley::serve {

namespace {

int HttpStatusFor(StatusCode code) {
  switch (code) {
    case StatusCode::kInvalidArgument:
    case StatusCode::kResourceExhausted: return 400;
    case StatusCode::kNotFound: return 404;
    default: return 500;
  }
}

}  // namespace

ApiResponse FromStatus(const Status& s) {
  return ErrorResponse(HttpStatusFor(s.code()), s.message());
}

StatusOr<std::string> Text(const Params& params, const char* name) {
  auto it = params.find(name);
  if (it == params.end()) return std::string();
  if (it->second.size() > kMaxParamBytes) {
    return InvalidArgument(std::string("parameter '") + name + "' is longer than " +
                           std::to_string(kMaxParamBytes) + " bytes");
  }
  return it->second;
}

StatusOr<int64_t> Int(const Params& params, const char* name, int64_t fallback, int64_t lo,
                      int64_t hi) {
  auto it = params.find(name);
  if (it == params.end() || it->second.empty()) return fallback;
  const std::string& s = it->second;
  int64_t v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || v < lo || v > hi) {
    return InvalidArgument(std::string("parameter '") + name + "' wants an integer from " +
                           std::to_string(lo) + " to " + std::to_string(hi));
  }
  return v;
}

StatusOr<bool> Flag(const Params& params, const char* name) {
  auto it = params.find(name);
  if (it == params.end() || it->second.empty() || it->second == "0" || it->second == "false") {
    return false;
  }
  if (it->second == "1" || it->second == "true") return true;
  return InvalidArgument(std::string("parameter '") + name + "' wants 1, 0, true or false");
}

StatusOr<Page> GetPage(const Params& params, int64_t fallback, int64_t max) {
  Page p;
  auto limit = Int(params, "limit", fallback, 1, max);
  if (!limit.ok()) return limit.status();
  auto offset = Int(params, "offset", 0, 0, kMaxOffset);
  if (!offset.ok()) return offset.status();
  p.limit = *limit;
  p.offset = *offset;
  return p;
}

void PageFields(JsonWriter& w, const Page& p, bool more) {
  w.FieldInt("limit", p.limit);
  w.FieldInt("offset", p.offset);
  w.Key("more");
  w.Bool(more);
}

namespace {

void NullableInt(JsonWriter& w, std::string_view key, const sql::Statement& st, int col) {
  w.Key(key);
  if (st.IsNull(col)) {
    w.Null();
  } else {
    w.Int(st.Int(col));
  }
}

using sql::EachRow;

ApiResponse Stats(Connection& c) {
  auto s = c.store.Stats();
  if (!s.ok()) return FromStatus(s.status());
  ApiResponse r;
  JsonWriter w(&r.body);
  w.BeginObject();
  w.FieldInt("schema_version", s->schema_version);
  w.FieldInt("articles", s->articles);
  w.FieldInt("text_bytes", s->text_bytes);
  w.FieldInt("quotes", s->quotes);
  w.FieldInt("entities", s->entities);
  w.FieldInt("mentions", s->mentions);
  w.FieldInt("rejected", s->rejected);
  w.FieldInt("quote_groups", s->quote_groups);
  w.FieldInt("shared_quotes", s->shared_quotes);
  w.FieldInt("events", s->events);
  w.FieldInt("event_groups", s->event_groups);
  w.Field("first_date", s->first_date);
  w.Field("last_date", s->last_date);
  auto pairs = [&](const char* key, const std::vector<std::pair<std::string, int64_t>>& v) {
    w.Key(key);
    w.BeginArray();
    for (const auto& [name, n] : v) {
      w.BeginObject();
      w.Field("name", name);
      w.FieldInt("count", n);
      w.EndObject();
    }
    w.EndArray();
  };
  pairs("quotes_by_kind", s->quotes_by_kind);
  pairs("top_sources", s->top_sources);
  w.EndObject();
  return r;
}

ApiResponse Quotes(Connection& c, const Params& params) {
  QuoteQuery q;
  for (auto [name, out] :
       {std::pair{"speaker", &q.speaker}, std::pair{"text", &q.text},
        std::pair{"entity", &q.entity}, std::pair{"from", &q.from}, std::pair{"to", &q.to}}) {
    auto v = Text(params, name);
    if (!v.ok()) return FromStatus(v.status());
    *out = std::move(*v);
  }
  auto page = GetPage(params);
  if (!page.ok()) return FromStatus(page.status());
  q.limit = page->limit + 1;  // one more tells whether there is a next page
  q.offset = page->offset;
  auto hits = c.store.FindQuotes(q);
  if (!hits.ok()) return FromStatus(hits.status());
  bool more = static_cast<int64_t>(hits->size()) > page->limit;
  if (more) hits->pop_back();
  ApiResponse r;
  JsonWriter w(&r.body);
  w.BeginObject();
  PageFields(w, *page, more);
  w.Key("quotes");
  w.BeginArray();
  for (const QuoteHit& h : *hits) WriteQuoteHit(w, h);
  w.EndArray();
  w.EndObject();
  return r;
}

ApiResponse Articles(Connection& c, const Params& params) {
  auto words = Text(params, "q");
  if (!words.ok()) return FromStatus(words.status());
  auto page = GetPage(params);
  if (!page.ok()) return FromStatus(page.status());
  std::string terms = FullTextTerms(*words);
  // The snippet marks matches with \x02 ... \x03; the explorer turns them
  // into <mark> elements (as DOM nodes, never as HTML).
  const char* sql =
      terms.empty()
          ? "SELECT a.article_id, COALESCE(a.id, ''), COALESCE(a.date, ''), COALESCE(a.title, ''),"
            " COALESCE(a.source, ''), substr(a.text, 1, 200) FROM articles a WHERE ?1 IS NULL"
            " ORDER BY a.date DESC NULLS LAST, a.article_id LIMIT ?2 OFFSET ?3"
          : "SELECT a.article_id, COALESCE(a.id, ''), COALESCE(a.date, ''), COALESCE(a.title, ''),"
            " COALESCE(a.source, ''), snippet(articles_fts, 1, char(2), char(3), '…', 24)"
            " FROM articles_fts f JOIN articles a ON a.article_id = f.rowid"
            " WHERE articles_fts MATCH ?1 ORDER BY f.rank, a.article_id LIMIT ?2 OFFSET ?3";
  auto st = c.db.Prepare(sql);
  if (!st.ok()) return FromStatus(st.status());
  st->BindOrNull(1, terms);
  st->Bind(2, page->limit + 1);
  st->Bind(3, page->offset);
  ApiResponse r;
  std::string items;
  JsonWriter w(&items);
  w.BeginArray();
  int64_t n = 0;
  Status s = EachRow(*st, [&] {
    if (++n > page->limit) return;
    w.BeginObject();
    w.FieldInt("article_id", st->Int(0));
    w.Field("id", st->Text(1));
    w.Field("date", st->Text(2));
    w.Field("title", st->Text(3));
    w.Field("source", st->Text(4));
    w.Field("snippet", st->Text(5));
    w.EndObject();
  });
  if (!s.ok()) return FromStatus(s);
  w.EndArray();
  JsonWriter out(&r.body);
  out.BeginObject();
  PageFields(out, *page, n > page->limit);
  out.Key("articles");
  r.body += items;
  r.body += '}';
  return r;
}

ApiResponse Article(Connection& c, std::string_view id_text) {
  int64_t id = 0;
  auto [end, ec] = std::from_chars(id_text.data(), id_text.data() + id_text.size(), id);
  if (ec != std::errc() || end != id_text.data() + id_text.size() || id <= 0) {
    return ErrorResponse(400, "an article id is a positive integer");
  }
  auto st = c.db.Prepare(
      "SELECT article_id, COALESCE(id, ''), COALESCE(date, ''), COALESCE(title, ''),"
      " COALESCE(source, ''), COALESCE(url, ''), COALESCE(language, ''), text"
      " FROM articles WHERE article_id = ?1");
  if (!st.ok()) return FromStatus(st.status());
  st->Bind(1, id);
  auto row = st->Step();
  if (!row.ok()) return FromStatus(row.status());
  if (!*row) return ErrorResponse(404, "no article " + std::to_string(id));
  ApiResponse r;
  JsonWriter w(&r.body);
  w.BeginObject();
  w.FieldInt("article_id", st->Int(0));
  const char* fields[] = {"id", "date", "title", "source", "url", "language", "text"};
  for (int i = 0; i < 7; ++i) w.Field(fields[i], st->Text(i + 1));

  auto quotes = c.db.Prepare(
      "SELECT quote_id, idx, begin, \"end\", content, kind,"
      " COALESCE(speaker_name, speaker_text, ''), speaker_begin, speaker_end,"
      " COALESCE(cue, ''), cue_begin, cue_end, confidence"
      " FROM quotes WHERE article_id = ?1 ORDER BY begin, idx");
  if (!quotes.ok()) return FromStatus(quotes.status());
  quotes->Bind(1, id);
  w.Key("quotes");
  w.BeginArray();
  Status s = EachRow(*quotes, [&] {
    sql::Statement& q = *quotes;
    w.BeginObject();
    w.FieldInt("quote_id", q.Int(0));
    w.FieldInt("idx", q.Int(1));
    w.FieldInt("begin", q.Int(2));
    w.FieldInt("end", q.Int(3));
    w.Field("content", q.Text(4));
    w.Field("kind", q.Text(5));
    w.Field("speaker", q.Text(6));
    NullableInt(w, "speaker_begin", q, 7);
    NullableInt(w, "speaker_end", q, 8);
    w.Field("cue", q.Text(9));
    NullableInt(w, "cue_begin", q, 10);
    NullableInt(w, "cue_end", q, 11);
    w.Key("confidence");
    w.Double(q.Double(12));
    w.EndObject();
  });
  if (!s.ok()) return FromStatus(s);
  w.EndArray();

  auto mentions = c.db.Prepare(
      "SELECT m.begin, m.\"end\", m.type, m.text, COALESCE(e.name, m.text)"
      " FROM mentions m LEFT JOIN entities e ON e.entity_id = m.entity_id"
      " WHERE m.article_id = ?1 ORDER BY m.begin, m.idx");
  if (!mentions.ok()) return FromStatus(mentions.status());
  mentions->Bind(1, id);
  w.Key("mentions");
  w.BeginArray();
  s = EachRow(*mentions, [&] {
    sql::Statement& m = *mentions;
    w.BeginObject();
    w.FieldInt("begin", m.Int(0));
    w.FieldInt("end", m.Int(1));
    w.Field("type", m.Text(2));
    w.Field("text", m.Text(3));
    w.Field("entity", m.Text(4));
    w.EndObject();
  });
  if (!s.ok()) return FromStatus(s);
  w.EndArray();

  auto entities = c.db.Prepare(
      "SELECT name, type, COALESCE(kb_id, ''), lat, lon,"
      " (SELECT COUNT(*) FROM mentions m WHERE m.entity_id = e.entity_id)"
      " FROM entities e WHERE article_id = ?1 ORDER BY idx");
  if (!entities.ok()) return FromStatus(entities.status());
  entities->Bind(1, id);
  w.Key("entities");
  w.BeginArray();
  s = EachRow(*entities, [&] {
    sql::Statement& e = *entities;
    w.BeginObject();
    w.Field("name", e.Text(0));
    w.Field("type", e.Text(1));
    w.Field("kb_id", e.Text(2));
    if (!e.IsNull(3) && !e.IsNull(4)) {
      w.Key("lat");
      w.Double(e.Double(3));
      w.Key("lon");
      w.Double(e.Double(4));
    }
    w.FieldInt("mentions", e.Int(5));
    w.EndObject();
  });
  if (!s.ok()) return FromStatus(s);
  w.EndArray();
  w.EndObject();
  return r;
}

// A speaker is the canonical name, or the mention as written where the
// speaker was not resolved, as in FindQuotes.
constexpr const char* kSpeakerIs =
    "(q.speaker_name = ?1 OR (q.speaker_name IS NULL AND q.speaker_text = ?1))";

// The number of quotes by `name`: resolved speakers from the speaker_name
// index; unresolved ones (speaker_name NULL, about a third of all quotes)
// narrowed by the full-text index on speaker_text before the exact match.
StatusOr<int64_t> CountSpeakerQuotes(Connection& c, std::string_view name) {
  std::string terms = FullTextTerms(name);
  auto st = c.db.Prepare(
      terms.empty()
          ? "SELECT COUNT(*) FROM quotes q WHERE ?2 IS NULL AND (q.speaker_name = ?1"
            " OR (q.speaker_name IS NULL AND q.speaker_text = ?1))"
          : "SELECT (SELECT COUNT(*) FROM quotes WHERE speaker_name = ?1) +"
            " (SELECT COUNT(*) FROM quotes q WHERE q.quote_id IN (SELECT rowid FROM quotes_fts"
            "  WHERE quotes_fts MATCH ?2) AND q.speaker_name IS NULL AND q.speaker_text = ?1)");
  if (!st.ok()) return st.status();
  st->Bind(1, name);
  if (!terms.empty()) st->Bind(2, "{speaker_text} : (" + terms + ")");
  auto row = st->Step();
  if (!row.ok()) return row.status();
  return *row ? st->Int(0) : 0;
}

ApiResponse Speaker(Connection& c, std::string_view name, const Params& params) {
  if (name.empty()) return ErrorResponse(400, "a speaker name is required");
  if (name.size() > kMaxParamBytes) return ErrorResponse(400, "speaker name too long");
  auto page = GetPage(params);
  if (!page.ok()) return FromStatus(page.status());
  auto total = CountSpeakerQuotes(c, name);
  if (!total.ok()) return FromStatus(total.status());
  if (*total == 0) return ErrorResponse(404, "no quotes by '" + std::string(name) + "'");
  // Newest first. A prolific speaker's page is found by walking articles
  // down the date index until the page is full; a rare speaker's quotes are
  // gathered by name and sorted. (Undated articles sort last either way.)
  const std::string columns = store::QuoteHitColumns();
  const std::string terms = FullTextTerms(name);
  std::string where;
  if (*total > 200) {
    where = std::string(
                "FROM articles a INDEXED BY articles_date CROSS JOIN quotes q"
                " ON q.article_id = a.article_id WHERE ") +
            kSpeakerIs;
  } else if (terms.empty()) {
    where = std::string("FROM quotes q JOIN articles a ON a.article_id = q.article_id WHERE ") +
            kSpeakerIs + " AND ?4 IS NULL";
  } else {
    where =
        "FROM quotes q JOIN articles a ON a.article_id = q.article_id WHERE (q.speaker_name = ?1"
        " OR (q.quote_id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?4)"
        " AND q.speaker_name IS NULL AND q.speaker_text = ?1))";
  }
  auto st = c.db.Prepare(columns + where + " ORDER BY a.date DESC, q.quote_id LIMIT ?2 OFFSET ?3");
  if (!st.ok()) return FromStatus(st.status());
  st->Bind(1, name);
  st->Bind(2, page->limit);
  st->Bind(3, page->offset);
  if (*total <= 200 && !terms.empty()) st->Bind(4, "{speaker_text} : (" + terms + ")");
  ApiResponse r;
  JsonWriter w(&r.body);
  w.BeginObject();
  w.Field("speaker", name);
  w.FieldInt("total", *total);
  PageFields(w, *page, page->offset + page->limit < *total);
  w.Key("quotes");
  w.BeginArray();
  Status s = EachRow(*st, [&] { WriteQuoteHit(w, store::ReadQuoteHit(*st)); });
  if (!s.ok()) return FromStatus(s);
  w.EndArray();
  w.EndObject();
  return r;
}

ApiResponse Entities(Connection& c, const Params& params) {
  EntityQuery q;
  auto type = Text(params, "type");
  if (!type.ok()) return FromStatus(type.status());
  auto name = Text(params, "name");
  if (!name.ok()) return FromStatus(name.status());
  auto limit = Int(params, "limit", 20, 1, kMaxLimit);
  if (!limit.ok()) return FromStatus(limit.status());
  q.type = *type;
  q.name = *name;
  q.limit = *limit;
  auto list = c.store.ListEntities(q);
  if (!list.ok()) return FromStatus(list.status());
  ApiResponse r;
  JsonWriter w(&r.body);
  w.BeginObject();
  w.Key("entities");
  w.BeginArray();
  for (const EntityCount& e : *list) WriteEntityCount(w, e);
  w.EndArray();
  w.EndObject();
  return r;
}

ApiResponse Timeline(Connection& c, const Params& params) {
  auto entity = Text(params, "entity");
  if (!entity.ok()) return FromStatus(entity.status());
  auto speaker = Text(params, "speaker");
  if (!speaker.ok()) return FromStatus(speaker.status());
  if (entity->empty() == speaker->empty()) {
    return ErrorResponse(400, "timeline wants exactly one of 'entity' and 'speaker'");
  }
  // Entities count articles that mention them; speakers count their quotes.
  const std::string sql =
      !entity->empty()
          ? "SELECT substr(a.date, 1, 7) AS month, COUNT(*) FROM articles a"
            " WHERE a.article_id IN (SELECT article_id FROM entities WHERE name = ?1 COLLATE NOCASE"
            " UNION SELECT article_id FROM mentions WHERE text = ?1 COLLATE NOCASE)"
            " AND length(a.date) >= 7 GROUP BY month ORDER BY month"
          : std::string(
                "SELECT substr(a.date, 1, 7) AS month, COUNT(*) FROM quotes q"
                " JOIN articles a ON a.article_id = q.article_id WHERE ") +
                kSpeakerIs + " AND length(a.date) >= 7 GROUP BY month ORDER BY month";
  auto st = c.db.Prepare(sql);
  if (!st.ok()) return FromStatus(st.status());
  st->Bind(1, entity->empty() ? *speaker : *entity);
  ApiResponse r;
  JsonWriter w(&r.body);
  w.BeginObject();
  w.Field(entity->empty() ? "speaker" : "entity", entity->empty() ? *speaker : *entity);
  w.Field("counts", entity->empty() ? "quotes" : "articles");
  w.Key("months");
  w.BeginArray();
  Status s = EachRow(*st, [&] {
    w.BeginObject();
    w.Field("month", st->Text(0));
    w.FieldInt("count", st->Int(1));
    w.EndObject();
  });
  if (!s.ok()) return FromStatus(s);
  w.EndArray();
  w.EndObject();
  return r;
}

ApiResponse Places(Connection& c, const Params& params) {
  auto limit = Int(params, "limit", 200, 1, 1000);
  if (!limit.ok()) return FromStatus(limit.status());
  auto st = c.db.Prepare(
      "SELECT name, lat, lon, COALESCE(country, ''), COUNT(DISTINCT article_id) AS n FROM entities"
      " WHERE lat IS NOT NULL AND lon IS NOT NULL GROUP BY name, lat, lon"
      " ORDER BY n DESC, name LIMIT ?1");
  if (!st.ok()) return FromStatus(st.status());
  st->Bind(1, *limit);
  ApiResponse r;
  JsonWriter w(&r.body);
  w.BeginObject();
  w.Key("places");
  w.BeginArray();
  Status s = EachRow(*st, [&] {
    w.BeginObject();
    w.Field("name", st->Text(0));
    w.Key("lat");
    w.Double(st->Double(1));
    w.Key("lon");
    w.Double(st->Double(2));
    w.Field("country", st->Text(3));
    w.FieldInt("articles", st->Int(4));
    w.EndObject();
  });
  if (!s.ok()) return FromStatus(s);
  w.EndArray();
  w.EndObject();
  return r;
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

}  // namespace

ApiResponse ErrorResponse(int http_status, std::string_view message) {
  ApiResponse r;
  r.status = http_status;
  JsonWriter w(&r.body);
  w.BeginObject();
  w.Field("error", message);
  w.EndObject();
  return r;
}

ApiResponse HandleApi(Connection& c, std::string_view path, const Params& params) {
  if (path == "/api/stats") return Stats(c);
  if (path == "/api/quotes") return Quotes(c, params);
  if (path == "/api/articles") return Articles(c, params);
  if (StartsWith(path, "/api/articles/")) return Article(c, path.substr(14));
  if (path == "/api/speakers") return Speakers(c, params);
  if (StartsWith(path, "/api/speakers/")) return Speaker(c, path.substr(14), params);
  if (path == "/api/entities") return Entities(c, params);
  if (path == "/api/timeline") return Timeline(c, params);
  if (path == "/api/cooccurrence") return Cooccurrence(c, params);
  if (path == "/api/places") return Places(c, params);
  if (path == "/api/quote-groups") return QuoteGroups(c, params);
  if (StartsWith(path, "/api/quote-groups/")) return QuoteGroupMembers(c, path.substr(18));
  if (path == "/api/events") return Events(c, params);
  if (StartsWith(path, "/api/events/")) return EventGroupMembers(c, path.substr(12));
  if (path == "/api/dyads") return Dyads(c, params);
  if (path == "/api/dyad") return Dyad(c, params);
  return ErrorResponse(404, "no such API endpoint");
}

StatusOr<std::unique_ptr<Connection>> ConnectionPool::Connect(const std::string& path) {
  StoreOptions options;
  options.read_only = true;
  auto store = Store::Open(path, options);
  if (!store.ok()) return store.status();
  auto db = sql::Database::Open(path, SQLITE_OPEN_READONLY);
  if (!db.ok()) return db.status();
  // Memory-mapped reads share the OS page cache between the pool's
  // connections instead of each filling its own.
  Status s =
      db->Exec("PRAGMA query_only = ON; PRAGMA busy_timeout = 5000; PRAGMA mmap_size = 1073741824");
  if (!s.ok()) return s;
  return std::make_unique<Connection>(Connection{std::move(*store), std::move(*db)});
}

StatusOr<std::unique_ptr<ConnectionPool>> ConnectionPool::Open(const std::string& path) {
  auto first = Connect(path);  // fails early on a missing or foreign file
  if (!first.ok()) return first.status();
  std::unique_ptr<ConnectionPool> pool(new ConnectionPool(path));
  pool->idle_.push_back(std::move(*first));
  return pool;
}

StatusOr<std::unique_ptr<Connection>> ConnectionPool::Acquire() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!idle_.empty()) {
      auto c = std::move(idle_.back());
      idle_.pop_back();
      return c;
    }
  }
  return Connect(path_);
}

void ConnectionPool::Release(std::unique_ptr<Connection> c) {
  std::lock_guard<std::mutex> lock(mu_);
  idle_.push_back(std::move(c));
}

}  // namespace parley::serve
