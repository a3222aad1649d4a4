// Datelines: wire copy opens an article's first sentence with the place it
// was filed from, in capitals, and a dash: "WASHINGTON --", "WASHINGTON
// (AP) —", "DENVER, Colo., May 3 (Reuters) -". The parse takes the place
// for the sentence's subject; quotes and links must not. Header-only: a
// test over a sentence's token forms.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "parley/document.h"

namespace parley {

// A dash token: "-", "--", en dash or em dash.
inline bool IsDash(std::string_view form) {
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
    if (IsDash(f)) return i + 1 < n ? static_cast<int32_t>(i) : -1;
    const char c = f[0];
    const bool ok = (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || f == "," || f == "." ||
                    f == "(" || f == ")";
    if (!ok) return -1;
  }
  return -1;
}

// The same for the document's tokens from `first` (a sentence's first
// token) up to `end`: the dash's offset from `first`, or -1.
inline int32_t DatelineDash(const Document& doc, uint32_t first, uint32_t end) {
  std::vector<std::string_view> head;
  for (uint32_t t = first; t < end && head.size() < 12; ++t) head.push_back(doc.TokenForm(t));
  return DatelineDash(head);
}

}  // namespace parley
