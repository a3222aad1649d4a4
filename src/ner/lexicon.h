// Lexicon: what unlabelled news text says about a word, looked up by hash.
//
//  * its word cluster, a Brown-style bit string (data/ner/clusters.txt, made
//    by tools/word_clusters), by exact form;
//  * by lower-cased form: the usual casing (how often the word starts with a
//    capital), and the form and cluster of its most frequent spelling, used
//    to read all-caps headlines as if they were normally cased.
#pragma once

#include <cstdint>
#include <string>

#include "learn/model_io.h"
#include "ner/flat_map.h"

namespace parley::ner {

struct ClusterPath {
  uint32_t bits = 0;  // bit k = k-th branch (LSB first)
  uint8_t length = 0;
  uint8_t pad[3] = {0, 0, 0};
};

struct CasingEntry {
  uint64_t usual_form = 0;  // hash of the most frequent spelling
  ClusterPath path;         // its cluster
  uint8_t cap_bucket = 0;   // share starting with a capital: 0 <5%, 1 <30%, 2 <70%, 3 <95%, 4
  uint8_t freq_bucket = 0;  // log2(count), capped at 20
  uint8_t pad[6] = {0, 0, 0, 0, 0, 0};
};

class Lexicon {
 public:
  // Reads Brown's format: "bits<TAB>word<TAB>count" per line.
  static StatusOr<Lexicon> FromClusterFile(const std::string& path);

  const ClusterPath* Cluster(uint64_t form_hash) const { return clusters_.Find(form_hash); }
  const CasingEntry* Casing(uint64_t lower_hash) const { return casing_.Find(lower_hash); }

  void Save(learn::ModelWriter& w) const;
  Status Load(learn::ModelReader& r);

 private:
  FlatMap<ClusterPath> clusters_;
  FlatMap<CasingEntry> casing_;
};

}  // namespace parley::ner
