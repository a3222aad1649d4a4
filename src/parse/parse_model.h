// ParseModel: a trained parser: its label inventory, the arc-hybrid system
// over it and the averaged perceptron weights. Immutable after construction
// or Load(), so one instance serves every thread; all per-call memory is in a
// caller-owned ParseScratch. Weights are packed (learn/packed_model.h): the
// float SparseLinearModel was ten times too slow to score.
//
// File (models/parse.model): the checked parley header (kind "parse",
// feature set kFeatureSet), then the labels, the root label id, a free-text
// provenance line, the word classes and the weights.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "learn/beam_decoder.h"
#include "learn/configuration.h"
#include "learn/greedy_decoder.h"
#include "learn/model_io.h"
#include "learn/packed_model.h"
#include "parley/status.h"
#include "parse/arc_hybrid.h"
#include "parse/parse_features.h"
#include "parse/word_classes.h"

namespace parley::parse {

// The widest beam a model file may ask for (a sanity bound on the file).
inline constexpr uint32_t kMaxBeamWidth = 256;

// One thread's reusable buffers; allocation stops once it has seen its
// longest sentence.
struct ParseScratch {
  std::vector<TokenAttrs> tokens;  // filled by the caller before Parse()
  ParseFeatures features;
  learn::Configuration config;
  learn::DecodeScratch<int32_t> decode;
  learn::BeamScratch<int32_t> beam;
};

class ParseModel {
 public:
  // `weights` scores the ArcHybrid classes over `labels`.
  // `beam_width` 1 decodes greedily; a model trained with a beam decodes
  // with the beam it was trained with.
  ParseModel(std::vector<std::string> labels, uint32_t root_label, WordClasses classes,
             learn::PackedLinearModel weights, std::string provenance, uint32_t beam_width = 1);
  ParseModel(ParseModel&&) = default;
  ParseModel& operator=(ParseModel&&) = default;

  // This model decoding with a beam of `width` (1: greedy), whatever it was
  // trained for, dropping derivations more than `prune` (in weight units)
  // below the best (learn::kNoPruning: none). For measuring decoders.
  ParseModel WithBeam(uint32_t width, double prune = learn::kNoPruning) &&;

  static StatusOr<ParseModel> Load(const std::string& path);
  static StatusOr<ParseModel> FromBytes(std::string bytes, const std::string& name);
  std::string Serialize() const;
  Status Save(const std::string& path) const;

  const std::vector<std::string>& labels() const { return labels_; }
  uint32_t root_label() const { return system_->root_label(); }
  const std::string& provenance() const { return provenance_; }
  size_t num_features() const { return weights_.num_features(); }
  uint32_t beam_width() const { return beam_width_; }

  // The attributes of a token as this model reads them (scratch.tokens).
  TokenAttrs Attrs(std::string_view form, std::string_view upos, std::string_view xpos) const {
    TokenAttrs a = MakeTokenAttrs(form, upos, xpos);
    a.klass = classes_.Find(a.word);
    return a;
  }

  // Parses the n tokens in scratch.tokens[0, n): head[i] is the sentence-
  // relative index of token i's head or -1 for the root, label[i] an index
  // into labels(). Always a tree with one root. Pure: reads only the model.
  void Parse(uint32_t n, ParseScratch& scratch, int32_t* head, uint32_t* label) const;

 private:
  learn::ModelWriter Write() const;

  std::vector<std::string> labels_;
  // Behind pointers so the model can move while the system stays put.
  std::unique_ptr<ArcHybrid> system_;
  WordClasses classes_;
  learn::PackedLinearModel weights_;
  std::string provenance_;
  uint32_t beam_width_ = 1;
  double prune_ = learn::kNoPruning;  // in packed score units
};

}  // namespace parley::parse
