// Fuzzes the text readers: the input (after one control byte that picks
// dated, plain or detected text and the size limit) is drained, checking that
// every record's text is a trimmed, byte-exact slice of the input, that dated
// records start at a header line carrying their date, and that every error
// is located in the buffer.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "fuzz_check.h"
#include "io/input_format.h"
#include "parley/reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static constexpr parley::InputFormat kFormats[] = {
      parley::InputFormat::kDatedText, parley::InputFormat::kPlainText, parley::InputFormat::kText};
  parley::ReaderOptions options;
  options.format = kFormats[data[0] % 3];
  if (data[0] & 0x80) options.max_record_bytes = data[0] & 0x7f;
  const std::string input(reinterpret_cast<const char*>(data + 1), size - 1);
  if (input.rfind("\x1f\x8b", 0) == 0) return 0;  // gzip is fuzz_gzip_reader's
  std::vector<size_t> line_begin = {0};
  for (size_t i = 0; i < input.size(); ++i) {
    if (input[i] == '\n') line_begin.push_back(i + 1);
  }
  const std::string name = "dir/fuzz.txt";

  auto reader = parley::Reader::FromBuffer(name, input, options);
  size_t results = 0;
  uint64_t last_line = 0;
  for (;;) {
    parley::InputRecord record;
    parley::RecordError error;
    parley::Reader::Result r = reader->Next(&record, &error);
    if (r == parley::Reader::Result::kEnd) break;
    CHECK(++results <= line_begin.size() + 1);
    const parley::SourceLocation& where =
        r == parley::Reader::Result::kRecord ? record.where : error.where;
    CHECK(where.file == name && where.line <= line_begin.size());
    CHECK(where.line == 0 || where.line > last_line);
    last_line = where.line;
    if (r == parley::Reader::Result::kError) {
      CHECK(!error.status.ok() && !error.status.message().empty());
      continue;
    }
    const std::string& text = record.text;
    CHECK(!text.empty() && !parley::io::IsSpace(text.front()) && !parley::io::IsSpace(text.back()));
    CHECK(text.size() <= options.max_record_bytes && text.find('\0') == std::string::npos);
    CHECK(input.find(text) != std::string::npos);
    CHECK(record.meta.id == "fuzz" || record.meta.id.rfind("fuzz#", 0) == 0);
    CHECK(record.meta.date.empty() || parley::io::IsIsoDate(record.meta.date));
    if (!record.meta.date.empty()) {
      std::string_view line = std::string_view(input).substr(line_begin[where.line - 1]);
      if (where.line == 1) line = parley::io::StripBom(line);
      std::string date;
      size_t body = 0;
      CHECK(parley::io::ParseDateHeader(line.substr(0, line.find('\n')), &date, &body));
      CHECK(date == record.meta.date);
    }
    if (options.format == parley::InputFormat::kPlainText) CHECK(where.line == 0 && results == 1);
  }
  return 0;
}
