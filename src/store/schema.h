// The store's schema as an ordered list of migrations. Version n of the
// schema is migrations 1..n applied in order; each runs in its own
// transaction together with its row in schema_migrations and
// PRAGMA user_version, so a crash leaves the database at a whole version.
// docs/store.md describes the tables.
#pragma once

#include "store/sqlite.h"

namespace parley::store {

// The newest schema version this build knows.
int LatestSchemaVersion();

// PRAGMA user_version of the open database (0 for a new file).
StatusOr<int> SchemaVersionOf(sql::Database& db);

// Applies the migrations after the database's version up to `target`
// (0: the latest). A database newer than this build is refused.
Status Migrate(sql::Database& db, int target = 0);

}  // namespace parley::store
