// Hashing for the NER tagger: token strings are hashed once (XXH3) and every
// feature and phrase key after that is a cheap 64-bit mix of those hashes, so
// the hot loop never touches a string.
#pragma once

#include <xxhash.h>

#include <cstdint>
#include <string_view>

#include "learn/features.h"

namespace parley::ner {

inline uint64_t Mix64(uint64_t x) {  // murmur3's finaliser
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdull;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ull;
  x ^= x >> 33;
  return x;
}
inline uint64_t Combine(uint64_t h, uint64_t v) {
  return Mix64(h ^ (v + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2)));
}
inline uint64_t HashString(std::string_view s) {
  return XXH3_64bits(s.data(), s.size());
}

// The seed of a phrase hash; a phrase's key is Combine(...Combine(kPhraseSeed,
// t0)..., tn) over its lower-cased token hashes.
inline constexpr uint64_t kPhraseSeed = 0x5eed5eed5eed5eedull;

// Feature ids: a template number and up to two values.
inline learn::FeatureId Feat(uint32_t tmpl, uint64_t a, uint64_t b = 0) {
  return Combine(Combine(Mix64(tmpl + 0x1234567ull), a), b);
}

}  // namespace parley::ner
