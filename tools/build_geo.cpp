// Rebuilds the gazetteer parley ships (models/geo.bin) from GeoNames and
// iso-codes data:
//   build-link/tools/build_geo ../shared/data/geo models/geo.bin
#include <chrono>
#include <cstdio>

#include "geo/geo_data.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: build_geo GEO_DIR OUT_FILE\n");
    return 2;
  }
  std::string stats;
  parley::Status s = parley::geo::GeoData::Build(argv[1], argv[2], &stats);
  if (!s.ok()) {
    std::fprintf(stderr, "build_geo: %s\n", s.ToString().c_str());
    return 1;
  }
  auto t0 = std::chrono::steady_clock::now();
  auto loaded = parley::geo::GeoData::Load(argv[2]);
  double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  if (!loaded.ok()) {
    std::fprintf(stderr, "build_geo: reading back: %s\n", loaded.status().ToString().c_str());
    return 1;
  }
  std::printf("%s: %s (loads in %.0f ms)\n", argv[2], stats.c_str(), ms);
  return 0;
}
