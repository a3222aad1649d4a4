// Runs the parley binary for end-to-end tests.
#pragma once

#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

namespace parley::testing {

struct CliResult {
  int exit_code = -1;
  std::string out;  // stdout
  std::string err;  // stderr
};

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Runs `parley ARGS` through the shell (args are not quoted for you).
inline CliResult RunParley(const std::string& args, const std::string& stdin_text = "") {
  namespace fs = std::filesystem;
  static int counter = 0;
  fs::path dir = fs::temp_directory_path() /
                 ("parley_cli_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
  fs::create_directories(dir);
  std::string in = (dir / "in").string(), err = (dir / "err").string();
  std::ofstream(in, std::ios::binary) << stdin_text;
  std::string cmd = std::string(PARLEY_BINARY) + " " + args + " < " + in + " 2> " + err;
  CliResult r;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return r;
  char buf[65536];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  int status = pclose(p);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.err = ReadFile(err);
  fs::remove_all(dir);
  return r;
}

inline std::string SourcePath(const std::string& rel) {
  return std::string(PARLEY_SOURCE_DIR) + "/" + rel;
}

}  // namespace parley::testing
