// Segmentation for news English: paragraphs, sentences and tokens.
//
// Works on the processing view (typography already canonical) and reports
// original offsets through the view's alignment. Tokens follow the Penn / UD
// English conventions of EWT: clitics split (do n't, Putin 's, gon na),
// punctuation split off, abbreviations, initials, numbers, URLs and e-mails
// kept whole.
#pragma once

#include <string_view>
#include <vector>

#include "parley/document.h"
#include "parley/stage.h"

namespace parley {

struct SegmentOptions {
  // Treat every line break as a paragraph break (for line-per-paragraph
  // text). By default blank lines separate paragraphs, except in texts
  // with no blank line at all, where each line is a paragraph; and a line
  // too long to have been wrapped by hand (over 160 bytes) is a paragraph
  // of its own, as is the line after it.
  bool line_paragraphs = false;
};

struct Segmentation {
  TokenColumns tokens;
  std::vector<Sentence> sentences;
  std::vector<Paragraph> paragraphs;
};

// Pure: segments `view` (whose original is `original`).
Segmentation SegmentText(std::string_view original, const TextView& view,
                         const SegmentOptions& options = {});

class SegmentStage : public Stage {
 public:
  explicit SegmentStage(SegmentOptions options = {}) : options_(options) {}
  std::string_view name() const override { return "segment"; }
  uint32_t requires_annotations() const override { return kAnnView; }
  uint32_t provides_annotations() const override {
    return kAnnTokens | kAnnSentences | kAnnParagraphs;
  }
  Status Process(Document& doc) const override;

 private:
  SegmentOptions options_;
};

}  // namespace parley
