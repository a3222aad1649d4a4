// Reader tests on bad input: every problem is one located error record and
// the records around it still come back.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <new>

#include "io/reader_test_util.h"

// The largest single allocation made while the flag is on: lets a test show
// that a 50 MB line is never buffered. GCC flags free() in a replaced
// operator delete as a mismatch, but it pairs with the malloc() below.
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
static std::atomic<bool> g_track{false};
static std::atomic<size_t> g_largest{0};
static void* TrackedAlloc(size_t n) noexcept {
  if (g_track.load(std::memory_order_relaxed) && n > g_largest.load(std::memory_order_relaxed))
    g_largest = n;
  return std::malloc(n ? n : 1);
}
// Every plain form is replaced, so that no allocation (ours, gtest's,
// simdjson's nothrow ones) pairs with a sanitizer's own operator delete.
void* operator new(size_t n) {
  if (void* p = TrackedAlloc(n)) return p;
  throw std::bad_alloc();
}
void* operator new[](size_t n) {
  return operator new(n);
}
void* operator new(size_t n, const std::nothrow_t&) noexcept {
  return TrackedAlloc(n);
}
void* operator new[](size_t n, const std::nothrow_t&) noexcept {
  return TrackedAlloc(n);
}
void operator delete(void* p) noexcept {
  std::free(p);
}
void operator delete[](void* p) noexcept {
  std::free(p);
}
void operator delete(void* p, size_t) noexcept {
  std::free(p);
}
void operator delete[](void* p, size_t) noexcept {
  std::free(p);
}
void operator delete(void* p, const std::nothrow_t&) noexcept {
  std::free(p);
}
void operator delete[](void* p, const std::nothrow_t&) noexcept {
  std::free(p);
}

namespace parley {
namespace {

using testing::Gzip;
using testing::ReadBuffer;
using testing::ReadPaths;
using testing::TempDir;

TEST(BadJsonl, MalformedLineInTheMiddle) {
  auto d =
      ReadBuffer("in.jsonl", "{\"text\": \"a\"}\n{\"text\": \"b\",,}\n{\"text\": \"c\"}\n[1]\n");
  ASSERT_EQ(d.order, "RERE");
  EXPECT_EQ(d.records[1].text, "c");
  EXPECT_EQ(d.errors[0].where.ToString(), "in.jsonl:2");
  EXPECT_EQ(d.errors[0].status.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(d.errors[0].status.message().find("malformed JSON"), std::string::npos);
  EXPECT_EQ(d.errors[1].status.message(), "not a JSON object");
}

TEST(BadJsonl, TextFieldMissingOrNotAString) {
  auto d = ReadBuffer("in.jsonl",
                      "{\"title\": \"t\"}\n{\"text\": 5}\n{\"text\": null}\n{\"text\": \"\"}\n");
  ASSERT_EQ(d.order, "EEEE");
  EXPECT_EQ(d.errors[0].status.message(), "missing string field 'text'");
  EXPECT_EQ(d.errors[0].where.line, 1u);
  EXPECT_EQ(d.errors[1].status.message(), "missing string field 'text' (found number)");
  EXPECT_EQ(d.errors[2].status.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(d.errors[3].status.message(), "empty document");
  EXPECT_EQ(d.errors[3].where.line, 4u);
}

TEST(BadInput, BinaryFilesAndRecords) {
  auto png = ReadBuffer("img.txt", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  ASSERT_EQ(png.order, "E");
  EXPECT_EQ(png.errors[0].status.message(), "binary data");
  EXPECT_EQ(png.errors[0].where.ToString(), "img.txt");
  auto junk = ReadBuffer("junk", "\x01\x02\x03\x04 abc \x05\x06\x07\x08");
  ASSERT_EQ(junk.order, "E");
  EXPECT_EQ(junk.errors[0].status.message(), "binary data");
  // A NUL past the sniffed head costs only its own document.
  std::string dated = "date 2024-01-01\n" + std::string(10000, 'a') + "\n" +
                      "date 2024-01-02\nbad " + std::string(1, '\0') +
                      " doc\ndate 2024-01-03\ngood\n";
  auto d = ReadBuffer("d.txt", dated);
  ASSERT_EQ(d.order, "RER");
  EXPECT_EQ(d.errors[0].where.line, 3u);
  EXPECT_EQ(d.errors[0].status.message(), "binary data");
  auto j = ReadBuffer("j.jsonl", "{\"text\": \"a\\u0000b\"}\n{\"text\": \"fine\"}\n");
  EXPECT_EQ(j.order, "ER");
}

TEST(BadInput, InvalidUtf8IsNotRejected) {
  auto d = ReadBuffer("latin1.txt", "caf\xE9 cr\xE8me\n");
  ASSERT_EQ(d.order, "R");
  EXPECT_EQ(d.records[0].text, "caf\xE9 cr\xE8me");
}

TEST(BadInput, EmptyDocuments) {
  for (const char* name : {"e.txt", "e.jsonl"}) {
    for (const char* content : {"", " \n\t\n"}) {
      auto d = ReadBuffer(name, content);
      ASSERT_EQ(d.order, "E") << name;
      EXPECT_EQ(d.errors[0].status.message(), "empty document");
      EXPECT_EQ(d.errors[0].where.ToString(), name);
    }
  }
  auto d = ReadBuffer("d.txt", "date 2024-01-01\n\n date 2024-01-02 body\n");
  ASSERT_EQ(d.order, "ER");
  EXPECT_EQ(d.errors[0].where.line, 1u);
  EXPECT_EQ(d.errors[0].status.message(), "empty document");
}

TEST(BadInput, FiftyMegabyteLineIsSkippedNotBuffered) {
  TempDir dir;
  std::string path = dir.path() + "/big.jsonl";
  {
    FILE* f = std::fopen(path.c_str(), "wb");
    ASSERT_NE(f, nullptr);
    std::fputs("{\"text\": \"before\"}\n{\"text\": \"", f);
    std::string mb(size_t{1} << 20, 'x');
    for (int i = 0; i < 50; ++i) std::fwrite(mb.data(), 1, mb.size(), f);
    std::fputs("\"}\n{\"text\": \"after\"}\n", f);
    std::fclose(f);
  }
  g_largest = 0;
  g_track = true;
  auto d = ReadPaths({path});
  g_track = false;
  ASSERT_EQ(d.order, "RER");
  EXPECT_EQ(d.records[0].text, "before");
  EXPECT_EQ(d.records[1].text, "after");
  EXPECT_EQ(d.errors[0].status.code(), StatusCode::kResourceExhausted);
  EXPECT_EQ(d.errors[0].where.ToString(), path + ":2");
  EXPECT_GT(g_largest.load(), size_t{1} << 20);   // the tracker saw the line buffer
  EXPECT_LT(g_largest.load(), size_t{20} << 20);  // the 16 MiB limit plus a chunk
}

TEST(BadInput, MaxRecordBytesIsConfigurable) {
  ReaderOptions o;
  o.max_record_bytes = 20;
  auto j = ReadBuffer(
      "in.jsonl",
      "{\"text\": \"short\"}\n{\"text\": \"this one is too long\"}\n{\"text\": \"ok\"}\n", o);
  ASSERT_EQ(j.order, "RER");
  EXPECT_EQ(j.errors[0].where.line, 2u);
  auto t = ReadBuffer(
      "in.txt", "date 2024-01-01\n" + std::string(30, 'y') + "\n\ndate 2024-01-02\nshort\n", o);
  ASSERT_EQ(t.order, "ER");
  EXPECT_EQ(t.errors[0].status.code(), StatusCode::kResourceExhausted);
  EXPECT_EQ(t.errors[0].where.line, 1u);
  EXPECT_EQ(t.records[0].meta.id, "in#2");
  auto p = ReadBuffer("plain.txt", "word " + std::string(100, 'z'), o);
  ASSERT_EQ(p.order, "E");
  EXPECT_EQ(p.errors[0].where.ToString(), "plain.txt");
}

TEST(BadInput, TruncatedGzipKeepsRecordsBeforeTheCut) {
  std::string jsonl;
  for (int i = 1; i <= 3000; ++i) {
    jsonl += "{\"id\": " + std::to_string(i) + ", \"text\": \"record " +
             std::to_string(i * 7919 % 10007) + "\"}\n";
  }
  std::string gz = Gzip(jsonl);
  TempDir dir;
  std::string path = dir.Write("cut.jsonl.gz", gz.substr(0, gz.size() / 2));
  auto d = ReadPaths({path});
  ASSERT_GT(d.records.size(), 10u);
  ASSERT_LT(d.records.size(), 3000u);
  EXPECT_EQ(d.order, std::string(d.records.size(), 'R') + "E");
  for (size_t i = 0; i < d.records.size(); ++i)
    EXPECT_EQ(d.records[i].meta.id, std::to_string(i + 1));
  EXPECT_EQ(d.errors[0].status.code(), StatusCode::kDataLoss);
  EXPECT_EQ(d.errors[0].where.file, path);
  EXPECT_EQ(d.errors[0].where.line, d.records.size() + 1);

  std::string corrupt = gz;
  for (size_t i = corrupt.size() / 2; i < corrupt.size() / 2 + 64; ++i)
    corrupt[i] = static_cast<char>(~corrupt[i]);
  auto c = ReadBuffer("bad.jsonl.gz", corrupt);
  ASSERT_FALSE(c.errors.empty());
  EXPECT_EQ(c.errors.back().status.code(), StatusCode::kDataLoss);

  auto t = ReadBuffer("cut.txt.gz", Gzip("date 2024-01-01\nsome text\n").substr(0, 12));
  ASSERT_EQ(t.order, "E");
  EXPECT_EQ(t.errors[0].status.code(), StatusCode::kDataLoss);
}

TEST(BadInput, MissingPathIsNotFoundAndTheRestIsRead) {
  TempDir dir;
  std::string good = dir.Write("good.txt", "fine");
  auto d = ReadPaths({dir.path() + "/nope.txt", good});
  ASSERT_EQ(d.order, "ER");
  EXPECT_EQ(d.errors[0].status.code(), StatusCode::kNotFound);
  EXPECT_EQ(d.errors[0].where.file, dir.path() + "/nope.txt");
}

TEST(BadInput, UnreadableFileIsIoError) {
  TempDir dir;
  std::string path = dir.Write("locked.txt", "secret");
  chmod(path.c_str(), 0);
  // Root opens anything; /proc/self/mem opens but fails on the first read.
  if (geteuid() == 0) path = "/proc/self/mem";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "no unreadable file to try";
  auto d = ReadPaths({path});
  ASSERT_EQ(d.order, "E");
  EXPECT_EQ(d.errors[0].status.code(), StatusCode::kIoError);
  EXPECT_EQ(d.errors[0].where.file, path);
}

TEST(BadInput, RandomBytesNeverCrash) {
  std::mt19937 rng(42);
  for (int i = 0; i < 300; ++i) {
    std::string data(rng() % 200, '\0');
    for (char& c : data)
      c = static_cast<char>("{}\"\\:date 2024-01-01\n\x1f\x8b\xff\0a"[rng() % 24]);
    if (i % 3 == 0) data = Gzip(data).substr(0, rng() % 100);
    for (const char* name : {"r.jsonl", "r.txt", "r"}) {
      auto d = ReadBuffer(name, data);
      for (const auto& e : d.errors) EXPECT_EQ(e.where.file, name);
    }
  }
}

}  // namespace
}  // namespace parley
