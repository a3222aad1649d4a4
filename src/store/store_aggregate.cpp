// Cross-article aggregates: quote groups, speakers, entity co-occurrence,
// event groups and dyad timelines. As in store_query.cpp, SQL text is built
// from constant fragments only and every user value is a bound parameter.
#include <algorithm>
#include <string>

#include "store/near_duplicate.h"
#include "store/quote_rows.h"
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

Status CheckRange(std::string_view from, std::string_view to) {
  if (!from.empty() && !IsDate(from)) return InvalidArgument("--from wants YYYY-MM-DD");
  if (!to.empty() && !IsDate(to)) return InvalidArgument("--to wants YYYY-MM-DD");
  return Status::Ok();
}

Status CheckPage(int64_t limit, int64_t offset) {
  if (limit < 0 || offset < 0) return InvalidArgument("limit and offset must be >= 0");
  return Status::Ok();
}

// The first string after every string that starts with `prefix` (bytewise,
// as SQLite's BINARY collation): [prefix, PrefixEnd(prefix)) is the range.
std::string PrefixEnd(std::string prefix) {
  while (!prefix.empty() && static_cast<unsigned char>(prefix.back()) == 0xff) prefix.pop_back();
  if (prefix.empty()) return std::string(1, '\xff');
  prefix.back() = static_cast<char>(static_cast<unsigned char>(prefix.back()) + 1);
  return prefix;
}

std::string AsciiUpper(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
  }
  return out;
}

// An actor as the user gives it, matched against event actor keys: codes
// that start with it (upper-cased: "usa" matches USAGOV) or, for actors
// without a code, the normalised name.
struct ActorMatch {
  std::string lo, hi, name;
  bool empty() const { return lo.empty(); }
};
ActorMatch MatchActor(std::string_view actor) {
  ActorMatch m;
  if (actor.empty()) return m;
  m.lo = AsciiUpper(actor);
  m.hi = PrefixEnd(m.lo);
  m.name = dedup::NormalizeText(actor);
  return m;
}
// SQL for "column matches the actor bound at ?n, ?n+1, ?n+2".
std::string ActorSql(const char* column, int n) {
  std::string c(column);
  auto p = [](int i) { return "?" + std::to_string(i); };
  return "((" + c + " >= " + p(n) + " AND " + c + " < " + p(n + 1) + ") OR " + c + " = " +
         p(n + 2) + ")";
}
void BindActor(sql::Statement& st, int n, const ActorMatch& m) {
  st.Bind(n, m.lo);
  st.Bind(n + 1, m.hi);
  st.Bind(n + 2, m.name);
}

Status NeedsVersion(int have, int version) {
  if (have >= version) return Status::Ok();
  return FailedPrecondition("the database has schema version " + std::to_string(have) +
                            "; open it for writing to migrate");
}

// Columns of EventHit, from events e joined with articles a.
constexpr const char* kEventColumns =
    "SELECT e.event_id, COALESCE(e.group_id, 0), COALESCE(e.date, ''),"
    " COALESCE(e.source_code, ''), COALESCE(e.source_name, ''), COALESCE(e.target_code, ''),"
    " COALESCE(e.target_name, ''), e.cameo, COALESCE(e.cameo_name, ''), e.root_code,"
    " e.goldstein, COALESCE(e.plover, ''), COALESCE(e.plover_mode, ''),"
    " COALESCE(e.trigger_text, ''), COALESCE(e.evidence, ''), COALESCE(e.location_name, ''),"
    " e.polarity, e.modality,"
    " COALESCE((SELECT speaker_name FROM quotes WHERE quote_id = e.quote_id), ''),"
    " e.confidence, a.article_id, COALESCE(a.title, ''), COALESCE(a.source, ''),"
    " COALESCE(a.url, '') ";

EventHit ReadEventHit(const sql::Statement& st, int c = 0) {
  EventHit h;
  h.event_id = st.Int(c + 0);
  h.group_id = st.Int(c + 1);
  h.date = st.Text(c + 2);
  h.source_code = st.Text(c + 3);
  h.source_name = st.Text(c + 4);
  h.target_code = st.Text(c + 5);
  h.target_name = st.Text(c + 6);
  h.cameo = st.Text(c + 7);
  h.cameo_name = st.Text(c + 8);
  h.root_code = st.Text(c + 9);
  h.goldstein = st.Double(c + 10);
  h.plover = st.Text(c + 11);
  h.plover_mode = st.Text(c + 12);
  h.trigger = st.Text(c + 13);
  h.evidence = st.Text(c + 14);
  h.place = st.Text(c + 15);
  h.polarity = st.Text(c + 16);
  h.modality = st.Text(c + 17);
  h.claimant = st.Text(c + 18);
  h.confidence = st.Double(c + 19);
  h.article_id = st.Int(c + 20);
  h.title = st.Text(c + 21);
  h.source = st.Text(c + 22);
  h.url = st.Text(c + 23);
  return h;
}

// Events counted in groups and timelines: asserted and actual, unless all.
constexpr const char* kActualOnly =
    "(?9 = 1 OR (g.polarity = 'asserted' AND g.modality = 'actual'))";

}  // namespace

StatusOr<std::vector<QuoteGroup>> Store::FindQuoteGroups(const QuoteGroupQuery& q) const {
  PARLEY_RETURN_IF_ERROR(NeedsVersion(impl_->schema_version, 3));
  PARLEY_RETURN_IF_ERROR(CheckRange(q.from, q.to));
  PARLEY_RETURN_IF_ERROR(CheckPage(q.limit, q.offset));
  std::string text_terms = FullTextTerms(q.text), speaker_terms = FullTextTerms(q.speaker);
  if (!q.text.empty() && text_terms.empty()) return InvalidArgument("--text has no words");
  if (!q.speaker.empty() && speaker_terms.empty()) return InvalidArgument("--speaker has no words");
  std::string match;
  if (!text_terms.empty()) match = "({content} : (" + text_terms + "))";
  if (!speaker_terms.empty()) {
    if (!match.empty()) match += " AND ";
    match += "({speaker_name speaker_text} : (" + speaker_terms + "))";
  }
  auto st = impl_->db.Prepare(
      "SELECT g.group_id, r.content, g.quotes, g.articles, g.sources, COALESCE(g.first_date, ''),"
      " COALESCE(fa.source, ''), COALESCE(fa.title, ''), fa.article_id, g.first_quote_id,"
      " COALESCE((SELECT speaker_name FROM quotes WHERE group_id = g.group_id"
      "   AND speaker_name IS NOT NULL GROUP BY speaker_name ORDER BY COUNT(*) DESC,"
      "   speaker_name LIMIT 1), r.speaker_text, '')"
      " FROM quote_groups g JOIN quotes r ON r.quote_id = g.quote_id"
      " JOIN quotes f ON f.quote_id = g.first_quote_id"
      " JOIN articles fa ON fa.article_id = f.article_id"
      " WHERE g.sources >= ?1 AND g.articles >= ?7"
      " AND (?2 IS NULL OR g.group_id IN (SELECT q.group_id FROM quotes_fts"
      "   JOIN quotes q ON q.quote_id = quotes_fts.rowid WHERE quotes_fts MATCH ?2))"
      " AND (?3 IS NULL OR g.first_date >= ?3) AND (?4 IS NULL OR g.first_date <= ?4)"
      " ORDER BY g.sources DESC, g.articles DESC, g.first_date DESC, g.group_id"
      " LIMIT ?5 OFFSET ?6");
  if (!st.ok()) return st.status();
  st->Bind(1, q.min_sources);
  st->BindOrNull(2, match);
  st->BindOrNull(3, q.from);
  st->BindOrNull(4, q.to);
  st->Bind(5, q.limit);
  st->Bind(6, q.offset);
  st->Bind(7, q.min_articles);
  std::vector<QuoteGroup> out;
  PARLEY_RETURN_IF_ERROR(sql::EachRow(*st, [&] {
    QuoteGroup g;
    g.group_id = st->Int(0);
    g.content = st->Text(1);
    g.quotes = st->Int(2);
    g.articles = st->Int(3);
    g.sources = st->Int(4);
    g.first_date = st->Text(5);
    g.first_source = st->Text(6);
    g.first_title = st->Text(7);
    g.first_article_id = st->Int(8);
    g.first_quote_id = st->Int(9);
    g.speaker = st->Text(10);
    out.push_back(std::move(g));
  }));
  auto outlets = impl_->db.Prepare(
      "SELECT DISTINCT a.source FROM quotes q JOIN articles a ON a.article_id = q.article_id"
      " WHERE q.group_id = ?1 AND a.source IS NOT NULL ORDER BY a.source");
  if (!outlets.ok()) return outlets.status();
  for (QuoteGroup& g : out) {
    outlets->Reset();
    outlets->Bind(1, g.group_id);
    PARLEY_RETURN_IF_ERROR(sql::EachRow(*outlets, [&] { g.outlets.push_back(outlets->Text(0)); }));
  }
  return out;
}

StatusOr<std::vector<QuoteHit>> Store::QuoteGroupMembers(int64_t group_id) const {
  PARLEY_RETURN_IF_ERROR(NeedsVersion(impl_->schema_version, 3));
  auto st = impl_->db.Prepare(store::QuoteHitColumns() +
                              "FROM quotes q JOIN articles a ON a.article_id = q.article_id"
                              " WHERE q.group_id = ?1 ORDER BY a.date NULLS LAST, q.quote_id");
  if (!st.ok()) return st.status();
  st->Bind(1, group_id);
  std::vector<QuoteHit> out;
  PARLEY_RETURN_IF_ERROR(sql::EachRow(*st, [&] { out.push_back(store::ReadQuoteHit(*st)); }));
  if (out.empty()) return NotFound("no quote group " + std::to_string(group_id));
  return out;
}

StatusOr<std::vector<SpeakerSummary>> Store::ListSpeakers(const SpeakerQuery& q) const {
  PARLEY_RETURN_IF_ERROR(CheckPage(q.limit, q.offset));
  const bool groups = impl_->schema_version >= 3;
  // A speaker's key is its entity's kb id; an unlinked speaker whose
  // canonical name some linked speaker has takes that kb id, else the key
  // is the name. Unresolved speakers (no canonical name) are left out.
  ActorMatch actor = MatchActor(q.actor);
  std::string sql =
      "WITH s AS (SELECT q.quote_id, q.article_id, q.speaker_name AS name, e.kb_id,"
      "   e.actor_code, " +
      std::string(groups ? "q.group_id" : "q.quote_id") +
      " AS grp FROM quotes q LEFT JOIN entities e ON e.entity_id = q.speaker_entity_id"
      "   WHERE q.speaker_name IS NOT NULL),"
      " kb AS (SELECT name, MIN(kb_id) AS kb_id FROM s WHERE kb_id IS NOT NULL GROUP BY name),"
      " keyed AS (SELECT s.*, COALESCE(s.kb_id, kb.kb_id) AS kbk,"
      "   COALESCE(s.kb_id, kb.kb_id, s.name) AS k FROM s LEFT JOIN kb ON kb.name = s.name),"
      " agg AS (SELECT k, MIN(kbk) AS kb_id,"
      "   COALESCE(MIN(CASE WHEN kb_id IS NOT NULL THEN name END), MIN(name)) AS name,"
      "   GROUP_CONCAT(DISTINCT actor_code) AS codes, COUNT(*) AS quotes,"
      "   COUNT(DISTINCT grp) AS statements, COUNT(DISTINCT keyed.article_id) AS articles,"
      "   COUNT(DISTINCT a.source) AS sources, MIN(a.date) AS first_date,"
      "   MAX(a.date) AS last_date"
      "   FROM keyed JOIN articles a ON a.article_id = keyed.article_id GROUP BY k)"
      " SELECT name, COALESCE(kb_id, ''), COALESCE(codes, ''), quotes, statements, articles,"
      "  sources, COALESCE(first_date, ''), COALESCE(last_date, '') FROM agg"
      " WHERE (?1 IS NULL OR name LIKE ?1 ESCAPE '\\')"
      "  AND (?2 IS NULL OR EXISTS (SELECT 1 FROM keyed WHERE keyed.k = agg.k AND " +
      ActorSql("keyed.actor_code", 4) +
      "))"
      " ORDER BY quotes DESC, name LIMIT ?7 OFFSET ?8";
  auto st = impl_->db.Prepare(sql);
  if (!st.ok()) return st.status();
  if (!q.name.empty()) {
    std::string like = "%";
    for (char c : q.name) {
      if (c == '%' || c == '_' || c == '\\') like.push_back('\\');
      like.push_back(c);
    }
    st->Bind(1, like + "%");
  }
  if (!actor.empty()) {
    st->Bind(2, int64_t{1});
    BindActor(*st, 4, actor);
  }
  st->Bind(7, q.limit);
  st->Bind(8, q.offset);
  std::vector<SpeakerSummary> out;
  PARLEY_RETURN_IF_ERROR(sql::EachRow(*st, [&] {
    SpeakerSummary s;
    s.name = st->Text(0);
    s.kb_id = st->Text(1);
    s.actor_codes = st->Text(2);
    s.quotes = st->Int(3);
    s.statements = st->Int(4);
    s.articles = st->Int(5);
    s.sources = st->Int(6);
    s.first_date = st->Text(7);
    s.last_date = st->Text(8);
    out.push_back(std::move(s));
  }));
  return out;
}

StatusOr<Cooccurrence> Store::FindCooccurrence(const CooccurrenceQuery& q) const {
  if (q.nodes < 0 || q.limit < 0) return InvalidArgument("nodes and limit must be >= 0");
  // Entities are keyed as speakers are: kb id, or the kb id of a linked
  // entity with the same name, else the name. `me`: the keys of the entity
  // asked for (a name may have several); `named`: entities of the type asked
  // for, and the entity's own whatever their type; `ek`: each key once per
  // article.
  const std::string keyed =
      "WITH kb AS (SELECT name, MIN(kb_id) AS kb_id FROM entities WHERE kb_id IS NOT NULL"
      "   GROUP BY name),"
      " me AS (SELECT DISTINCT COALESCE(e.kb_id, kb.kb_id, e.name) AS k FROM entities e"
      "   LEFT JOIN kb ON kb.name = e.name WHERE e.name = ?4 COLLATE NOCASE OR e.kb_id = ?4"
      "   OR e.entity_id IN (SELECT entity_id FROM mentions WHERE text = ?4 COLLATE NOCASE)),"
      " named AS (SELECT * FROM (SELECT e.article_id, COALESCE(e.kb_id, kb.kb_id, e.name) AS k,"
      "   e.name, e.type FROM entities e LEFT JOIN kb ON kb.name = e.name)"
      "   WHERE ?1 IS NULL OR type = ?1 OR k IN me),"
      " ek AS (SELECT DISTINCT article_id, k FROM named)";
  // A key's name and type: the most frequent among its rows.
  const std::string label =
      " (SELECT name FROM named WHERE named.k = t.k GROUP BY name ORDER BY COUNT(*) DESC, name"
      "  LIMIT 1),"
      " (SELECT type FROM named WHERE named.k = t.k GROUP BY type ORDER BY COUNT(*) DESC, type"
      "  LIMIT 1) ";
  std::string top;
  if (q.entity.empty()) {
    top = ", top AS (SELECT k, COUNT(*) AS n FROM ek GROUP BY k ORDER BY n DESC, k LIMIT ?2) ";
  } else {
    // The entity's keys, the articles they are in, and the `limit` keys
    // sharing most of them.
    top =
        ", mine AS (SELECT DISTINCT e.article_id FROM entities e WHERE e.kb_id IN me"
        "   OR e.name IN me OR e.name IN (SELECT name FROM kb WHERE kb_id IN me)),"
        " top AS (SELECT * FROM (SELECT me.k, (SELECT COUNT(*) FROM mine) AS n FROM me)"
        "   UNION ALL SELECT * FROM (SELECT ek.k, COUNT(*) AS n FROM ek"
        "   WHERE ek.article_id IN mine AND ek.k NOT IN me"
        "   GROUP BY ek.k ORDER BY n DESC, ek.k LIMIT ?3)) ";
  }
  const std::string nodes_sql =
      keyed + top + "SELECT t.k," + label + ", t.n FROM top t ORDER BY t.n DESC, t.k";
  const std::string pairs_sql =
      keyed + top +
      ", tek AS (SELECT ek.article_id, ek.k FROM ek JOIN top ON top.k = ek.k)"
      // With an entity, it comes first in each pair.
      " SELECT CASE WHEN y.k IN me THEN y.k ELSE x.k END,"
      "  CASE WHEN y.k IN me THEN x.k ELSE y.k END, COUNT(*) AS shared FROM tek x JOIN tek y"
      " ON x.article_id = y.article_id AND x.k < y.k"
      " WHERE ?4 IS NULL OR x.k IN me OR y.k IN me"
      " GROUP BY x.k, y.k ORDER BY shared DESC, x.k, y.k LIMIT ?3";
  auto node_st = impl_->db.Prepare(nodes_sql);
  if (!node_st.ok()) return node_st.status();
  auto pair_st = impl_->db.Prepare(pairs_sql);
  if (!pair_st.ok()) return pair_st.status();
  for (sql::Statement* st : {&*node_st, &*pair_st}) {
    st->BindOrNull(1, q.type);
    st->Bind(2, q.nodes);
    st->Bind(3, q.limit);
    st->BindOrNull(4, q.entity);
  }
  Cooccurrence out;
  PARLEY_RETURN_IF_ERROR(sql::EachRow(*node_st, [&] {
    CooccurrenceNode n;
    n.key = node_st->Text(0);
    n.name = node_st->Text(1);
    n.type = node_st->Text(2);
    n.articles = node_st->Int(3);
    out.nodes.push_back(std::move(n));
  }));
  auto name_of = [&](const std::string& key) {
    for (const auto& n : out.nodes) {
      if (n.key == key) return n.name;
    }
    return key;
  };
  PARLEY_RETURN_IF_ERROR(sql::EachRow(*pair_st, [&] {
    out.pairs.push_back({name_of(pair_st->Text(0)), name_of(pair_st->Text(1)), pair_st->Int(2)});
  }));
  return out;
}

StatusOr<std::vector<EventGroup>> Store::FindEvents(const EventQuery& q) const {
  PARLEY_RETURN_IF_ERROR(NeedsVersion(impl_->schema_version, 3));
  PARLEY_RETURN_IF_ERROR(CheckRange(q.from, q.to));
  PARLEY_RETURN_IF_ERROR(CheckPage(q.limit, q.offset));
  if (!q.with.empty() && q.actor.empty()) return InvalidArgument("--with needs --actor");
  ActorMatch actor = MatchActor(q.actor), with = MatchActor(q.with);
  // With two actors: either direction between them.
  const std::string either =
      q.with.empty()
          ? "(" + ActorSql("g.source_key", 1) + " OR " + ActorSql("g.target_key", 1) + ")"
          : "((" + ActorSql("g.source_key", 1) + " AND " + ActorSql("g.target_key", 10) + ") OR (" +
                ActorSql("g.source_key", 10) + " AND " + ActorSql("g.target_key", 1) + "))";
  std::string sql = std::string(kEventColumns) +
                    ", g.group_id, g.events, g.num_articles, g.num_sources, g.goldstein"
                    " FROM event_groups g JOIN events e ON e.event_id = g.event_id"
                    " JOIN articles a ON a.article_id = e.article_id"
                    " WHERE (?1 IS NULL OR " +
                    either +
                    ") AND (?4 IS NULL OR g.root_code = ?4)"
                    " AND (?5 IS NULL OR g.date >= ?5) AND (?6 IS NULL OR g.date <= ?6) AND " +
                    kActualOnly +
                    " ORDER BY g.date DESC, g.num_articles DESC, g.group_id LIMIT ?7 OFFSET ?8";
  auto st = impl_->db.Prepare(sql);
  if (!st.ok()) return st.status();
  if (!actor.empty()) BindActor(*st, 1, actor);
  if (!with.empty()) BindActor(*st, 10, with);
  st->BindOrNull(4, q.root);
  st->BindOrNull(5, q.from);
  st->BindOrNull(6, q.to);
  st->Bind(7, q.limit);
  st->Bind(8, q.offset);
  st->Bind(9, int64_t{q.all ? 1 : 0});
  std::vector<EventGroup> out;
  PARLEY_RETURN_IF_ERROR(sql::EachRow(*st, [&] {
    EventGroup g;
    g.first = ReadEventHit(*st);
    g.group_id = st->Int(24);
    g.events = st->Int(25);
    g.num_articles = st->Int(26);
    g.num_sources = st->Int(27);
    g.goldstein = st->Double(28);
    out.push_back(std::move(g));
  }));
  return out;
}

StatusOr<std::vector<EventHit>> Store::EventGroupMembers(int64_t group_id) const {
  PARLEY_RETURN_IF_ERROR(NeedsVersion(impl_->schema_version, 3));
  auto st = impl_->db.Prepare(std::string(kEventColumns) +
                              "FROM events e JOIN articles a ON a.article_id = e.article_id"
                              " WHERE e.group_id = ?1 ORDER BY a.date NULLS LAST, e.event_id");
  if (!st.ok()) return st.status();
  st->Bind(1, group_id);
  std::vector<EventHit> out;
  PARLEY_RETURN_IF_ERROR(sql::EachRow(*st, [&] { out.push_back(ReadEventHit(*st)); }));
  if (out.empty()) return NotFound("no event group " + std::to_string(group_id));
  return out;
}

StatusOr<std::vector<DyadPoint>> Store::DyadTimeline(const DyadQuery& q) const {
  PARLEY_RETURN_IF_ERROR(NeedsVersion(impl_->schema_version, 3));
  PARLEY_RETURN_IF_ERROR(CheckRange(q.from, q.to));
  if (q.a.empty() || q.b.empty()) return InvalidArgument("a dyad needs two actors");
  int width = 0;
  if (q.by == "day") width = 10;
  if (q.by == "month") width = 7;
  if (q.by == "year") width = 4;
  if (width == 0) return InvalidArgument("--by wants day, month or year");
  ActorMatch a = MatchActor(q.a), b = MatchActor(q.b);
  const std::string ab =
      "(" + ActorSql("g.source_key", 1) + " AND " + ActorSql("g.target_key", 4) + ")";
  const std::string ba =
      "(" + ActorSql("g.source_key", 4) + " AND " + ActorSql("g.target_key", 1) + ")";
  std::string sql =
      "SELECT substr(g.date, 1, ?7) AS period, COUNT(*), SUM(g.num_articles), AVG(g.goldstein),"
      " SUM(g.goldstein > 0), SUM(g.goldstein < 0) FROM event_groups g"
      " WHERE (" +
      ab + (q.directed ? "" : " OR " + ba) + ") AND length(g.date) >= ?7" +
      " AND (?10 IS NULL OR g.date >= ?10) AND (?11 IS NULL OR g.date <= ?11) AND " + kActualOnly +
      " GROUP BY period ORDER BY period";
  auto st = impl_->db.Prepare(sql);
  if (!st.ok()) return st.status();
  BindActor(*st, 1, a);
  BindActor(*st, 4, b);
  st->Bind(7, int64_t{width});
  st->Bind(9, int64_t{q.all ? 1 : 0});
  st->BindOrNull(10, q.from);
  st->BindOrNull(11, q.to);
  std::vector<DyadPoint> out;
  PARLEY_RETURN_IF_ERROR(sql::EachRow(*st, [&] {
    DyadPoint p;
    p.period = st->Text(0);
    p.events = st->Int(1);
    p.articles = st->Int(2);
    p.goldstein = st->Double(3);
    p.cooperation = st->Int(4);
    p.conflict = st->Int(5);
    out.push_back(std::move(p));
  }));
  return out;
}

StatusOr<std::vector<DyadSummary>> Store::TopDyads(std::string_view actor, int64_t limit) const {
  PARLEY_RETURN_IF_ERROR(NeedsVersion(impl_->schema_version, 3));
  if (limit < 0) return InvalidArgument("limit must be >= 0");
  ActorMatch m = MatchActor(actor);
  // Pairs are unordered: (min, max) of the two keys. Names come from the
  // representative event of the pair's first group.
  std::string sql =
      "WITH p AS (SELECT min(g.source_key, g.target_key) AS a, max(g.source_key, g.target_key)"
      "   AS b, g.group_id, g.num_articles, g.goldstein, NULLIF(g.date, '') AS date"
      "   FROM event_groups g"
      "   WHERE g.source_key != '' AND g.target_key != '' AND g.source_key != g.target_key"
      "   AND g.polarity = 'asserted' AND g.modality = 'actual'"
      "   AND (?1 IS NULL OR " +
      ActorSql("g.source_key", 1) + " OR " + ActorSql("g.target_key", 1) +
      ")),"
      " d AS (SELECT a, b, COUNT(*) AS n, SUM(num_articles) AS articles, AVG(goldstein) AS gs,"
      "   MIN(date) AS first, MAX(date) AS last, MIN(group_id) AS rep FROM p GROUP BY a, b"
      "   ORDER BY n DESC, articles DESC, a, b LIMIT ?4)"
      " SELECT d.a, d.b, d.n, d.articles, d.gs, COALESCE(d.first, ''), COALESCE(d.last, ''),"
      "  g.source_key, COALESCE(e.source_name, ''), COALESCE(e.target_name, '')"
      " FROM d JOIN event_groups g ON g.group_id = d.rep JOIN events e ON e.event_id = g.event_id"
      " ORDER BY d.n DESC, d.articles DESC, d.a, d.b";
  auto st = impl_->db.Prepare(sql);
  if (!st.ok()) return st.status();
  if (!m.empty()) BindActor(*st, 1, m);
  st->Bind(4, limit);
  std::vector<DyadSummary> out;
  PARLEY_RETURN_IF_ERROR(sql::EachRow(*st, [&] {
    DyadSummary d;
    d.a = st->Text(0);
    d.b = st->Text(1);
    d.events = st->Int(2);
    d.articles = st->Int(3);
    d.goldstein = st->Double(4);
    d.first_date = st->Text(5);
    d.last_date = st->Text(6);
    const bool forward = st->Text(7) == d.a;  // the representative's source is a
    d.a_name = st->Text(forward ? 8 : 9);
    d.b_name = st->Text(forward ? 9 : 8);
    out.push_back(std::move(d));
  }));
  return out;
}

}  // namespace parley
