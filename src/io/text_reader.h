// TextReader: plain and dated text files become records.
//
// Plain: the whole file is one document, located at the file (line 0) and
// named by the file stem. Dated: a line that starts with "date YYYY-MM-DD"
// (after optional spaces; the first line may carry a BOM) begins a document
// that runs to the next such line. Its body is the rest of the header line
// and every line up to the next header, with leading and trailing whitespace
// trimmed and nothing else changed, so output offsets refer to the input. It
// is located at the header's line; the first document of a file is named by
// the stem, the n-th (n >= 2) by "stem#n". Text before the first header, if
// any, is a document without a date located at its first line.
#pragma once

#include <memory>
#include <string>

#include "io/byte_source.h"
#include "parley/reader.h"

namespace parley::io {

class TextReader : public Reader {
 public:
  // `file` names the input in locations and ids.
  TextReader(std::unique_ptr<LineReader> lines, std::string file, bool dated,
             const ReaderOptions& options);

  Result Next(InputRecord* record, RecordError* error) override;
  uint64_t bytes_read() const override { return lines_->bytes_read(); }

 private:
  // The document being collected.
  struct Doc {
    bool active = false;  // started (a header, content, or a plain file)
    uint64_t line = 0;    // where it is located
    std::string date;
    std::string body;       // from its first non-space byte
    bool overlong = false;  // passed max_record_bytes; body dropped
  };

  // Adds one line (or the part of a header line after the date).
  void Append(std::string_view text, bool line_overlong);
  // Turns the collected document into a record or an error; false if none
  // was active.
  bool Finish(InputRecord* record, RecordError* error, Result* result);
  void Start(uint64_t line, std::string date);

  std::unique_ptr<LineReader> lines_;
  std::string file_;
  std::string stem_;
  bool dated_;
  size_t max_record_bytes_;
  Doc doc_;
  int documents_ = 0;  // documents started in this file
  bool ended_ = false;
};

}  // namespace parley::io
