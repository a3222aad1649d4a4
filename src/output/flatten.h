// Text on one line for the line-oriented writers (the text summary, the
// CoNLL-U view): runs of whitespace, line breaks included, as one space,
// none at either end.
#pragma once

#include <string>
#include <string_view>

namespace parley {

inline std::string Flatten(std::string_view s) {
  std::string r;
  r.reserve(s.size());
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = true;
      continue;
    }
    if (space && !r.empty()) r.push_back(' ');
    space = false;
    r.push_back(c);
  }
  return r;
}

}  // namespace parley
