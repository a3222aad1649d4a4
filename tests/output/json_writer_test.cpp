#include "output/json_writer.h"

#include <gtest/gtest.h>
#include <simdjson.h>

#include <random>

namespace parley {
namespace {

TEST(JsonWriter, WritesNestedStructures) {
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.Field("a", "x");
  w.Key("b");
  w.BeginArray(true);
  w.Int(1);
  w.Int(-2);
  w.EndArray();
  w.Key("c");
  w.BeginObject();
  w.EndObject();
  w.Key("d");
  w.Null();
  w.EndObject();
  EXPECT_EQ(out, R"({"a":"x","b":[1,-2],"c":{},"d":null})");
}

TEST(JsonWriter, EscapesControlQuotesAndBadUtf8) {
  std::string out;
  JsonWriter::AppendEscaped("a\"b\\c\n\x01\xff\xe2\x80\x9c", &out);
  EXPECT_EQ(out, "\"a\\\"b\\\\c\\n\\u0001\\ufffd\xe2\x80\x9c\"");
}

TEST(JsonWriter, PrettyOutputParses) {
  std::string out;
  JsonWriter w(&out, true);
  w.BeginObject();
  w.Key("list");
  w.BeginArray();
  w.BeginArray(true);
  w.UInt(1);
  w.UInt(2);
  w.EndArray();
  w.EndArray();
  w.EndObject();
  EXPECT_NE(out.find('\n'), std::string::npos);
  simdjson::dom::parser p;
  EXPECT_FALSE(p.parse(out).error());
}

// Any byte string, escaped, must parse back as valid JSON.
TEST(JsonWriter, RandomBytesAlwaysGiveValidJson) {
  std::mt19937 rng(7);
  simdjson::dom::parser p;
  for (int i = 0; i < 2000; ++i) {
    std::string s(rng() % 40, '\0');
    for (char& c : s) c = static_cast<char>(rng() % 256);
    std::string out;
    JsonWriter::AppendEscaped(s, &out);
    auto doc = p.parse(out);
    ASSERT_FALSE(doc.error()) << out;
    EXPECT_TRUE(doc.is_string());
  }
}

}  // namespace
}  // namespace parley
