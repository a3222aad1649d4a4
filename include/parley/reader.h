// Readers: turn input files, directories or stdin into documents, streaming,
// in memory independent of corpus size.
//
// Formats: the dated text format ("date YYYY-MM-DD" then paragraphs separated
// by blank lines; a file may hold several such documents), plain text (one
// document per file), and JSONL (one JSON object per line, field names
// configurable). Any of them may be gzip-compressed. Directories are walked
// recursively in sorted order; "-" is stdin.
//
// Locations: a JSONL record and a dated document are located at the line
// they start on (the header's line); a plain file at the file (line 0).
// Ids: JSONL's id field (empty when absent); for text the file stem, and
// "stem#n" for the n-th document (n >= 2) of a dated file. Directory walks
// skip names starting with '.' and do not follow links to directories.
//
// Bad input is data: every problem comes back as a RecordError that says
// where (file, line) and what, and reading goes on with the next record.
// Whole files are rejected as "binary data" when their first bytes carry a
// known binary signature or look like binary (see io/input_format.h).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "parley/document.h"
#include "parley/status.h"

namespace parley {

// kAuto: from the file extension, else from the first bytes. kText: dated or
// plain, decided per file by whether it starts with a date header.
enum class InputFormat { kAuto, kJsonl, kDatedText, kPlainText, kText };
// "auto", "jsonl", "text" (dated or plain, detected), "dated", "plain".
StatusOr<InputFormat> ParseInputFormat(std::string_view name);

struct JsonFields {
  std::string id = "id";
  std::string date = "date";
  std::string title = "title";
  std::string url = "url";
  std::string source = "source";
  std::string text = "text";
};

struct ReaderOptions {
  InputFormat format = InputFormat::kAuto;
  JsonFields fields;
  // Records (JSONL lines, text documents) longer than this are rejected
  // without being held in memory.
  size_t max_record_bytes = size_t{16} << 20;
};

struct SourceLocation {
  std::string file;              // path, or "-" for stdin
  uint64_t line = 0;             // 1-based line where the record starts (0: whole file)
  std::string ToString() const;  // "file:line" or "file"
};

struct InputRecord {
  SourceLocation where;
  std::string text;
  DocumentMeta meta;  // meta.origin is set to where.ToString()
};

struct RecordError {
  SourceLocation where;
  Status status;
};

class Reader {
 public:
  enum class Result { kRecord, kError, kEnd };

  virtual ~Reader() = default;
  // Fills *record (kRecord) or *error (kError), or returns kEnd.
  virtual Result Next(InputRecord* record, RecordError* error) = 0;
  // Compressed or raw bytes consumed so far (for progress reports).
  virtual uint64_t bytes_read() const = 0;

  // A reader over files, directories and "-" (stdin), in order. Paths that do
  // not exist come back as errors from Next(), not here.
  static std::unique_ptr<Reader> Open(std::vector<std::string> inputs, ReaderOptions options = {});
  // A reader over an in-memory buffer named `name` (used by tests and fuzzers).
  static std::unique_ptr<Reader> FromBuffer(std::string name, std::string data,
                                            ReaderOptions options = {});
};

// Moves a record into a Document.
Document ToDocument(InputRecord&& record);

}  // namespace parley
