#include "ner/lexicon.h"

#include <cmath>
#include <fstream>

#include "core/ascii.h"
#include "ner/gazetteer.h"

namespace parley::ner {

StatusOr<Lexicon> Lexicon::FromClusterFile(const std::string& path) {
  std::ifstream in(path);
  if (!in) return NotFound("cluster file " + path + " not found");
  std::unordered_map<uint64_t, ClusterPath> clusters;
  struct Agg {
    uint64_t total = 0, capital = 0, best_count = 0;
    uint64_t best_form = 0;
    ClusterPath best_path;
  };
  std::unordered_map<uint64_t, Agg> agg;
  std::string line;
  size_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    size_t t1 = line.find('\t'), t2 = line.find('\t', t1 + 1);
    if (t1 == std::string::npos || t2 == std::string::npos || t1 > 32) {
      return InvalidArgument(path + ":" + std::to_string(line_no) + ": expected bits, word, count");
    }
    std::string word = line.substr(t1 + 1, t2 - t1 - 1);
    uint64_t count = std::stoull(line.substr(t2 + 1));
    ClusterPath p;
    p.length = static_cast<uint8_t>(t1);
    for (size_t k = 0; k < t1; ++k) {
      if (line[k] == '1') p.bits |= 1u << k;
    }
    uint64_t form = HashString(word);
    clusters[form] = p;
    Agg& a = agg[HashString(AsciiLower(word))];
    a.total += count;
    if (word[0] >= 'A' && word[0] <= 'Z') a.capital += count;
    // Ties go to the smaller hash so the result does not depend on file order.
    if (count > a.best_count || (count == a.best_count && form < a.best_form)) {
      a.best_count = count;
      a.best_form = form;
      a.best_path = p;
    }
  }
  std::unordered_map<uint64_t, CasingEntry> casing;
  for (const auto& [key, a] : agg) {
    CasingEntry e;
    e.usual_form = a.best_form;
    e.path = a.best_path;
    double share = static_cast<double>(a.capital) / static_cast<double>(a.total);
    e.cap_bucket = share < 0.05 ? 0 : share < 0.3 ? 1 : share < 0.7 ? 2 : share < 0.95 ? 3 : 4;
    e.freq_bucket = static_cast<uint8_t>(std::min(20.0, std::log2(static_cast<double>(a.total))));
    casing[key] = e;
  }
  Lexicon lex;
  lex.clusters_ = FlatMap<ClusterPath>(clusters);
  lex.casing_ = FlatMap<CasingEntry>(casing);
  return lex;
}

void Lexicon::Save(learn::ModelWriter& w) const {
  clusters_.Save(w);
  casing_.Save(w);
}

Status Lexicon::Load(learn::ModelReader& r) {
  PARLEY_RETURN_IF_ERROR(clusters_.Load(r));
  return casing_.Load(r);
}

}  // namespace parley::ner
