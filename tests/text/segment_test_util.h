// Helpers for the segmentation tests: run SegmentText and show the result as
// strings ("Mr. Smith ca n't ." for tokens, one string per sentence).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "parley/repair.h"
#include "parley/segment.h"

namespace parley::testing {

// Segments `text` with the identity view, so the tokenizer sees raw bytes.
inline Segmentation SegmentRaw(std::string_view text, const SegmentOptions& options = {}) {
  return SegmentText(text, TextView::Identity(text), options);
}

inline std::string Surface(std::string_view text, const TokenColumns& t, size_t i) {
  return std::string(text.substr(t.begin[i], t.end[i] - t.begin[i]));
}

// Token surfaces joined by single spaces.
inline std::string JoinTokens(std::string_view text, const TokenColumns& t, size_t first,
                              size_t last) {
  std::string out;
  for (size_t i = first; i < last; ++i) {
    if (i > first) out += ' ';
    out += Surface(text, t, i);
  }
  return out;
}

// Tokens of `text` (identity view) joined by spaces.
inline std::string Tokens(std::string_view text) {
  Segmentation s = SegmentRaw(text);
  return JoinTokens(text, s.tokens, 0, s.tokens.size());
}

// Sentences of `text` (identity view), each as its tokens joined by spaces.
inline std::vector<std::string> Sentences(std::string_view text,
                                          const SegmentOptions& options = {}) {
  Segmentation s = SegmentRaw(text, options);
  std::vector<std::string> out;
  for (const Sentence& sent : s.sentences) {
    out.push_back(JoinTokens(text, s.tokens, sent.token_begin, sent.token_end));
  }
  return out;
}

// Segments `text` after the repair stage, as the pipeline does. The view
// may refer to `text`, which must outlive the result.
struct Repaired {
  RepairResult repair;
  Segmentation seg;
};
inline Repaired SegmentRepaired(const std::string& text) {
  Repaired r{RepairText(text), {}};
  r.seg = SegmentText(text, r.repair.view);
  return r;
}

}  // namespace parley::testing
