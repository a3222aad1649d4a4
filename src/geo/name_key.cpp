#include "geo/name_key.h"

#include <utf8proc.h>

namespace parley::geo {
namespace {

bool IsAsciiAlnum(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool IsDropped(char32_t cp) {
  return cp == '.' || cp == '\'' || cp == 0x2019 || cp == 0x2018 || cp == 0x02BC;
}

// Appends the key form of one code point: nothing for marks and dropped
// punctuation, a space for separators, else its case-folded decomposition.
void AppendFolded(char32_t cp, std::string* out, bool* pending_space) {
  if (IsDropped(cp)) return;
  utf8proc_int32_t buf[8];
  utf8proc_ssize_t n = utf8proc_decompose_char(
      static_cast<utf8proc_int32_t>(cp), buf, 8,
      static_cast<utf8proc_option_t>(UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK |
                                     UTF8PROC_CASEFOLD),
      nullptr);
  if (n <= 0 || n > 8) n = 0;
  for (utf8proc_ssize_t i = 0; i < n; ++i) {
    utf8proc_int32_t c = buf[i];
    utf8proc_category_t cat = utf8proc_category(c);
    bool alnum = (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
                 (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO);
    if (cat >= UTF8PROC_CATEGORY_MN && cat <= UTF8PROC_CATEGORY_ME) continue;
    if (!alnum) {
      if (!IsDropped(static_cast<char32_t>(c))) *pending_space = true;
      continue;
    }
    if (*pending_space && !out->empty()) out->push_back(' ');
    *pending_space = false;
    utf8proc_uint8_t enc[4];
    utf8proc_ssize_t len = utf8proc_encode_char(c, enc);
    out->append(reinterpret_cast<const char*>(enc), static_cast<size_t>(len));
  }
}

}  // namespace

std::string NameKey(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  bool pending_space = false;
  size_t i = 0;
  while (i < name.size()) {
    unsigned char c = static_cast<unsigned char>(name[i]);
    if (c < 0x80) {
      if (IsAsciiAlnum(c)) {
        if (pending_space && !out.empty()) out.push_back(' ');
        pending_space = false;
        out.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
      } else if (c != '.' && c != '\'') {
        pending_space = true;
      }
      ++i;
      continue;
    }
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t len =
        utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(name.data() + i),
                         static_cast<utf8proc_ssize_t>(name.size() - i), &cp);
    if (len <= 0) {
      pending_space = true;
      ++i;
      continue;
    }
    AppendFolded(static_cast<char32_t>(cp), &out, &pending_space);
    i += static_cast<size_t>(len);
  }
  if (out.size() > 4 && out.compare(0, 4, "the ") == 0) out.erase(0, 4);
  return out;
}

}  // namespace parley::geo
