#include "learn/model_io.h"

#include <fstream>

namespace parley::learn {

ModelWriter::ModelWriter(std::string_view kind, std::string_view feature_set) {
  Raw(kModelMagic, sizeof kModelMagic);
  U32(kModelFormatVersion);
  String(kind);
  String(feature_set);
}

void ModelWriter::String(std::string_view s) {
  U32(static_cast<uint32_t>(s.size()));
  Raw(s.data(), s.size());
}

void ModelWriter::Strings(const std::vector<std::string>& v) {
  U32(static_cast<uint32_t>(v.size()));
  for (const auto& s : v) String(s);
}

Status ModelWriter::WriteFile(const std::string& path) const {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return IoError("cannot write model file " + path);
  out.write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
  if (!out) return IoError("writing model file " + path + " failed");
  return Status::Ok();
}

StatusOr<ModelReader> ModelReader::Open(const std::string& path, std::string_view kind,
                                        std::string_view feature_set) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) return NotFound("model file " + path + " not found (set --models DIR or PARLEY_MODELS)");
  // Read at once into a buffer of the file's size (a stream copy grew its
  // buffer step by step: a fifth of the parse model's load time).
  const std::streamoff size = in.tellg();
  if (size < 0) return IoError("model file " + path + ": cannot tell its size");
  std::string bytes(static_cast<size_t>(size), '\0');
  in.seekg(0);
  if (!in.read(bytes.data(), size)) return IoError("model file " + path + ": read failed");
  return FromBytes(std::move(bytes), path, kind, feature_set);
}

StatusOr<ModelReader> ModelReader::FromBytes(std::string bytes, std::string name,
                                             std::string_view kind, std::string_view feature_set) {
  ModelReader r;
  r.buf_ = std::move(bytes);
  r.name_ = std::move(name);
  char magic[sizeof kModelMagic];
  if (!r.Raw(magic, sizeof magic).ok() || std::memcmp(magic, kModelMagic, sizeof magic) != 0) {
    return InvalidArgument(r.name_ + ": not a parley model file (bad magic)");
  }
  uint32_t version = 0;
  PARLEY_RETURN_IF_ERROR(r.U32(&version));
  if (version != kModelFormatVersion) {
    return InvalidArgument(r.name_ + ": model format version " + std::to_string(version) +
                           ", this parley reads version " + std::to_string(kModelFormatVersion) +
                           "; retrain it with `parley train`");
  }
  std::string got_kind, got_features;
  PARLEY_RETURN_IF_ERROR(r.String(&got_kind));
  PARLEY_RETURN_IF_ERROR(r.String(&got_features));
  if (got_kind != kind) {
    return InvalidArgument(r.name_ + ": a '" + got_kind + "' model, expected '" +
                           std::string(kind) + "'");
  }
  if (got_features != feature_set) {
    return InvalidArgument(r.name_ + ": trained with feature set '" + got_features +
                           "', this parley extracts '" + std::string(feature_set) +
                           "'; retrain it with `parley train`");
  }
  return r;
}

Status ModelReader::Corrupt(std::string_view what) const {
  return DataLoss(name_ + ": corrupt model file (" + std::string(what) + " at byte " +
                  std::to_string(pos_) + ")");
}

Status ModelReader::Raw(void* p, size_t n) {
  if (n == 0) return Status::Ok();  // p may be null (an empty vector's data())
  if (n > buf_.size() - pos_) return Corrupt("unexpected end");
  std::memcpy(p, buf_.data() + pos_, n);
  pos_ += n;
  return Status::Ok();
}

Status ModelReader::String(std::string* s) {
  uint32_t n = 0;
  PARLEY_RETURN_IF_ERROR(U32(&n));
  if (n > buf_.size() - pos_) return Corrupt("string longer than the file");
  s->assign(buf_.data() + pos_, n);
  pos_ += n;
  return Status::Ok();
}

Status ModelReader::Strings(std::vector<std::string>* v) {
  uint32_t n = 0;
  PARLEY_RETURN_IF_ERROR(U32(&n));
  if (n > buf_.size() - pos_) return Corrupt("list longer than the file");
  v->resize(n);
  for (auto& s : *v) PARLEY_RETURN_IF_ERROR(String(&s));
  return Status::Ok();
}

}  // namespace parley::learn
