// JsonlReader: one JSON object per line becomes one record. Field names come
// from ReaderOptions::fields; the text field is required and must be a
// string, the others are optional (numbers are taken as their text). Every
// bad line becomes a located error and reading goes on with the next line.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "io/byte_source.h"
#include "parley/reader.h"

namespace simdjson::dom {
class parser;
}  // namespace simdjson::dom

namespace parley::io {

class JsonlReader : public Reader {
 public:
  // `file` names the input in locations.
  JsonlReader(std::unique_ptr<LineReader> lines, std::string file, const ReaderOptions& options);
  ~JsonlReader() override;

  Result Next(InputRecord* record, RecordError* error) override;
  uint64_t bytes_read() const override { return lines_->bytes_read(); }

 private:
  // Fills record->text and record->meta from one non-blank line.
  Status ParseLine(std::string_view line, InputRecord* record);

  std::unique_ptr<LineReader> lines_;
  std::string file_;
  JsonFields fields_;
  size_t max_record_bytes_;
  // Reused across lines: the DOM parser keeps its buffers, and the line is
  // copied into `padded_` because simdjson reads a little past the end.
  std::unique_ptr<simdjson::dom::parser> parser_;
  std::vector<char> padded_;
  bool saw_content_ = false;  // any non-blank line (or failure) so far
};

}  // namespace parley::io
