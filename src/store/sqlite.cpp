#include "store/sqlite.h"

#include <utility>

namespace parley::sql {

StatusCode CodeFor(int sqlite_code) {
  switch (sqlite_code & 0xff) {
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_READONLY:
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_PERM: return StatusCode::kIoError;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB: return StatusCode::kDataLoss;
    case SQLITE_CONSTRAINT:
    case SQLITE_MISMATCH:
    case SQLITE_TOOBIG:
    case SQLITE_RANGE: return StatusCode::kInvalidArgument;
    default: return StatusCode::kInternal;
  }
}

Database::~Database() {
  if (db_) sqlite3_close_v2(db_);
}

Database& Database::operator=(Database&& other) noexcept {
  if (this != &other) {
    if (db_) sqlite3_close_v2(db_);
    db_ = std::exchange(other.db_, nullptr);
  }
  return *this;
}

StatusOr<Database> Database::Open(const std::string& path, int flags) {
  Database d;
  int rc = sqlite3_open_v2(path.c_str(), &d.db_, flags | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = d.db_ ? sqlite3_errmsg(d.db_) : sqlite3_errstr(rc);
    return Status(CodeFor(rc), path + ": cannot open database: " + msg);
  }
  sqlite3_extended_result_codes(d.db_, 1);
  return d;
}

Status Database::Exec(const char* sql) {
  char* err = nullptr;
  int rc = sqlite3_exec(db_, sql, nullptr, nullptr, &err);
  if (rc == SQLITE_OK) return Status::Ok();
  std::string msg = err ? err : sqlite3_errstr(rc);
  sqlite3_free(err);
  return Status(CodeFor(rc), "sqlite: " + msg);
}

StatusOr<Statement> Database::Prepare(std::string_view sql) const {
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                              SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
  if (rc != SQLITE_OK) return Error("preparing a statement");
  return Statement(stmt);
}

Status Database::Error(std::string_view what) const {
  int rc = sqlite3_extended_errcode(db_);
  return Status(CodeFor(rc),
                std::string("sqlite: ") + std::string(what) + ": " + sqlite3_errmsg(db_));
}

Statement::~Statement() {
  if (stmt_) sqlite3_finalize(stmt_);
}

Statement& Statement::operator=(Statement&& other) noexcept {
  if (this != &other) {
    if (stmt_) sqlite3_finalize(stmt_);
    stmt_ = std::exchange(other.stmt_, nullptr);
  }
  return *this;
}

void Statement::Bind(int i, std::string_view v) {
  // SQLITE_TRANSIENT: SQLite copies, so the caller's buffer need not outlive Step().
  // A null pointer would bind NULL; an empty view is the empty string.
  const char* p = v.data() ? v.data() : "";
  sqlite3_bind_text64(stmt_, i, p, v.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
}

void Statement::BindOrNull(int i, std::string_view v) {
  if (v.empty()) {
    sqlite3_bind_null(stmt_, i);
  } else {
    Bind(i, v);
  }
}

void Statement::Bind(int i, int64_t v) {
  sqlite3_bind_int64(stmt_, i, v);
}
void Statement::Bind(int i, double v) {
  sqlite3_bind_double(stmt_, i, v);
}
void Statement::BindNull(int i) {
  sqlite3_bind_null(stmt_, i);
}

StatusOr<bool> Statement::Step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  sqlite3* db = sqlite3_db_handle(stmt_);
  return Status(CodeFor(rc), std::string("sqlite: ") + sqlite3_errmsg(db));
}

Status Statement::Run() {
  while (true) {
    auto row = Step();
    if (!row.ok()) return row.status();
    if (!*row) return Status::Ok();
  }
}

void Statement::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

std::string Statement::Text(int col) const {
  const unsigned char* p = sqlite3_column_text(stmt_, col);
  if (!p) return {};
  return std::string(reinterpret_cast<const char*>(p),
                     static_cast<size_t>(sqlite3_column_bytes(stmt_, col)));
}

}  // namespace parley::sql
