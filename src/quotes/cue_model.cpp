#include "quotes/cue_model.h"

#include "learn/model_io.h"

namespace parley::quotes {

namespace {

StatusOr<CueModel> Read(StatusOr<learn::ModelReader> reader) {
  if (!reader.ok()) return reader.status();
  return CueModel::FromReader(*reader);
}

}  // namespace

StatusOr<CueModel> CueModel::Load(const std::string& path) {
  return Read(learn::ModelReader::Open(path, "cues", kFeatureSet));
}

StatusOr<CueModel> CueModel::FromBytes(std::string bytes, std::string name) {
  return Read(
      learn::ModelReader::FromBytes(std::move(bytes), std::move(name), "cues", kFeatureSet));
}

StatusOr<CueModel> CueModel::FromReader(learn::ModelReader& reader) {
  CueModel m;
  PARLEY_RETURN_IF_ERROR(reader.F32(&m.threshold_));
  PARLEY_RETURN_IF_ERROR(reader.Strings(&m.lemmas_));
  if (!std::is_sorted(m.lemmas_.begin(), m.lemmas_.end())) {
    return reader.Corrupt("cue lemmas out of order");
  }
  PARLEY_RETURN_IF_ERROR(m.weights_.Load(reader));
  if (m.weights_.num_classes() != 2) return reader.Corrupt("a cue model has two classes");
  if (!reader.at_end()) return reader.Corrupt("trailing bytes");
  return m;
}

Status CueModel::Save(const std::string& path) const {
  learn::ModelWriter w("cues", kFeatureSet);
  w.F32(threshold_);
  w.Strings(lemmas_);
  weights_.Save(w);
  return w.WriteFile(path);
}

}  // namespace parley::quotes
