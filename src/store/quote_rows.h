// A stored quote with its article as a query row: the SELECT columns and
// their reader, shared by the store's queries and the HTTP API's own.
#pragma once

#include <string>

#include "parley/store_aggregate.h"
#include "store/sqlite.h"

namespace parley::store {

// "SELECT …" of a QuoteHit, from quotes q joined with articles a (the FROM
// clause is the caller's). A database before quote groups (schema 3) reads
// group 0.
inline std::string QuoteHitColumns(bool with_groups = true) {
  return std::string(
             "SELECT q.quote_id, q.content, q.kind, COALESCE(q.speaker_name, q.speaker_text, ''),"
             " COALESCE(q.cue, ''), q.confidence, q.begin, q.\"end\", a.article_id,"
             " COALESCE(a.id, ''), COALESCE(a.date, ''), COALESCE(a.title, ''),"
             " COALESCE(a.source, ''), COALESCE(a.url, ''), ") +
         (with_groups ? "COALESCE(q.group_id, 0) " : "0 ");
}

// The row `st` stands on, selected with QuoteHitColumns().
inline QuoteHit ReadQuoteHit(const sql::Statement& st) {
  QuoteHit h;
  h.quote_id = st.Int(0);
  h.content = st.Text(1);
  h.kind = st.Text(2);
  h.speaker = st.Text(3);
  h.cue = st.Text(4);
  h.confidence = st.Double(5);
  h.begin = static_cast<uint32_t>(st.Int(6));
  h.end = static_cast<uint32_t>(st.Int(7));
  h.article_id = st.Int(8);
  h.id = st.Text(9);
  h.date = st.Text(10);
  h.title = st.Text(11);
  h.source = st.Text(12);
  h.url = st.Text(13);
  h.group_id = st.Int(14);
  return h;
}

}  // namespace parley::store
