// ASCII case folding for keys and lexicon lookups: bytes A-Z become a-z, every
// other byte (UTF-8 included) is kept. Locale-independent, unlike tolower.
#pragma once

#include <string>
#include <string_view>

namespace parley {

inline std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace parley
