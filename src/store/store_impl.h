// The state behind parley::Store, shared by the write (store.cpp) and query
// (store_query.cpp) halves.
#pragma once

#include "parley/store.h"
#include "store/sqlite.h"

namespace parley {

struct Store::Impl {
  sql::Database db;
  bool read_only = false;
  // Write statements, prepared once on first use.
  sql::Statement insert_article, insert_repair, insert_entity, insert_mention, insert_quote,
      insert_rejected;
};

}  // namespace parley
