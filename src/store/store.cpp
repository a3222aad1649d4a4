#include "parley/store.h"

#include <filesystem>
#include <utility>

#include "parley/output.h"
#include "store/near_duplicate.h"
#include "store/schema.h"
#include "store/store_impl.h"

namespace parley {
namespace {

using store::BindSpan;
using store::SafeSpanText;

std::string_view SafeString(const Document& doc, uint32_t id) {
  if (id >= doc.strings().size()) return {};
  return doc.strings().Get(id);
}

Status Prepare(const sql::Database& db, sql::Statement* stmt, const char* sql) {
  auto s = db.Prepare(sql);
  if (!s.ok()) return s.status();
  *stmt = std::move(*s);
  return Status::Ok();
}

void BindRun(sql::Statement& st, int i, int64_t run_id) {
  if (run_id > 0) {
    st.Bind(i, run_id);
  } else {
    st.BindNull(i);
  }
}

}  // namespace

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() = default;

int Store::LatestSchemaVersion() {
  return store::LatestSchemaVersion();
}

StatusOr<Store> Store::Open(const std::string& path, const StoreOptions& options) {
  auto impl = std::make_unique<Impl>();
  impl->read_only = options.read_only;
  if (options.read_only && !std::filesystem::exists(path)) {
    return NotFound(path + ": no such database (build one with 'parley ingest')");
  }
  int flags = options.read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  auto db = sql::Database::Open(path, flags);
  if (!db.ok()) return db.status();
  impl->db = std::move(*db);
  sqlite3_busy_timeout(impl->db.get(), options.busy_timeout_ms);
  PARLEY_RETURN_IF_ERROR(impl->db.Exec("PRAGMA foreign_keys = ON"));
  if (options.read_only) {
    PARLEY_RETURN_IF_ERROR(impl->db.Exec("PRAGMA query_only = ON"));
    auto v = store::SchemaVersionOf(impl->db);
    if (!v.ok()) return Status(v.status().code(), path + ": " + v.status().message());
    if (*v != store::LatestSchemaVersion()) {
      return FailedPrecondition(path + ": schema version " + std::to_string(*v) + ", expected " +
                                std::to_string(store::LatestSchemaVersion()) +
                                " (open it for writing, e.g. with 'parley ingest', to migrate)");
    }
  } else {
    // WAL: readers never block the writer, and a killed writer leaves the
    // last committed transaction. NORMAL sync is durable across process
    // crashes (only an OS crash may lose the newest transactions).
    Status s = impl->db.Exec("PRAGMA journal_mode = WAL");
    if (s.ok()) s = impl->db.Exec("PRAGMA synchronous = NORMAL");
    if (s.ok()) s = store::Migrate(impl->db, options.schema_version);
    if (!s.ok()) return Status(s.code(), path + ": " + s.message());
  }
  auto version = store::SchemaVersionOf(impl->db);
  if (!version.ok())
    return Status(version.status().code(), path + ": " + version.status().message());
  impl->schema_version = *version;
  return Store(std::move(impl));
}

StatusOr<int> Store::SchemaVersion() const {
  return store::SchemaVersionOf(impl_->db);
}

Status Store::Begin() {
  return impl_->db.Exec("BEGIN IMMEDIATE");
}
Status Store::Commit() {
  Status s = impl_->db.Exec("COMMIT");
  if (s.ok()) impl_->quote_grouper.Commit();
  return s;
}
Status Store::Rollback() {
  impl_->quote_grouper.Rollback();
  return impl_->db.Exec("ROLLBACK");
}

StatusOr<int64_t> Store::StartRun(std::string_view inputs, std::string_view stages) {
  auto st = impl_->db.Prepare(
      "INSERT INTO ingest_runs(started_at, inputs, stages) "
      "VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?1, ?2)");
  if (!st.ok()) return st.status();
  st->Bind(1, inputs);
  st->Bind(2, stages);
  PARLEY_RETURN_IF_ERROR(st->Run());
  return impl_->db.LastInsertRowid();
}

Status Store::FinishRun(int64_t run_id, uint64_t read, uint64_t added, uint64_t rejected) {
  auto st = impl_->db.Prepare(
      "UPDATE ingest_runs SET finished_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), "
      "records_read = ?2, articles_added = ?3, records_rejected = ?4 WHERE run_id = ?1");
  if (!st.ok()) return st.status();
  st->Bind(1, run_id);
  st->Bind(2, static_cast<int64_t>(read));
  st->Bind(3, static_cast<int64_t>(added));
  st->Bind(4, static_cast<int64_t>(rejected));
  return st->Run();
}

StatusOr<bool> Store::AddDocument(const Document& doc, int64_t run_id) {
  Impl& m = *impl_;
  if (m.read_only) return FailedPrecondition("the store is open read-only");
  if (!m.insert_article.IsPrepared()) {
    PARLEY_RETURN_IF_ERROR(Prepare(m.db, &m.insert_article,
                                   "INSERT INTO articles(content_hash, id, date, title, url, "
                                   "source, language, length, origin, annotations, text, run_id, "
                                   "ingested_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
                                   "?10, ?11, ?12, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')) "
                                   "ON CONFLICT(content_hash) DO NOTHING"));
    PARLEY_RETURN_IF_ERROR(Prepare(m.db, &m.insert_repair,
                                   "INSERT INTO repairs(article_id, begin, \"end\", replacement, "
                                   "reason) VALUES (?1, ?2, ?3, ?4, ?5)"));
    PARLEY_RETURN_IF_ERROR(Prepare(
        m.db, &m.insert_entity,
        "INSERT INTO entities(article_id, idx, name, type, kb_id, country, admin1, role, "
        "actor_code, stands_for, geonames_id, lat, lon, feature_class) VALUES (?1, ?2, ?3, ?4, "
        "?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)"));
    PARLEY_RETURN_IF_ERROR(Prepare(m.db, &m.insert_mention,
                                   "INSERT INTO mentions(article_id, idx, begin, \"end\", "
                                   "token_begin, token_end, type, text, entity_id) VALUES (?1, "
                                   "?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"));
    // Quote ids are given, so a quote that starts a group can carry its own
    // id as group_id (schema version 3 on) without a second write.
    PARLEY_RETURN_IF_ERROR(Prepare(
        m.db, &m.insert_quote,
        m.schema_version >= 3
            ? "INSERT INTO quotes(article_id, idx, begin, \"end\", token_begin, token_end, "
              "content, kind, cue_begin, cue_end, cue, cue_lemma, speaker_begin, speaker_end, "
              "speaker_text, speaker_entity_id, speaker_name, nested_in, channel_begin, "
              "channel_end, channel, confidence, quote_id, group_id) VALUES (?1, ?2, ?3, ?4, ?5, "
              "?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, "
              "?23, ?24)"
            : "INSERT INTO quotes(article_id, idx, begin, \"end\", token_begin, token_end, "
              "content, kind, cue_begin, cue_end, cue, cue_lemma, speaker_begin, speaker_end, "
              "speaker_text, speaker_entity_id, speaker_name, nested_in, channel_begin, "
              "channel_end, channel, confidence, quote_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
              "?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23)"));
    PARLEY_RETURN_IF_ERROR(
        Prepare(m.db, &m.max_quote_id, "SELECT COALESCE(MAX(quote_id), 0) FROM quotes"));
  }

  const DocumentMeta& meta = doc.meta();
  std::string hash = ContentHash(doc.text());
  sql::Statement& a = m.insert_article;
  a.Reset();
  a.Bind(1, hash);
  a.BindOrNull(2, meta.id);
  a.BindOrNull(3, meta.date);
  a.BindOrNull(4, meta.title);
  a.BindOrNull(5, meta.url);
  a.BindOrNull(6, meta.source);
  a.BindOrNull(7, meta.language);
  a.Bind(8, static_cast<int64_t>(doc.text().size()));
  a.BindOrNull(9, meta.origin);
  a.Bind(10, int64_t{doc.annotations()});
  a.Bind(11, doc.text());
  BindRun(a, 12, run_id);
  PARLEY_RETURN_IF_ERROR(a.Run());
  if (m.db.Changes() == 0) return false;
  const int64_t article = m.db.LastInsertRowid();

  for (const Repair& r : doc.repairs()) {
    sql::Statement& st = m.insert_repair;
    st.Reset();
    st.Bind(1, article);
    st.Bind(2, int64_t{r.span.begin});
    st.Bind(3, int64_t{r.span.end});
    st.Bind(4, r.replacement);
    st.Bind(5, std::string_view(RepairReasonName(r.reason)));
    PARLEY_RETURN_IF_ERROR(st.Run());
  }

  // Entities first, so mentions and quotes can point at their rows.
  std::vector<int64_t> entity_rows;
  entity_rows.reserve(doc.entities().size());
  for (size_t i = 0; i < doc.entities().size(); ++i) {
    const Entity& e = doc.entities()[i];
    const EntityLinks& l = e.links;
    sql::Statement& st = m.insert_entity;
    st.Reset();
    st.Bind(1, article);
    st.Bind(2, static_cast<int64_t>(i));
    st.Bind(3, e.name);
    st.Bind(4, SafeString(doc, e.type));
    st.BindOrNull(5, l.kb_id);
    st.BindOrNull(6, l.country);
    st.BindOrNull(7, l.admin1);
    st.BindOrNull(8, l.role);
    st.BindOrNull(9, l.actor_code);
    st.BindOrNull(10, l.stands_for);
    if (l.geonames_id != 0) st.Bind(11, l.geonames_id);
    if (l.geonames_id != 0 || l.has_coordinates) {
      st.Bind(12, l.lat);
      st.Bind(13, l.lon);
    }
    st.BindOrNull(14, l.feature_class);
    PARLEY_RETURN_IF_ERROR(st.Run());
    entity_rows.push_back(m.db.LastInsertRowid());
  }
  auto entity_row = [&](int64_t index) -> int64_t {
    return index >= 0 && static_cast<size_t>(index) < entity_rows.size()
               ? entity_rows[static_cast<size_t>(index)]
               : 0;
  };

  // A mention's entity: Mention::entity, else the entity that lists it.
  const auto& mentions = doc.mentions();
  std::vector<int64_t> mention_entity(mentions.size(), -1);
  for (size_t i = 0; i < mentions.size(); ++i) mention_entity[i] = mentions[i].entity;
  for (size_t e = 0; e < doc.entities().size(); ++e) {
    for (uint32_t mi : doc.entities()[e].mentions) {
      if (mi < mentions.size() && mention_entity[mi] < 0) {
        mention_entity[mi] = static_cast<int64_t>(e);
      }
    }
  }
  for (size_t i = 0; i < mentions.size(); ++i) {
    const Mention& mn = mentions[i];
    sql::Statement& st = m.insert_mention;
    st.Reset();
    st.Bind(1, article);
    st.Bind(2, static_cast<int64_t>(i));
    st.Bind(3, int64_t{mn.span.begin});
    st.Bind(4, int64_t{mn.span.end});
    st.Bind(5, int64_t{mn.token_begin});
    st.Bind(6, int64_t{mn.token_end});
    st.Bind(7, SafeString(doc, mn.type));
    st.Bind(8, SafeSpanText(doc, mn.span));
    if (int64_t row = entity_row(mention_entity[i])) st.Bind(9, row);
    PARLEY_RETURN_IF_ERROR(st.Run());
  }

  // The next quote ids, and the grouper's index brought up to them (in a
  // write transaction no one else adds quotes meanwhile).
  m.max_quote_id.Reset();
  auto max_row = m.max_quote_id.Step();
  if (!max_row.ok()) return max_row.status();
  int64_t quote_id = m.max_quote_id.Int(0);
  m.max_quote_id.Reset();
  const bool groups = m.schema_version >= 3;
  if (groups) PARLEY_RETURN_IF_ERROR(m.quote_grouper.CatchUp(m.db, quote_id));

  std::vector<int64_t> quote_rows;
  quote_rows.reserve(doc.quotes().size());
  for (size_t i = 0; i < doc.quotes().size(); ++i) {
    const Quote& q = doc.quotes()[i];
    const std::string_view content = SafeSpanText(doc, q.content);
    ++quote_id;
    dedup::Fingerprint fp;
    int64_t group = quote_id;
    if (groups) {
      fp = dedup::MakeFingerprint(content);
      auto match = m.quote_grouper.Match(m.db, fp);
      if (!match.ok()) return match.status();
      if (*match != 0) group = *match;
    }
    sql::Statement& st = m.insert_quote;
    st.Reset();
    st.Bind(1, article);
    st.Bind(2, static_cast<int64_t>(i));
    st.Bind(3, int64_t{q.content.begin});
    st.Bind(4, int64_t{q.content.end});
    st.Bind(5, int64_t{q.token_begin});
    st.Bind(6, int64_t{q.token_end});
    st.Bind(7, content);
    st.Bind(8, std::string_view(QuoteKindName(q.kind)));
    BindSpan(st, 9, q.cue);
    st.BindOrNull(11, SafeSpanText(doc, q.cue));
    if (q.cue_lemma != StringStore::kMissing) st.BindOrNull(12, SafeString(doc, q.cue_lemma));
    BindSpan(st, 13, q.speaker);
    st.BindOrNull(15, SafeSpanText(doc, q.speaker));
    if (int64_t row = entity_row(q.speaker_entity)) st.Bind(16, row);
    st.BindOrNull(17, q.speaker_name);
    if (q.nested_in >= 0) st.Bind(18, int64_t{q.nested_in});
    BindSpan(st, 19, q.channel);
    st.BindOrNull(21, SafeSpanText(doc, q.channel));
    st.Bind(22, static_cast<double>(q.confidence));
    st.Bind(23, quote_id);
    if (groups) st.Bind(24, group);
    PARLEY_RETURN_IF_ERROR(st.Run());
    quote_rows.push_back(quote_id);
    if (groups) {
      PARLEY_RETURN_IF_ERROR(m.quote_grouper.Record(m.db, quote_id, group, fp, article,
                                                    content.size(), meta.date, meta.source));
    }
  }

  // Schema version 3 added groups, times and events; older versions are
  // written only by migration tests.
  if (groups) {
    PARLEY_RETURN_IF_ERROR(m.event_writer.Add(m.db, doc, article, entity_rows, quote_rows));
  }
  // Outside a transaction each statement has committed.
  if (sqlite3_get_autocommit(m.db.get())) m.quote_grouper.Commit();
  return true;
}

Status Store::AddRejected(const RecordError& error, int64_t run_id) {
  Impl& m = *impl_;
  if (m.read_only) return FailedPrecondition("the store is open read-only");
  if (!m.insert_rejected.IsPrepared()) {
    PARLEY_RETURN_IF_ERROR(Prepare(m.db, &m.insert_rejected,
                                   "INSERT INTO rejected(location, file, line, code, message, "
                                   "run_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
                                   "ON CONFLICT(location, code, message) DO NOTHING"));
  }
  sql::Statement& st = m.insert_rejected;
  st.Reset();
  st.Bind(1, error.where.ToString());
  st.Bind(2, error.where.file);
  st.Bind(3, static_cast<int64_t>(error.where.line));
  st.Bind(4, std::string_view(StatusCodeName(error.status.code())));
  st.Bind(5, error.status.message());
  BindRun(st, 6, run_id);
  return st.Run();
}

Status Store::ForEachContentHash(const std::function<void(std::string_view)>& fn) const {
  auto st = impl_->db.Prepare("SELECT content_hash FROM articles");
  if (!st.ok()) return st.status();
  while (true) {
    auto row = st->Step();
    if (!row.ok()) return row.status();
    if (!*row) return Status::Ok();
    fn(st->Text(0));
  }
}

Status Store::CheckIntegrity() const {
  sql::Database& db = impl_->db;
  auto st = db.Prepare("PRAGMA integrity_check");
  if (!st.ok()) return st.status();
  std::string problems;
  while (true) {
    auto row = st->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    std::string line = st->Text(0);
    if (line != "ok") problems += (problems.empty() ? "" : "; ") + line;
  }
  if (!problems.empty()) return DataLoss("integrity_check: " + problems);
  auto fk = db.Prepare("PRAGMA foreign_key_check");
  if (!fk.ok()) return fk.status();
  auto fk_row = fk->Step();
  if (!fk_row.ok()) return fk_row.status();
  if (*fk_row) return DataLoss("foreign_key_check: a row in " + fk->Text(0) + " points nowhere");
  auto version = store::SchemaVersionOf(db);
  if (version.ok() && *version >= 3) {
    // Every quote and event is in a group, and the groups count their members.
    auto groups = db.Prepare(
        "SELECT (SELECT COUNT(*) FROM quotes WHERE group_id IS NULL),"
        " (SELECT COUNT(*) FROM quotes) - (SELECT COALESCE(SUM(quotes), 0) FROM quote_groups),"
        " (SELECT COUNT(*) FROM events WHERE group_id IS NULL),"
        " (SELECT COUNT(*) FROM events) - (SELECT COALESCE(SUM(events), 0) FROM event_groups)");
    if (!groups.ok()) return groups.status();
    auto row = groups->Step();
    if (!row.ok()) return row.status();
    if (groups->Int(0) != 0 || groups->Int(1) != 0) {
      return DataLoss("quote groups: ungrouped quotes or member counts that do not add up");
    }
    if (groups->Int(2) != 0 || groups->Int(3) != 0) {
      return DataLoss("event groups: ungrouped events or member counts that do not add up");
    }
  }
  if (version.ok() && *version >= 2) {
    for (const char* check : {"INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')",
                              "INSERT INTO quotes_fts(quotes_fts) VALUES ('integrity-check')"}) {
      if (impl_->read_only) break;  // the FTS check is written as an INSERT
      Status s = db.Exec(check);
      if (!s.ok()) return DataLoss("full-text index: " + s.message());
    }
  }
  return Status::Ok();
}

}  // namespace parley
