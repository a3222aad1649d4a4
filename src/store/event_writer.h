// Writes a document's time expressions and events (tables times, events)
// and groups events across articles (event_groups): events with the same
// date, source and target actor, CAMEO root code, place, polarity and
// modality are one real-world event, whose num_articles and num_sources
// count the articles and outlets reporting it (GDELT's NumArticles and
// NumSources). Runs inside AddDocument's transaction.
#pragma once

#include <string>
#include <vector>

#include "parley/document.h"
#include "store/sqlite.h"

namespace parley::store {

// The grouping key of an event.
struct EventKey {
  std::string date;        // Event::date; '' when unknown
  std::string source_key;  // actor code, else the normalised name; '' when none
  std::string target_key;
  std::string root_code;  // CAMEO root: the code's first two digits
  std::string place;      // the location's GeoNames id, else its normalised name; '' none
  std::string polarity, modality;
};
EventKey MakeEventKey(const Document& doc, const Event& e);

// "04" for "042" and "0431"; the code itself when shorter.
std::string CameoRoot(std::string_view cameo);

class EventWriter {
 public:
  // `entity_rows` and `quote_rows` map the document's entity and quote
  // indices to their stored row ids (0: none).
  Status Add(const sql::Database& db, const Document& doc, int64_t article_id,
             const std::vector<int64_t>& entity_rows, const std::vector<int64_t>& quote_rows);

 private:
  Status Prepare(const sql::Database& db);
  Status Group(const Document& doc, const Event& e, int64_t event_id, int64_t article_id);
  sql::Statement insert_time_, insert_event_, find_group_, join_group_, new_group_, set_group_;
};

}  // namespace parley::store
