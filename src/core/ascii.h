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

// Headline case: whether a sentence's words after the first (those of two
// or more bytes starting with an ASCII letter) number at least four and
// three in four of them are capitalised ("Black Lawmakers Rip Donald Trump
// As A Fraud"). There the capitals say nothing of names.
template <typename Forms>
bool IsTitleCase(const Forms& forms) {
  size_t words = 0, capitalised = 0;
  bool first = true;
  for (std::string_view f : forms) {
    if (first) {
      first = false;
      continue;
    }
    if (f.size() < 2) continue;
    const bool upper = f[0] >= 'A' && f[0] <= 'Z';
    if (!upper && !(f[0] >= 'a' && f[0] <= 'z')) continue;
    ++words;
    capitalised += upper ? 1 : 0;
  }
  return words >= 4 && capitalised * 4 >= words * 3;
}

}  // namespace parley
