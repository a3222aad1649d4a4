// Tokenizer: a byte-level scanner that cuts one paragraph of the processing
// view into tokens following UD English EWT (Penn) conventions.
//
//  * clitics split: do|n't, Putin|'s, ca|n't, wo|n't, can|not, gon|na
//  * punctuation split off; runs kept whole: "...", "!!!", "?!", "--", "''"
//  * kept whole: abbreviations and initials with their period (Mr. U.S. J.),
//    numbers (1,000.50 9/11 10:30 713-555-0100 2025-08-16), URLs, e-mail
//    addresses, @handles, #hashtags, emoticons, prefix words (e-mail,
//    non-profit); other hyphens are tokens of their own (long - term)
//  * "$", "%" and units after digits are separate tokens ($ 20, 5 pm)
//
// No allocation per token: spans are appended to a caller-owned vector.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace parley::text {

// A token as view byte offsets [begin, end).
struct TokenSpan {
  uint32_t begin, end;
};

// The bytes of `span` in `text` (unchecked: spans come from Tokenize on the
// same text, and substr's range check is measurable in the hot loops).
inline std::string_view SpanText(std::string_view text, TokenSpan span) {
  return std::string_view(text.data() + span.begin, span.end - span.begin);
}

// Appends the tokens of text[begin, end) to *out. Whitespace, control and
// format characters separate tokens and are never inside one.
void Tokenize(std::string_view text, uint32_t begin, uint32_t end, std::vector<TokenSpan>* out);

// True when `piece`, written right after the word `prev` with no space, is
// a part the tokenizer split off that word (a clitic, a plural possessive
// apostrophe, the "na" of "gonna"). Together they form one surface token,
// which UD annotates as a multi-word token ("don't" = do + n't).
bool IsWordPiece(std::string_view prev, std::string_view piece);

}  // namespace parley::text
