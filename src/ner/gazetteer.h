// Gazetteer: named lists of lower-cased multi-token phrases (countries,
// cities, people, organisations ...) and the matcher that marks, for each
// list, the longest matches over a sentence with their BILOU positions.
//
// Phrases are stored only as 64-bit keys (see hashing.h); every proper
// prefix of a phrase is stored too, flagged, so matching stops as soon as no
// longer phrase can follow.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/ascii.h"
#include "learn/model_io.h"
#include "ner/flat_map.h"

namespace parley::ner {

class Gazetteer {
 public:
  static constexpr uint32_t kMaxLists = 31;
  static constexpr uint32_t kMaxPhraseTokens = 8;

  // Reads every NAME.txt in `dir` (sorted by name) as list NAME: one phrase
  // a line, tokens separated by spaces.
  static StatusOr<Gazetteer> FromDirectory(const std::string& dir);
  // The (list name, phrases) pairs FromDirectory builds from.
  using Lists = std::vector<std::pair<std::string, std::vector<std::string>>>;
  static StatusOr<Lists> ReadDirectory(const std::string& dir);
  // Builds from (list name, phrases) pairs.
  static Gazetteer FromLists(const Lists& lists);

  const std::vector<std::string>& list_names() const { return names_; }
  size_t num_lists() const { return names_.size(); }

  // For tokens with lower-cased hashes lower[0, n): parts[i * num_lists() + l]
  // is the Part (as uint8_t, 0 = none) of token i in list l's match, matches
  // taken greedily longest-first from the left.
  void Match(const uint64_t* lower, size_t n, uint8_t* parts) const;

  void Save(learn::ModelWriter& w) const;
  Status Load(learn::ModelReader& r);

 private:
  static constexpr uint32_t kPrefix = 1u << 31;
  std::vector<std::string> names_;
  uint32_t max_tokens_ = 0;
  FlatMap<uint32_t> table_;  // phrase key -> list bits | kPrefix
};

}  // namespace parley::ner
