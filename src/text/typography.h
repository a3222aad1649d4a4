// Typographic canonicalisation for the processing view.
//
// News text spells the same punctuation many ways (curly and straight quotes,
// dash variants, no-break spaces, invisible joiners). Later stages are
// simpler and their models smaller when they see one spelling, so the repair
// layer shows the canonical form in the view. These are not recorded as
// repairs: the original is still there for output, and a reader would not call
// a curly quote an error.
#pragma once

#include <optional>
#include <string_view>

namespace parley::text {

// The canonical ASCII spelling of `cp` (possibly empty: the character is
// dropped from the view), or nullopt when `cp` is kept as it is. ASCII code
// points are always kept.
std::optional<std::string_view> CanonicalTypography(char32_t cp);

// What a C1 control character U+0080..U+009F almost always meant in news
// text: the Windows-1252 character with that byte value (text decoded as
// Latin-1 that was really Windows-1252 turns ’ into U+0092). 0 for the five
// bytes Windows-1252 leaves undefined, and for anything outside the C1 range.
char32_t Windows1252ForC1(char32_t cp);

}  // namespace parley::text
