// ByteSource and LineReader: the bottom of the input layer. A ByteSource
// streams the bytes of a file, stdin or an in-memory buffer, gunzipping them
// when they start with the gzip magic; a LineReader splits such a stream into
// lines through one bounded buffer, so memory stays flat however large the
// input, and a line over the size limit is skipped, never held.
//
// Gzip is decoded with zlib's inflate over our own raw reads rather than with
// gzread: the same decoder then serves files, stdin and memory (so the fuzzer
// exercises the code that reads real files), the compressed byte count for
// progress is exact, and a truncated or corrupt stream is told apart from a
// clean end (kDataLoss) instead of being silently cut short.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "parley/status.h"

namespace parley::io {

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Reads up to n bytes into out; 0 means the end of the stream. A failure
  // comes only after every byte decoded before it has been returned.
  virtual StatusOr<size_t> Read(char* out, size_t n) = 0;
  // Bytes taken from the underlying file or buffer (compressed when gzip).
  virtual uint64_t raw_bytes() const = 0;

  // Opens a file, or stdin for "-". Errors: kNotFound when the path does not
  // exist, kIoError when it cannot be opened.
  static StatusOr<std::unique_ptr<ByteSource>> OpenFile(const std::string& path);
  static std::unique_ptr<ByteSource> FromMemory(std::string data);
};

class LineReader {
 public:
  // Lines longer than max_line bytes (not counting "\n") are reported as
  // overlong; chunk is how much is read from the source at a time.
  LineReader(std::unique_ptr<ByteSource> source, size_t max_line, size_t chunk);

  struct Line {
    // The line with its "\n" when it has one, so lines concatenate back to
    // the input byte for byte. For an overlong line, only its first bytes.
    std::string_view text;
    uint64_t number = 0;  // 1-based
    bool overlong = false;
  };
  enum class Result { kLine, kEnd, kError };

  // kLine fills *line (valid until the next call); kError fills *error and
  // line->number with the line reached (a partial last line is dropped).
  // After kError or kEnd every call returns kEnd.
  Result Next(Line* line, Status* error);

  // Up to n bytes from the start of the stream, without consuming them; fewer
  // when the stream is shorter or fails (the failure comes from Next()).
  // Only valid before the first Next().
  std::string_view Peek(size_t n);

  uint64_t bytes_read() const { return source_->raw_bytes(); }

 private:
  // Reads one more chunk after the buffered bytes; false at the end of the
  // stream or on failure (kept in pending_).
  bool Fill();
  // Discards input up to and including the next "\n"; false if none came.
  bool SkipRestOfLine();

  std::unique_ptr<ByteSource> source_;
  size_t max_line_;
  size_t chunk_;
  // Reads start small and double up to chunk_ while the source keeps filling
  // them, so a small file costs a small buffer. The buffer is left
  // uninitialised: zeroing a megabyte per file would cost more than reading it.
  size_t read_size_;
  std::unique_ptr<char[]> buf_;
  size_t capacity_ = 0;
  size_t begin_ = 0, end_ = 0;  // unconsumed bytes are buf_[begin_, end_)
  uint64_t line_number_ = 0;    // lines returned so far
  bool eof_ = false;
  bool skipping_ = false;  // the last line returned was overlong and not yet skipped
  bool done_ = false;
  Status pending_;
};

}  // namespace parley::io
