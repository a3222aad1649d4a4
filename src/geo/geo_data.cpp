#include "geo/geo_data.h"

#include <zlib.h>

#include <algorithm>
#include <cstring>

namespace parley::geo {
namespace {

constexpr char kMagic[8] = {'P', 'R', 'L', 'Y', 'G', 'E', 'O', '\0'};

template <typename T>
bool Take(std::string_view& in, std::vector<T>* out, size_t n) {
  if (n > in.size() / sizeof(T)) return false;
  out->resize(n);
  if (n) std::memcpy(out->data(), in.data(), n * sizeof(T));
  in.remove_prefix(n * sizeof(T));
  return true;
}

}  // namespace

StatusOr<GeoData> GeoData::Load(const std::string& path) {
  gzFile f = gzopen(path.c_str(), "rb");
  if (!f) {
    return NotFound(path + ": cannot open the gazetteer (rebuild it with build_geo, see " +
                    "models/NOTICE)");
  }
  gzbuffer(f, 1 << 17);
  std::string raw;
  char buf[1 << 16];
  int n = 0;
  while ((n = gzread(f, buf, sizeof buf)) > 0) raw.append(buf, static_cast<size_t>(n));
  bool failed = n < 0;
  gzclose(f);
  if (failed) return DataLoss(path + ": corrupt or truncated gazetteer");

  std::string_view in(raw);
  uint32_t head[7];
  if (in.size() < 8 + sizeof head || std::memcmp(in.data(), kMagic, 8) != 0) {
    return InvalidArgument(path + ": not a parley gazetteer (bad magic)");
  }
  std::memcpy(head, in.data() + 8, sizeof head);
  in.remove_prefix(8 + sizeof head);
  if (head[0] != kGeoVersion) {
    return InvalidArgument(path + ": gazetteer format version " + std::to_string(head[0]) +
                           ", this parley reads " + std::to_string(kGeoVersion) +
                           "; rebuild it with build_geo");
  }
  GeoData g;
  if (!Take(in, &g.countries_, head[1]) || !Take(in, &g.admin1_, head[2]) ||
      !Take(in, &g.places_, head[3]) || !Take(in, &g.index_, head[4]) || in.size() != head[5] ||
      (head[5] && in.back() != '\0')) {
    return DataLoss(path + ": gazetteer truncated or inconsistent");
  }
  g.blob_.assign(in.data(), in.size());
  // Validate offsets once so lookups never read past the blob.
  const uint32_t blob = static_cast<uint32_t>(g.blob_.size());
  auto bad = [&](uint32_t off) { return off >= blob; };
  for (const CountryRec& c : g.countries_) {
    if (bad(c.name) || bad(c.official)) return DataLoss(path + ": bad country record");
  }
  for (const Admin1Rec& a : g.admin1_) {
    if (a.country >= g.countries_.size() || bad(a.code) || bad(a.iso) || bad(a.name)) {
      return DataLoss(path + ": bad admin1 record");
    }
  }
  for (const PlaceRec& p : g.places_) {
    if (p.country >= g.countries_.size() || bad(p.name) ||
        (p.admin1 != kNoAdmin1 && p.admin1 >= g.admin1_.size())) {
      return DataLoss(path + ": bad place record");
    }
  }
  for (const IndexRec& r : g.index_) {
    size_t limit = r.kind == GeoKind::kAdmin1 ? g.admin1_.size() : g.places_.size();
    if (static_cast<uint64_t>(r.key) + r.key_len >= blob || r.idx >= limit || r.alternate > 1) {
      return DataLoss(path + ": bad index record");
    }
  }
  return g;
}

std::span<const IndexRec> GeoData::Find(std::string_view key) const {
  auto key_of = [this](const IndexRec& r) {
    return std::string_view(blob_.data() + r.key, r.key_len);
  };
  auto lo = std::lower_bound(index_.begin(), index_.end(), key,
                             [&](const IndexRec& r, std::string_view k) { return key_of(r) < k; });
  auto hi = lo;
  while (hi != index_.end() && key_of(*hi) == key) ++hi;
  return {lo, hi};
}

int GeoData::CountryIndex(std::string_view code) const {
  for (size_t i = 0; i < countries_.size(); ++i) {
    const CountryRec& c = countries_[i];
    if ((code.size() == 2 && code == std::string_view(c.alpha2, 2)) ||
        (code.size() == 3 && code == std::string_view(c.alpha3, 3))) {
      return static_cast<int>(i);
    }
  }
  return -1;
}

}  // namespace parley::geo
