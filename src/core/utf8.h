// UTF-8 helpers shared by the layers (internal header).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace parley::utf8 {

inline constexpr char32_t kReplacement = 0xFFFD;

// Decodes the code point at s[i]. Returns its length in bytes (1..4) and sets
// *cp, or returns 0 when the bytes at i are not valid UTF-8 (overlong forms,
// surrogates, values past U+10FFFF and truncated sequences are invalid).
int Decode(std::string_view s, size_t i, char32_t* cp);

// Length of the invalid byte run starting at i that should become one U+FFFD
// (the "maximal subpart" rule of Unicode ch. 3: at least 1).
size_t InvalidRunLength(std::string_view s, size_t i);

// Appends the UTF-8 encoding of cp.
void Append(std::string* out, char32_t cp);

// True when every byte sequence in s is valid UTF-8.
bool IsValid(std::string_view s);

}  // namespace parley::utf8
