// Reader tests on good input: the dated, plain and JSONL formats, gzip,
// stdin, directory walks, format detection, and the line splitting beneath.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

#include "io/byte_source.h"
#include "io/input_format.h"
#include "io/reader_test_util.h"

namespace parley {
namespace {

using testing::Gzip;
using testing::ReadBuffer;
using testing::ReadPaths;
using testing::TempDir;

TEST(LineReader, MatchesNaiveSplitAtAnyChunkSize) {
  const std::string input = "first\n\nsecond line\r\n  \nx\nlast without newline";
  std::vector<std::string> expected;
  for (size_t b = 0; b < input.size();) {
    size_t nl = input.find('\n', b);
    size_t e = nl == std::string::npos ? input.size() : nl + 1;
    expected.push_back(input.substr(b, e - b));
    b = e;
  }
  for (size_t chunk : {1, 2, 3, 7, 64}) {
    io::LineReader lines(io::ByteSource::FromMemory(input), 100, chunk);
    EXPECT_EQ(lines.Peek(5), "first");
    std::vector<std::string> got;
    io::LineReader::Line line;
    Status status;
    while (lines.Next(&line, &status) == io::LineReader::Result::kLine) {
      EXPECT_EQ(line.number, got.size() + 1);
      got.emplace_back(line.text);
    }
    EXPECT_EQ(got, expected) << "chunk " << chunk;
    EXPECT_EQ(lines.bytes_read(), input.size());
  }
}

TEST(LineReader, SkipsOverlongLineAndGoesOn) {
  io::LineReader lines(io::ByteSource::FromMemory("ok\n" + std::string(1000, 'x') + "\nnext\n"), 10,
                       4);
  io::LineReader::Line line;
  Status status;
  ASSERT_EQ(lines.Next(&line, &status), io::LineReader::Result::kLine);
  EXPECT_FALSE(line.overlong);
  ASSERT_EQ(lines.Next(&line, &status), io::LineReader::Result::kLine);
  EXPECT_TRUE(line.overlong);
  EXPECT_EQ(line.number, 2u);
  EXPECT_LT(line.text.size(), 100u);  // never the whole line
  ASSERT_EQ(lines.Next(&line, &status), io::LineReader::Result::kLine);
  EXPECT_EQ(line.text, "next\n");
  EXPECT_EQ(line.number, 3u);
  EXPECT_EQ(lines.Next(&line, &status), io::LineReader::Result::kEnd);
}

TEST(ByteSource, GunzipsConcatenatedMembers) {
  auto source = io::ByteSource::FromMemory(Gzip("one\n") + Gzip("two\n"));
  std::string out(64, '\0');
  size_t total = 0;
  for (;;) {
    StatusOr<size_t> got = source->Read(out.data() + total, 3);
    ASSERT_TRUE(got.ok()) << got.status().ToString();
    if (*got == 0) break;
    total += *got;
  }
  EXPECT_EQ(out.substr(0, total), "one\ntwo\n");
}

TEST(DatedText, SingleDocument) {
  auto d =
      ReadBuffer("news/a.txt", "\xEF\xBB\xBF\ndate 2024-03-01\n\nFirst para.\n\nSecond para.\n\n");
  ASSERT_EQ(d.order, "R");
  const InputRecord& r = d.records[0];
  EXPECT_EQ(r.text, "First para.\n\nSecond para.");
  EXPECT_EQ(r.meta.date, "2024-03-01");
  EXPECT_EQ(r.meta.id, "a");
  EXPECT_EQ(r.where.line, 2u);
  EXPECT_EQ(r.meta.origin, "news/a.txt:2");
}

TEST(DatedText, ExampleArticle) {
  std::string path = std::string(PARLEY_SOURCE_DIR) + "/examples/anchorage.txt";
  std::ifstream in(path, std::ios::binary);
  ASSERT_TRUE(in) << path;
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string file = ss.str();
  auto d = ReadPaths({path});
  ASSERT_EQ(d.order, "R");
  const InputRecord& r = d.records[0];
  EXPECT_EQ(r.meta.date, "2025-08-16");
  EXPECT_EQ(r.meta.id, "anchorage");
  EXPECT_EQ(r.text.rfind("\xE2\x80\x9CNo deal\xE2\x80\x9D", 0), 0u) << r.text.substr(0, 40);
  // Byte-exact: the body is a slice of the file.
  EXPECT_NE(file.find(r.text), std::string::npos);
  EXPECT_EQ(r.where.line, 1u);
}

TEST(DatedText, SeveralDocumentsInOneFile) {
  auto d = ReadBuffer("day.txt",
                      "date 2024-01-01 Same-line start.\nMore.\n"
                      "date 2024-01-02\n\nSecond.\n"
                      "  date 2024-01-03\nThird.\n");
  ASSERT_EQ(d.order, "RRR");
  EXPECT_EQ(d.records[0].text, "Same-line start.\nMore.");
  EXPECT_EQ(d.records[0].meta.id, "day");
  EXPECT_EQ(d.records[1].meta.id, "day#2");
  EXPECT_EQ(d.records[1].meta.date, "2024-01-02");
  EXPECT_EQ(d.records[1].where.line, 3u);
  EXPECT_EQ(d.records[2].meta.id, "day#3");
  EXPECT_EQ(d.records[2].text, "Third.");
  EXPECT_EQ(d.records[2].where.line, 6u);
}

TEST(PlainText, WholeFileIsOneDocument) {
  auto d = ReadBuffer("dir/story.txt", "\n  Headline\n\nBody with date 2024-01-01 inside.\n");
  ASSERT_EQ(d.order, "R");
  EXPECT_EQ(d.records[0].text, "Headline\n\nBody with date 2024-01-01 inside.");
  EXPECT_EQ(d.records[0].meta.id, "story");
  EXPECT_EQ(d.records[0].meta.date, "");
  EXPECT_EQ(d.records[0].where.line, 0u);
  EXPECT_EQ(d.records[0].where.ToString(), "dir/story.txt");
}

TEST(Jsonl, DefaultFields) {
  auto d = ReadBuffer(
      "in.jsonl",
      "{\"id\": 12, \"date\": \"2025-08-16T09:30:00Z\", \"title\": \"T\", \"url\": \"u\", "
      "\"source\": \"s\", \"text\": \"caf\\u00e9 \\\"q\\\"\"}\n"
      "\n   \n"
      "{\"id\": \"x\", \"date\": \"last week\", \"text\": \"two\", \"extra\": [1, 2]}\n");
  ASSERT_EQ(d.order, "RR");
  const InputRecord& a = d.records[0];
  EXPECT_EQ(a.text, "caf\xC3\xA9 \"q\"");
  EXPECT_EQ(a.meta.id, "12");
  EXPECT_EQ(a.meta.date, "2025-08-16");
  EXPECT_EQ(a.meta.title, "T");
  EXPECT_EQ(a.meta.url, "u");
  EXPECT_EQ(a.meta.source, "s");
  EXPECT_EQ(a.where.ToString(), "in.jsonl:1");
  EXPECT_EQ(d.records[1].meta.date, "");  // not a date: dropped, not rejected
  EXPECT_EQ(d.records[1].where.line, 4u);
}

TEST(Jsonl, CustomFieldNames) {
  ReaderOptions o;
  o.fields.text = "body";
  o.fields.id = "doc_id";
  auto d = ReadBuffer("in.ndjson", "{\"doc_id\": 7.5, \"body\": \"hello\", \"text\": 3}\n", o);
  ASSERT_EQ(d.order, "R");
  EXPECT_EQ(d.records[0].text, "hello");
  EXPECT_EQ(d.records[0].meta.id, "7.5");
}

// parley's own records (extract output, parley.dask shards) keep their
// metadata under "meta" and can be read back as input (issue 8).
TEST(Jsonl, ParleyRecordsReadMetaFromTheirMetaObject) {
  auto d = ReadBuffer("shard.jsonl",
                      "{\"schema\": \"parley.document/1\", \"meta\": {\"id\": \"a1\", "
                      "\"date\": \"2025-08-16\", \"title\": \"T\", \"url\": null, "
                      "\"source\": \"s\", \"origin\": \"x:1\"}, \"text\": \"Hi.\"}\n"
                      "{\"meta\": {\"id\": \"no\"}, \"id\": \"top\", \"text\": \"Hi.\"}\n");
  ASSERT_EQ(d.order, "RR");
  EXPECT_EQ(d.records[0].meta.id, "a1");
  EXPECT_EQ(d.records[0].meta.date, "2025-08-16");
  EXPECT_EQ(d.records[0].meta.title, "T");
  EXPECT_EQ(d.records[0].meta.url, "");
  EXPECT_EQ(d.records[0].meta.source, "s");
  EXPECT_EQ(d.records[1].meta.id, "top");  // not parley's record: top-level fields
}

TEST(Jsonl, InvalidUtf8IsKeptForTheRepairStage) {
  auto d = ReadBuffer("in.jsonl", "{\"text\": \"caf\xE9 ok\", \"title\": \"\xFF\"}\n");
  ASSERT_EQ(d.order, "R");
  EXPECT_EQ(d.records[0].text, "caf\xE9 ok");
  EXPECT_EQ(d.records[0].meta.title, "\xFF");
}

TEST(Gzip, JsonlAndTextFiles) {
  TempDir dir;
  std::string jsonl = "{\"text\": \"one\"}\n{\"text\": \"two\"}\n";
  std::string j = dir.Write("a.jsonl.gz", Gzip(jsonl));
  std::string t = dir.Write("b.txt.gz", Gzip("date 2024-05-05\nGzipped body.\n"));
  auto reader = Reader::Open({j, t});
  auto d = testing::Drain(*reader);
  ASSERT_EQ(d.order, "RRR");
  EXPECT_EQ(d.records[1].text, "two");
  EXPECT_EQ(d.records[1].where.ToString(), j + ":2");
  EXPECT_EQ(d.records[2].text, "Gzipped body.");
  EXPECT_EQ(d.records[2].meta.id, "b");
  EXPECT_EQ(reader->bytes_read(), std::filesystem::file_size(j) + std::filesystem::file_size(t));
}

TEST(Stdin, DashReadsStandardInputAndSniffsJsonl) {
  TempDir dir;
  std::string p = dir.Write("in", Gzip("  {\"text\": \"from stdin\"}\n"));
  int saved = dup(0);
  int fd = open(p.c_str(), O_RDONLY);
  ASSERT_GE(fd, 0);
  dup2(fd, 0);
  close(fd);
  auto d = ReadPaths({"-"});
  dup2(saved, 0);
  close(saved);
  ASSERT_EQ(d.order, "R");
  EXPECT_EQ(d.records[0].text, "from stdin");
  EXPECT_EQ(d.records[0].where.ToString(), "-:1");
}

TEST(Directory, WalkedRecursivelyInSortedOrderSkippingHidden) {
  TempDir dir;
  dir.Write("c.json", "{\"text\": \"c\"}\n");
  dir.Write("b.txt", "b");
  dir.Write("a/z.txt", "a/z");
  dir.Write("a/y.data", "{\"text\": \"a/y\"}");  // unknown extension: sniffed
  dir.Write(".hidden/h.txt", "hidden");
  dir.Write(".h.txt", "hidden");
  auto d = ReadPaths({dir.path()});
  ASSERT_EQ(d.order, "RRRR");
  std::vector<std::string> texts;
  for (const auto& r : d.records) texts.push_back(r.text);
  EXPECT_EQ(texts, (std::vector<std::string>{"a/y", "a/z", "b", "c"}));
  EXPECT_EQ(d.records[1].where.file, dir.path() + "/a/z.txt");
}

TEST(InputFormat, NamesExtensionsAndSniffing) {
  EXPECT_EQ(*ParseInputFormat("jsonl"), InputFormat::kJsonl);
  EXPECT_EQ(*ParseInputFormat("plain"), InputFormat::kPlainText);
  EXPECT_EQ(ParseInputFormat("xml").status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(io::FormatFromName("x/a.JSONL.gz"), InputFormat::kJsonl);
  EXPECT_EQ(io::FormatFromName("a.text"), InputFormat::kText);
  EXPECT_EQ(io::FormatFromName("README"), InputFormat::kText);
  EXPECT_EQ(io::FormatFromName("a.csv"), InputFormat::kAuto);
  EXPECT_EQ(io::ResolveFormat(InputFormat::kAuto, "-", "\n {\"a\":1}"), InputFormat::kJsonl);
  EXPECT_EQ(io::ResolveFormat(InputFormat::kAuto, "-", "\xEF\xBB\xBF date 2024-01-01\n"),
            InputFormat::kDatedText);
  EXPECT_EQ(io::ResolveFormat(InputFormat::kAuto, "a.txt", "dated 2024-01-01\n"),
            InputFormat::kPlainText);
  EXPECT_EQ(io::ResolveFormat(InputFormat::kPlainText, "a.txt", "date 2024-01-01\n"),
            InputFormat::kPlainText);
  EXPECT_EQ(io::FileStem("d/x.tar.gz"), "x");
  EXPECT_EQ(io::FileStem("-"), "stdin");
  EXPECT_EQ(io::NormalizeDate("2024-02-30"), "2024-02-30");  // plausible enough; not a calendar
  EXPECT_EQ(io::NormalizeDate("2024-13-01"), "");
  EXPECT_EQ(io::NormalizeDate("2024-01-01x"), "");
}

}  // namespace
}  // namespace parley
