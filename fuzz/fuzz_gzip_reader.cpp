// Fuzzes gzip decoding under the readers. The control byte picks a mode:
// raw (the rest is read as given, so mutated .gz seeds reach inflate's error
// paths) or cut (the rest is gzipped here and cut short). In cut mode the
// results must be a prefix of what the uncompressed bytes give, followed by
// at most one kDataLoss error, and all of them when nothing was cut.
#include <zlib.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "fuzz_check.h"
#include "parley/reader.h"

namespace {

struct Item {
  bool record;
  uint64_t line;
  std::string text;  // record text or error message
  bool operator==(const Item&) const = default;
};

std::vector<Item> ReadAll(const std::string& data, const parley::ReaderOptions& options) {
  auto reader = parley::Reader::FromBuffer("fuzz.gz", data, options);
  std::vector<Item> items;
  for (;;) {
    parley::InputRecord record;
    parley::RecordError error;
    parley::Reader::Result r = reader->Next(&record, &error);
    if (r == parley::Reader::Result::kEnd) return items;
    CHECK(items.size() < (size_t{1} << 20));
    if (r == parley::Reader::Result::kRecord) {
      items.push_back({true, record.where.line, record.text});
    } else {
      CHECK(error.where.file == "fuzz.gz" && !error.status.ok());
      items.push_back({false, error.where.line, error.status.ToString()});
    }
  }
}

std::string Gzip(const std::string& data) {
  z_stream z{};
  CHECK(deflateInit2(&z, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY) == Z_OK);
  std::string out(deflateBound(&z, static_cast<uLong>(data.size())), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  CHECK(deflate(&z, Z_FINISH) == Z_STREAM_END);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 3) return 0;
  parley::ReaderOptions options;
  options.format = (data[0] & 2) ? parley::InputFormat::kJsonl : parley::InputFormat::kDatedText;
  if (data[0] & 4) options.max_record_bytes = 64;
  std::string rest(reinterpret_cast<const char*>(data + 3), size - 3);
  if ((data[0] & 1) == 0) {
    ReadAll(rest, options);  // must not crash; locations are checked inside
    return 0;
  }
  // Only one layer of gzip is undone, so a payload that is gzip itself would
  // read differently once wrapped.
  if (rest.rfind("\x1f\x8b", 0) == 0) return 0;
  std::string gz = Gzip(rest);
  size_t cut = (size_t{data[1]} << 8 | data[2]) % (gz.size() + 1);
  if (data[0] & 8) cut = gz.size();
  std::vector<Item> whole = ReadAll(rest, options);
  std::vector<Item> part = ReadAll(gz.substr(0, cut), options);
  if (cut == gz.size()) {
    CHECK(part == whole);
    return 0;
  }
  // A stream cut inside the 10-byte header may not even look like gzip. And
  // the binary sniff sees only the bytes before the cut, so it may judge a
  // cut stream differently; both verdicts are fine.
  auto binary = [](const std::vector<Item>& v) {
    return v.size() == 1 && v[0].text == "invalid_argument: binary data";
  };
  if (cut < 10 || binary(whole) || binary(part)) return 0;
  CHECK(!part.empty() && !part.back().record);
  CHECK(part.back().text.rfind("data_loss:", 0) == 0);
  CHECK(part.size() - 1 <= whole.size());
  // Whatever came back before the failure is what the whole input gives
  // there: the line or document being read at the cut is lost with it.
  size_t same = part.size() - 1;
  for (size_t i = 0; i < same; ++i) CHECK(part[i] == whole[i]);
  return 0;
}
