// Direct quotations from quotation marks: pairs curly, straight, low-9 and
// guillemet marks (single marks inside double ones), carries a quote over
// paragraph breaks when the next paragraph reopens it, and recovers a quote
// whose opening or closing mark is missing.
#pragma once

#include <cstdint>
#include <vector>

#include "parley/document.h"

namespace parley::quotes {

struct MarkedQuote {
  Span content;            // between the marks (original bytes), trimmed of spaces
  Span open_mark;          // empty when the opening mark is missing
  Span close_mark;         // empty when the closing mark is missing
  int32_t nested_in = -1;  // index of the smallest enclosing MarkedQuote
  bool single = false;     // single marks ('…' ‘…’ ‹…›)
};

// Quotes of `doc` in order of their start (outer before inner). Needs
// paragraphs; works on the original text.
std::vector<MarkedQuote> FindMarkedQuotes(const Document& doc);

}  // namespace parley::quotes
