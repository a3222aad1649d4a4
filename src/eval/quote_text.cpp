#include "eval/quote_text.h"

#include <utf8proc.h>

#include <cstdlib>

#include "core/utf8.h"
#include "parley/quote_eval.h"

namespace parley::eval {
namespace {

utf8proc_category_t Category(char32_t cp) {
  return utf8proc_category(static_cast<utf8proc_int32_t>(cp));
}

bool IsSpace(char32_t cp) {
  if (cp == ' ' || (cp >= '\t' && cp <= '\r')) return true;
  auto c = Category(cp);
  return c == UTF8PROC_CATEGORY_ZS || c == UTF8PROC_CATEGORY_ZL || c == UTF8PROC_CATEGORY_ZP;
}

// Decodes s[i]; an invalid byte reads as U+FFFD of length 1.
char32_t At(std::string_view s, size_t i, size_t* len) {
  char32_t cp = 0;
  int n = utf8::Decode(s, i, &cp);
  if (n == 0) {
    *len = 1;
    return utf8::kReplacement;
  }
  *len = static_cast<size_t>(n);
  return cp;
}

}  // namespace

bool IsWordCodePoint(char32_t cp) {
  if (cp < 0x80) {
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
  }
  switch (Category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO: return true;
    default: return false;
  }
}

bool HasWordChar(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    size_t len = 0;
    if (IsWordCodePoint(At(s, i, &len))) return true;
    i += len;
  }
  return false;
}

bool IsStrippable(char32_t cp) {
  if (cp < 0x80) {
    return cp <= ' ' || cp == 0x7F ||
           ((cp >= '!' && cp <= '/') || (cp >= ':' && cp <= '@') || (cp >= '[' && cp <= '`') ||
            (cp >= '{' && cp <= '~'));
  }
  if (IsSpace(cp)) return true;
  switch (Category(cp)) {
    case UTF8PROC_CATEGORY_PC:
    case UTF8PROC_CATEGORY_PD:
    case UTF8PROC_CATEGORY_PS:
    case UTF8PROC_CATEGORY_PE:
    case UTF8PROC_CATEGORY_PI:
    case UTF8PROC_CATEGORY_PF:
    case UTF8PROC_CATEGORY_PO:
    case UTF8PROC_CATEGORY_CC:
    case UTF8PROC_CATEGORY_CF: return true;
    default: return false;
  }
}

std::string FoldName(std::string_view s) {
  std::string trimmed = QuoteComparisonText(s);
  utf8proc_uint8_t* out = nullptr;
  utf8proc_ssize_t n = utf8proc_map(
      reinterpret_cast<const utf8proc_uint8_t*>(trimmed.data()),
      static_cast<utf8proc_ssize_t>(trimmed.size()), &out,
      static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD));
  if (n < 0) {  // invalid UTF-8: ASCII folding only
    for (char& c : trimmed) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
    }
    return trimmed;
  }
  std::string folded(reinterpret_cast<const char*>(out), static_cast<size_t>(n));
  std::free(out);
  return folded;
}

}  // namespace parley::eval

namespace parley {

std::string QuoteComparisonText(std::string_view s) {
  // Trim from both ends, then collapse whitespace runs.
  size_t b = 0, e = s.size();
  while (b < e) {
    size_t len = 0;
    if (!eval::IsStrippable(eval::At(s, b, &len))) break;
    b += len;
  }
  while (e > b) {
    size_t start = e - 1;
    while (start > b && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
    size_t len = 0;
    char32_t cp = eval::At(s, start, &len);
    if (start + len != e) cp = utf8::kReplacement;  // a stray continuation byte
    if (!eval::IsStrippable(cp)) break;
    e = start;
  }
  std::string out;
  out.reserve(e - b);
  bool in_space = false;
  for (size_t i = b; i < e;) {
    size_t len = 0;
    char32_t cp = eval::At(s, i, &len);
    if (eval::IsSpace(cp)) {
      if (!in_space) out.push_back(' ');
      in_space = true;
    } else {
      out.append(s.substr(i, len));
      in_space = false;
    }
    i += len;
  }
  return out;
}

}  // namespace parley
