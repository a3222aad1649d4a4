// ParseStage: the "parse" pipeline stage. Predict() reads a Document and
// returns heads and labels without touching it; Apply() writes them into the
// head and deprel columns. Process() is the two in a row.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "parley/stage.h"
#include "parse/parse_model.h"

namespace parley::parse {

// Heads are absolute token indices (-1 for a sentence root); labels index
// into the model's labels().
struct ParseResult {
  std::vector<int32_t> head;
  std::vector<uint32_t> label;
};

class ParseStage final : public Stage {
 public:
  explicit ParseStage(std::shared_ptr<const ParseModel> model) : model_(std::move(model)) {}

  std::string_view name() const override { return "parse"; }
  uint32_t requires_annotations() const override { return kAnnTokens | kAnnSentences | kAnnTags; }
  uint32_t provides_annotations() const override { return kAnnParse; }

  // Pure: parses every sentence of `doc` into *out.
  Status Predict(const Document& doc, ParseResult* out) const;
  // Writes `result` into doc's head and deprel columns and marks kAnnParse.
  void Apply(const ParseResult& result, Document& doc) const;
  Status Process(Document& doc) const override;

  const ParseModel& model() const { return *model_; }

 private:
  std::shared_ptr<const ParseModel> model_;
};

}  // namespace parley::parse
