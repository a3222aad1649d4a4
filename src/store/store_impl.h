// The state behind parley::Store, shared by the write (store.cpp,
// event_writer.cpp) and query (store_query.cpp, store_aggregate.cpp) halves.
#pragma once

#include "parley/store.h"
#include "store/event_writer.h"
#include "store/quote_groups.h"
#include "store/sqlite.h"

namespace parley {

struct Store::Impl {
  sql::Database db;
  bool read_only = false;
  int schema_version = 0;  // as opened (tests may keep an older one)
  // Write statements, prepared once on first use.
  sql::Statement insert_article, insert_repair, insert_entity, insert_mention, insert_quote,
      insert_rejected, max_quote_id;
  store::QuoteGrouper quote_grouper;
  store::EventWriter event_writer;
};

namespace store {

// A span's text, or empty when a stage produced a span outside the text.
inline std::string_view SafeSpanText(const Document& doc, Span s) {
  if (s.begin > s.end || s.end > doc.text().size()) return {};
  return doc.SpanText(s);
}

// Binds begin and end at i and i + 1, NULL for an empty span.
inline void BindSpan(sql::Statement& st, int i, Span s) {
  if (s.empty()) {
    st.BindNull(i);
    st.BindNull(i + 1);
  } else {
    st.Bind(i, int64_t{s.begin});
    st.Bind(i + 1, int64_t{s.end});
  }
}

}  // namespace store
}  // namespace parley
