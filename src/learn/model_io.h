// Binary model files: a checked header (magic, format version, model kind,
// feature-set name) followed by sections of little-endian numbers, strings
// and arrays. Readers bounds-check everything and name the file on error.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "parley/status.h"

namespace parley::learn {

inline constexpr char kModelMagic[8] = {'P', 'A', 'R', 'L', 'E', 'Y', 'M', '1'};
inline constexpr uint32_t kModelFormatVersion = 1;

class ModelWriter {
 public:
  // Starts a model of `kind` ("pos", "parse", "ner") whose features were
  // extracted by `feature_set` (bumped whenever feature templates change).
  ModelWriter(std::string_view kind, std::string_view feature_set);
  void U32(uint32_t v) { Raw(&v, sizeof v); }
  void U64(uint64_t v) { Raw(&v, sizeof v); }
  void F32(float v) { Raw(&v, sizeof v); }
  void String(std::string_view s);
  void Strings(const std::vector<std::string>& v);
  template <typename T>
  void Array(const std::vector<T>& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    U64(v.size());
    Raw(v.data(), v.size() * sizeof(T));
  }
  const std::string& bytes() const { return buf_; }
  Status WriteFile(const std::string& path) const;

 private:
  void Raw(const void* p, size_t n) {
    if (n > 0) buf_.append(static_cast<const char*>(p), n);  // p may be null when n == 0
  }
  std::string buf_;
};

class ModelReader {
 public:
  // Reads `path` and checks magic, version, kind and feature set.
  static StatusOr<ModelReader> Open(const std::string& path, std::string_view kind,
                                    std::string_view feature_set);
  // Same over bytes already in memory; `name` is used in messages.
  static StatusOr<ModelReader> FromBytes(std::string bytes, std::string name, std::string_view kind,
                                         std::string_view feature_set);

  Status U32(uint32_t* v) { return Raw(v, sizeof *v); }
  Status U64(uint64_t* v) { return Raw(v, sizeof *v); }
  Status F32(float* v) { return Raw(v, sizeof *v); }
  Status String(std::string* s);
  Status Strings(std::vector<std::string>* v);
  template <typename T>
  Status Array(std::vector<T>* v) {
    static_assert(std::is_trivially_copyable_v<T>);
    uint64_t n = 0;
    PARLEY_RETURN_IF_ERROR(U64(&n));
    if (n > (buf_.size() - pos_) / sizeof(T)) return Corrupt("array longer than the file");
    v->resize(n);
    return Raw(v->data(), n * sizeof(T));
  }
  bool at_end() const { return pos_ == buf_.size(); }
  const std::string& name() const { return name_; }
  Status Corrupt(std::string_view what) const;

 private:
  Status Raw(void* p, size_t n);
  std::string buf_;
  size_t pos_ = 0;
  std::string name_;
};

}  // namespace parley::learn
