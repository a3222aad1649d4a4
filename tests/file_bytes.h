// The bytes of a file, for tests that compare model files or read fixtures
// whole. Empty when the file cannot be read (the test's own checks fail).
#pragma once

#include <fstream>
#include <sstream>
#include <string>

namespace parley::test {

inline std::string FileBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace parley::test
