// Character-level helpers of the quote scorers (internal header): which code
// points are quotation marks, which tokens are words, and the comparison form
// of names.
#pragma once

#include <string>
#include <string_view>

namespace parley::eval {

// Unicode letters and digits (categories L* and N*).
bool IsWordCodePoint(char32_t cp);
// True when `s` holds at least one letter or digit.
bool HasWordChar(std::string_view s);
// Whitespace, punctuation (P*, quotation marks included) or a separator (Z*).
bool IsStrippable(char32_t cp);
// Case-folded, whitespace-trimmed form of a name for case-insensitive equality.
std::string FoldName(std::string_view s);

}  // namespace parley::eval
