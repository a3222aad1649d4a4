#include "store/event_writer.h"

#include "store/near_duplicate.h"
#include "store/store_impl.h"

namespace parley::store {
namespace {

Status PrepareInto(const sql::Database& db, sql::Statement* st, const char* text) {
  auto s = db.Prepare(text);
  if (!s.ok()) return s.status();
  *st = std::move(*s);
  return Status::Ok();
}

int64_t RowAt(const std::vector<int64_t>& rows, int64_t index) {
  return index >= 0 && static_cast<size_t>(index) < rows.size() ? rows[static_cast<size_t>(index)]
                                                                : 0;
}

std::string ActorKey(const EventActor& a) {
  return !a.code.empty() ? a.code : dedup::NormalizeText(a.name);
}

// Binds an actor at i .. i + 5: begin, end, text, entity row, code, name.
void BindActor(sql::Statement& st, int i, const Document& doc, const EventActor& a,
               const std::vector<int64_t>& entity_rows) {
  BindSpan(st, i, a.span);
  st.BindOrNull(i + 2, SafeSpanText(doc, a.span));
  if (int64_t row = RowAt(entity_rows, a.entity)) st.Bind(i + 3, row);
  st.BindOrNull(i + 4, a.code);
  st.BindOrNull(i + 5, a.name);
}

}  // namespace

std::string CameoRoot(std::string_view cameo) {
  return std::string(cameo.substr(0, 2));
}

EventKey MakeEventKey(const Document& doc, const Event& e) {
  EventKey k;
  k.date = e.date;
  k.source_key = ActorKey(e.source);
  k.target_key = ActorKey(e.target);
  k.root_code = CameoRoot(e.cameo);
  if (e.location >= 0 && static_cast<size_t>(e.location) < doc.entities().size()) {
    const Entity& place = doc.entities()[static_cast<size_t>(e.location)];
    k.place = place.links.geonames_id != 0 ? std::to_string(place.links.geonames_id)
                                           : dedup::NormalizeText(place.name);
  }
  k.polarity = EventPolarityName(e.polarity);
  k.modality = EventModalityName(e.modality);
  return k;
}

Status EventWriter::Prepare(const sql::Database& db) {
  PARLEY_RETURN_IF_ERROR(PrepareInto(db, &insert_time_,
                                     "INSERT INTO times(article_id, idx, begin, \"end\", "
                                     "token_begin, token_end, text, value, relation) VALUES (?1, "
                                     "?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"));
  PARLEY_RETURN_IF_ERROR(PrepareInto(
      db, &insert_event_,
      "INSERT INTO events(article_id, idx, source_begin, source_end, source_text, "
      "source_entity_id, source_code, source_name, target_begin, target_end, target_text, "
      "target_entity_id, target_code, target_name, cameo, cameo_name, root_code, goldstein, "
      "plover, plover_mode, trigger_begin, trigger_end, trigger_text, sentence_begin, "
      "sentence_end, evidence, location_entity_id, location_name, date, time_id, polarity, "
      "modality, quote_id, confidence) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
      "?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, "
      "?29, ?30, ?31, ?32, ?33, ?34)"));
  PARLEY_RETURN_IF_ERROR(PrepareInto(
      db, &find_group_,
      "SELECT group_id FROM event_groups WHERE source_key = ?1 AND target_key = ?2 AND date = ?3"
      " AND root_code = ?4 AND place = ?5 AND polarity = ?6 AND modality = ?7"));
  // Counts before the new event joins (its group_id is still NULL), so
  // EXISTS looks at the earlier members only.
  PARLEY_RETURN_IF_ERROR(PrepareInto(
      db, &join_group_,
      "UPDATE event_groups SET events = events + 1,"
      " num_articles = num_articles + (NOT EXISTS (SELECT 1 FROM events WHERE group_id = ?1"
      "   AND article_id = ?2)),"
      " num_sources = num_sources + (?3 IS NOT NULL AND NOT EXISTS (SELECT 1 FROM events m"
      "   JOIN articles a ON a.article_id = m.article_id WHERE m.group_id = ?1"
      "   AND a.source = ?3)),"
      " goldstein = goldstein + (?4 - goldstein) / (events + 1)"
      " WHERE group_id = ?1"));
  PARLEY_RETURN_IF_ERROR(PrepareInto(
      db, &new_group_,
      "INSERT INTO event_groups(group_id, date, source_key, target_key, root_code, place, "
      "polarity, modality, event_id, events, num_articles, num_sources, goldstein) VALUES (?1, "
      "?2, ?3, ?4, ?5, ?6, ?7, ?8, ?1, 1, 1, ?9 IS NOT NULL, ?10)"));
  return PrepareInto(db, &set_group_, "UPDATE events SET group_id = ?1 WHERE event_id = ?2");
}

Status EventWriter::Add(const sql::Database& db, const Document& doc, int64_t article_id,
                        const std::vector<int64_t>& entity_rows,
                        const std::vector<int64_t>& quote_rows) {
  if (doc.times().empty() && doc.events().empty()) return Status::Ok();
  if (!insert_time_.IsPrepared()) PARLEY_RETURN_IF_ERROR(Prepare(db));

  std::vector<int64_t> time_rows;
  time_rows.reserve(doc.times().size());
  for (size_t i = 0; i < doc.times().size(); ++i) {
    const TimeExpression& t = doc.times()[i];
    sql::Statement& st = insert_time_;
    st.Reset();
    st.Bind(1, article_id);
    st.Bind(2, static_cast<int64_t>(i));
    st.Bind(3, int64_t{t.span.begin});
    st.Bind(4, int64_t{t.span.end});
    st.Bind(5, int64_t{t.token_begin});
    st.Bind(6, int64_t{t.token_end});
    st.Bind(7, SafeSpanText(doc, t.span));
    st.BindOrNull(8, t.value);
    st.Bind(9, t.relation);
    PARLEY_RETURN_IF_ERROR(st.Run());
    time_rows.push_back(db.LastInsertRowid());
  }

  for (size_t i = 0; i < doc.events().size(); ++i) {
    const Event& e = doc.events()[i];
    sql::Statement& st = insert_event_;
    st.Reset();
    st.Bind(1, article_id);
    st.Bind(2, static_cast<int64_t>(i));
    BindActor(st, 3, doc, e.source, entity_rows);
    BindActor(st, 9, doc, e.target, entity_rows);
    st.Bind(15, e.cameo);
    st.BindOrNull(16, e.cameo_name);
    st.Bind(17, CameoRoot(e.cameo));
    st.Bind(18, static_cast<double>(e.goldstein));
    st.BindOrNull(19, e.plover);
    st.BindOrNull(20, e.plover_mode);
    BindSpan(st, 21, e.trigger);
    st.BindOrNull(23, SafeSpanText(doc, e.trigger));
    if (e.sentence < doc.sentences().size()) {
      Span s = doc.sentences()[e.sentence].span;
      BindSpan(st, 24, s);
      st.BindOrNull(26, SafeSpanText(doc, s));
    }
    if (int64_t row = RowAt(entity_rows, e.location)) {
      st.Bind(27, row);
      st.Bind(28, doc.entities()[static_cast<size_t>(e.location)].name);
    }
    st.BindOrNull(29, e.date);
    if (int64_t row = RowAt(time_rows, e.time)) st.Bind(30, row);
    st.Bind(31, std::string_view(EventPolarityName(e.polarity)));
    st.Bind(32, std::string_view(EventModalityName(e.modality)));
    if (int64_t row = RowAt(quote_rows, e.quote)) st.Bind(33, row);
    st.Bind(34, static_cast<double>(e.confidence));
    PARLEY_RETURN_IF_ERROR(st.Run());
    PARLEY_RETURN_IF_ERROR(Group(doc, e, db.LastInsertRowid(), article_id));
  }
  return Status::Ok();
}

Status EventWriter::Group(const Document& doc, const Event& e, int64_t event_id,
                          int64_t article_id) {
  const EventKey k = MakeEventKey(doc, e);
  const std::string& source = doc.meta().source;
  find_group_.Reset();
  const std::string* key_parts[] = {&k.source_key, &k.target_key, &k.date,    &k.root_code,
                                    &k.place,      &k.polarity,   &k.modality};
  for (int i = 0; i < 7; ++i) find_group_.Bind(i + 1, *key_parts[i]);
  auto found = find_group_.Step();
  if (!found.ok()) return found.status();
  int64_t group = *found ? find_group_.Int(0) : 0;
  find_group_.Reset();
  if (group != 0) {
    sql::Statement& st = join_group_;
    st.Reset();
    st.Bind(1, group);
    st.Bind(2, article_id);
    st.BindOrNull(3, source);
    st.Bind(4, static_cast<double>(e.goldstein));
    PARLEY_RETURN_IF_ERROR(st.Run());
  } else {
    group = event_id;
    sql::Statement& st = new_group_;
    st.Reset();
    st.Bind(1, event_id);
    for (int i = 0; i < 7; ++i) {
      // date, source_key, target_key, root_code, place, polarity, modality
      static constexpr int kOrder[] = {2, 0, 1, 3, 4, 5, 6};
      st.Bind(i + 2, *key_parts[kOrder[i]]);
    }
    st.BindOrNull(9, source);
    st.Bind(10, static_cast<double>(e.goldstein));
    PARLEY_RETURN_IF_ERROR(st.Run());
  }
  set_group_.Reset();
  set_group_.Bind(1, group);
  set_group_.Bind(2, event_id);
  return set_group_.Run();
}

}  // namespace parley::store
