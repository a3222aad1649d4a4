#include "parley/segment.h"

namespace parley {

Segmentation SegmentText(std::string_view, const TextView&, const SegmentOptions&) { return {}; }

Status SegmentStage::Process(Document& doc) const {
  Segmentation s = SegmentText(doc.text(), doc.view(), options_);
  doc.mutable_tokens() = std::move(s.tokens);
  doc.mutable_sentences() = std::move(s.sentences);
  doc.mutable_paragraphs() = std::move(s.paragraphs);
  doc.Mark(kAnnTokens | kAnnSentences | kAnnParagraphs);
  return Status::Ok();
}

}  // namespace parley
