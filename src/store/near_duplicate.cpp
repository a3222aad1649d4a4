#include "store/near_duplicate.h"

#include <utf8proc.h>
#include <xxhash.h>

#include <algorithm>

#include "core/utf8.h"

namespace parley::dedup {
namespace {

// murmur3's 64-bit finaliser: a cheap bijective mix.
uint64_t Mix(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  x ^= x >> 33;
  return x;
}

// Seeds of the MinHash functions h_i(s) = Mix(s ^ seed_i): fixed, since
// stored keys depend on them.
constexpr std::array<uint64_t, kHashes> MakeSeeds() {
  std::array<uint64_t, kHashes> seeds{};
  uint64_t x = 0x9e3779b97f4a7c15ULL;  // splitmix64 from a fixed state
  for (auto& s : seeds) {
    x += 0x9e3779b97f4a7c15ULL;
    uint64_t z = x;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    s = z ^ (z >> 31);
  }
  return seeds;
}
constexpr std::array<uint64_t, kHashes> kSeeds = MakeSeeds();
constexpr uint64_t kAnchorSalt = 0x5bd1e9955bd1e995ULL;

bool IsApostrophe(char32_t c) {
  return c == '\'' || c == 0x2019 || c == 0x02BC || c == 0x2018 || c == 0xFF07;
}

enum class CharClass { kWord, kApostrophe, kMark, kSeparator };

CharClass Classify(char32_t c) {
  if (c < 0x80) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) return CharClass::kWord;
    return c == '\'' ? CharClass::kApostrophe : CharClass::kSeparator;
  }
  if (IsApostrophe(c)) return CharClass::kApostrophe;
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(c))) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO: return CharClass::kWord;
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_CF: return CharClass::kMark;
    default: return CharClass::kSeparator;
  }
}

}  // namespace

std::string NormalizeText(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool in_word = false, gap = false;
  auto emit = [&](char32_t c) {
    switch (Classify(c)) {
      case CharClass::kWord:
        if (gap && !out.empty()) out.push_back(' ');
        gap = false;
        in_word = true;
        utf8::Append(&out, c);
        break;
      case CharClass::kApostrophe:  // "don't": dropped, the word goes on
      case CharClass::kMark: break;
      case CharClass::kSeparator:
        if (in_word) gap = true;
        in_word = false;
        break;
    }
  };
  size_t i = 0;
  while (i < text.size()) {
    auto b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {  // ASCII: no table look-up
      emit(b >= 'A' && b <= 'Z' ? static_cast<char32_t>(b + 32) : b);
      ++i;
      continue;
    }
    char32_t cp = 0;
    int len = utf8::Decode(text, i, &cp);
    if (len == 0) {  // invalid bytes separate words
      emit(' ');
      i += utf8::InvalidRunLength(text, i);
      continue;
    }
    i += static_cast<size_t>(len);
    // NFKC compatibility forms, case folding and accents stripped, one code
    // point at a time (enough for comparison: no recomposition needed).
    utf8proc_int32_t buf[16];
    int last = 0;
    utf8proc_ssize_t n = utf8proc_decompose_char(
        static_cast<utf8proc_int32_t>(cp), buf, 16,
        static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD |
                                       UTF8PROC_STRIPMARK | UTF8PROC_IGNORE),
        &last);
    if (n < 0 || n > 16) {
      emit(cp);
      continue;
    }
    for (utf8proc_ssize_t k = 0; k < n; ++k) emit(static_cast<char32_t>(buf[k]));
  }
  return out;
}

std::vector<uint64_t> WordHashes(std::string_view normalized) {
  std::vector<uint64_t> out;
  size_t i = 0;
  while (i < normalized.size()) {
    size_t j = normalized.find(' ', i);
    if (j == std::string_view::npos) j = normalized.size();
    if (j > i) out.push_back(XXH3_64bits(normalized.data() + i, j - i));
    i = j + 1;
  }
  return out;
}

std::vector<uint64_t> Shingles(const std::vector<uint64_t>& words, size_t k) {
  std::vector<uint64_t> out;
  if (words.empty() || k == 0) return out;
  size_t n = words.size() < k ? 1 : words.size() - k + 1;
  size_t width = std::min(k, words.size());
  out.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    out.push_back(XXH3_64bits(words.data() + i, width * sizeof(uint64_t)));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

Signature MinHash(const std::vector<uint64_t>& shingles) {
  Signature sig;
  sig.fill(~uint64_t{0});
  for (uint64_t s : shingles) {
    for (size_t i = 0; i < kHashes; ++i) sig[i] = std::min(sig[i], Mix(s ^ kSeeds[i]));
  }
  return sig;
}

double EstimatedJaccard(const Signature& a, const Signature& b) {
  size_t same = 0;
  for (size_t i = 0; i < kHashes; ++i) same += a[i] == b[i];
  return static_cast<double>(same) / static_cast<double>(kHashes);
}

std::array<uint64_t, kBands> BandKeys(const Signature& sig) {
  std::array<uint64_t, kBands> keys{};
  for (size_t b = 0; b < kBands; ++b) {
    keys[b] = XXH3_64bits_withSeed(sig.data() + b * kRows, kRows * sizeof(uint64_t), b + 1);
  }
  return keys;
}

std::vector<uint64_t> AnchorKeys(const std::vector<uint64_t>& words) {
  std::vector<uint64_t> out;
  if (words.size() < kFullWords) return out;
  // Positional n-gram hashes (not sorted: winnowing needs their order).
  std::vector<uint64_t> grams(words.size() - kAnchorWords + 1);
  for (size_t i = 0; i < grams.size(); ++i) {
    grams[i] = Mix(XXH3_64bits(words.data() + i, kAnchorWords * sizeof(uint64_t)) ^ kAnchorSalt);
  }
  const size_t w = std::min(kAnchorWindow, grams.size());
  size_t last = grams.size();  // position of the last anchor taken
  for (size_t start = 0; start + w <= grams.size(); ++start) {
    size_t best = start;  // the rightmost minimum, as in Schleimer et al.
    for (size_t j = start + 1; j < start + w; ++j) {
      if (grams[j] <= grams[best]) best = j;
    }
    if (best != last) out.push_back(grams[best]);
    last = best;
  }
  return out;
}

Fingerprint MakeFingerprint(std::string_view text) {
  Fingerprint f;
  std::vector<uint64_t> words = WordHashes(NormalizeText(text));
  f.words = words.size();
  f.shingles = Shingles(words);
  if (f.words < kMinWords) return f;
  for (uint64_t k : BandKeys(MinHash(f.shingles))) f.keys.push_back(k);
  for (uint64_t k : AnchorKeys(words)) f.keys.push_back(k);
  std::sort(f.keys.begin(), f.keys.end());
  f.keys.erase(std::unique(f.keys.begin(), f.keys.end()), f.keys.end());
  return f;
}

Overlap Compare(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  Overlap o;
  if (a.empty() || b.empty()) return o;
  size_t i = 0, j = 0, common = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] < b[j]) {
      ++i;
    } else if (b[j] < a[i]) {
      ++j;
    } else {
      ++common;
      ++i;
      ++j;
    }
  }
  const double c = static_cast<double>(common);
  o.jaccard = c / static_cast<double>(a.size() + b.size() - common);
  o.containment = c / static_cast<double>(std::min(a.size(), b.size()));
  return o;
}

bool SameText(const Fingerprint& a, const Fingerprint& b, double* score) {
  const size_t shorter = std::min(a.words, b.words);
  if (shorter < kMinWords) {
    if (score) *score = 0;
    return false;
  }
  Overlap o = Compare(a.shingles, b.shingles);
  double s = 0;
  if (o.jaccard >= (shorter < kFullWords ? kShortJaccard : kMinJaccard)) {
    s = o.jaccard;
  } else if (shorter >= kFullWords && o.containment >= kMinContainment) {
    s = o.containment;
  }
  if (score) *score = s;
  return s > 0;
}

}  // namespace parley::dedup
