// Word lists for segmenting news English: abbreviations, sentence starters,
// hyphen prefixes, units, fused forms and emoticons.
//
// The tokenizer asks whether a word followed by '.' keeps the period
// ("Mr.", "Sept.", "Inc."); the sentence splitter asks what kind of
// abbreviation ends a candidate sentence and whether the next word usually
// starts one. Lists come from EWT train tokens (words ending in '.', words
// kept whole across a hyphen, digit+unit splits, multi-word tokens without
// an apostrophe) plus a hand list for news (titles, months, US states,
// corporate suffixes).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace parley::text {

enum class AbbrevKind : uint8_t {
  kNone,
  kTitle,         // precedes a name and never ends a sentence: Mr. Dr. Gen. Sen.
  kGeneral,       // ends a sentence before a typical starter: Calif. Sept.
  kFinal,         // ends a sentence before any capitalised word: etc. Inc. p.m.
  kBeforeNumber,  // an abbreviation only before a number: No. 5, Vol. 2, p. 12
};

// Kind of `word`, given WITHOUT its final period ("Mr" for "Mr.", "p.m" for
// "p.m."). Exact case: "No" before a number is an abbreviation, "no" is not.
AbbrevKind LookupAbbreviation(std::string_view word);

// True for words that usually begin a sentence when capitalised ("The",
// "He", "But"): after a general abbreviation they signal a boundary.
bool IsSentenceStarter(std::string_view word);

// True when a hyphen after `prefix` stays inside the word, as EWT keeps
// "e-mail", "non-profit", "re-election" whole (case-insensitive).
bool IsHyphenPrefix(std::string_view prefix);

// True for a unit written after digits that EWT splits off: "5pm", "65k".
bool IsUnit(std::string_view letters);

// Where a fused form without an apostrophe splits ("dont" -> 2, "cannot" ->
// 3, "gonna" -> 3), or 0 when `word` is not one (case-insensitive).
size_t FusedCut(std::string_view word);

// Length of the emoticon starting text[i] (":)", ":-(", "^_^"), or 0. One
// that starts with a bracket needs `space_before`; none may run into a
// letter or digit.
size_t MatchEmoticon(std::string_view text, size_t i, size_t end, bool space_before);

}  // namespace parley::text
