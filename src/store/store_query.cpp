// Store queries. The SQL text is assembled only from constant fragments;
// every value from the user is a bound parameter, and full-text terms are
// quoted by FullTextTerms so FTS5 operators in them stay words.
#include <string>

#include "parley/store.h"
#include "store/quote_rows.h"
#include "store/schema.h"
#include "store/store_impl.h"

namespace parley {
namespace {

bool IsDate(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  return true;
}

// A LIKE pattern matching `s` anywhere, with %, _ and \ in it taken literally.
std::string LikeContains(std::string_view s) {
  std::string p = "%";
  for (char c : s) {
    if (c == '%' || c == '_' || c == '\\') p.push_back('\\');
    p.push_back(c);
  }
  p.push_back('%');
  return p;
}

StatusOr<int64_t> Count(const sql::Database& db, const char* sql) {
  auto st = db.Prepare(sql);
  if (!st.ok()) return st.status();
  auto row = st->Step();
  if (!row.ok()) return row.status();
  return *row ? st->Int(0) : 0;
}

Status Pairs(const sql::Database& db, const char* sql,
             std::vector<std::pair<std::string, int64_t>>* out) {
  auto st = db.Prepare(sql);
  if (!st.ok()) return st.status();
  return sql::EachRow(*st, [&] { out->emplace_back(st->Text(0), st->Int(1)); });
}

}  // namespace

std::string FullTextTerms(std::string_view words) {
  std::string out;
  size_t i = 0;
  while (i < words.size()) {
    while (i < words.size() && (words[i] == ' ' || words[i] == '\t' || words[i] == '\n')) ++i;
    size_t start = i;
    while (i < words.size() && words[i] != ' ' && words[i] != '\t' && words[i] != '\n') ++i;
    if (i == start) break;
    if (!out.empty()) out.push_back(' ');
    out.push_back('"');
    for (char c : words.substr(start, i - start)) {
      if (c == '"') out.push_back('"');  // FTS5 escapes a quote by doubling it
      out.push_back(c);
    }
    out.push_back('"');
  }
  return out;
}

StatusOr<std::vector<QuoteHit>> Store::FindQuotes(const QuoteQuery& q) const {
  if (!q.from.empty() && !IsDate(q.from)) return InvalidArgument("--from wants YYYY-MM-DD");
  if (!q.to.empty() && !IsDate(q.to)) return InvalidArgument("--to wants YYYY-MM-DD");
  if (q.limit < 0 || q.offset < 0) return InvalidArgument("limit and offset must be >= 0");
  std::string text_terms = FullTextTerms(q.text), speaker_terms = FullTextTerms(q.speaker);
  if (!q.text.empty() && text_terms.empty()) return InvalidArgument("--text has no words");
  if (!q.speaker.empty() && speaker_terms.empty()) return InvalidArgument("--speaker has no words");
  // One FTS5 expression from quoted terms and constant column filters.
  std::string match;
  if (!text_terms.empty()) match = "({content} : (" + text_terms + "))";
  if (!speaker_terms.empty()) {
    if (!match.empty()) match += " AND ";
    match += "({speaker_name speaker_text} : (" + speaker_terms + "))";
  }

  std::string sql = store::QuoteHitColumns(impl_->schema_version >= 3);
  if (!match.empty()) {
    sql +=
        "FROM quotes_fts f JOIN quotes q ON q.quote_id = f.rowid "
        "JOIN articles a ON a.article_id = q.article_id WHERE quotes_fts MATCH ?1 ";
  } else {
    sql += "FROM quotes q JOIN articles a ON a.article_id = q.article_id WHERE ?1 IS NULL ";
  }
  sql +=
      "AND (?2 IS NULL OR EXISTS (SELECT 1 FROM mentions m "
      "LEFT JOIN entities e ON e.entity_id = m.entity_id "
      "WHERE m.article_id = q.article_id AND m.begin >= q.begin AND m.\"end\" <= q.\"end\" "
      "AND (m.text LIKE ?2 ESCAPE '\\' OR e.name LIKE ?2 ESCAPE '\\'))) "
      "AND (?3 IS NULL OR a.date >= ?3) AND (?4 IS NULL OR a.date <= ?4) ";
  sql += match.empty() ? "ORDER BY a.date DESC NULLS LAST, q.quote_id "
                       : "ORDER BY f.rank, q.quote_id ";
  sql += "LIMIT ?5 OFFSET ?6";

  auto st = impl_->db.Prepare(sql);
  if (!st.ok()) return st.status();
  st->BindOrNull(1, match);
  if (!q.entity.empty()) st->Bind(2, LikeContains(q.entity));
  st->BindOrNull(3, q.from);
  st->BindOrNull(4, q.to);
  st->Bind(5, q.limit);
  st->Bind(6, q.offset);
  std::vector<QuoteHit> hits;
  PARLEY_RETURN_IF_ERROR(sql::EachRow(*st, [&] { hits.push_back(store::ReadQuoteHit(*st)); }));
  return hits;
}

StatusOr<std::vector<EntityCount>> Store::ListEntities(const EntityQuery& q) const {
  if (q.limit < 0) return InvalidArgument("limit must be >= 0");
  auto st = impl_->db.Prepare(
      "WITH names AS ("
      "  SELECT COALESCE(e.name, m.text) AS name, COALESCE(e.type, m.type) AS type,"
      "         m.article_id AS article_id"
      "  FROM mentions m LEFT JOIN entities e ON e.entity_id = m.entity_id),"
      " counted AS ("
      "  SELECT n.name, n.type, COUNT(*) AS mentions, COUNT(DISTINCT n.article_id) AS articles,"
      "         MIN(a.date) AS first_date, MAX(a.date) AS last_date"
      "  FROM names n JOIN articles a ON a.article_id = n.article_id"
      "  WHERE (?1 IS NULL OR n.type = ?1) AND (?2 IS NULL OR n.name LIKE ?2 ESCAPE '\\')"
      "  GROUP BY n.name, n.type"
      "  ORDER BY articles DESC, mentions DESC, n.name LIMIT ?3)"
      // Quotes are counted for the names listed only.
      " SELECT c.name, c.type, c.mentions, c.articles,"
      "  (SELECT COUNT(*) FROM quotes qu WHERE qu.speaker_name = c.name),"
      "  COALESCE(c.first_date, ''), COALESCE(c.last_date, '')"
      " FROM counted c ORDER BY c.articles DESC, c.mentions DESC, c.name");
  if (!st.ok()) return st.status();
  st->BindOrNull(1, q.type);
  if (!q.name.empty()) st->Bind(2, LikeContains(q.name));
  st->Bind(3, q.limit);
  std::vector<EntityCount> out;
  PARLEY_RETURN_IF_ERROR(sql::EachRow(*st, [&] {
    EntityCount e;
    e.name = st->Text(0);
    e.type = st->Text(1);
    e.mentions = st->Int(2);
    e.articles = st->Int(3);
    e.quotes = st->Int(4);
    e.first_date = st->Text(5);
    e.last_date = st->Text(6);
    out.push_back(std::move(e));
  }));
  return out;
}

StatusOr<CorpusStats> Store::Stats() const {
  const sql::Database& db = impl_->db;
  CorpusStats s;
  auto version = store::SchemaVersionOf(impl_->db);
  if (!version.ok()) return version.status();
  s.schema_version = *version;
  struct {
    int64_t* out;
    const char* sql;
  } counts[] = {
      {&s.articles, "SELECT COUNT(*) FROM articles"},
      {&s.text_bytes, "SELECT COALESCE(SUM(length), 0) FROM articles"},
      {&s.rejected, "SELECT COUNT(*) FROM rejected"},
      {&s.mentions, "SELECT COUNT(*) FROM mentions"},
      {&s.entities, "SELECT COUNT(*) FROM entities"},
      {&s.quotes, "SELECT COUNT(*) FROM quotes"},
      {&s.repairs, "SELECT COUNT(*) FROM repairs"},
      {&s.ingest_runs, "SELECT COUNT(*) FROM ingest_runs"},
      {&s.interrupted_runs, "SELECT COUNT(*) FROM ingest_runs WHERE finished_at IS NULL"},
  };
  for (const auto& c : counts) {
    auto n = Count(db, c.sql);
    if (!n.ok()) return n.status();
    *c.out = *n;
  }
  if (*version >= 3) {
    struct {
      int64_t* out;
      const char* sql;
    } aggregates[] = {
        {&s.quote_groups, "SELECT COUNT(*) FROM quote_groups"},
        {&s.shared_quotes, "SELECT COUNT(*) FROM quote_groups WHERE sources >= 2"},
        {&s.times, "SELECT COUNT(*) FROM times"},
        {&s.events, "SELECT COUNT(*) FROM events"},
        {&s.event_groups, "SELECT COUNT(*) FROM event_groups"},
    };
    for (const auto& c : aggregates) {
      auto n = Count(db, c.sql);
      if (!n.ok()) return n.status();
      *c.out = *n;
    }
  }
  auto dates = db.Prepare("SELECT COALESCE(MIN(date), ''), COALESCE(MAX(date), '') FROM articles");
  if (!dates.ok()) return dates.status();
  auto row = dates->Step();
  if (!row.ok()) return row.status();
  s.first_date = dates->Text(0);
  s.last_date = dates->Text(1);
  PARLEY_RETURN_IF_ERROR(Pairs(
      db, "SELECT kind, COUNT(*) FROM quotes GROUP BY kind ORDER BY 2 DESC, 1", &s.quotes_by_kind));
  PARLEY_RETURN_IF_ERROR(Pairs(db,
                               "SELECT source, COUNT(*) FROM articles WHERE source IS NOT NULL "
                               "GROUP BY source ORDER BY 2 DESC, 1 LIMIT 10",
                               &s.top_sources));
  PARLEY_RETURN_IF_ERROR(Pairs(db,
                               "SELECT code, COUNT(*) FROM rejected GROUP BY code ORDER BY 2 DESC",
                               &s.rejected_by_code));
  return s;
}

}  // namespace parley
