// GeoData: the compact gazetteer parley ships (models/geo.bin): ISO 3166-1
// countries, GeoNames first-level regions mapped to ISO 3166-2 codes, and
// GeoNames populated places with >= 500 people, with a sorted name index
// (names and Latin-script alternate names under NameKey). Immutable after
// Load and shared by all threads; lookups are binary searches, nothing is
// hashed at load, so loading is one gunzip and a few copies.
//
// File layout (gzip of little-endian records), format version kGeoVersion:
//   "PRLYGEO\0" u32 version, u32 counts[5] (countries, admin1, places,
//   index, blob bytes), then the four record arrays and the string blob.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "parley/status.h"

namespace parley::geo {

// 2: index records say whether a key is only an alternate name.
inline constexpr uint32_t kGeoVersion = 2;
inline constexpr uint16_t kNoAdmin1 = 0xFFFF;

struct CountryRec {
  char alpha2[2];
  char alpha3[3];
  char pad[3];
  uint32_t name;      // blob offset: common name ("Russia")
  uint32_t official;  // blob offset: ISO name or official name, may equal name
};

struct Admin1Rec {
  uint16_t country;  // index into countries
  uint16_t pad;
  uint32_t code;  // blob offset: GeoNames admin1 code ("AK")
  uint32_t iso;   // blob offset: ISO 3166-2 code ("US-AK"), "" when unmapped
  uint32_t name;  // blob offset
};

struct PlaceRec {
  uint32_t geonames_id;
  int32_t lat_e5, lon_e5;  // degrees * 1e5
  uint32_t population;
  uint16_t country;  // index into countries
  uint16_t admin1;   // index into admin1, kNoAdmin1 when unknown
  char feature_class;
  uint8_t rank;  // 2 capital (PPLC), 1 seat of a first-level region (PPLA), 0 other
  uint16_t pad;
  uint32_t name;  // blob offset
};

enum class GeoKind : uint8_t { kAdmin1 = 1, kPlace = 2 };

struct IndexRec {
  uint32_t key;  // blob offset of the NameKey
  uint16_t key_len;
  GeoKind kind;
  // 1 when the key is only one of a place's alternate names (GeoNames
  // column 4), not its name or ASCII name: "Philadelphia" is an old name of
  // Amman, "Washington" another of Reisterstown, MD.
  uint8_t alternate;
  uint32_t idx;  // into admin1 or places
};

class GeoData {
 public:
  static StatusOr<GeoData> Load(const std::string& path);
  // Builds the file from a GeoNames/iso-codes folder (../shared/data/geo:
  // iso_3166-1.json, iso_3166-2.json, geonames-admin1.json,
  // geonames-cities500.txt). `stats` receives a one-line summary.
  static Status Build(const std::string& geo_dir, const std::string& out_path,
                      std::string* stats = nullptr);

  // Index entries whose key equals NameKey-normalised `key`.
  std::span<const IndexRec> Find(std::string_view key) const;

  std::string_view Str(uint32_t off) const { return std::string_view(blob_.data() + off); }
  const std::vector<CountryRec>& countries() const { return countries_; }
  const std::vector<Admin1Rec>& admin1() const { return admin1_; }
  const std::vector<PlaceRec>& places() const { return places_; }
  std::string_view Alpha3(uint16_t country) const {
    return std::string_view(countries_[country].alpha3, 3);
  }
  // Index of the country with this alpha-2 or alpha-3 code, -1 if none.
  int CountryIndex(std::string_view code) const;

 private:
  std::vector<CountryRec> countries_;
  std::vector<Admin1Rec> admin1_;
  std::vector<PlaceRec> places_;
  std::vector<IndexRec> index_;
  std::string blob_;
};

}  // namespace parley::geo
