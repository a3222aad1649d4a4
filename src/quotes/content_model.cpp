#include "quotes/content_model.h"

#include "learn/model_io.h"

namespace parley::quotes {
namespace {

StatusOr<ContentEndModel> Read(StatusOr<learn::ModelReader> reader) {
  if (!reader.ok()) return reader.status();
  learn::SparseLinearModel weights;
  PARLEY_RETURN_IF_ERROR(weights.Load(*reader));
  if (weights.num_classes() != 1) return reader->Corrupt("a content-end model has one class");
  if (!reader->at_end()) return reader->Corrupt("trailing bytes");
  return ContentEndModel(std::move(weights));
}

constexpr const char* kKind = "content-ends";

}  // namespace

StatusOr<ContentEndModel> ContentEndModel::Load(const std::string& path) {
  return Read(learn::ModelReader::Open(path, kKind, kFeatureSet));
}

StatusOr<ContentEndModel> ContentEndModel::FromBytes(std::string bytes, std::string name) {
  return Read(learn::ModelReader::FromBytes(std::move(bytes), std::move(name), kKind, kFeatureSet));
}

Status ContentEndModel::Save(const std::string& path) const {
  learn::ModelWriter w(kKind, kFeatureSet);
  weights_.Save(w);
  return w.WriteFile(path);
}

size_t ContentEndModel::Best(const std::vector<learn::FeatureVector>& ends, size_t fallback) const {
  if (ends.empty()) return 0;
  if (fallback >= ends.size()) fallback = 0;
  size_t best = fallback;
  float best_score = Score(ends[fallback]);
  for (size_t i = 0; i < ends.size(); ++i) {
    const float s = Score(ends[i]);
    if (s > best_score) {
      best_score = s;
      best = i;
    }
  }
  return best;
}

}  // namespace parley::quotes
