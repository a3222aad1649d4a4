// The JSON API behind `parley serve`, apart from HTTP so it can be tested
// and reused: a path and its query parameters in, a status and JSON out.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "parley/serve.h"
#include "parley/store.h"
#include "store/sqlite.h"

namespace parley::serve {

using Params = std::multimap<std::string, std::string>;

// Input limits: longer parameters and larger pages are refused with 400.
inline constexpr size_t kMaxParamBytes = 200;
inline constexpr int64_t kMaxLimit = 100;
inline constexpr int64_t kMaxOffset = 100000;

// One read-only connection: the Store for its queries and a raw handle for
// the explorer's own (all parameterised).
struct Connection {
  Store store;
  sql::Database db;
};

// Read-only connections, opened on demand and reused.
class ConnectionPool {
 public:
  static StatusOr<std::unique_ptr<ConnectionPool>> Open(const std::string& path);
  StatusOr<std::unique_ptr<Connection>> Acquire();
  void Release(std::unique_ptr<Connection> c);

 private:
  explicit ConnectionPool(std::string path) : path_(std::move(path)) {}
  static StatusOr<std::unique_ptr<Connection>> Connect(const std::string& path);
  std::string path_;
  std::mutex mu_;
  std::vector<std::unique_ptr<Connection>> idle_;
};

// Answers GET `path` (starting "/api/") with `params`.
ApiResponse HandleApi(Connection& c, std::string_view path, const Params& params);

// {"error": message} with the HTTP status for `status`'s code.
ApiResponse ErrorResponse(int http_status, std::string_view message);

}  // namespace parley::serve
