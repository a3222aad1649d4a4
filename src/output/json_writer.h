// JsonWriter: a small streaming JSON emitter.
//
// Written here because simdjson only parses; this needs no DOM and appends
// straight into one growing buffer. Strings are escaped to valid JSON and
// valid UTF-8 whatever bytes they hold (invalid sequences become U+FFFD).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace parley {

class JsonWriter {
 public:
  explicit JsonWriter(std::string* out, bool pretty = false) : out_(out), pretty_(pretty) {}

  void BeginObject();
  void EndObject();
  // Arrays marked inline stay on one line in pretty mode (number columns).
  void BeginArray(bool inline_array = false);
  void EndArray();
  void Key(std::string_view key);
  void String(std::string_view s);
  void Int(int64_t v);
  void UInt(uint64_t v);
  void Double(double v);
  void Bool(bool v);
  void Null();

  // Key + value shorthands.
  void Field(std::string_view key, std::string_view v) {
    Key(key);
    String(v);
  }
  void Field(std::string_view key, const char* v) {
    Key(key);
    String(v);
  }
  void FieldInt(std::string_view key, int64_t v) {
    Key(key);
    Int(v);
  }

  static void AppendEscaped(std::string_view s, std::string* out);

 private:
  void BeforeValue();
  void Newline();

  struct Level {
    bool first = true;
    bool inline_array = false;
  };
  std::string* out_;
  bool pretty_;
  bool after_key_ = false;
  std::vector<Level> stack_;
};

}  // namespace parley
