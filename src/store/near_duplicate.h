// Near-duplicate detection for short texts: the same quote as reported by
// several outlets, trimmed or lightly edited. A text becomes normalised words,
// then word shingles; MinHash over the shingles, cut into LSH bands, gives
// lookup keys that two similar texts share with high probability, and
// winnowed word n-grams give keys a trimmed quote shares with the longer one
// it was cut from. Keys only propose candidates; SameText decides on the
// exact shingle sets.
//
// Hand-written because no Debian package offers MinHash or LSH for C++
// (datasketch is Python, not packaged); the method is a few dozen lines over
// xxHash, which we already use.
//
// The keys are stored (quote_keys in the corpus database), so the constants
// below are part of the schema: changing any of them needs a migration that
// recomputes the stored keys.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace parley::dedup {

// Words per shingle. Bigrams: a one-word edit in an n-word quote keeps
// Jaccard at (n-3)/(n+1) (0.75 for 15 words), where trigrams fall to 0.6.
inline constexpr size_t kShingleWords = 2;
// MinHash functions, read as kBands bands of kRows values. A pair with
// Jaccard J shares a band with probability 1 - (1 - J^kRows)^kBands:
// 0.90 at J = 0.5, 0.99 at 0.7, 0.16 at 0.15.
inline constexpr size_t kRows = 2;
inline constexpr size_t kBands = 8;
inline constexpr size_t kHashes = kRows * kBands;
// Winnowing for containment: the minimum of every kAnchorWindow consecutive
// kAnchorWords-word n-gram hashes, so two texts sharing a run of
// kAnchorWords + kAnchorWindow - 1 = 8 words (kFullWords) always share a key.
inline constexpr size_t kAnchorWords = 4;
inline constexpr size_t kAnchorWindow = 5;

// When two texts are the same quote (docs/store.md has the measurements
// behind these). Under kMinWords words a quote is a phrase ("the truth",
// "State of the Union") that different speakers use: never grouped. Up to
// kFullWords the shorter text must be nearly the same (a one-word edit in
// six words already drops Jaccard to 0.43); from kFullWords on, Jaccard
// kMinJaccard (a one-word edit in 8 words keeps 0.56, two in 15 about 0.6)
// or a trimmed quote: containment kMinContainment in the longer.
inline constexpr size_t kMinWords = 6;
inline constexpr size_t kFullWords = 8;
inline constexpr double kShortJaccard = 0.8;
inline constexpr double kMinJaccard = 0.5;
inline constexpr double kMinContainment = 0.8;

using Signature = std::array<uint64_t, kHashes>;

// The words of `text` for comparison, joined by single spaces: NFKC,
// case-folded, accents stripped; letters and digits make words, apostrophes
// inside a word are dropped ("don’t" = "dont"), anything else (quotation
// marks, punctuation, dashes, ellipses, brackets) separates words.
std::string NormalizeText(std::string_view text);

// A hash per word of normalised text.
std::vector<uint64_t> WordHashes(std::string_view normalized);

// Hashes of every `k` consecutive words (one shingle of all the words when
// there are fewer), sorted and unique.
std::vector<uint64_t> Shingles(const std::vector<uint64_t>& words, size_t k = kShingleWords);

// The MinHash signature of a shingle set (all ones when empty).
Signature MinHash(const std::vector<uint64_t>& shingles);

// The share of equal positions: an estimate of the Jaccard similarity.
double EstimatedJaccard(const Signature& a, const Signature& b);

// One key per LSH band.
std::array<uint64_t, kBands> BandKeys(const Signature& sig);

// Winnowed n-gram keys; none for texts under kFullWords words.
std::vector<uint64_t> AnchorKeys(const std::vector<uint64_t>& words);

// What is stored and compared for one text.
struct Fingerprint {
  size_t words = 0;
  std::vector<uint64_t> shingles;  // sorted, unique
  std::vector<uint64_t> keys;      // band and anchor keys, sorted, unique; none under kMinWords
};
Fingerprint MakeFingerprint(std::string_view text);

struct Overlap {
  double jaccard = 0;      // |A ∩ B| / |A ∪ B| of the shingle sets
  double containment = 0;  // |A ∩ B| / the smaller set
};
Overlap Compare(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b);

// Whether two texts are the same quote, by the thresholds above. *score
// (when given) ranks matches: the Jaccard, or the containment when only
// that held.
bool SameText(const Fingerprint& a, const Fingerprint& b, double* score = nullptr);

}  // namespace parley::dedup
