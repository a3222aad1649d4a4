// Character classes for the segmenter (internal header).
//
// ASCII goes through one 256-entry table so the scanners stay branch-light on
// news text; anything else is decoded and classified by Unicode category.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace parley::text {

enum CharFlag : uint8_t {
  kSpace = 1,   // ASCII whitespace: space \t \n \v \f \r
  kUpper = 2,   // A-Z
  kLower = 4,   // a-z
  kDigit = 8,   // 0-9
  kPunct = 16,  // printable ASCII punctuation and symbols
  kHigh = 32,   // first or later byte of a multi-byte sequence
  kCtrl = 64,   // other C0 controls and DEL: skipped, never part of a token
};
inline constexpr uint8_t kAlpha = kUpper | kLower;
inline constexpr uint8_t kAlnum = kUpper | kLower | kDigit;

struct CharTable {
  uint8_t flags[256];
  constexpr CharTable() : flags() {
    for (int c = 0; c < 256; ++c) {
      uint8_t f = 0;
      if (c >= 0x80) {
        f = kHigh;
      } else if (c == ' ' || (c >= '\t' && c <= '\r')) {
        f = kSpace;
      } else if (c < 0x20 || c == 0x7F) {
        f = kCtrl;
      } else if (c >= 'A' && c <= 'Z') {
        f = kUpper;
      } else if (c >= 'a' && c <= 'z') {
        f = kLower;
      } else if (c >= '0' && c <= '9') {
        f = kDigit;
      } else {
        f = kPunct;
      }
      flags[c] = f;
    }
  }
};
inline constexpr CharTable kCharTable;

inline uint8_t Flags(char c) {
  return kCharTable.flags[static_cast<unsigned char>(c)];
}
inline bool Is(char c, uint8_t mask) {
  return (Flags(c) & mask) != 0;
}
inline char Lower(char c) {
  return Is(c, kUpper) ? static_cast<char>(c + ('a' - 'A')) : c;
}

// What a non-ASCII code point is to the tokenizer.
enum class CpKind : uint8_t {
  kSpace,       // Unicode White_Space
  kIgnore,      // controls, format characters: skipped between tokens
  kUpperWord,   // uppercase or titlecase letter
  kWord,        // other letters, marks and numbers
  kApostrophe,  // U+2019 / U+2018 / U+02BC: a word connector between letters
  kSymbol,      // punctuation, symbols, emoji, unassigned: one token each
  kModifier,    // variation selectors, skin tones, ZWJ: join the symbol before
};
CpKind ClassifyCodePoint(char32_t cp);

// Decodes the code point at text[i] (text ends where the scan must stop).
// Returns its byte length (>= 1) and kind; an invalid byte is a 1-byte kSymbol.
size_t DecodeAt(std::string_view text, size_t i, CpKind* kind);

// Byte length of the whitespace character at text[i], or 0. Unicode
// White_Space is matched on its bytes (no decoding): U+0085, U+00A0, U+1680,
// U+2000..U+200A, U+2028, U+2029, U+202F, U+205F, U+3000.
inline size_t WhitespaceLength(std::string_view text, size_t i) {
  uint8_t f = Flags(text[i]);
  if (f & kSpace) return 1;
  if (!(f & kHigh)) return 0;
  auto at = [&](size_t k) -> unsigned char {
    return i + k < text.size() ? static_cast<unsigned char>(text[i + k]) : 0;
  };
  switch (at(0)) {
    case 0xC2: return at(1) == 0x85 || at(1) == 0xA0 ? 2 : 0;
    case 0xE1: return at(1) == 0x9A && at(2) == 0x80 ? 3 : 0;
    case 0xE2: {
      unsigned char b1 = at(1), b2 = at(2);
      if (b1 == 0x80)
        return (b2 >= 0x80 && b2 <= 0x8A) || b2 == 0xA8 || b2 == 0xA9 || b2 == 0xAF ? 3 : 0;
      return b1 == 0x81 && b2 == 0x9F ? 3 : 0;
    }
    case 0xE3: return at(1) == 0x80 && at(2) == 0x80 ? 3 : 0;
    default: return 0;
  }
}

}  // namespace parley::text
