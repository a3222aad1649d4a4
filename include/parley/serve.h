// Serve: the read-only HTTP face of a corpus database. A JSON API over the
// store (docs/store.md, "HTTP API") and the web explorer, whose files are
// compiled into the binary, so a server needs nothing but the database.
//
// The database is opened read-only; every request takes a connection from a
// small pool, so requests run in parallel on httplib's worker threads.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "parley/status.h"

namespace parley {

struct ServeOptions {
  std::string db_path;
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: any free port (see Server::port)
  int threads = 8;  // request worker threads
};

// One API answer: an HTTP status and a JSON body.
struct ApiResponse {
  int status = 200;
  std::string body;
};

class Server {
 public:
  // Opens the database read-only and binds the socket; does not serve yet.
  static StatusOr<std::unique_ptr<Server>> Create(const ServeOptions& options);
  ~Server();

  int port() const;
  // Serves until Stop() is called from another thread (or a signal handler).
  Status Run();
  void Stop();

 private:
  struct Impl;
  explicit Server(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// An embedded explorer file by URL path ("/", "/app.js"); nullptr if none.
struct WebAsset {
  std::string_view path, content_type, body;
};
const WebAsset* FindWebAsset(std::string_view path);

}  // namespace parley
