// ASCII case folding for keys and lexicon lookups: bytes A-Z become a-z, every
// other byte (UTF-8 included) is kept. Locale-independent, unlike tolower.
#pragma once

#include <cstddef>
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

// Whether `word` is one of a fixed list's words (compare lower-case words
// with a lower-case list).
template <size_t N>
bool InList(const std::string_view (&list)[N], std::string_view word) {
  if (word.empty()) return false;
  for (std::string_view w : list) {
    if (w[0] == word[0] && w == word) return true;
  }
  return false;
}

}  // namespace parley
