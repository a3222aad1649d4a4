// Format detection, binary sniffing and date headers (see input_format.h).
#include "io/input_format.h"

#include <algorithm>
#include <array>

#include "core/ascii.h"

namespace parley::io {
namespace {

std::string_view BaseName(std::string_view path) {
  size_t slash = path.find_last_of('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

// The base name without ".gz", and its extension (lower case, no dot; empty
// when none). A leading dot starts a hidden name, not an extension.
std::pair<std::string_view, std::string> SplitName(std::string_view path) {
  std::string_view base = BaseName(path);
  if (base.size() > 3 && AsciiLower(base.substr(base.size() - 3)) == ".gz") base.remove_suffix(3);
  size_t dot = base.find_last_of('.');
  if (dot == std::string_view::npos || dot == 0) return {base, ""};
  return {base.substr(0, dot), AsciiLower(base.substr(dot + 1))};
}

bool IsDigit(char c) {
  return c >= '0' && c <= '9';
}

bool IsControl(unsigned char c) {
  return (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7f;
}

InputFormat TextKind(std::string_view head) {
  std::string date;
  size_t body = 0;
  std::string_view s = StripBom(head);
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  return ParseDateHeader(s.substr(0, s.find('\n')), &date, &body) ? InputFormat::kDatedText
                                                                  : InputFormat::kPlainText;
}

}  // namespace

bool IsSpace(char c) {
  return c == ' ' || (c >= '\t' && c <= '\r');
}

std::string_view TrimSpace(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

std::string_view StripBom(std::string_view s) {
  if (s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
  return s;
}

InputFormat FormatFromName(std::string_view path) {
  std::string ext = SplitName(path).second;
  if (ext == "jsonl" || ext == "ndjson" || ext == "json") return InputFormat::kJsonl;
  if (ext == "txt" || ext == "text" || ext.empty()) return InputFormat::kText;
  return InputFormat::kAuto;
}

InputFormat ResolveFormat(InputFormat requested, std::string_view path, std::string_view head) {
  InputFormat f = requested;
  if (f == InputFormat::kAuto) f = path == "-" ? InputFormat::kAuto : FormatFromName(path);
  if (f == InputFormat::kAuto) {
    std::string_view s = StripBom(head);
    while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
    f = !s.empty() && s.front() == '{' ? InputFormat::kJsonl : InputFormat::kText;
  }
  return f == InputFormat::kText ? TextKind(head) : f;
}

bool HasBinaryMagic(std::string_view head) {
  using namespace std::string_view_literals;
  static constexpr std::array kMagic = {
      "\x89PNG\r\n\x1a\n"sv,
      "%PDF-"sv,
      "PK\x03\x04"sv,
      "PK\x05\x06"sv,
      "\x7f"
      "ELF"sv,
      "GIF87a"sv,
      "GIF89a"sv,
      "\xff\xd8\xff"sv,
      "\x1f\x8b"sv,
      "BZh91AY&SY"sv,
      "\xfd"
      "7zXZ"sv,
      "7z\xbc\xaf\x27\x1c"sv,
      "\x28\xb5\x2f\xfd"sv,
      "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"sv,
      "SQLite format 3"sv,
      "\xca\xfe\xba\xbe"sv,
      "\xcf\xfa\xed\xfe"sv,
      "MZ\x90"sv,
  };
  return std::any_of(kMagic.begin(), kMagic.end(),
                     [&](std::string_view m) { return head.substr(0, m.size()) == m; });
}

double ControlShare(std::string_view bytes) {
  if (bytes.empty()) return 0;
  size_t n = static_cast<size_t>(std::count_if(
      bytes.begin(), bytes.end(), [](char c) { return IsControl(static_cast<unsigned char>(c)); }));
  return static_cast<double>(n) / static_cast<double>(bytes.size());
}

bool LooksBinary(std::string_view bytes) {
  return bytes.find('\0') != std::string_view::npos || ControlShare(bytes) > 0.3;
}

bool IsIsoDate(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!IsDigit(s[i])) return false;
  }
  int month = (s[5] - '0') * 10 + (s[6] - '0');
  int day = (s[8] - '0') * 10 + (s[9] - '0');
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

std::string NormalizeDate(std::string_view s) {
  s = TrimSpace(s);
  if (s.size() < 10 || !IsIsoDate(s.substr(0, 10))) return "";
  if (s.size() > 10 && s[10] != 'T' && s[10] != 't' && s[10] != ' ') return "";
  return std::string(s.substr(0, 10));
}

bool ParseDateHeader(std::string_view line, std::string* date, size_t* body_begin) {
  size_t i = 0;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  if (line.substr(i, 4) != "date") return false;
  i += 4;
  size_t gap = i;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  if (i == gap || !IsIsoDate(line.substr(i, 10))) return false;
  i += 10;
  if (i < line.size() && !IsSpace(line[i])) return false;
  *date = std::string(line.substr(i - 10, 10));
  *body_begin = i;
  return true;
}

std::string FileStem(std::string_view path) {
  if (path == "-") return "stdin";
  return std::string(SplitName(path).first);
}

}  // namespace parley::io

namespace parley {

StatusOr<InputFormat> ParseInputFormat(std::string_view name) {
  if (name == "auto") return InputFormat::kAuto;
  if (name == "jsonl") return InputFormat::kJsonl;
  if (name == "text") return InputFormat::kText;
  if (name == "dated") return InputFormat::kDatedText;
  if (name == "plain") return InputFormat::kPlainText;
  return InvalidArgument("unknown input format '" + std::string(name) +
                         "' (expected auto, jsonl, text, dated or plain)");
}

}  // namespace parley
