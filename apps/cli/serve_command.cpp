// parley serve: the read-only JSON API and web explorer over a corpus
// database (docs/store.md, "HTTP API").
#include <csignal>
#include <cstdio>

#include "cli/common.h"
#include "cli/store_commands.h"
#include "parley/serve.h"

namespace parley::cli {
namespace {

Server* g_server = nullptr;  // for the signal handler

extern "C" void StopOnSignal(int) {
  if (g_server != nullptr) g_server->Stop();
}

int RunServe(const ServeOptions& options) {
  auto server = Server::Create(options);
  if (!server.ok()) {
    std::fprintf(stderr, "parley serve: %s\n", server.status().message().c_str());
    return kExitIo;
  }
  std::fprintf(stderr, "parley serve: explore %s at http://%s:%d/ (Ctrl-C stops)\n",
               options.db_path.c_str(), options.host.c_str(), (*server)->port());
  g_server = server->get();
  std::signal(SIGINT, StopOnSignal);
  std::signal(SIGTERM, StopOnSignal);
  Status s = (*server)->Run();
  g_server = nullptr;
  if (!s.ok()) {
    std::fprintf(stderr, "parley serve: %s\n", s.message().c_str());
    return kExitIo;
  }
  return kExitOk;
}

}  // namespace

void AddServeCommand(CLI::App& app, int* exit_code) {
  auto options = std::make_shared<ServeOptions>();
  CLI::App* cmd =
      app.add_subcommand("serve", "Serve a corpus database read-only: JSON API and web explorer");
  cmd->add_option("--db", options->db_path, "Corpus database built by 'parley ingest'")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_option("--port", options->port, "TCP port (0: any free port)")
      ->capture_default_str()
      ->check(CLI::Range(0, 65535));
  cmd->add_option("--host", options->host, "Address to listen on")->capture_default_str();
  cmd->add_option("--threads", options->threads, "Request worker threads")
      ->capture_default_str()
      ->check(CLI::Range(1, 256));
  cmd->callback([options, exit_code] { *exit_code = RunServe(*options); });
}

}  // namespace parley::cli
