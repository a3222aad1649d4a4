// Context vectors for word clustering: the corpus as word ids, then one
// positive-PMI context vector per frequent word, randomly projected to a
// few hundred dimensions.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace parley::tools {

// The corpus as a stream of word ids; id 0 marks a sentence edge.
class CorpusIds {
 public:
  CorpusIds();
  void Add(std::string_view word);
  void EndSentence() { ids_.push_back(0); }
  size_t tokens() const { return ids_.size(); }
  size_t types() const { return words_.size(); }
  const std::vector<uint32_t>& ids() const { return ids_; }
  const std::vector<std::string>& words() const { return words_; }
  const std::vector<uint32_t>& counts() const { return counts_; }

 private:
  std::unordered_map<std::string, uint32_t> index_;
  std::vector<std::string> words_;
  std::vector<uint32_t> counts_;
  std::vector<uint32_t> ids_;
};

struct ContextOptions {
  uint32_t min_count = 5;
  size_t max_vocab = 150000;
  size_t near_contexts = 500;  // context words at distance 1 (each side)
  size_t far_contexts = 150;   // context words at distance 2 (each side)
  size_t dim = 200;            // projected dimension
  uint64_t seed = 20250816;
};

struct ContextVectors {
  std::vector<std::string> words;  // clustered words, most frequent first
  std::vector<uint32_t> counts;
  size_t dim = 0;
  std::vector<float> rows;  // words.size() x dim, unit length
};

ContextVectors BuildContextVectors(const CorpusIds& corpus, const ContextOptions& options);

}  // namespace parley::tools
