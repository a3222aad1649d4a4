// ParseModel loading, saving and decoding (see parse_model.h).
#include "parse/parse_model.h"

#include <algorithm>

#include "learn/model_io.h"

namespace parley::parse {

namespace {
constexpr std::string_view kKind = "parse";
}  // namespace

ParseModel::ParseModel(std::vector<std::string> labels, uint32_t root_label, WordClasses classes,
                       learn::PackedLinearModel weights, std::string provenance,
                       uint32_t beam_width)
    : labels_(std::move(labels)),
      system_(std::make_unique<ArcHybrid>(static_cast<uint32_t>(labels_.size()), root_label)),
      classes_(std::move(classes)),
      weights_(std::move(weights)),
      provenance_(std::move(provenance)),
      beam_width_(beam_width < 1 ? 1 : beam_width) {}

ParseModel ParseModel::WithBeam(uint32_t width, double prune) && {
  ParseModel m = std::move(*this);
  m.beam_width_ = std::clamp<uint32_t>(width, 1, kMaxBeamWidth);
  m.prune_ = prune < learn::kNoPruning ? prune * m.weights_.scale() : learn::kNoPruning;
  return m;
}

namespace {

// Everything after the header; shared by Load() and FromBytes().
StatusOr<ParseModel> ReadBody(learn::ModelReader& r) {
  std::vector<std::string> labels;
  uint32_t root = 0;
  std::string provenance;
  WordClasses classes;
  learn::PackedLinearModel weights;
  PARLEY_RETURN_IF_ERROR(r.Strings(&labels));
  PARLEY_RETURN_IF_ERROR(r.U32(&root));
  PARLEY_RETURN_IF_ERROR(r.String(&provenance));
  PARLEY_RETURN_IF_ERROR(classes.Load(r));
  PARLEY_RETURN_IF_ERROR(weights.Load(r));
  if (labels.empty() || root >= labels.size()) return r.Corrupt("root label out of range");
  if (labels.size() > 0x7fff) return r.Corrupt("too many labels");
  // SHIFT is one class; LEFT and RIGHT take every label.
  if (weights.num_classes() != 1 + 2 * labels.size()) {
    return r.Corrupt("weights do not match the label count");
  }
  // The beam width follows the weights; files written before beams were
  // trained end here and decode greedily.
  uint32_t beam = 1;
  if (!r.at_end()) PARLEY_RETURN_IF_ERROR(r.U32(&beam));
  if (beam < 1 || beam > kMaxBeamWidth) return r.Corrupt("beam width out of range");
  if (!r.at_end()) return r.Corrupt("trailing bytes");
  return ParseModel(std::move(labels), root, std::move(classes), std::move(weights),
                    std::move(provenance), beam);
}

}  // namespace

StatusOr<ParseModel> ParseModel::Load(const std::string& path) {
  auto reader = learn::ModelReader::Open(path, kKind, kFeatureSet);
  if (!reader.ok()) return reader.status();
  return ReadBody(*reader);
}

StatusOr<ParseModel> ParseModel::FromBytes(std::string bytes, const std::string& name) {
  auto reader = learn::ModelReader::FromBytes(std::move(bytes), name, kKind, kFeatureSet);
  if (!reader.ok()) return reader.status();
  return ReadBody(*reader);
}

learn::ModelWriter ParseModel::Write() const {
  learn::ModelWriter w(kKind, kFeatureSet);
  w.Strings(labels_);
  w.U32(system_->root_label());
  w.String(provenance_);
  classes_.Save(w);
  weights_.Save(w);
  w.U32(beam_width_);
  return w;
}

std::string ParseModel::Serialize() const {
  return Write().bytes();
}

Status ParseModel::Save(const std::string& path) const {
  return Write().WriteFile(path);
}

void ParseModel::Parse(uint32_t n, ParseScratch& scratch, int32_t* head, uint32_t* label) const {
  scratch.features.Bind(scratch.tokens.data(), n);
  if (beam_width_ > 1) {
    learn::DecodeBeam(*system_, scratch.features, weights_, n, beam_width_, scratch.config,
                      scratch.beam, prune_);
  } else {
    learn::DecodeGreedy(*system_, scratch.features, weights_, n, scratch.config, scratch.decode);
  }
  const learn::Configuration& c = scratch.config;
  for (uint32_t i = 0; i < n; ++i) {
    int32_t h = c.head(static_cast<int32_t>(i));
    head[i] = h == c.root() ? -1 : h;
    label[i] = c.label(static_cast<int32_t>(i));
  }
}

}  // namespace parley::parse
