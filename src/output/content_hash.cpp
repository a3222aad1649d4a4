#include <xxhash.h>

#include "parley/output.h"

namespace parley {

std::string ContentHash(std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  XXH64_hash_t h = XXH3_64bits(text.data(), text.size());
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i) {
    out[static_cast<size_t>(i)] = kHex[h & 15];
    h >>= 4;
  }
  return out;
}

}  // namespace parley
