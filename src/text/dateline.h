// Datelines: wire copy opens an article's first sentence with the place it
// was filed from, in capitals, and a dash: "WASHINGTON --", "WASHINGTON
// (AP) —", "DENVER, Colo., May 3 (Reuters) -". The parse takes the place
// for the sentence's subject; quotes and links must not. Header-only: a
// test over a sentence's token forms.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace parley {

// Whether `form` is a dash that can close a dateline.
inline bool IsDatelineDash(std::string_view form) {
  return form == "-" || form == "--" || form == "\u2013" || form == "\u2014";
}

// When the sentence whose token forms `forms` yields (first to last) opens
// with a dateline, the index of its closing dash; else -1. The dateline: a
// word in capitals (two letters or more), then within eight tokens only
// capitalised words, numbers, commas, full stops and brackets ("Colo.",
// "May 3", "(AP)"), then the dash, with words after it.
template <typename Forms>
int32_t DatelineDash(const Forms& forms) {
  const size_t n = forms.size();
  if (n < 3) return -1;
  auto caps = [](std::string_view f) {
    size_t letters = 0;
    for (char c : f) {
      if (c >= 'a' && c <= 'z') return false;
      letters += c >= 'A' && c <= 'Z';
    }
    return letters >= 2;
  };
  if (!caps(forms[0])) return -1;
  for (size_t i = 1; i < n && i <= 9; ++i) {
    const std::string_view f = forms[i];
    if (f.empty()) return -1;
    if (IsDatelineDash(f)) return i + 1 < n ? static_cast<int32_t>(i) : -1;
    const char c = f[0];
    const bool ok = (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || f == "," || f == "." ||
                    f == "(" || f == ")";
    if (!ok) return -1;
  }
  return -1;
}

}  // namespace parley
