// Word tables from gold counts (see pos_lexicons.h).
#include "tag/pos_lexicons.h"

#include <xxhash.h>

#include <algorithm>
#include <map>
#include <vector>

namespace parley::tag {

WordTable BuildTagDictionary(const WordLabelCounts& counts, uint32_t min_count, double min_share) {
  std::map<std::string, uint64_t> entries;
  for (const auto& [word, by_label] : counts) {
    uint32_t total = 0, best = 0;
    uint16_t label = 0;
    for (const auto& [l, n] : by_label) {
      total += n;
      if (n > best || (n == best && l < label)) best = n, label = l;
    }
    if (total >= min_count && best >= min_share * total) entries[word] = label;
  }
  return WordTable(entries);
}

WordTable BuildAmbiguityLexicon(const WordLabelCounts& counts, double min_share) {
  std::map<std::string, uint64_t> entries;
  std::vector<uint16_t> labels;
  for (const auto& [word, by_label] : counts) {
    uint32_t total = 0;
    for (const auto& [l, n] : by_label) total += n;
    if (total == 0) continue;
    labels.clear();
    for (const auto& [l, n] : by_label) {
      if (n >= min_share * total) labels.push_back(l);
    }
    std::sort(labels.begin(), labels.end());
    labels.push_back(static_cast<uint16_t>(0xf000u | (total >= 10 ? 3 : total >= 3 ? 2 : 1)));
    entries[word] = XXH3_64bits(labels.data(), labels.size() * sizeof labels[0]);
  }
  return WordTable(entries);
}

WordLabelCounts Subtract(const WordLabelCounts& counts, const WordLabelCounts& other) {
  WordLabelCounts out = counts;
  for (const auto& [word, by_label] : other) {
    auto it = out.find(word);
    for (const auto& [l, n] : by_label) {
      uint32_t& c = it->second[l];
      c -= n;
      if (c == 0) it->second.erase(l);
    }
    if (it->second.empty()) out.erase(it);
  }
  return out;
}

}  // namespace parley::tag
