#include "output/json_writer.h"

#include <charconv>
#include <cmath>

#include "core/utf8.h"

namespace parley {

void JsonWriter::Newline() {
  if (!pretty_) return;
  out_->push_back('\n');
  out_->append(2 * stack_.size(), ' ');
}

void JsonWriter::BeforeValue() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (stack_.empty()) return;
  Level& level = stack_.back();
  if (!level.first) {
    out_->push_back(',');
    if (level.inline_array && pretty_) out_->push_back(' ');
  }
  level.first = false;
  if (!level.inline_array) Newline();
}

void JsonWriter::BeginObject() {
  BeforeValue();
  out_->push_back('{');
  stack_.push_back({});
}

void JsonWriter::EndObject() {
  bool empty = stack_.back().first;
  stack_.pop_back();
  if (!empty) Newline();
  out_->push_back('}');
}

void JsonWriter::BeginArray(bool inline_array) {
  BeforeValue();
  out_->push_back('[');
  bool parent_inline = !stack_.empty() && stack_.back().inline_array;
  stack_.push_back({true, inline_array || parent_inline});
}

void JsonWriter::EndArray() {
  Level level = stack_.back();
  stack_.pop_back();
  if (!level.first && !level.inline_array) Newline();
  out_->push_back(']');
}

void JsonWriter::Key(std::string_view key) {
  BeforeValue();
  AppendEscaped(key, out_);
  out_->push_back(':');
  if (pretty_) out_->push_back(' ');
  after_key_ = true;
}

void JsonWriter::String(std::string_view s) {
  BeforeValue();
  AppendEscaped(s, out_);
}

void JsonWriter::Int(int64_t v) {
  BeforeValue();
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  out_->append(buf, r.ptr);
}

void JsonWriter::UInt(uint64_t v) {
  BeforeValue();
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  out_->append(buf, r.ptr);
}

void JsonWriter::Double(double v) {
  BeforeValue();
  if (!std::isfinite(v)) {
    out_->append("null");
    return;
  }
  char buf[32];
  auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::general, 6);
  out_->append(buf, r.ptr);
}

void JsonWriter::Bool(bool v) {
  BeforeValue();
  out_->append(v ? "true" : "false");
}

void JsonWriter::Null() {
  BeforeValue();
  out_->append("null");
}

void JsonWriter::AppendEscaped(std::string_view s, std::string* out) {
  static constexpr char kHex[] = "0123456789abcdef";
  out->push_back('"');
  size_t run = 0;  // start of the pending run of bytes copied verbatim
  for (size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
      ++i;
      continue;
    }
    if (c >= 0x80) {
      char32_t cp;
      int len = utf8::Decode(s, i, &cp);
      if (len > 0) {
        i += static_cast<size_t>(len);
        continue;
      }
      out->append(s.data() + run, i - run);
      out->append("\\ufffd");
      i += utf8::InvalidRunLength(s, i);
      run = i;
      continue;
    }
    out->append(s.data() + run, i - run);
    switch (c) {
      case '"': out->append("\\\""); break;
      case '\\': out->append("\\\\"); break;
      case '\n': out->append("\\n"); break;
      case '\r': out->append("\\r"); break;
      case '\t': out->append("\\t"); break;
      default:
        out->append("\\u00");
        out->push_back(kHex[c >> 4]);
        out->push_back(kHex[c & 15]);
    }
    ++i;
    run = i;
  }
  out->append(s.data() + run, s.size() - run);
  out->push_back('"');
}

}  // namespace parley
