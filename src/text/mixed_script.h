// Mixed-script word repair.
//
// Copy typed on a Russian or Greek keyboard, or disguised to slip past
// filters, can hide Cyrillic or Greek letters inside Latin words:
// "Рutin" with a Cyrillic Р looks right but matches nothing, and "Шt" is "It"
// typed with the layout switched. This unit decides, for one word, which
// letters to turn back into Latin and why.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parley/document.h"

namespace parley::text {

enum class Script : uint8_t { kOther, kLatin, kCyrillic, kGreek };

// The script of a letter by code block (marks and non-letters: kOther).
Script ScriptOf(char32_t cp);

// The Latin letter that `cp` looks like ("Р" -> 'P'), or 0.
char LatinHomoglyph(char32_t cp);
// The Latin letter on the same key of a QWERTY keyboard under the Russian
// ЙЦУКЕН or Greek layout ("Ш" -> 'I'), or 0.
char LatinOnSameKey(char32_t cp);

struct LetterFix {
  uint32_t begin, end;  // the letter's bytes, relative to the word
  char latin;
};

struct MixedScriptFix {
  std::string word;                // the whole repaired word
  RepairReason reason;             // kKeyboardLayout if any letter needed it
  std::vector<LetterFix> letters;  // in order
};

// `word` is valid UTF-8 and one maximal run of letters and marks. Returns the
// repair when the word mixes Latin with Cyrillic or Greek letters, Latin ones
// are at least as many, and every foreign letter has a Latin counterpart.
std::optional<MixedScriptFix> FixMixedScriptWord(std::string_view word);

}  // namespace parley::text
