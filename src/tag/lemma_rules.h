// Lemma rules: English inflection undone by suffix rewriting, keyed by the
// Penn tag. Pure functions with no learned data, so they are testable on
// their own; the Lemmatizer puts learned exceptions and a vocabulary of known
// lemmas in front of them.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace parley::tag {

// What inflection a Penn tag marks, which decides the rewrite.
enum class LemmaClass : uint8_t {
  kOther,         // lowercase only (NN, VB, VBP, JJ, RB, function words)
  kProper,        // NNP, ADD: the form as written
  kProperPlural,  // NNPS: singular, case kept
  kPlural,        // NNS, VBZ: -s, -es, -ies
  kPast,          // VBD, VBN: -ed
  kGerund,        // VBG: -ing
  kComparative,   // JJR, RBR: -er
  kSuperlative,   // JJS, RBS: -est
};
LemmaClass LemmaClassOf(std::string_view xpos);
// The vocabulary class of a tag's lemmas: 'V', 'N', 'J', 'R' or 0.
char VocabClassOf(std::string_view xpos);

// A candidate lemma as an edit of the (lowercased) form: its first `keep`
// bytes, then `append`. Edits, not strings, so lemmatising allocates nothing.
struct LemmaEdit {
  size_t keep = 0;
  std::string_view append;
};

// Up to four candidates, most likely first. The Lemmatizer returns the first
// one it knows as a lemma, else the first.
struct LemmaCandidates {
  LemmaEdit items[4];
  int size = 0;
  void Add(size_t keep, std::string_view append = {}) {
    if (size < 4) items[size++] = {keep, append};
  }
};

// Fills `out` with the candidates for `base` (the form, lowercased unless the
// class is proper) under class `cls`; `xpos` is needed only for contractions
// such as 'd, whose lemma depends on the tag.
void RuleCandidates(std::string_view base, std::string_view xpos, LemmaClass cls,
                    LemmaCandidates* out);

// The base form of an irregular past tense or participle ("went" -> "go"),
// or empty.
std::string_view IrregularVerbLemma(std::string_view form);

// ASCII lowercase (lemmas of common words are lowercase; other scripts keep
// their case, which is what UD English does for the rare cases seen).
void AppendLower(std::string_view s, std::string* out);

}  // namespace parley::tag
