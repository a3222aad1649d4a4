// parley::Server: cpp-httplib wiring. GET /api/... goes to HandleApi with a
// pooled read-only connection; other GET paths are the embedded explorer
// files; every other method is 405.
#include <httplib.h>

#include <atomic>

#include "parley/serve.h"
#include "serve/api.h"

namespace parley {
namespace {

// The explorer draws everything itself from same-origin JSON: no inline
// script, no third-party origin, so injected markup could not run even if it
// reached the DOM as HTML.
constexpr const char* kCsp =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

void SetCommonHeaders(httplib::Response& res) {
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("Content-Security-Policy", kCsp);
  res.set_header("Referrer-Policy", "no-referrer");
}

void SendJson(httplib::Response& res, const ApiResponse& r) {
  res.status = r.status;
  res.set_header("Cache-Control", "no-store");
  res.set_content(r.body, "application/json; charset=utf-8");
}

}  // namespace

struct Server::Impl {
  httplib::Server http;
  std::unique_ptr<serve::ConnectionPool> pool;
  int port = 0;
};

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Server::~Server() = default;

int Server::port() const {
  return impl_->port;
}

StatusOr<std::unique_ptr<Server>> Server::Create(const ServeOptions& options) {
  auto impl = std::make_unique<Impl>();
  auto pool = serve::ConnectionPool::Open(options.db_path);
  if (!pool.ok()) return pool.status();
  impl->pool = std::move(*pool);
  serve::ConnectionPool* pool_ptr = impl->pool.get();
  httplib::Server& http = impl->http;
  const size_t threads = static_cast<size_t>(options.threads > 0 ? options.threads : 1);
  http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  // Without TCP_NODELAY, Nagle's algorithm and delayed ACKs add ~40 ms to
  // every keep-alive response.
  http.set_tcp_nodelay(true);
  http.set_payload_max_length(4096);  // GET only: no request body is needed
  http.set_read_timeout(10, 0);
  http.set_write_timeout(10, 0);

  http.set_pre_routing_handler([](const httplib::Request& req, httplib::Response& res) {
    SetCommonHeaders(res);
    if (req.method != "GET" && req.method != "HEAD") {
      res.set_header("Allow", "GET, HEAD");
      SendJson(res, serve::ErrorResponse(405, "method not allowed: the API is read-only"));
      return httplib::Server::HandlerResponse::Handled;
    }
    if (req.target.size() > 2048) {
      SendJson(res, serve::ErrorResponse(414, "request target too long"));
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });

  http.Get("/api/.*", [pool_ptr](const httplib::Request& req, httplib::Response& res) {
    auto conn = pool_ptr->Acquire();
    if (!conn.ok()) {
      SendJson(res, serve::ErrorResponse(503, conn.status().message()));
      return;
    }
    SendJson(res, serve::HandleApi(**conn, req.path, req.params));
    pool_ptr->Release(std::move(*conn));
  });

  http.Get(".*", [](const httplib::Request& req, httplib::Response& res) {
    const WebAsset* asset = FindWebAsset(req.path);
    if (asset == nullptr) {
      SendJson(res, serve::ErrorResponse(404, "not found"));
      return;
    }
    res.set_header("Cache-Control", "no-cache");
    res.set_content(std::string(asset->body), std::string(asset->content_type));
  });

  const char* host = options.host.c_str();
  int port = options.port;
  if (port == 0) {
    port = http.bind_to_any_port(host);
  } else if (!http.bind_to_port(host, port)) {
    port = -1;
  }
  if (port < 0) {
    return IoError("cannot listen on " + options.host + ":" + std::to_string(options.port));
  }
  impl->port = port;
  return std::unique_ptr<Server>(new Server(std::move(impl)));
}

Status Server::Run() {
  if (!impl_->http.listen_after_bind()) return IoError("the server stopped with an error");
  return Status::Ok();
}

void Server::Stop() {
  impl_->http.stop();
}

}  // namespace parley
