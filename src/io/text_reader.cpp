// Plain and dated text reading (see text_reader.h). Documents are collected
// line by line, so a document over the size limit is dropped as soon as it
// passes it and only its location is kept.
#include "io/text_reader.h"

#include "io/input_format.h"

namespace parley::io {

TextReader::TextReader(std::unique_ptr<LineReader> lines, std::string file, bool dated,
                       const ReaderOptions& options)
    : lines_(std::move(lines)),
      file_(std::move(file)),
      stem_(FileStem(file_)),
      dated_(dated),
      max_record_bytes_(options.max_record_bytes) {
  if (!dated_) Start(0, "");  // a plain file is one document, empty or not
}

void TextReader::Start(uint64_t line, std::string date) {
  doc_.active = true;
  doc_.line = line;
  doc_.date = std::move(date);
  doc_.body.clear();
  doc_.overlong = false;
  ++documents_;
}

void TextReader::Append(std::string_view text, bool line_overlong) {
  if (doc_.overlong) return;
  if (doc_.body.empty()) {
    while (!text.empty() && IsSpace(text.front())) text.remove_prefix(1);
  }
  // The limit counts collected bytes, line ends included, from the first
  // non-space byte on.
  if (line_overlong || doc_.body.size() + text.size() > max_record_bytes_) {
    doc_.overlong = true;
    std::string().swap(doc_.body);
    return;
  }
  doc_.body.append(text);
}

bool TextReader::Finish(InputRecord* record, RecordError* error, Result* result) {
  if (!doc_.active) return false;
  doc_.active = false;
  SourceLocation where{file_, doc_.line};
  auto fail = [&](Status status) {
    *error = {std::move(where), std::move(status)};
    *result = Result::kError;
    return true;
  };
  if (doc_.overlong) {
    return fail(ResourceExhausted("document longer than the limit of " +
                                  std::to_string(max_record_bytes_) + " bytes"));
  }
  std::string& body = doc_.body;
  while (!body.empty() && IsSpace(body.back())) body.pop_back();
  if (body.empty()) return fail(InvalidArgument("empty document"));
  if (LooksBinary(body)) return fail(InvalidArgument("binary data"));
  *record = InputRecord{};
  record->where = std::move(where);
  record->text = std::move(body);
  body.clear();
  record->meta.id = documents_ > 1 ? stem_ + "#" + std::to_string(documents_) : stem_;
  record->meta.date = doc_.date;
  record->meta.origin = record->where.ToString();
  *result = Result::kRecord;
  return true;
}

Reader::Result TextReader::Next(InputRecord* record, RecordError* error) {
  Result result = Result::kEnd;
  while (!ended_) {
    LineReader::Line line;
    Status status;
    LineReader::Result r = lines_->Next(&line, &status);
    if (r == LineReader::Result::kError) {
      // The document being collected is cut short; it goes with the stream.
      ended_ = true;
      *error = {{file_, line.number}, std::move(status)};
      return Result::kError;
    }
    if (r == LineReader::Result::kEnd) {
      ended_ = true;
      if (Finish(record, error, &result)) return result;
      if (documents_ > 0) return Result::kEnd;
      *error = {{file_, 0}, InvalidArgument("empty document")};
      return Result::kError;
    }
    std::string_view text = line.number == 1 ? StripBom(line.text) : line.text;
    std::string date;
    size_t body_begin = 0;
    if (dated_ && ParseDateHeader(text.substr(0, text.find('\n')), &date, &body_begin)) {
      bool finished = Finish(record, error, &result);
      Start(line.number, std::move(date));
      Append(text.substr(body_begin), line.overlong);
      if (finished) return result;
      continue;
    }
    if (!doc_.active) {  // text before the first header
      if (!line.overlong && TrimSpace(text).empty()) continue;
      Start(line.number, "");
    }
    Append(text, line.overlong);
    if (!dated_ && doc_.overlong) {
      // Nothing after this can make a plain document acceptable: stop reading.
      ended_ = true;
      Finish(record, error, &result);
      return result;
    }
  }
  return Result::kEnd;
}

}  // namespace parley::io
