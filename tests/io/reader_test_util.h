// Helpers for the reader tests: a temporary directory that cleans up after
// itself, gzip compression for fixtures, and draining a Reader.
#pragma once

#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include "parley/reader.h"

namespace parley::testing {

inline std::string Gzip(std::string_view data) {
  z_stream z{};
  if (deflateInit2(&z, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK)
    throw std::runtime_error("zlib");
  std::string out(deflateBound(&z, static_cast<uLong>(data.size())), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  int rc = deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  if (rc != Z_STREAM_END) throw std::runtime_error("deflate");
  return out;
}

class TempDir {
 public:
  TempDir() {
    std::random_device rd;
    path_ = std::filesystem::temp_directory_path() / ("parley_io_test_" + std::to_string(rd()));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  std::string path() const { return path_.string(); }
  // Writes `content` to `rel` (directories created) and returns the path.
  std::string Write(const std::string& rel, std::string_view content) const {
    std::filesystem::path p = path_ / rel;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary)
        .write(content.data(), static_cast<std::streamsize>(content.size()));
    return p.string();
  }

 private:
  std::filesystem::path path_;
};

struct Drained {
  std::vector<InputRecord> records;
  std::vector<RecordError> errors;
  std::string order;  // 'R' for a record, 'E' for an error, in reading order
};

inline Drained Drain(Reader& reader) {
  Drained d;
  for (int guard = 0; guard < 1000000; ++guard) {
    InputRecord record;
    RecordError error;
    Reader::Result r = reader.Next(&record, &error);
    if (r == Reader::Result::kEnd) return d;
    if (r == Reader::Result::kRecord) {
      d.records.push_back(std::move(record));
      d.order += 'R';
    } else {
      d.errors.push_back(std::move(error));
      d.order += 'E';
    }
  }
  throw std::runtime_error("reader did not end");
}

inline Drained ReadBuffer(std::string name, std::string data, ReaderOptions options = {}) {
  auto reader = Reader::FromBuffer(std::move(name), std::move(data), std::move(options));
  return Drain(*reader);
}

inline Drained ReadPaths(std::vector<std::string> paths, ReaderOptions options = {}) {
  auto reader = Reader::Open(std::move(paths), std::move(options));
  return Drain(*reader);
}

}  // namespace parley::testing
