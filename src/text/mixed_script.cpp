#include "text/mixed_script.h"

#include <utf8proc.h>

#include <algorithm>
#include <array>

#include "core/utf8.h"

namespace parley::text {
namespace {

// One foreign letter: its look-alike (homoglyph) and the letter on its key.
struct Letter {
  char32_t cp;
  char homoglyph;  // 0: none
  char key;        // 0: none, or left out on purpose
};

// Sorted by code point. Lowercase Greek mu and uppercase omega have no key
// entry although they sit on M and V: in English text they are the SI
// symbols of "μg" and "kΩ", and turning those into "mg" and "kV" would change
// the quantity.
// clang-format off
constexpr std::array kLetters = std::to_array<Letter>({
    // Greek capitals Α..Ω
    {U'Α', 'A', 'A'}, {U'Β', 'B', 'B'}, {U'Γ', 0, 'G'}, {U'Δ', 0, 'D'}, {U'Ε', 'E', 'E'},
    {U'Ζ', 'Z', 'Z'}, {U'Η', 'H', 'H'}, {U'Θ', 0, 'U'}, {U'Ι', 'I', 'I'}, {U'Κ', 'K', 'K'},
    {U'Λ', 0, 'L'}, {U'Μ', 'M', 'M'}, {U'Ν', 'N', 'N'}, {U'Ξ', 0, 'J'}, {U'Ο', 'O', 'O'},
    {U'Π', 0, 'P'}, {U'Ρ', 'P', 'R'}, {U'Σ', 0, 'S'}, {U'Τ', 'T', 'T'}, {U'Υ', 'Y', 'Y'},
    {U'Φ', 0, 'F'}, {U'Χ', 'X', 'X'}, {U'Ψ', 0, 'C'}, {U'Ω', 0, 0},
    // Greek small letters α..ω
    {U'α', 'a', 'a'}, {U'β', 0, 'b'}, {U'γ', 0, 'g'}, {U'δ', 0, 'd'}, {U'ε', 0, 'e'},
    {U'ζ', 0, 'z'}, {U'η', 0, 'h'}, {U'θ', 0, 'u'}, {U'ι', 'i', 'i'}, {U'κ', 'k', 'k'},
    {U'λ', 0, 'l'}, {U'μ', 0, 0}, {U'ν', 'v', 'n'}, {U'ξ', 0, 'j'}, {U'ο', 'o', 'o'},
    {U'π', 0, 'p'}, {U'ρ', 'p', 'r'}, {U'ς', 0, 'w'}, {U'σ', 0, 's'}, {U'τ', 0, 't'},
    {U'υ', 'u', 'y'}, {U'φ', 0, 'f'}, {U'χ', 'x', 'x'}, {U'ψ', 0, 'c'}, {U'ω', 0, 'v'},
    // Cyrillic Ѕ І Ј, then capitals А..Я
    {U'Ѕ', 'S', 0}, {U'І', 'I', 0}, {U'Ј', 'J', 0},
    {U'А', 'A', 'F'}, {U'В', 'B', 'D'}, {U'Г', 0, 'U'}, {U'Д', 0, 'L'}, {U'Е', 'E', 'T'},
    {U'З', 0, 'P'}, {U'И', 0, 'B'}, {U'Й', 0, 'Q'}, {U'К', 'K', 'R'}, {U'Л', 0, 'K'},
    {U'М', 'M', 'V'}, {U'Н', 'H', 'Y'}, {U'О', 'O', 'J'}, {U'П', 0, 'G'}, {U'Р', 'P', 'H'},
    {U'С', 'C', 'C'}, {U'Т', 'T', 'N'}, {U'У', 0, 'E'}, {U'Ф', 0, 'A'}, {U'Х', 'X', 0},
    {U'Ц', 0, 'W'}, {U'Ч', 0, 'X'}, {U'Ш', 0, 'I'}, {U'Щ', 0, 'O'}, {U'Ы', 0, 'S'},
    {U'Ь', 0, 'M'}, {U'Я', 0, 'Z'},
    // Cyrillic small letters а..я
    {U'а', 'a', 'f'}, {U'в', 0, 'd'}, {U'г', 0, 'u'}, {U'д', 0, 'l'}, {U'е', 'e', 't'},
    {U'з', 0, 'p'}, {U'и', 0, 'b'}, {U'й', 0, 'q'}, {U'к', 0, 'r'}, {U'л', 0, 'k'},
    {U'м', 0, 'v'}, {U'н', 0, 'y'}, {U'о', 'o', 'j'}, {U'п', 0, 'g'}, {U'р', 'p', 'h'},
    {U'с', 'c', 'c'}, {U'т', 0, 'n'}, {U'у', 'y', 'e'}, {U'ф', 0, 'a'}, {U'х', 'x', 0},
    {U'ц', 0, 'w'}, {U'ч', 0, 'x'}, {U'ш', 0, 'i'}, {U'щ', 0, 'o'}, {U'ы', 0, 's'},
    {U'ь', 0, 'm'}, {U'я', 0, 'z'},
    // Cyrillic ѕ і ј, then letters of other Cyrillic alphabets that look Latin
    {U'ѕ', 's', 0}, {U'і', 'i', 0}, {U'ј', 'j', 0}, {U'Ү', 'Y', 0}, {U'һ', 'h', 0},
    {U'Ӏ', 'I', 0}, {U'ӏ', 'l', 0}, {U'ԁ', 'd', 0}, {U'Ԛ', 'Q', 0}, {U'ԛ', 'q', 0},
    {U'Ԝ', 'W', 0}, {U'ԝ', 'w', 0},
});
// clang-format on
static_assert(std::is_sorted(kLetters.begin(), kLetters.end(),
                             [](const Letter& a, const Letter& b) { return a.cp < b.cp; }));

const Letter* Find(char32_t cp) {
  auto it = std::lower_bound(kLetters.begin(), kLetters.end(), cp,
                             [](const Letter& l, char32_t c) { return l.cp < c; });
  return it != kLetters.end() && it->cp == cp ? &*it : nullptr;
}

bool IsMark(char32_t cp) {
  auto cat = utf8proc_get_property(static_cast<utf8proc_int32_t>(cp))->category;
  return cat == UTF8PROC_CATEGORY_MN || cat == UTF8PROC_CATEGORY_MC || cat == UTF8PROC_CATEGORY_ME;
}

}  // namespace

Script ScriptOf(char32_t cp) {
  if (cp < 0x80) {
    return ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') ? Script::kLatin : Script::kOther;
  }
  if (cp < 0x0300)
    return (cp >= 0xC0 && cp != 0xD7 && cp != 0xF7) ? Script::kLatin : Script::kOther;
  if (cp >= 0x0370 && cp <= 0x03FF) return Script::kGreek;
  if (cp >= 0x0400 && cp <= 0x052F) return Script::kCyrillic;
  if (cp >= 0x1C80 && cp <= 0x1C8F) return Script::kCyrillic;
  if (cp >= 0x1E00 && cp <= 0x1EFF) return Script::kLatin;
  if (cp >= 0x1F00 && cp <= 0x1FFF) return Script::kGreek;
  if (cp >= 0x2C60 && cp <= 0x2C7F) return Script::kLatin;
  if (cp >= 0xA640 && cp <= 0xA69F) return Script::kCyrillic;
  if (cp >= 0xA720 && cp <= 0xA7FF) return Script::kLatin;
  if (cp >= 0xFB00 && cp <= 0xFB06) return Script::kLatin;  // ﬁ ﬂ ligatures
  return Script::kOther;
}

char LatinHomoglyph(char32_t cp) {
  const Letter* l = Find(cp);
  return l ? l->homoglyph : 0;
}

char LatinOnSameKey(char32_t cp) {
  const Letter* l = Find(cp);
  return l ? l->key : 0;
}

std::optional<MixedScriptFix> FixMixedScriptWord(std::string_view word) {
  // First pass: count, without allocating; almost every word stops here.
  uint32_t latin = 0, foreign = 0;
  char32_t cp;
  for (size_t i = 0; i < word.size();) {
    int len = utf8::Decode(word, i, &cp);
    if (len == 0) return std::nullopt;
    i += static_cast<size_t>(len);
    switch (ScriptOf(cp)) {
      case Script::kLatin: ++latin; break;
      case Script::kCyrillic:
      case Script::kGreek:
        if (IsMark(cp)) break;
        if (!LatinHomoglyph(cp) && !LatinOnSameKey(cp)) return std::nullopt;
        ++foreign;
        break;
      case Script::kOther:
        // A letter of a third script means this is not a simple slip.
        if (cp >= 0x80 && !IsMark(cp)) return std::nullopt;
        break;
    }
  }
  // A mostly Cyrillic or Greek word with a stray Latin letter ("Mосква") is
  // left alone: the repair would have to go the other way, into a script the
  // later stages do not model, and guessing there does more harm than good.
  if (latin == 0 || foreign == 0 || latin < foreign) return std::nullopt;

  MixedScriptFix fix{{}, RepairReason::kHomoglyph, {}};
  fix.word.reserve(word.size());
  for (size_t i = 0; i < word.size();) {
    int len = utf8::Decode(word, i, &cp);
    Script s = ScriptOf(cp);
    if ((s == Script::kCyrillic || s == Script::kGreek) && !IsMark(cp)) {
      // A look-alike is the likelier story (it survives every layout), so it
      // wins over the keyboard position.
      char c = LatinHomoglyph(cp);
      if (c == 0) {
        c = LatinOnSameKey(cp);
        fix.reason = RepairReason::kKeyboardLayout;
      }
      fix.word.push_back(c);
      fix.letters.push_back(
          {static_cast<uint32_t>(i), static_cast<uint32_t>(i) + static_cast<uint32_t>(len), c});
    } else {
      fix.word.append(word.substr(i, static_cast<size_t>(len)));
    }
    i += static_cast<size_t>(len);
  }
  return fix;
}

}  // namespace parley::text
