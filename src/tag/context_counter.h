// ContextCounter: builds a ContextLexicon (context_lexicon.h) from unlabelled
// tokenised sentences. Training-time only; holds the corpus as word ids in
// memory (4 bytes a token), so a 40M-token corpus needs about 200 MB.
// Deterministic: the same sentences in the same order give the same lexicon.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "tag/context_lexicon.h"

namespace parley::tag {

struct ContextOptions {
  uint32_t context_words = 500;  // the most frequent words serve as contexts
  uint32_t min_count = 5;        // words seen less often get no profile
  uint32_t max_words = 250000;   // profiles kept, most frequent words first
  uint32_t min_pair_count = 2;   // a context must co-occur this often
};

class ContextCounter {
 public:
  ContextCounter();
  void Add(std::span<const std::string_view> forms);
  uint64_t tokens() const { return tokens_; }
  ContextLexicon Build(const ContextOptions& options) const;

 private:
  std::unordered_map<std::string, uint32_t> ids_;  // normal form -> id
  std::vector<std::string> words_;                 // id -> normal form
  std::vector<uint32_t> count_, noninitial_, capitalised_;
  std::vector<uint32_t> sequence_;  // word ids, kBoundary between sentences
  std::string buf_;
  uint64_t tokens_ = 0;
  static constexpr uint32_t kBoundary = 0;
};

}  // namespace parley::tag
