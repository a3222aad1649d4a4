// Fuzzes the JSONL reader: the input (after one control byte) is read as a
// JSONL buffer and drained, checking that every record and error is located
// on a real line and that a record's text is the line's text (when the line
// has no escapes, the text must appear in it byte for byte).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "fuzz_check.h"
#include "parley/reader.h"

namespace {

std::vector<std::string_view> SplitLines(std::string_view s) {
  std::vector<std::string_view> lines;
  for (size_t b = 0; b < s.size();) {
    size_t nl = s.find('\n', b);
    size_t e = nl == std::string_view::npos ? s.size() : nl + 1;
    lines.push_back(s.substr(b, e - b));
    b = e;
  }
  return lines;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  parley::ReaderOptions options;
  options.format = parley::InputFormat::kJsonl;
  // Odd control bytes keep the default limit; even ones make it tiny, so
  // overlong lines and lines spanning read chunks come up.
  if ((data[0] & 1) == 0) options.max_record_bytes = data[0];
  options.fields.text = (data[0] & 2) ? "text" : "t";
  const std::string input(reinterpret_cast<const char*>(data + 1), size - 1);
  // Gzip input is fuzz_gzip_reader's; here lines are checked against the bytes.
  if (input.rfind("\x1f\x8b", 0) == 0) return 0;
  const std::vector<std::string_view> lines = SplitLines(input);
  const std::string name = "fuzz.jsonl";

  auto reader = parley::Reader::FromBuffer(name, input, options);
  uint64_t last_line = 0;
  size_t results = 0;
  for (;;) {
    parley::InputRecord record;
    parley::RecordError error;
    parley::Reader::Result r = reader->Next(&record, &error);
    if (r == parley::Reader::Result::kEnd) break;
    CHECK(++results <= lines.size() + 1);
    if (r == parley::Reader::Result::kError) {
      CHECK(error.where.file == name && !error.status.ok() && !error.status.message().empty());
      CHECK(error.where.line <= lines.size());
      CHECK(error.where.line == 0 || error.where.line > last_line);
      last_line = error.where.line;
      continue;
    }
    CHECK(record.where.file == name && record.where.line >= 1 && record.where.line <= lines.size());
    CHECK(record.where.line > last_line);
    last_line = record.where.line;
    CHECK(record.meta.origin == record.where.ToString());
    CHECK(!record.text.empty() && record.text.find('\0') == std::string::npos);
    CHECK(record.meta.date.empty() || record.meta.date.size() == 10);
    std::string_view line = lines[record.where.line - 1];
    CHECK(line.size() <= options.max_record_bytes + 1);
    if (line.find('\\') == std::string_view::npos)
      CHECK(line.find(record.text) != std::string_view::npos);
  }
  parley::InputRecord record;
  parley::RecordError error;
  CHECK(reader->Next(&record, &error) == parley::Reader::Result::kEnd);
  CHECK(reader->bytes_read() <= input.size());
  return 0;
}
