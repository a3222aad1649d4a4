// JSONL reading with simdjson's DOM parser (see jsonl_reader.h). The DOM
// parser validates the whole line, so a line with trailing junk is an error
// rather than a record quietly read from its first bytes.
//
// simdjson rejects a line with invalid UTF-8 anywhere in it, but invalid bytes
// in an article are for the repair stage to fix and record, not a reason to
// lose the article. Such a line is parsed again with each invalid byte b
// stood in for by the private-use code point U+10FF00+b, and the stand-ins
// are turned back into the raw bytes in the values read.
#include "io/jsonl_reader.h"

#include <simdjson.h>

#include <algorithm>
#include <charconv>
#include <cstring>

#include "core/utf8.h"
#include "io/input_format.h"

namespace parley::io {
namespace {

constexpr char32_t kByteBase = 0x10FF00;      // stand-in for byte b is kByteBase + b
constexpr char32_t kFirstStandIn = 0x10FF80;  // invalid bytes are all >= 0x80

bool IsEscapedStandIn(std::string_view s) {  // "\udbff...", the high half of U+10FFxx
  if (s.size() < 6 || s[0] != '\\' || s[1] != 'u') return false;
  std::string hex(s.substr(2, 4));
  for (char& c : hex) c = static_cast<char>(c | 0x20);
  return hex == "dbff";
}

// The line with invalid bytes replaced by stand-ins; false when the line
// already holds such code points (raw or escaped), as mapping back would then
// turn them into bytes too.
bool EscapeInvalidUtf8(std::string_view line, std::string* out) {
  out->clear();
  for (size_t i = 0; i < line.size();) {
    auto c = static_cast<unsigned char>(line[i]);
    if (c < 0x80) {
      if (IsEscapedStandIn(line.substr(i))) return false;
      out->push_back(line[i++]);
      continue;
    }
    char32_t cp = 0;
    int len = utf8::Decode(line, i, &cp);
    if (len == 0) {
      utf8::Append(out, kByteBase + c);
      ++i;
      continue;
    }
    if (cp >= kFirstStandIn) return false;
    out->append(line.substr(i, static_cast<size_t>(len)));
    i += static_cast<size_t>(len);
  }
  return true;
}

void RestoreInvalidBytes(std::string* s) {
  size_t w = 0;
  for (size_t i = 0; i < s->size();) {
    char32_t cp = 0;
    int len = utf8::Decode(*s, i, &cp);
    if (len == 4 && cp >= kFirstStandIn) {
      (*s)[w++] = static_cast<char>(cp - kByteBase);
      i += 4;
      continue;
    }
    for (int k = 0; k < std::max(len, 1); ++k) (*s)[w++] = (*s)[i++];
  }
  s->resize(w);
}

const char* TypeName(simdjson::dom::element_type t) {
  switch (t) {
    case simdjson::dom::element_type::ARRAY: return "array";
    case simdjson::dom::element_type::OBJECT: return "object";
    case simdjson::dom::element_type::STRING: return "string";
    case simdjson::dom::element_type::BOOL: return "boolean";
    case simdjson::dom::element_type::NULL_VALUE: return "null";
    default: return "number";
  }
}

// A string field as is, a number as its JSON text; "" for anything else.
std::string FieldText(simdjson::dom::object obj, const std::string& name) {
  simdjson::dom::element e;
  if (name.empty() || obj.at_key(name).get(e) != simdjson::SUCCESS) return "";
  std::string_view sv;
  int64_t i = 0;
  uint64_t u = 0;
  double d = 0;
  if (e.get_string().get(sv) == simdjson::SUCCESS) return std::string(sv);
  if (e.get_int64().get(i) == simdjson::SUCCESS) return std::to_string(i);
  if (e.get_uint64().get(u) == simdjson::SUCCESS) return std::to_string(u);
  if (e.get_double().get(d) == simdjson::SUCCESS) {
    char buf[64];
    auto res = std::to_chars(buf, buf + sizeof buf, d);
    return std::string(buf, res.ptr);
  }
  return "";
}

}  // namespace

JsonlReader::JsonlReader(std::unique_ptr<LineReader> lines, std::string file,
                         const ReaderOptions& options)
    : lines_(std::move(lines)),
      file_(std::move(file)),
      fields_(options.fields),
      max_record_bytes_(options.max_record_bytes),
      parser_(std::make_unique<simdjson::dom::parser>()) {}

JsonlReader::~JsonlReader() = default;

Reader::Result JsonlReader::Next(InputRecord* record, RecordError* error) {
  for (;;) {
    LineReader::Line line;
    Status status;
    LineReader::Result r = lines_->Next(&line, &status);
    if (r == LineReader::Result::kEnd) {
      if (saw_content_) return Result::kEnd;
      saw_content_ = true;
      *error = {{file_, 0}, InvalidArgument("empty document")};
      return Result::kError;
    }
    saw_content_ |= r == LineReader::Result::kError || line.overlong;
    if (r == LineReader::Result::kError) {
      *error = {{file_, line.number}, std::move(status)};
      return Result::kError;
    }
    if (line.overlong) {
      *error = {{file_, line.number},
                ResourceExhausted("record longer than the limit of " +
                                  std::to_string(max_record_bytes_) + " bytes")};
      return Result::kError;
    }
    std::string_view text = line.number == 1 ? StripBom(line.text) : line.text;
    if (TrimSpace(text).empty()) continue;  // blank lines separate nothing
    saw_content_ = true;
    *record = InputRecord{};
    record->where = {file_, line.number};
    Status s = ParseLine(text, record);
    if (!s.ok()) {
      *error = {record->where, std::move(s)};
      return Result::kError;
    }
    record->meta.origin = record->where.ToString();
    return Result::kRecord;
  }
}

Status JsonlReader::ParseLine(std::string_view line, InputRecord* record) {
  auto parse = [&](std::string_view json, simdjson::dom::element* root) {
    if (padded_.size() < json.size() + simdjson::SIMDJSON_PADDING)
      padded_.resize(json.size() + simdjson::SIMDJSON_PADDING);
    std::memcpy(padded_.data(), json.data(), json.size());
    return parser_->parse(padded_.data(), json.size(), false).get(*root);
  };
  simdjson::dom::element root;
  simdjson::error_code err = parse(line, &root);
  bool restore = false;
  if (err == simdjson::UTF8_ERROR) {
    std::string escaped;
    if (EscapeInvalidUtf8(line, &escaped)) {
      err = parse(escaped, &root);
      restore = true;
    }
  }
  if (err != simdjson::SUCCESS)
    return InvalidArgument(std::string("malformed JSON: ") + simdjson::error_message(err));
  simdjson::dom::object obj;
  if (root.get_object().get(obj) != simdjson::SUCCESS) return InvalidArgument("not a JSON object");

  simdjson::dom::element text;
  std::string_view sv;
  if (obj.at_key(fields_.text).get(text) != simdjson::SUCCESS)
    return InvalidArgument("missing string field '" + fields_.text + "'");
  if (text.get_string().get(sv) != simdjson::SUCCESS)
    return InvalidArgument("missing string field '" + fields_.text + "' (found " +
                           TypeName(text.type()) + ")");
  record->text.assign(sv);
  DocumentMeta& m = record->meta;
  // parley's own output (`extract`, parley.dask shards) keeps these fields in
  // "meta", so extracted records can be read back (ingested) as they are.
  simdjson::dom::object meta_obj = obj;
  std::string_view schema;
  simdjson::dom::object nested;
  if (obj.at_key("schema").get_string().get(schema) == simdjson::SUCCESS &&
      schema.starts_with("parley.document/") &&
      obj.at_key("meta").get_object().get(nested) == simdjson::SUCCESS) {
    meta_obj = nested;
  }
  m.id = FieldText(meta_obj, fields_.id);
  m.title = FieldText(meta_obj, fields_.title);
  m.url = FieldText(meta_obj, fields_.url);
  m.source = FieldText(meta_obj, fields_.source);
  if (restore) {
    for (std::string* s : {&record->text, &m.id, &m.title, &m.url, &m.source})
      RestoreInvalidBytes(s);
  }
  // A date we cannot read is dropped, not a reason to lose the article.
  m.date = NormalizeDate(FieldText(meta_obj, fields_.date));
  if (TrimSpace(record->text).empty()) return InvalidArgument("empty document");
  if (LooksBinary(record->text)) return InvalidArgument("binary data");
  return Status::Ok();
}

}  // namespace parley::io
