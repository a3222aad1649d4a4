// A thin RAII layer over the SQLite C API: a connection and prepared
// statements, with errors turned into Status. Only prepared statements with
// bound parameters ever carry data; SQL text is always a constant.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "parley/status.h"

namespace parley::sql {

class Statement;

class Database {
 public:
  Database() = default;
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;
  Database(Database&& other) noexcept : db_(other.db_) { other.db_ = nullptr; }
  Database& operator=(Database&& other) noexcept;

  // flags: SQLITE_OPEN_READONLY or SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE.
  static StatusOr<Database> Open(const std::string& path, int flags);

  // Runs constant SQL (one or more statements, no parameters).
  Status Exec(const char* sql);
  StatusOr<Statement> Prepare(std::string_view sql) const;
  // The status for the last error on this connection, prefixed by `what`.
  Status Error(std::string_view what) const;

  int64_t LastInsertRowid() const { return sqlite3_last_insert_rowid(db_); }
  int Changes() const { return sqlite3_changes(db_); }
  sqlite3* get() const { return db_; }

 private:
  sqlite3* db_ = nullptr;
};

class Statement {
 public:
  Statement() = default;
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  Statement(Statement&& other) noexcept : stmt_(other.stmt_) { other.stmt_ = nullptr; }
  Statement& operator=(Statement&& other) noexcept;

  bool IsPrepared() const { return stmt_ != nullptr; }

  // Parameters are 1-based. Empty optional strings bind NULL.
  void Bind(int i, std::string_view v);
  void BindOrNull(int i, std::string_view v);  // NULL when v is empty
  void Bind(int i, int64_t v);
  void Bind(int i, double v);
  void BindNull(int i);

  // Steps once: true with a row, false when done; an error otherwise.
  StatusOr<bool> Step();
  // Steps to completion, ignoring rows.
  Status Run();
  // Resets and clears bindings so the statement can run again.
  void Reset();

  int64_t Int(int col) const { return sqlite3_column_int64(stmt_, col); }
  double Double(int col) const { return sqlite3_column_double(stmt_, col); }
  bool IsNull(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
  std::string Text(int col) const;

 private:
  friend class Database;
  explicit Statement(sqlite3_stmt* stmt) : stmt_(stmt) {}
  sqlite3_stmt* stmt_ = nullptr;
};

// Maps an SQLite result code to a Status code.
StatusCode CodeFor(int sqlite_code);

// Runs `st` to completion, calling `row()` for each row (read the columns
// from `st` inside it).
template <typename F>
Status EachRow(Statement& st, F&& row) {
  while (true) {
    auto r = st.Step();
    if (!r.ok()) return r.status();
    if (!*r) return Status::Ok();
    row();
  }
}

}  // namespace parley::sql
