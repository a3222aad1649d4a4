#include "parley/reader.h"

namespace parley {

std::string SourceLocation::ToString() const {
  return line ? file + ":" + std::to_string(line) : file;
}

Document ToDocument(InputRecord&& record) {
  record.meta.origin = record.where.ToString();
  return Document(std::move(record.text), std::move(record.meta));
}

namespace {
class EmptyReader : public Reader {
 public:
  Result Next(InputRecord*, RecordError*) override { return Result::kEnd; }
  uint64_t bytes_read() const override { return 0; }
};
}  // namespace

std::unique_ptr<Reader> Reader::Open(std::vector<std::string>, ReaderOptions) {
  return std::make_unique<EmptyReader>();
}
std::unique_ptr<Reader> Reader::FromBuffer(std::string, std::string, ReaderOptions) {
  return std::make_unique<EmptyReader>();
}
StatusOr<InputFormat> ParseInputFormat(std::string_view name) {
  if (name == "auto") return InputFormat::kAuto;
  return InvalidArgument("unknown input format");
}

}  // namespace parley
